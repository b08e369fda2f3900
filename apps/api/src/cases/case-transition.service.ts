import { CASE_CHANGED_TOPIC, type TCaseChangedEvent } from '@hotline/contracts';
import type { CaseEntity } from '@hotline/database';
import { caseVisibility, transition, type CaseAction } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { caseNotFound } from './case-access.repository';
import type { CaseActor } from './case-actor';
import type { CasePatch } from './case-row';
import { CaseTransitionHooks } from './case-transition-hooks';
import { CasesRepository } from './cases.repository';
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
  /** The timeline entry. `isPublic` events appear on the citizen's tracking page. */
  /** The timeline event, or a function of the case as it was before (e.g. to record what changed). */
  event: TransitionEvent | ((before: CaseEntity) => TransitionEvent);
  /** More writes in the same transaction (e.g. the merge parent's counter). */
  alsoInTransaction?: (before: CaseEntity, after: CaseEntity, m: EntityManager) => Promise<void>;
}

/**
 * The one door every lifecycle action goes through. In one transaction: bureau scope →
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
      const decided = transition(current.status, req.action, actor.role);
      if (!decided.ok) {
        const params = { status: current.status, action: req.action, role: actor.role };
        if (decided.code === 'forbidden_role')
          throw new DomainError('case.forbidden_role', 403, decided.message, params);
        throw new DomainError('case.invalid_transition', 409, decided.message, params);
      }
      await req.check?.(current, m);
      const patch = { ...req.patch(current), status: decided.to };
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
      const event = changedEvent(updated, req.action, current.status, actor);
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
}

/** An assisting bureau may read and contribute, but only the lead bureau acts on the case. */
export function leadBureauOnly(): DomainError {
  return new DomainError(
    'case.lead_bureau_only',
    403,
    'Only the lead bureau can do this; assisting bureaus add contributions',
  );
}

function changedEvent(row: CaseEntity, action: string, from: string, actor: CaseActor): TCaseChangedEvent {
  return {
    caseId: row.id,
    trackingNumber: row.trackingNumber,
    action,
    fromStatus: from,
    toStatus: row.status,
    at: new Date(row.updatedAt).toISOString(),
    actorRole: actor.role,
    actorId: actor.id,
    bureauId: row.leadBureauId,
    version: row.version,
  };
}
