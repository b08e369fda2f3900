import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type DeadlineKind = 'accept' | 'reply' | 'supervision';
export type DeadlineStatus = 'pending' | 'met' | 'missed' | 'cancelled' | 'superseded';
export interface StoredLimit {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
  mode: 'calendar' | 'working';
}

/** Working hours and escalation delay: one row (id = 1), edited by admins. */
@Entity({ name: 'deadline_settings' })
export class DeadlineSettingsEntity {
  @PrimaryColumn({ type: 'int' }) id!: number;
  @Column({ name: 'working_periods', type: 'jsonb' }) workingPeriods!: { start: string; end: string }[];
  @Column({ name: 'escalation_working_days', type: 'int' }) escalationWorkingDays!: number;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A statutory holiday on a weekday, or a weekend day made a working day (调休). */
@Entity({ name: 'calendar_days' })
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ type: 'text' }) kind!: 'holiday' | 'makeup_workday';
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'deadline_policies' })
export class DeadlinePolicyEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'category_id', type: 'int', nullable: true }) categoryId!: number | null;
  @Column({ name: 'request_type', type: 'text', nullable: true }) requestType!: string | null;
  @Column({ type: 'text', nullable: true }) urgency!: string | null;
  @Column({ name: 'accept_limit', type: 'jsonb' }) acceptLimit!: StoredLimit;
  @Column({ name: 'reply_limit', type: 'jsonb' }) replyLimit!: StoredLimit;
  @Column({ name: 'warning_fraction', type: 'numeric' }) warningFraction!: string;
  @Column({ name: 'pause_allowed', type: 'boolean' }) pauseAllowed!: boolean;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'deadline_policy_versions' })
export class DeadlinePolicyVersionEntity {
  @PrimaryColumn({ name: 'policy_id', type: 'int' }) policyId!: number;
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) snapshot!: Record<string, unknown>;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}

/**
 * One clock on a case. Written in the same transaction as the case change (the outbox);
 * `needs_publish` tells the worker's relay to turn its next event into a BullMQ job, and
 * `generation` invalidates jobs scheduled for an earlier due time.
 */
@Entity({ name: 'case_deadlines' })
export class CaseDeadlineEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) kind!: DeadlineKind;
  @Column({ name: 'bureau_id', type: 'int', nullable: true }) bureauId!: number | null;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ name: 'warn_at', type: 'timestamptz', nullable: true }) warnAt!: Date | null;
  @Column({ name: 'limit_spec', type: 'jsonb', nullable: true }) limitSpec!: StoredLimit | null;
  @Column({ name: 'policy_id', type: 'int', nullable: true }) policyId!: number | null;
  @Column({ name: 'policy_version', type: 'int', nullable: true }) policyVersion!: number | null;
  @Column({ type: 'int' }) generation!: number;
  @Column({ type: 'text' }) status!: DeadlineStatus;
  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true }) warnedAt!: Date | null;
  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true }) firedAt!: Date | null;
  @Column({ name: 'met_at', type: 'timestamptz', nullable: true }) metAt!: Date | null;
  @Column({ name: 'escalate_at', type: 'timestamptz', nullable: true }) escalateAt!: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt!: Date | null;
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true }) settledAt!: Date | null;
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true }) pausedAt!: Date | null;
  @Column({ name: 'pause_reason', type: 'text', nullable: true }) pauseReason!: string | null;
  @Column({ name: 'remaining_ms', type: 'bigint', nullable: true }) remainingMs!: string | null;
  @Column({ name: 'supervision_notice_id', type: 'bigint', nullable: true }) supervisionNoticeId!: string | null;
  @Column({ name: 'needs_publish', type: 'boolean' }) needsPublish!: boolean;
  @Column({ name: 'published_job_id', type: 'text', nullable: true }) publishedJobId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'extension_requests' })
export class ExtensionRequestEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'deadline_id', type: 'bigint' }) deadlineId!: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'previous_due_at', type: 'timestamptz' }) previousDueAt!: Date;
  @Column({ name: 'requested_due_at', type: 'timestamptz' }) requestedDueAt!: Date;
  @Column({ type: 'text' }) status!: 'pending' | 'approved' | 'rejected';
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'supervision_notices' })
export class SupervisionNoticeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'issued_by', type: 'uuid' }) issuedBy!: string;
  @Column({ type: 'text' }) demand!: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'text' }) status!: 'open' | 'answered' | 'cancelled';
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy!: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
