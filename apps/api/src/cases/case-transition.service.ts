import { CASE_CHANGED_TOPIC } from '@hotline/contracts';
import type { CaseEntity } from '@hotline/database';
import { caseVisibility, transition, type CaseAction, type CaseStatus, type Role } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { caseNotFound } from './case-access.repository';
import type { CaseActor } from './case-actor';
import { caseChangedEvent } from './case-changed-event';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { CasePatch } from './case-row';
import { CaseTransitionHooks } from './case-transition-hooks';
import { CasesRepository, type NewCaseEvent, type NewCaseRow } from './cases.repository';
import { DomainError } from '../common/domain-error';

export const STALE_VERSION_MESSAGE = 'This case was changed by someone else; reload and try again';

export interface TransitionEvent {
  note?: string | null;
  isPublic?: boolean;
  data?: Record<string, unknown>;
  bureauId?: number | null;
}

export interface TransitionRequest {
  caseId: string;
  /** The version the user saw; a stale one gets 409 and changes nothing. */
  version: number;
  action: CaseAction;
  actor: CaseActor;
  /** Checks beyond the state machine (e.g. "reopen needs a bureau"); throw to refuse. */
  check?: (current: CaseEntity, m: EntityManager) => Promise<void> | void;
  /** The columns the action sets besides status/version (may depend on the current row). */
  patch: (current: CaseEntity) => CasePatch;
  /** The timeline event, or a function of the case as it was before (e.g. to record what changed). */
  event: TransitionEvent | ((before: CaseEntity) => TransitionEvent);
  /** More writes in the same transaction (e.g. the merge parent's counter). */
  alsoInTransaction?: (before: CaseEntity, after: CaseEntity, m: EntityManager) => Promise<void>;
}

/** A new case, ready to write: the intake service decided everything but the hooks' columns. */
export interface IntakeRequest {
  caseRow: Omit<NewCaseRow, 'acceptDueAt' | 'replyDueAt' | 'flag' | 'version' | 'updatedAt'>;
  /** Root → leaf category ids, for the hooks' planning (e.g. the deadline policy). */
  categoryPath: number[];
  /** The intake's transition out of 'registered' (auto_dispatch, queue_for_dispatch, …). */
  action: CaseAction;
  /** The timeline: the intake itself, then the transition. */
  events: NewCaseEvent[];
  actor: { id: string | null; role: Role; auditType: string };
  idempotency: { scope: string; key: string; requestHash: string } | null;
  meta?: RequestMeta;
}

/** Thrown inside the intake transaction to roll it back when a concurrent retry won the idempotency key. */
export class IntakeKeyTaken extends Error {}

/**
 * The one door every lifecycle action goes through, intake included. In one transaction: bureau scope →
 * version → state machine → optimistic UPDATE … WHERE version = $v → timeline event →
 * outbox row (case.changed) → audit → in-transaction hooks. After commit the event is
 * emitted in-process. Two concurrent actions on the same version: the second UPDATE waits
 * on the row lock, then matches no row and gets 409.
 */
@Injectable()
export class CaseTransitionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: CasesRepository,
    private readonly hooks: CaseTransitionHooks,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async apply(req: TransitionRequest): Promise<CaseEntity> {
    const { actor } = req;
    const result = await this.ds.transaction(async (m) => {
      const current = await this.repo.findById(req.caseId, m);
      const reach = current ? caseVisibility(actor, current) : 'none';
      if (!current || reach === 'none') throw caseNotFound();
      if (reach === 'assisting') throw leadBureauOnly();
      if (current.version !== req.version) throw new DomainError('case.version_conflict', 409, STALE_VERSION_MESSAGE);
      const to = decideTransition(current.status, req.action, actor.role);
      await req.check?.(current, m);
      const patch = { ...req.patch(current), status: to };
      const updated = await this.repo.updateIfVersion(m, current.id, req.version, patch);
      if (!updated) throw new DomainError('case.version_conflict', 409, STALE_VERSION_MESSAGE);
      const ev = typeof req.event === 'function' ? req.event(current) : req.event;
      await this.repo.insertEvent(m, {
        caseId: current.id,
        actorId: actor.id,
        actorName: actor.name,
        actorRole: actor.role,
        action: req.action,
        fromStatus: current.status,
        toStatus: updated.status,
        bureauId: ev.bureauId ?? updated.leadBureauId,
        note: ev.note ?? null,
        isPublic: ev.isPublic ?? false,
        data: ev.data ?? {},
      });
      const event = caseChangedEvent(updated, { action: req.action, fromStatus: current.status, actor });
      await this.repo.insertOutbox(m, event);
      await this.audit.record(
        {
          action: `case.${req.action}`,
          actor: actor.principal ?? { type: 'citizen' },
          targetType: 'case',
          targetId: current.id,
          meta: actor.meta,
          detail: { from: current.status, to: updated.status, version: updated.version },
        },
        m,
      );
      await req.alsoInTransaction?.(current, updated, m);
      await this.hooks.run({ manager: m, caseRow: updated, event });
      return { updated, event };
    });
    this.events.emit(CASE_CHANGED_TOPIC, result.event);
    return result.updated;
  }

  /**
   * Intake through the same door: the hooks plan their rows before the INSERT (the case is
   * new, so their effect is known), and ONE statement writes the case, its timeline, the hooks'
   * rows, the outbox event, the audit row and the idempotency key. Without an idempotency key
   * (nothing to roll back on a lost race) and with every hook planned, that statement runs on
   * its own, atomic by itself: no BEGIN/COMMIT round trips. Otherwise it runs in a transaction
   * with the unplanned hooks after it. Throws IntakeKeyTaken when a concurrent retry holds the key.
   */
  async intake(req: IntakeRequest): Promise<CaseEntity> {
    const { caseRow, actor } = req;
    const at = caseRow.createdAt;
    const plan = await this.hooks.planIntake({
      type: caseRow.type,
      urgency: caseRow.urgency,
      categoryId: caseRow.categoryId,
      categoryPath: req.categoryPath,
      leadBureauId: caseRow.leadBureauId,
      action: req.action,
      toStatus: caseRow.status,
      at,
      reader: this.ds.manager,
    });
    const row: NewCaseRow = {
      ...caseRow,
      acceptDueAt: null,
      replyDueAt: null,
      flag: 'none',
      ...plan.columns,
      updatedAt: at,
      version: INITIAL_VERSION,
    };
    const event = caseChangedEvent(row, { action: req.action, fromStatus: null, actor });
    const write = async (m: EntityManager): Promise<CaseEntity> => {
      const { caseRow: inserted, keyTaken } = await this.repo.insertIntake(m, {
        caseRow: row,
        events: req.events,
        deadlines: plan.deadlines,
        outbox: event,
        audit: {
          actorType: actor.auditType,
          actorId: actor.id,
          actorRole: actor.role === 'citizen' || actor.role === 'system' ? null : actor.role,
          ip: req.meta?.ip ?? null,
          requestId: req.meta?.requestId ?? null,
          detail: { trackingNumber: row.trackingNumber, status: row.status, channel: row.channel },
        },
        idempotency: req.idempotency,
      });
      if (!keyTaken) throw new IntakeKeyTaken();
      await this.hooks.run({ manager: m, caseRow: inserted, event }, plan.planned);
      return inserted;
    };
    const inserted =
      req.idempotency === null && this.hooks.allPlanned(plan.planned)
        ? await write(this.ds.manager)
        : await this.ds.transaction(write);
    this.events.emit(CASE_CHANGED_TOPIC, event);
    return inserted;
  }
}

/** A new case's version (the column's default, written explicitly so its event can say so). */
const INITIAL_VERSION = 1;

/** The state machine's verdict for this actor, or its refusal as the API answers it (403 or 409). */
export function decideTransition(from: CaseStatus, action: CaseAction, role: Role): CaseStatus {
  const decided = transition(from, action, role);
  if (decided.ok) return decided.to;
  const params = { status: from, action, role };
  if (decided.code === 'forbidden_role') throw new DomainError('case.forbidden_role', 403, decided.message, params);
  throw new DomainError('case.invalid_transition', 409, decided.message, params);
}

/** An assisting bureau may read and contribute, but only the lead bureau acts on the case. */
export function leadBureauOnly(): DomainError {
  return new DomainError(
    'case.lead_bureau_only',
    403,
    'Only the lead bureau can do this; assisting bureaus add contributions',
  );
}
