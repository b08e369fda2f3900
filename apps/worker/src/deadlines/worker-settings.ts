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
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = WorkerSettingsSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(
      `Invalid worker configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}
