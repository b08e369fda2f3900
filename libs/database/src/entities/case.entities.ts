import type {
  CaseFlag,
  CaseStatus,
  Channel,
  CloseReason,
  RequestType,
  Role,
  Satisfaction,
  Solved,
  Urgency,
} from '@hotline/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 工单: one citizen request and everything done about it. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tracking_number', type: 'text', unique: true }) trackingNumber!: string;
  /** scrypt hash of the citizen's access code; the code itself is shown once and never stored. */
  @Column({ name: 'access_code_hash', type: 'text', nullable: true, select: false }) accessCodeHash!: string | null;
  @Column({ type: 'text' }) channel!: Channel;
  @Column({ type: 'text' }) type!: RequestType;
  @Column({ type: 'text' }) urgency!: Urgency;
  @Column({ type: 'text' }) status!: CaseStatus;
  @Column({ name: 'category_id', type: 'int', nullable: true }) categoryId!: number | null;
  @Column({ name: 'district_id', type: 'int', nullable: true }) districtId!: number | null;
  @Column({ name: 'street_id', type: 'int', nullable: true }) streetId!: number | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'double precision', nullable: true }) lat!: number | null;
  @Column({ type: 'double precision', nullable: true }) lng!: number | null;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) attributes!: Record<string, unknown>;
  @Column({ name: 'media_url', type: 'text', nullable: true }) mediaUrl!: string | null;

  @Column({ name: 'caller_name', type: 'text', nullable: true }) callerName!: string | null;
  @Column({ name: 'caller_phone', type: 'text', nullable: true }) callerPhone!: string | null;
  @Column({ name: 'caller_email', type: 'text', nullable: true }) callerEmail!: string | null;
  @Column({ name: 'caller_type', type: 'text', default: 'person' }) callerType!: 'person' | 'company';
  @Column({ type: 'boolean', default: false }) anonymous!: boolean;
  /** 保密: the citizen's identity is hidden from every bureau. */
  @Column({ type: 'boolean', default: false }) confidential!: boolean;
  /** The citizen agreed that the bureau may contact them (unmasked phone for handlers). */
  @Column({ name: 'contact_allowed', type: 'boolean', default: true }) contactAllowed!: boolean;

  @Column({ name: 'lead_bureau_id', type: 'int', nullable: true }) leadBureauId!: number | null;
  @Column({ name: 'assisting_bureau_ids', type: 'int', array: true, default: '{}' }) assistingBureauIds!: number[];
  @Column({ name: 'matched_rule_id', type: 'int', nullable: true }) matchedRuleId!: number | null;
  /** True when intake found no catalogue rule: an "ownerless" problem for the service-gap report. */
  @Column({ name: 'unmatched_at_intake', type: 'boolean', default: false }) unmatchedAtIntake!: boolean;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true }) repliedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'close_reason', type: 'text', nullable: true }) closeReason!: CloseReason | null;
  @Column({ name: 'direct_answer', type: 'text', nullable: true }) directAnswer!: string | null;
  /** Not accepted at intake: why, and the proper channel the citizen was told to use. */
  @Column({ name: 'not_accepted_reason', type: 'text', nullable: true }) notAcceptedReason!: string | null;
  @Column({ name: 'proper_channel', type: 'text', nullable: true }) properChannel!: string | null;
  @Column({ name: 'public_reply', type: 'text', nullable: true }) publicReply!: string | null;
  @Column({ name: 'internal_note', type: 'text', nullable: true }) internalNote!: string | null;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason!: string | null;

  @Column({ name: 'follow_up_contacted', type: 'boolean', nullable: true }) followUpContacted!: boolean | null;
  @Column({ name: 'follow_up_solved', type: 'text', nullable: true }) followUpSolved!: Solved | null;
  @Column({ name: 'follow_up_satisfaction', type: 'text', nullable: true }) followUpSatisfaction!: Satisfaction | null;
  @Column({ name: 'followed_up_at', type: 'timestamptz', nullable: true }) followedUpAt!: Date | null;

  @Column({ name: 'return_count', type: 'int', default: 0 }) returnCount!: number;
  @Column({ name: 'reopen_count', type: 'int', default: 0 }) reopenCount!: number;
  @Column({ name: 'extension_count', type: 'int', default: 0 }) extensionCount!: number;
  @Column({ name: 'parent_case_id', type: 'uuid', nullable: true }) parentCaseId!: string | null;
  @Column({ name: 'merged_children', type: 'int', default: 0 }) mergedChildren!: number;

  @Column({ name: 'accept_due_at', type: 'timestamptz', nullable: true }) acceptDueAt!: Date | null;
  @Column({ name: 'reply_due_at', type: 'timestamptz', nullable: true }) replyDueAt!: Date | null;
  @Column({ type: 'text', default: 'none' }) flag!: CaseFlag;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  /** Who submitted through an integration (Open311 api key id, account id). */
  @Column({ name: 'source_ref', type: 'jsonb', default: () => "'{}'" }) sourceRef!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** Optimistic lock: every action names the version it saw; a stale one gets 409. */
  @Column({ type: 'int', default: 1 }) version!: number;
}

/** One line of a case's append-only timeline (the database refuses UPDATE and DELETE). */
@Entity({ name: 'case_events' })
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at!: Date;
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName!: string | null;
  @Column({ name: 'actor_role', type: 'text' }) actorRole!: Role;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus!: CaseStatus | null;
  @Column({ name: 'to_status', type: 'text', nullable: true }) toStatus!: CaseStatus | null;
  @Column({ name: 'bureau_id', type: 'int', nullable: true }) bureauId!: number | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** Shown on the citizen's tracking page (internal notes never are). */
  @Column({ name: 'is_public', type: 'boolean', default: false }) isPublic!: boolean;
  @Column({ type: 'jsonb', default: () => "'{}'" }) data!: Record<string, unknown>;
}
