import type { CaseEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { caseMapper } from './case-row';

export interface AttemptSummary {
  attempts: number;
  lastAttemptAt: Date | null;
  lastOutcome: string | null;
  retryAfter: Date | null;
}

/**
 * Unsuccessful follow-up calls are timeline events (`follow_up_attempt`, outcome and retry
 * time in `data`); only the attempts since the latest reply count (a reopened and replied
 * again case starts afresh).
 */
const ATTEMPTS_LATERAL = `LEFT JOIN LATERAL (
    SELECT count(*)::int AS attempts, max(e.at) AS last_at,
           (array_agg(e.data->>'outcome' ORDER BY e.id DESC))[1] AS last_outcome,
           (array_agg(e.data->>'retryAfter' ORDER BY e.id DESC))[1]::timestamptz AS retry_after
    FROM case_events e
    WHERE e.case_id = c.id AND e.action = 'follow_up_attempt' AND e.at >= COALESCE(c.replied_at, '-infinity')
  ) a ON true`;

@Injectable()
export class FollowUpsRepository {
  private readonly cases;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.cases = caseMapper(ds);
  }

  /**
   * Replied cases awaiting follow-up: the ones to call now first (oldest reply first), then
   * those whose retry time is still ahead (soonest retry first).
   */
  async worklist(limit: number): Promise<{ rows: Array<{ caseRow: CaseEntity } & AttemptSummary>; total: number }> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT c.*, COALESCE(a.attempts, 0) AS attempts, a.last_at, a.last_outcome, a.retry_after,
              (a.retry_after IS NOT NULL AND a.retry_after > now()) AS later,
              count(*) OVER () AS total
       FROM cases c ${ATTEMPTS_LATERAL}
       WHERE c.status = 'awaiting_follow_up'
       ORDER BY later, CASE WHEN a.retry_after > now() THEN a.retry_after END, c.replied_at NULLS FIRST, c.id
       LIMIT $1`,
      [limit],
    );
    return {
      rows: rows.map((r) => ({ caseRow: this.cases.fromRow(r), ...summary(r) })),
      total: rows[0] ? Number(rows[0]['total']) : 0,
    };
  }

  async attemptsOf(caseId: string): Promise<AttemptSummary> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT COALESCE(a.attempts, 0) AS attempts, a.last_at, a.last_outcome, a.retry_after
       FROM cases c ${ATTEMPTS_LATERAL} WHERE c.id = $1`,
      [caseId],
    );
    return rows[0] ? summary(rows[0]) : { attempts: 0, lastAttemptAt: null, lastOutcome: null, retryAfter: null };
  }
}

function summary(r: Record<string, unknown>): AttemptSummary {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    attempts: Number(r['attempts'] ?? 0),
    lastAttemptAt: date(r['last_at']),
    lastOutcome: (r['last_outcome'] as string | null) ?? null,
    retryAfter: date(r['retry_after']),
  };
}
