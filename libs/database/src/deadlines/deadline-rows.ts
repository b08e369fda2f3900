import type { DeadlineLimit, PlannedClock, RequestType, Urgency } from '@hotline/domain';

export type DeadlineKind = 'accept' | 'reply' | 'supervision';
export type DeadlineStatus = 'pending' | 'met' | 'missed' | 'cancelled' | 'superseded';

/**
 * A case_deadlines row as PostgreSQL returns it (`SELECT *` / `RETURNING *`). The one shape
 * of that table: queries that read fewer columns return a Pick of it.
 */
export interface CaseDeadlineRow {
  /** bigint, so a string. */
  id: string;
  case_id: string;
  kind: DeadlineKind;
  bureau_id: number | null;
  started_at: Date;
  due_at: Date;
  warn_at: Date | null;
  limit_spec: DeadlineLimit | null;
  policy_id: number | null;
  policy_version: number | null;
  generation: number;
  status: DeadlineStatus;
  warned_at: Date | null;
  fired_at: Date | null;
  met_at: Date | null;
  escalate_at: Date | null;
  escalated_at: Date | null;
  settled_at: Date | null;
  paused_at: Date | null;
  pause_reason: string | null;
  /** bigint, so a string. */
  remaining_ms: string | null;
  supervision_notice_id: string | null;
  needs_publish: boolean;
  published_job_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns that decide a clock's next job (nextClockEvent). */
export type ClockScheduleRow = Pick<
  CaseDeadlineRow,
  | 'id'
  | 'status'
  | 'generation'
  | 'due_at'
  | 'warn_at'
  | 'warned_at'
  | 'paused_at'
  | 'settled_at'
  | 'escalate_at'
  | 'escalated_at'
>;

/** An accept / reply clock to insert: a planned clock (planClocks) of one case. */
export interface NewClock extends PlannedClock {
  caseId: string;
  bureauId: number | null;
}

/** A case's deadline columns as syncCase writes them. */
export interface CaseClockColumns {
  accept_due_at: Date | null;
  reply_due_at: Date | null;
  flag: 'none' | 'warning' | 'overdue';
}

/** A case that lacks the clocks its status implies (the reconciler's repair list). */
export interface CaseMissingClocksRow {
  id: string;
  type: RequestType;
  urgency: Urgency;
  category_id: number | null;
  lead_bureau_id: number | null;
  /** When the missing clocks should have started. */
  start_at: Date;
}
