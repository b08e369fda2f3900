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

export type JobHandlers<P> = { [K in keyof P]: (payload: P[K]) => Promise<unknown> };

export function deadlineJobId(event: DeadlineEvent, deadlineId: string, generation: number): string {
  return `${event}-${deadlineId}-${generation}`;
}

export function deadlineJobName(event: DeadlineEvent): DeadlineJobName {
  return DEADLINE_JOBS[event];
}

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

/** BullMQ stores a job as `<prefix>:<queue>:<jobId>`; the reconciler checks existence in bulk. */
export function bullJobKey(prefix: string, queue: string, jobId: string): string {
  return `${prefix}:${queue}:${jobId}`;
}
