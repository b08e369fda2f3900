import { Queue, Worker, type DefaultJobOptions, type Job, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * The one place that constructs BullMQ queues and workers (STYLE habit 4). A queue is
 * declared once (its name, its jobs and their payload types, its job defaults); producers get
 * a typed queue from `createQueue`, consumers hand `createWorker` one handler per job, and
 * start-up fails when a job has no handler or a handler has no job.
 */

/** Where queues live: one Redis connection (a worker duplicates it for blocking reads) and the key prefix. */
export interface QueueConnection {
  readonly redis: Redis;
  readonly prefix: string;
}

/** A queue's declaration; P maps each job name to its payload type. */
export interface QueueDefinition<P> {
  readonly name: string;
  readonly jobs: readonly JobName<P>[];
  readonly defaultJobOptions: DefaultJobOptions;
}

export type JobName<P> = keyof P & string;
export type JobHandlers<P> = { [K in keyof P]: (payload: P[K]) => Promise<unknown> };
export type JobQueue<P> = Queue<P[keyof P], unknown, JobName<P>>;
export type JobWorker<P> = Worker<P[keyof P], unknown, JobName<P>>;
/** The worker knobs a consumer may set; everything else follows from the definition. */
export type WorkerTuning = Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval'>;

/**
 * Start-up check: every declared job name has exactly one handler and no handler is
 * declared for a name nobody schedules. Throws with the names at fault.
 */
export function assertJobHandlers(declared: readonly string[], handlers: Record<string, unknown>): void {
  const missing = declared.filter((name) => typeof handlers[name] !== 'function');
  const unknown = Object.keys(handlers).filter((name) => !declared.includes(name));
  if (missing.length || unknown.length) {
    throw new Error(
      `job handlers do not match the declared jobs: missing [${missing.join(', ')}], unknown [${unknown.join(', ')}]`,
    );
  }
}

/** The producer's handle: adds jobs with the definition's defaults. */
export function createQueue<P>(definition: QueueDefinition<P>, connection: QueueConnection): JobQueue<P> {
  return new Queue<P[keyof P], unknown, JobName<P>>(definition.name, {
    connection: connection.redis,
    prefix: connection.prefix,
    defaultJobOptions: definition.defaultJobOptions,
  });
}

/** A handle for dashboards (bull-board), which read and retry jobs but never add them. */
export function inspectQueue<P>(definition: QueueDefinition<P>, connection: QueueConnection): Queue {
  return new Queue(definition.name, { connection: connection.redis, prefix: connection.prefix });
}

/** Runs each job with its handler; throws before connecting when the handlers do not match the jobs. */
export function createWorker<P>(
  definition: QueueDefinition<P>,
  connection: QueueConnection,
  handlers: JobHandlers<P>,
  tuning: WorkerTuning = {},
): JobWorker<P> {
  const byName = handlers as Record<string, (payload: unknown) => Promise<unknown>>;
  assertJobHandlers(definition.jobs, byName);
  return new Worker<P[keyof P], unknown, JobName<P>>(
    definition.name,
    async (job: Job<P[keyof P], unknown, JobName<P>>) => {
      if (!Object.hasOwn(byName, job.name)) throw new Error(`no handler for ${definition.name} job ${job.name}`);
      return byName[job.name]!(job.data);
    },
    { connection: connection.redis, prefix: connection.prefix, ...tuning },
  );
}
