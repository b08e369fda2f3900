import type { Redis } from 'ioredis';
import { ANALYTICS_QUEUE_DEFINITION, ROLLUP_JOBS, type RollupJobPayloads } from './analytics-jobs';
import { DEADLINE_JOBS, DEADLINE_QUEUE, DEADLINE_QUEUE_DEFINITION } from './deadline-jobs';
import { assertJobHandlers, createWorker, type JobHandlers, type QueueConnection } from './queue-factory';

// createWorker checks the handlers before it touches the connection, so no Redis is needed.
const offline: QueueConnection = { redis: {} as Redis, prefix: 'unit' };
const ok = () => Promise.resolve();

describe('queue declarations', () => {
  it('list every job of their queue', () => {
    expect(DEADLINE_QUEUE_DEFINITION.name).toBe(DEADLINE_QUEUE);
    expect([...DEADLINE_QUEUE_DEFINITION.jobs].sort()).toEqual(Object.values(DEADLINE_JOBS).sort());
    expect([...ANALYTICS_QUEUE_DEFINITION.jobs].sort()).toEqual(Object.values(ROLLUP_JOBS).sort());
  });

  it('keep the deadline job defaults: removed when done, 3 attempts with backoff', () => {
    expect(DEADLINE_QUEUE_DEFINITION.defaultJobOptions).toEqual({
      removeOnComplete: true,
      removeOnFail: true,
      attempts: 3,
      backoff: { type: 'exponential', delay: 500 },
    });
  });
});

describe('createWorker', () => {
  it('refuses to start when a job has no handler', () => {
    const handlers = { [ROLLUP_JOBS.consume]: ok } as unknown as JobHandlers<RollupJobPayloads>;
    expect(() => createWorker(ANALYTICS_QUEUE_DEFINITION, offline, handlers)).toThrow(
      'missing [rollups.consistency], unknown []',
    );
  });

  it('refuses to start when a handler has no job', () => {
    const handlers = { [ROLLUP_JOBS.consume]: ok, [ROLLUP_JOBS.consistency]: ok, 'rollups.other': ok };
    expect(() => createWorker(ANALYTICS_QUEUE_DEFINITION, offline, handlers)).toThrow(
      'missing [], unknown [rollups.other]',
    );
  });
});

describe('assertJobHandlers', () => {
  it('accepts exactly one function per declared job', () => {
    expect(() => assertJobHandlers(['a', 'b'], { a: ok, b: ok })).not.toThrow();
    expect(() => assertJobHandlers(['a', 'b'], { a: ok, b: 'not a function' })).toThrow('missing [b]');
  });
});
