import { Inject, Logger, Module, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DeadlineEngine, DeadlineSettingsCache, DeadlinesRepository } from '@hotline/database';
import { DeadlineProcessor } from './deadline-processor';
import { DeadlineQueue } from './deadline-queue';
import { DeadlineReconciler } from './deadline-reconciler';
import { DeadlineRelay } from './deadline-relay';
import { readWorkerSettings, WORKER_SETTINGS, type WorkerSettings } from './worker-settings';

/**
 * Deadline supervision in the worker: the outbox relay, the processors and the reconciler.
 * Start order matters: processors first (so jobs published below run), then one full
 * reconcile (cases that fell overdue while no worker ran are flagged at once), then the
 * relay loop and the periodic reconcile. SIGTERM stops them in reverse.
 */
@Module({
  providers: [
    { provide: WORKER_SETTINGS, useFactory: () => readWorkerSettings() },
    { provide: DeadlinesRepository, useFactory: () => new DeadlinesRepository() },
    {
      provide: DeadlineEngine,
      useFactory: (repo: DeadlinesRepository) => new DeadlineEngine(new DeadlineSettingsCache(undefined, repo), repo),
      inject: [DeadlinesRepository],
    },
    DeadlineQueue,
    DeadlineRelay,
    DeadlineProcessor,
    DeadlineReconciler,
  ],
  exports: [DeadlineQueue, DeadlineRelay, DeadlineReconciler, DeadlineProcessor],
})
export class DeadlinesWorkerModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Deadlines');
  private timer: NodeJS.Timeout | undefined;
  private reconciling: Promise<unknown> | undefined;

  constructor(
    private readonly processor: DeadlineProcessor,
    private readonly relay: DeadlineRelay,
    private readonly reconciler: DeadlineReconciler,
    private readonly queue: DeadlineQueue,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.processor.start();
    this.relay.start();
    await this.reconcileOnce();
    this.timer = setInterval(() => void this.reconcileOnce(), this.settings.DEADLINE_RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  private reconcileOnce(): Promise<unknown> {
    this.reconciling ??= this.reconciler
      .reconcile()
      .catch((err: Error) => this.log.warn(`reconcile failed: ${err.message}`))
      .finally(() => (this.reconciling = undefined));
    return this.reconciling;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.relay.stop();
    await this.reconciling;
    await this.processor.stop();
  }

  /** Simulated crash for the fault tests: no draining, connections dropped. */
  async crash(): Promise<void> {
    clearInterval(this.timer);
    const stopping = this.relay.stop();
    this.queue.crash();
    await this.processor.stop(true).catch(() => undefined);
    await stopping.catch(() => undefined);
  }
}
