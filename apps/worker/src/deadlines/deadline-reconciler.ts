import { bullJobKey, DEADLINE_QUEUE, deadlineJobId } from '@hotline/queue';
import { nextClockEvent } from '@hotline/domain';
import { DeadlineEngine, DeadlinesRepository, type CaseMissingClocksRow } from '@hotline/database';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DeadlineQueue } from './deadline-queue';

export interface ReconcileReport {
  cancelled: number;
  created: number;
  republished: number;
}

const PAGE = 5000;
/** Cases given clocks per transaction, and passes per reconcile (the rest waits for the next run). */
const BATCH = 1000;
const MAX_PASSES = 20;

/** The repairs of missing clocks: which cases lack which clocks (they come locked, SKIP LOCKED). */
const MISSING_CLOCK_PLANS: {
  kinds: ('accept' | 'reply')[];
  lock: (repo: DeadlinesRepository, m: EntityManager, limit: number) => Promise<CaseMissingClocksRow[]>;
}[] = [
  { kinds: ['accept', 'reply'], lock: (repo, m, limit) => repo.lockDispatchedCasesWithoutClocks(m, limit) },
  { kinds: ['reply'], lock: (repo, m, limit) => repo.lockWorkingCasesWithoutReplyClock(m, limit) },
];

/**
 * PostgreSQL is the truth; Redis is a cache of "what fires next". On start and every few
 * minutes this recomputes what each open case should have and repairs the difference:
 * clocks of closed cases are stopped, open cases without the clocks their status implies get
 * them (dispatched: accept + reply; in progress or under return review: reply), and every
 * live clock whose next job is missing from Redis is handed back to the relay (a clock
 * already past due gets a job with no delay, so it fires at once).
 */
@Injectable()
export class DeadlineReconciler {
  private readonly log = new Logger(DeadlineReconciler.name);

  constructor(
    private readonly ds: DataSource,
    private readonly q: DeadlineQueue,
    private readonly engine: DeadlineEngine,
    private readonly deadlines: DeadlinesRepository,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const cancelled = await this.stopClocksOfClosedCases();
    const created = await this.createMissingClocks();
    const republished = await this.republishMissingJobs();
    if (cancelled || created || republished)
      this.log.log(`reconciled: ${JSON.stringify({ cancelled, created, republished })}`);
    return { cancelled, created, republished };
  }

  private stopClocksOfClosedCases(): Promise<number> {
    return this.deadlines.cancelLiveClocksOfClosedCases(this.ds.manager);
  }

  /**
   * Open cases that lack the clocks their status implies get them, as their transition would
   * have given them (cases bulk-imported, written by hand, or left behind by a bug):
   * - `dispatched` without an accept clock: fresh accept + reply clocks from dispatched_at;
   * - `in_progress` / `return_review` without a live reply clock: a reply clock from the last
   *   reopen (重办) if there was one after the dispatch, otherwise from dispatched_at.
   * Batched: each pass locks up to BATCH cases (SKIP LOCKED, so a second worker or a running
   * transition is never waited for) and writes their clocks with one INSERT.
   */
  private async createMissingClocks(): Promise<number> {
    let total = 0;
    for (const plan of MISSING_CLOCK_PLANS) {
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const { found, written } = await this.ds.transaction(async (m) => {
          const rows = await plan.lock(this.deadlines, m, BATCH);
          const cases = rows.map((c) => ({
            id: c.id,
            type: c.type,
            urgency: c.urgency,
            categoryId: c.category_id,
            leadBureauId: c.lead_bureau_id,
            startAt: c.start_at,
          }));
          if (plan.kinds.length === 2) {
            // As a dispatch: whatever accept/reply clock is still live is superseded first.
            await this.engine.supersedeClocksOfMany(
              m,
              cases.map((c) => ({ caseId: c.id, at: c.startAt })),
              plan.kinds,
            );
          }
          return { found: rows.length, written: await this.engine.startClocksForMany(m, cases, plan.kinds) };
        });
        total += written;
        if (found < BATCH) break;
      }
    }
    return total;
  }

  private async republishMissingJobs(): Promise<number> {
    let cursor = '0';
    let total = 0;
    for (;;) {
      const rows = await this.deadlines.findScheduledClocks(this.ds.manager, cursor, PAGE);
      if (rows.length === 0) return total;
      cursor = rows[rows.length - 1]!.id;
      const pipeline = this.q.redis.pipeline();
      const expected: string[] = [];
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
        expected.push(r.id);
        pipeline.exists(
          bullJobKey(this.q.prefix, DEADLINE_QUEUE, next ? deadlineJobId(next.event, r.id, r.generation) : ''),
        );
      }
      const results = (await pipeline.exec()) ?? [];
      const missing = expected.filter((_, i) => results[i]?.[1] === 0);
      if (missing.length) {
        await this.deadlines.markNeedsPublish(this.ds.manager, missing);
        total += missing.length;
      }
    }
  }
}
