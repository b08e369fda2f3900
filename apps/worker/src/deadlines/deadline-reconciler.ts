import { bullJobKey, DEADLINE_QUEUE, deadlineJobId } from '@hotline/queue';
import { nextClockEvent, type RequestType, type Urgency } from '@hotline/domain';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineEngine } from '@hotline/database';
import { DeadlineQueue } from './deadline-queue';

interface LiveRow {
  id: string;
  status: 'pending' | 'missed';
  generation: number;
  due_at: Date;
  warn_at: Date | null;
  warned_at: Date | null;
  paused_at: Date | null;
  settled_at: Date | null;
  escalate_at: Date | null;
  escalated_at: Date | null;
}

export interface ReconcileReport {
  cancelled: number;
  created: number;
  republished: number;
}

const PAGE = 5000;
/** Cases given clocks per transaction, and passes per reconcile (the rest waits for the next run). */
const BATCH = 1000;
const MAX_PASSES = 20;

interface MissingClockRow {
  id: string;
  type: RequestType;
  urgency: Urgency;
  category_id: number | null;
  lead_bureau_id: number | null;
  start_at: Date;
}

/** A live clock: pending (paused or not), or missed and not yet settled (met late / stopped). */
const LIVE = `(d.status = 'pending' OR (d.status = 'missed' AND d.settled_at IS NULL))`;

const MISSING_CLOCK_PLANS: { kinds: ('accept' | 'reply')[]; select: string }[] = [
  {
    kinds: ['accept', 'reply'],
    select: `
      SELECT c.id, c.type, c.urgency, c.category_id, c.lead_bureau_id, c.dispatched_at AS start_at
      FROM cases c
      WHERE c.status = 'dispatched' AND c.dispatched_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'accept'
                        AND d.status NOT IN ('superseded','cancelled'))
      LIMIT $1 FOR UPDATE OF c SKIP LOCKED`,
  },
  {
    kinds: ['reply'],
    // The reopen lookup walks one case's events backwards on case_events_case_idx, and runs
    // only for the few cases that lack a reply clock.
    select: `
      SELECT c.id, c.type, c.urgency, c.category_id, c.lead_bureau_id, greatest(c.dispatched_at, r.at) AS start_at
      FROM cases c
      LEFT JOIN LATERAL (
        SELECT e.at FROM case_events e
        WHERE e.case_id = c.id AND e.to_status = 'in_progress' AND e.from_status IN ('awaiting_follow_up', 'closed')
        ORDER BY e.id DESC LIMIT 1) r ON true
      WHERE c.status IN ('in_progress', 'return_review') AND c.dispatched_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'reply' AND ${LIVE})
      LIMIT $1 FOR UPDATE OF c SKIP LOCKED`,
  },
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
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const cancelled = await this.stopClocksOfClosedCases();
    const created = await this.createMissingClocks();
    const republished = await this.republishMissingJobs();
    if (cancelled || created || republished)
      this.log.log(`reconciled: ${JSON.stringify({ cancelled, created, republished })}`);
    return { cancelled, created, republished };
  }

  private async stopClocksOfClosedCases(): Promise<number> {
    const [, count] = (await this.ds.query(
      `UPDATE case_deadlines d SET status = CASE WHEN d.status = 'pending' THEN 'cancelled' ELSE d.status END,
         settled_at = coalesce(c.closed_at, now()), needs_publish = true, updated_at = now()
       FROM cases c
       WHERE c.id = d.case_id AND c.status = 'closed'
         AND (d.status = 'pending' OR (d.status = 'missed' AND d.settled_at IS NULL))`,
    )) as [unknown, number];
    return count;
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
          const rows = (await m.query(plan.select, [BATCH])) as MissingClockRow[];
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
      const rows = (await this.ds.query(
        `SELECT id, status, generation, due_at, warn_at, warned_at, paused_at, settled_at, escalate_at, escalated_at
         FROM case_deadlines
         WHERE id > $1 AND NOT needs_publish
           AND ((status = 'pending' AND paused_at IS NULL)
                OR (status = 'missed' AND settled_at IS NULL AND escalated_at IS NULL AND escalate_at IS NOT NULL))
         ORDER BY id LIMIT $2`,
        [cursor, PAGE],
      )) as LiveRow[];
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
        await this.ds.query(`UPDATE case_deadlines SET needs_publish = true WHERE id = ANY($1::bigint[])`, [missing]);
        total += missing.length;
      }
    }
  }
}
