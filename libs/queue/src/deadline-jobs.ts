import type { QueueDefinition } from './queue-factory';

/**
 * The deadline queue's jobs: one name, one payload type, one handler each (STYLE habit 4).
 * The worker refuses to start when a name below has no handler.
 *
 * Job ids are deterministic — `<event>-<deadlineId>-<generation>` — so publishing the same
 * deadline twice adds one job, and a job whose generation is no longer the deadline's
 * current one does nothing when it fires. BullMQ refuses ':' in custom ids, hence '-'.
 */
export const DEADLINE_QUEUE = 'deadlines';

export const DEADLINE_EVENTS = ['warn', 'due', 'escalate'] as const;
export type DeadlineEvent = (typeof DEADLINE_EVENTS)[number];

export const DEADLINE_JOBS = {
  warn: 'deadline.warn',
  due: 'deadline.due',
  escalate: 'deadline.escalate',
} as const satisfies Record<DeadlineEvent, string>;
export type DeadlineJobName = (typeof DEADLINE_JOBS)[DeadlineEvent];

/** Deliberately tiny: the processor re-reads the row, so Redis holds ~nothing per job. */
export interface DeadlineJobPayload {
  /** case_deadlines.id (bigint as a string). */
  d: string;
  /** The generation the job was scheduled for. */
  g: number;
}

export type DeadlineJobPayloads = { [K in DeadlineJobName]: DeadlineJobPayload };

/**
 * Jobs are removed once done: the outcome lives in PostgreSQL (case_deadlines, case_events),
 * so Redis only ever holds what is still to come.
 */
export const DEADLINE_QUEUE_DEFINITION: QueueDefinition<DeadlineJobPayloads> = {
  name: DEADLINE_QUEUE,
  jobs: Object.values(DEADLINE_JOBS),
  defaultJobOptions: {
    removeOnComplete: true,
    // A job that failed every attempt is dropped too: the reconciler sees the clock still
    // pending with no job and schedules it again, so nothing is lost to a dead-letter list.
    removeOnFail: true,
    attempts: 3,
    backoff: { type: 'exponential', delay: 500 },
  },
};

export function deadlineJobId(event: DeadlineEvent, deadlineId: string, generation: number): string {
  return `${event}-${deadlineId}-${generation}`;
}

export function deadlineJobName(event: DeadlineEvent): DeadlineJobName {
  return DEADLINE_JOBS[event];
}

/** BullMQ stores a job as `<prefix>:<queue>:<jobId>`; the reconciler checks existence in bulk. */
export function bullJobKey(prefix: string, queue: string, jobId: string): string {
  return `${prefix}:${queue}:${jobId}`;
}
