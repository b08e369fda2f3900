import type {
  TAcceptAction,
  TCloseAction,
  TContributionAction,
  TDispatchAction,
  TFollowUpAction,
  TMergeAction,
  TRedispatchAction,
  TReopenAction,
  TReplyAction,
  TReturnAction,
  TReturnDecision,
} from '@hotline/contracts';
import type { CaseEntity } from '@hotline/database';
import { followUpOutcome, isOpen, isReopenable, type CaseAction } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CategoryTreeService } from '../catalogue/category-tree.service';
import type { CaseActor } from './case-actor';
import { sql } from './case-row';
import { caseAllows, caseNotFound } from './case-access.repository';
import {
  CaseTransitionService,
  STALE_VERSION_MESSAGE,
  type TransitionEvent,
  type TransitionRequest,
} from './case-transition.service';
import { CasesRepository } from './cases.repository';
import { DomainError } from '../common/domain-error';

/** The lifecycle actions (派单, 签收, 退单, 答复, 回访, 办结, 重办, 并单): each one a transition. */
type CasePatch = ReturnType<TransitionRequest['patch']>;

@Injectable()
export class CaseActionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly transitions: CaseTransitionService,
    private readonly repo: CasesRepository,
    private readonly audit: AuditService,
    private readonly categories: CategoryTreeService,
  ) {}

  async dispatch(caseId: string, body: TDispatchAction, actor: CaseActor): Promise<CaseEntity> {
    const assisting = await this.checkBureaus(body.bureauId, body.assistingBureauIds);
    await this.checkCategory(body.categoryId);
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: 'dispatch',
      actor,
      patch: () => ({
        leadBureauId: body.bureauId,
        assistingBureauIds: assisting,
        dispatchedAt: sql('now()'),
        acceptedAt: null,
        ...(body.categoryId !== undefined ? { categoryId: body.categoryId } : {}),
      }),
      event: (c) => ({
        note: body.note ?? null,
        isPublic: true,
        bureauId: body.bureauId,
        data: categoryChange(c.categoryId, body.categoryId),
      }),
    });
  }

  async redispatch(caseId: string, body: TRedispatchAction, actor: CaseActor): Promise<CaseEntity> {
    const assisting = await this.checkBureaus(body.bureauId, body.assistingBureauIds);
    await this.checkCategory(body.categoryId);
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: 'redispatch',
      actor,
      check: (c) => {
        if (c.leadBureauId === body.bureauId && c.status !== 'return_review') {
          throw new DomainError(
            'case.same_bureau',
            409,
            'The case is already with that bureau; choose another one to redispatch',
          );
        }
      },
      patch: () => ({
        leadBureauId: body.bureauId,
        assistingBureauIds: assisting,
        dispatchedAt: sql('now()'),
        acceptedAt: null,
        ...(body.categoryId !== undefined ? { categoryId: body.categoryId } : {}),
      }),
      event: (c) => ({
        note: body.reason,
        isPublic: false,
        bureauId: body.bureauId,
        data: { reason: body.reason, ...categoryChange(c.categoryId, body.categoryId) },
      }),
    });
  }

  accept(caseId: string, body: TAcceptAction, actor: CaseActor): Promise<CaseEntity> {
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: 'accept',
      actor,
      patch: () => ({ acceptedAt: sql('now()') }),
      event: { note: body.note ?? null, isPublic: true },
    });
  }

  requestReturn(caseId: string, body: TReturnAction, actor: CaseActor): Promise<CaseEntity> {
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: 'request_return',
      actor,
      patch: () => ({ returnReason: body.reason, returnCount: sql('return_count + 1') }),
      event: { note: body.reason, isPublic: false },
    });
  }

  async returnDecision(caseId: string, body: TReturnDecision, actor: CaseActor): Promise<CaseEntity> {
    if (body.decision !== 'redispatch') await this.checkCategory(body.categoryId);
    // Every outcome may also correct the category; its event records the decision and that change.
    const decide = (action: CaseAction, patch: CasePatch, event: TransitionEvent = {}) =>
      this.transitions.apply({
        caseId,
        version: body.version,
        action,
        actor,
        patch: () => ({ ...patch, ...(body.categoryId !== undefined ? { categoryId: body.categoryId } : {}) }),
        event: (c) => ({
          note: body.note ?? null,
          ...event,
          data: { returnDecision: body.decision, ...categoryChange(c.categoryId, body.categoryId) },
        }),
      });
    switch (body.decision) {
      case 'redispatch': {
        const assisting = await this.checkBureaus(body.bureauId!, body.assistingBureauIds);
        await this.checkCategory(body.categoryId);
        return decide(
          'redispatch',
          { leadBureauId: body.bureauId!, assistingBureauIds: assisting, dispatchedAt: sql('now()'), acceptedAt: null },
          { bureauId: body.bureauId! },
        );
      }
      case 'send_back':
        // Back to the same bureau as freshly dispatched: it must accept again.
        return decide('reject_return', { dispatchedAt: sql('now()'), acceptedAt: null });
      case 'requeue':
        return decide('approve_return', { leadBureauId: null, assistingBureauIds: [], acceptedAt: null });
    }
  }

  reply(caseId: string, body: TReplyAction, actor: CaseActor): Promise<CaseEntity> {
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: 'reply',
      actor,
      patch: () => ({
        publicReply: body.publicReply,
        internalNote: body.internalNote ?? null,
        repliedAt: sql('now()'),
      }),
      // The public text goes on the citizen's timeline; the internal note stays in `data`.
      event: { note: body.publicReply, isPublic: true, data: { internalNote: body.internalNote ?? null } },
    });
  }

  /** Unsolved or dissatisfied reopens the case for its bureau (重办); otherwise it closes. */
  followUp(caseId: string, body: TFollowUpAction, actor: CaseActor): Promise<CaseEntity> {
    const outcome = followUpOutcome(body);
    const answers = {
      followUpContacted: body.contacted,
      followUpSolved: body.solved,
      followUpSatisfaction: body.satisfaction,
      followedUpAt: sql('now()'),
    };
    const data = { contacted: body.contacted, solved: body.solved, satisfaction: body.satisfaction };
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: outcome === 'close' ? 'follow_up_close' : 'follow_up_reopen',
      actor,
      patch: () =>
        outcome === 'close'
          ? { ...answers, closedAt: sql('now()'), closeReason: 'follow_up' }
          : { ...answers, reopenCount: sql('reopen_count + 1'), repliedAt: null },
      event: { note: body.comment ?? null, isPublic: actor.role === 'citizen', data },
    });
  }

  close(caseId: string, body: TCloseAction, actor: CaseActor): Promise<CaseEntity> {
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: 'close',
      actor,
      patch: () => ({ closedAt: sql('now()'), closeReason: 'manual' }),
      event: { note: body.note ?? null, isPublic: false },
    });
  }

  reopen(caseId: string, body: TReopenAction, actor: CaseActor): Promise<CaseEntity> {
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: 'reopen',
      actor,
      check: (c) => {
        if (!isReopenable(c)) {
          throw c.closeReason === 'merged'
            ? new DomainError(
                'case.merged_follows_parent',
                409,
                'A merged case follows its parent; reopen the parent case instead',
              )
            : new DomainError(
                'case.closed_at_intake',
                409,
                'This case was closed at intake and never had a bureau; register a new case instead',
              );
        }
      },
      patch: () => ({
        closedAt: null,
        closeReason: null,
        reopenCount: sql('reopen_count + 1'),
        repliedAt: null,
      }),
      event: { note: body.reason, isPublic: false },
    });
  }

  /** 并单: the child closes as 'merged', points at its parent, and the parent counts it once. */
  merge(caseId: string, body: TMergeAction, actor: CaseActor): Promise<CaseEntity> {
    if (body.parentCaseId === caseId)
      throw new DomainError('case.merge_into_itself', 400, 'A case cannot be merged into itself');
    return this.transitions.apply({
      caseId,
      version: body.version,
      action: 'merge',
      actor,
      check: async (_child, m) => {
        const parent = await this.repo.findById(body.parentCaseId, m);
        if (!parent) throw new DomainError('case.parent_not_found', 400, 'The parent case does not exist');
        if (parent.parentCaseId !== null) {
          throw new DomainError(
            'case.parent_merged',
            409,
            'The parent case is itself merged; merge into its parent instead',
          );
        }
        if (!isOpen(parent.status))
          throw new DomainError('case.parent_closed', 409, 'The parent case is closed; merge into an open case');
      },
      patch: () => ({ parentCaseId: body.parentCaseId, closedAt: sql('now()'), closeReason: 'merged' }),
      event: { note: body.note ?? null, isPublic: true, data: { parentCaseId: body.parentCaseId } },
      alsoInTransaction: async (_before, child, m) => {
        await this.repo.incrementMergedChildren(m, body.parentCaseId);
        // The parent keeps a trace of the repeat call on its own timeline (staff only: the
        // repeat is another citizen's request).
        await this.repo.insertEvent(m, {
          caseId: body.parentCaseId,
          actorId: actor.id,
          actorName: actor.name,
          actorRole: actor.role,
          action: 'repeat_merged',
          fromStatus: null,
          toStatus: null,
          bureauId: null,
          note: body.note ?? null,
          isPublic: false,
          data: { childCaseId: child.id, childTrackingNumber: child.trackingNumber, channel: child.channel },
        });
      },
    });
  }

  /**
   * An assisting (or the lead) bureau records its part of the work. Not a state change, so
   * the version is only checked when sent and is not bumped: contributions never make the
   * lead bureau's next action stale.
   */
  async contribute(caseId: string, body: TContributionAction, actor: CaseActor): Promise<void> {
    await this.ds.transaction(async (m) => {
      const c = await this.repo.findById(caseId, m);
      // Lead or assisting: contributing is how an assisting bureau takes part.
      if (!c || !caseAllows(actor, c, 'see')) throw caseNotFound();
      if (body.version !== undefined && body.version !== c.version)
        throw new DomainError('case.version_conflict', 409, STALE_VERSION_MESSAGE);
      if (c.status === 'closed')
        throw new DomainError('case.closed', 409, 'The case is closed; contributions are no longer taken');
      await this.repo.insertEvent(m, {
        caseId,
        actorId: actor.id,
        actorName: actor.name,
        actorRole: actor.role,
        action: 'contribution',
        fromStatus: c.status,
        toStatus: c.status,
        bureauId: actor.bureauId,
        note: body.note,
        isPublic: false,
        data: { assisting: c.leadBureauId !== actor.bureauId },
      });
      await this.audit.record(
        {
          action: 'case.contribution',
          actor: actor.principal!,
          targetType: 'case',
          targetId: caseId,
          meta: actor.meta,
        },
        m,
      );
    });
  }

  /** A corrected category must exist (any level: the catalogue matches up the tree). */
  private async checkCategory(categoryId: number | undefined): Promise<void> {
    if (categoryId !== undefined && !(await this.categories.exists(categoryId))) {
      throw new DomainError('category.not_found', 400, `Category ${categoryId} does not exist`, { id: categoryId });
    }
  }

  /** Lead and assisting bureaus must exist and be active; the lead is never also assisting. */
  private async checkBureaus(leadId: number, assistingIds: number[] = []): Promise<number[]> {
    const assisting = [...new Set(assistingIds)].filter((id) => id !== leadId);
    const found = await this.repo.findBureaus([leadId, ...assisting]);
    for (const id of [leadId, ...assisting]) {
      const b = found.find((x) => x.id === id);
      if (!b) throw new DomainError('bureau.not_found', 400, `Bureau ${id} does not exist`, { id });
      if (!b.active)
        throw new DomainError('bureau.inactive', 400, `Bureau ${id} (${b.nameEn}) is inactive`, { code: b.code });
    }
    return assisting;
  }
}

/** The timeline's record of a category correction (nothing when the category did not change). */
function categoryChange(before: number | null, after: number | undefined): Record<string, number | null> {
  return after === undefined || after === before ? {} : { categoryFrom: before, categoryTo: after };
}
