import {
  assertJobHandlers,
  DEADLINE_JOBS,
  DEADLINE_QUEUE,
  type DeadlineJobPayloads,
  type JobHandlers,
} from '@hotline/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { DeadlineEngine } from '@hotline/database';
import { DeadlineQueue } from './deadline-queue';
import { WORKER_SETTINGS, type WorkerSettings } from './worker-settings';

/**
 * Runs deadline jobs. Each handler re-reads the clock inside a transaction and acts only if
 * the job's generation is still current and the clock still pending (see DeadlineEngine):
 * a duplicate, late or outdated job is a no-op, whichever worker runs it.
 */
@Injectable()
export class DeadlineProcessor {
  private readonly log = new Logger(DeadlineProcessor.name);
  private worker: Worker | undefined;
  readonly handlers: JobHandlers<DeadlineJobPayloads>;

  constructor(
    private readonly ds: DataSource,
    private readonly q: DeadlineQueue,
    private readonly engine: DeadlineEngine,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {
    this.handlers = {
      [DEADLINE_JOBS.warn]: (p) => this.ds.transaction((m) => this.engine.fireWarn(m, p.d, p.g)),
      [DEADLINE_JOBS.due]: (p) => this.ds.transaction((m) => this.engine.fireDue(m, p.d, p.g)),
      [DEADLINE_JOBS.escalate]: (p) => this.ds.transaction((m) => this.engine.fireEscalate(m, p.d, p.g)),
    };
    // Start-up fails here when a declared job has no handler (or a handler has no job).
    assertJobHandlers(Object.values(DEADLINE_JOBS), this.handlers);
  }

  start(): void {
    this.worker = new Worker(DEADLINE_QUEUE, (job: Job) => this.handle(job), {
      connection: this.q.redis,
      prefix: this.q.prefix,
      concurrency: this.settings.DEADLINE_WORKER_CONCURRENCY,
      lockDuration: this.settings.DEADLINE_LOCK_MS,
      stalledInterval: this.settings.DEADLINE_LOCK_MS,
    });
    this.worker.on('failed', (job, err) => this.log.warn(`job ${job?.id ?? '?'} failed: ${err.message}`));
    this.worker.on('error', (err) => this.log.warn(`worker error: ${err.message}`));
  }

  private async handle(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, ((p: unknown) => Promise<unknown>) | undefined>)[job.name];
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    return handler(job.data);
  }

  async stop(force = false): Promise<void> {
    await this.worker?.close(force);
  }
}
