import { parseSettings } from '@hotline/config';
import { z } from 'zod';

/**
 * The worker's own knobs (the shared ones — DATABASE_URL, REDIS_URL, REDIS_PREFIX — come from
 * @hotline/config). Read when the module starts, so the test harness can override them per
 * worker instance.
 */
const WorkerSettingsSchema = z.object({
  DEADLINE_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  DEADLINE_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1000).default(180_000),
  DEADLINE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
  /** How long a job may run before another worker treats it as stalled and runs it again. */
  DEADLINE_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
});

export type WorkerSettings = z.infer<typeof WorkerSettingsSchema>;
export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');

export function readWorkerSettings(source: NodeJS.ProcessEnv = process.env): WorkerSettings {
  return parseSettings(WorkerSettingsSchema, source, 'worker configuration');
}
