import type {
  TFollowUpAttempt,
  TFollowUpAttemptState,
  TFollowUpWorklist,
  TFollowUpWorklistQuery,
} from '@hotline/contracts';
import { FOLLOW_UP_ATTEMPT_OUTCOME_VALUES } from '@hotline/contracts';
import { followUpRetryAfter, isFollowUpDue, MAX_FOLLOW_UP_ATTEMPTS } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { caseInScope } from './case-access.repository';
import { STALE_VERSION_MESSAGE } from './case-transition.service';
import { CasesRepository } from './cases.repository';
import { FollowUpsRepository, type AttemptSummary } from './follow-ups.repository';

type Outcome = (typeof FOLLOW_UP_ATTEMPT_OUTCOME_VALUES)[number];
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The agents' follow-up worklist (回访) and its unsuccessful attempts. */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: FollowUpsRepository,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  async worklist(q: TFollowUpWorklistQuery): Promise<TFollowUpWorklist> {
    const { rows, total } = await this.repo.worklist(q.limit);
    const now = new Date();
    return {
      total,
      items: rows.map(({ caseRow: c, ...a }) => ({
        id: c.id,
        trackingNumber: c.trackingNumber,
        version: c.version,
        type: c.type,
        urgency: c.urgency,
        categoryId: c.categoryId,
        leadBureauId: c.leadBureauId,
        description: c.description,
        publicReply: c.publicReply,
        repliedAt: iso(c.repliedAt ? new Date(c.repliedAt) : null),
        caller: { name: c.callerName, phone: c.callerPhone, anonymous: c.anonymous },
        ...attemptState(a, now),
      })),
    };
  }

  /**
   * Records an unsuccessful follow-up call on the timeline (not public, no status change, the
   * version is checked when sent and not bumped) and answers the case's attempt state.
   */
  async recordAttempt(
    caseId: string,
    body: TFollowUpAttempt,
    p: Principal,
    meta: RequestMeta,
  ): Promise<TFollowUpAttemptState> {
    const now = new Date();
    const decided = followUpRetryAfter(body.outcome, now, body.retryAt ? new Date(body.retryAt) : undefined);
    if (!decided.ok) throw new DomainError(`follow_up.${decided.refusal}`, 400, decided.message);
    await this.ds.transaction(async (m) => {
      // Serialises attempts with the follow-up itself (which updates the row).
      const c = await caseInScope(m, caseId, p, { lock: true });
      if (body.version !== undefined && body.version !== c.version)
        throw new DomainError('case.version_conflict', 409, STALE_VERSION_MESSAGE);
      if (c.status !== 'awaiting_follow_up') {
        throw new DomainError(
          'follow_up.not_awaiting',
          409,
          'Only a replied case awaiting follow-up takes follow-up attempts',
        );
      }
      await this.cases.insertEvent(m, {
        caseId,
        actorId: p.userId,
        actorName: p.displayName,
        actorRole: p.role,
        action: 'follow_up_attempt',
        fromStatus: 'awaiting_follow_up',
        toStatus: 'awaiting_follow_up',
        bureauId: null,
        note: body.note ?? null,
        isPublic: false,
        data: { outcome: body.outcome, retryAfter: iso(decided.retryAfter) },
      });
      await this.audit.record(
        { action: 'case.follow_up_attempt', actor: p, targetType: 'case', targetId: caseId, meta },
        m,
      );
    });
    return attemptState(await this.repo.attemptsOf(caseId), now);
  }
}

function attemptState(a: AttemptSummary, now: Date): TFollowUpAttemptState {
  return {
    attempts: a.attempts,
    lastAttemptAt: iso(a.lastAttemptAt),
    lastOutcome: (a.lastOutcome as Outcome | null) ?? null,
    retryAfter: iso(a.retryAfter),
    later: !isFollowUpDue(a.retryAfter, now),
    exhausted: a.attempts >= MAX_FOLLOW_UP_ATTEMPTS,
  };
}
