import {
  assertJobHandlers,
  createWorker,
  DEADLINE_JOBS,
  DEADLINE_QUEUE_DEFINITION,
  type DeadlineJobPayloads,
  type JobHandlers,
  type JobWorker,
} from '@hotline/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
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
  private worker: JobWorker<DeadlineJobPayloads> | undefined;
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
    this.worker = createWorker(DEADLINE_QUEUE_DEFINITION, this.q, this.handlers, {
      concurrency: this.settings.DEADLINE_WORKER_CONCURRENCY,
      lockDuration: this.settings.DEADLINE_LOCK_MS,
      stalledInterval: this.settings.DEADLINE_LOCK_MS,
    });
    this.worker.on('failed', (job, err) => this.log.warn(`job ${job?.id ?? '?'} failed: ${err.message}`));
    this.worker.on('error', (err) => this.log.warn(`worker error: ${err.message}`));
  }

  async stop(force = false): Promise<void> {
    await this.worker?.close(force);
  }
}
