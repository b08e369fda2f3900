import type { QueueDefinition } from './queue-factory';

/** The analytics queue: the worker's rollup jobs, run on a schedule (see the worker's RollupProcessor). */
export const ANALYTICS_QUEUE = 'analytics';

export const ROLLUP_JOBS = {
  /** Read the next outbox rows after the rollup cursor and apply the changed cases. */
  consume: 'rollups.consume',
  /** Compare rollups with the raw cases and repair drift. */
  consistency: 'rollups.consistency',
} as const;

export type RollupJobName = (typeof ROLLUP_JOBS)[keyof typeof ROLLUP_JOBS];

/** Both jobs carry no payload: they always work from the database's current state. */
export type RollupJobPayload = Record<string, never>;

export type RollupJobPayloads = { [K in RollupJobName]: RollupJobPayload };

export const ANALYTICS_QUEUE_DEFINITION: QueueDefinition<RollupJobPayloads> = {
  name: ANALYTICS_QUEUE,
  jobs: Object.values(ROLLUP_JOBS),
  defaultJobOptions: { removeOnComplete: true, removeOnFail: 100 },
};
