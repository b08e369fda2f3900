/** The analytics queue and its jobs (declared beside their handlers, see rollup-processor.ts). */
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

export interface RollupSettings {
  /** How often the outbox is read; rollups are at most about this far behind. */
  consumeEveryMs: number;
  /** Outbox rows per incremental step (one transaction). */
  batch: number;
  /** Most rows one job reads before yielding to the next tick. */
  maxRowsPerJob: number;
  consistencyEveryMs: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function readRollupSettings(): RollupSettings {
  return {
    consumeEveryMs: positiveInt('ANALYTICS_CONSUME_EVERY_MS', 1000),
    batch: positiveInt('ANALYTICS_BATCH', 5000),
    maxRowsPerJob: positiveInt('ANALYTICS_MAX_ROWS_PER_JOB', 100_000),
    consistencyEveryMs: positiveInt('ANALYTICS_CONSISTENCY_EVERY_MS', 6 * 3_600_000),
  };
}
