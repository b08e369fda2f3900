import { parseSettings } from '@hotline/config';
import { z } from 'zod';

/** How the worker paces the rollup jobs (declared in libs/queue analytics-jobs.ts). */
export interface RollupSettings {
  /** How often the outbox is read; rollups are at most about this far behind. */
  consumeEveryMs: number;
  /** Outbox rows per incremental step (one transaction). */
  batch: number;
  /** Most rows one job reads before yielding to the next tick. */
  maxRowsPerJob: number;
  consistencyEveryMs: number;
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const RollupSettingsSchema = z.object({
  ANALYTICS_CONSUME_EVERY_MS: positiveInt(1000),
  ANALYTICS_BATCH: positiveInt(5000),
  ANALYTICS_MAX_ROWS_PER_JOB: positiveInt(100_000),
  ANALYTICS_CONSISTENCY_EVERY_MS: positiveInt(6 * 3_600_000),
});

export function readRollupSettings(source: NodeJS.ProcessEnv = process.env): RollupSettings {
  const s = parseSettings(RollupSettingsSchema, source, 'analytics worker configuration');
  return {
    consumeEveryMs: s.ANALYTICS_CONSUME_EVERY_MS,
    batch: s.ANALYTICS_BATCH,
    maxRowsPerJob: s.ANALYTICS_MAX_ROWS_PER_JOB,
    consistencyEveryMs: s.ANALYTICS_CONSISTENCY_EVERY_MS,
  };
}
