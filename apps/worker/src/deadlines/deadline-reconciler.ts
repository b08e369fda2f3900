import { bullJobKey, DEADLINE_QUEUE, deadlineJobId } from '@hotline/queue';
import { nextClockEvent } from '@hotline/domain';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineEngine } from '../../../api/src/deadlines/engine/deadline-engine';
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

/**
 * PostgreSQL is the truth; Redis is a cache of "what fires next". On start and every few
 * minutes this recomputes what each open case should have and repairs the difference:
 * clocks of closed cases are stopped, dispatched cases without clocks get them, and every
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

  /** Cases dispatched while no hook was registered (or written by hand) get their clocks from dispatched_at. */
  private async createMissingClocks(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const cases = (await m.query(
        `SELECT c.id, c.type, c.urgency, c.category_id, c.lead_bureau_id, c.dispatched_at
         FROM cases c
         WHERE c.status = 'dispatched' AND c.dispatched_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'accept'
                           AND d.status NOT IN ('superseded','cancelled'))
         LIMIT 1000 FOR UPDATE OF c SKIP LOCKED`,
      )) as {
        id: string;
        type: never;
        urgency: never;
        category_id: number | null;
        lead_bureau_id: number | null;
        dispatched_at: Date;
      }[];
      for (const c of cases) {
        await this.engine.applyTransition(
          m,
          { id: c.id, type: c.type, urgency: c.urgency, categoryId: c.category_id, leadBureauId: c.lead_bureau_id },
          { action: 'reconcile_dispatch', fromStatus: null, toStatus: 'dispatched', at: c.dispatched_at.toISOString() },
        );
      }
      return cases.length;
    });
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
