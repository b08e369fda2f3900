import { deadlineJobId, deadlineJobName } from '@hotline/queue';
import { nextClockEvent } from '@hotline/domain';
import { DeadlinesRepository } from '@hotline/database';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineQueue } from './deadline-queue';
import { WORKER_SETTINGS, type WorkerSettings } from './worker-settings';

const BATCH = 1000;

/**
 * The outbox relay: turns clocks written by case transactions (needs_publish) into BullMQ
 * delayed jobs. Rows are claimed with FOR UPDATE SKIP LOCKED, so two workers never publish
 * the same row at once, and the flag is cleared only after Redis accepted the jobs: if Redis
 * is down the transaction rolls back and the next pass tries again.
 */
@Injectable()
export class DeadlineRelay {
  private readonly log = new Logger(DeadlineRelay.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly q: DeadlineQueue,
    private readonly deadlines: DeadlinesRepository,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
      } catch (err) {
        if (this.running) this.log.warn(`relay pass failed, retrying: ${(err as Error).message}`);
        await this.sleep(1000);
        continue;
      }
      if (published < BATCH) await this.sleep(this.settings.DEADLINE_RELAY_INTERVAL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** One pass: publish up to BATCH clocks; returns how many rows were handled. */
  async publishBatch(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows = await this.deadlines.claimUnpublished(m, BATCH);
      if (rows.length === 0) return 0;
      const now = Date.now();
      const jobs: Parameters<typeof this.q.queue.addBulk>[0] = [];
      const jobIds: (string | null)[] = [];
      const stale: string[] = [];
      for (const r of rows) {
        const next = nextClockEvent({
          status: r.status,
          dueAt: r.due_at,
          warnAt: r.warn_at,
          warnedAt: r.warned_at,
          pausedAt: r.paused_at,
          settledAt: r.settled_at,
          escalateAt: r.escalate_at,
          escalatedAt: r.escalated_at,
        });
        const jobId = next ? deadlineJobId(next.event, r.id, r.generation) : null;
        jobIds.push(jobId);
        if (r.published_job_id && r.published_job_id !== jobId) stale.push(r.published_job_id);
        if (next && jobId) {
          jobs.push({
            name: deadlineJobName(next.event),
            data: { d: r.id, g: r.generation },
            opts: { jobId, delay: Math.max(0, next.at.getTime() - now) },
          });
        }
      }
      if (jobs.length) await this.q.queue.addBulk(jobs);
      // Outdated jobs would do nothing when they fire; removing them only frees memory early.
      // A job that is running right now cannot be removed, which is fine.
      await Promise.all(stale.map((id) => this.q.queue.remove(id).catch(() => 0)));
      await this.deadlines.markPublished(
        m,
        rows.map((r) => r.id),
        jobIds,
      );
      return rows.length;
    });
  }
}
