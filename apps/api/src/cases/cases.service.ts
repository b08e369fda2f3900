import type {
  TAcceptAction,
  TCloseAction,
  TDispatchAction,
  TFollowUpAction,
  TMergeAction,
  TRedispatchAction,
  TReopenAction,
  TReplyAction,
  TReturnAction,
  TReturnDecision,
  TCaseCounts,
  TCaseCountsQuery,
  TCaseDetail,
  TCaseEvent,
  TCaseIntake,
  TCaseIntakeResult,
  TCaseList,
  TCaseListQuery,
  TContributionAction,
  TSimilarCase,
  TSimilarCasesQuery,
} from '@hotline/contracts';
import type { CaseEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { CaseActionsService } from './case-actions.service';
import { staffActor } from './case-actor';
import { CaseIntakeService } from './case-intake.service';
import { toCaseDetail } from './case-presenter';
import { CaseQueryService } from './case-query.service';

/** What the staff routes call: intake, actions (answering with the updated case), reads. */
@Injectable()
export class CasesService {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly actions: CaseActionsService,
    private readonly queries: CaseQueryService,
  ) {}

  async intakeByPhone(
    body: TCaseIntake,
    p: Principal,
    key: string | undefined,
    meta: RequestMeta,
  ): Promise<TCaseIntakeResult> {
    const { caseRow, replayed } = await this.intake.intake({ ...body, channel: 'phone' }, p, key, meta);
    return { case: toCaseDetail(caseRow, p), replayed };
  }

  dispatch(caseId: string, body: TDispatchAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.dispatch(caseId, body, staffActor(p, meta)), p);
  }

  redispatch(caseId: string, body: TRedispatchAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.redispatch(caseId, body, staffActor(p, meta)), p);
  }

  accept(caseId: string, body: TAcceptAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.accept(caseId, body, staffActor(p, meta)), p);
  }

  requestReturn(caseId: string, body: TReturnAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.requestReturn(caseId, body, staffActor(p, meta)), p);
  }

  returnDecision(caseId: string, body: TReturnDecision, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.returnDecision(caseId, body, staffActor(p, meta)), p);
  }

  reply(caseId: string, body: TReplyAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.reply(caseId, body, staffActor(p, meta)), p);
  }

  followUp(caseId: string, body: TFollowUpAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.followUp(caseId, body, staffActor(p, meta)), p);
  }

  close(caseId: string, body: TCloseAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.close(caseId, body, staffActor(p, meta)), p);
  }

  reopen(caseId: string, body: TReopenAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.reopen(caseId, body, staffActor(p, meta)), p);
  }

  merge(caseId: string, body: TMergeAction, p: Principal, meta: RequestMeta): Promise<TCaseDetail> {
    return this.answer(this.actions.merge(caseId, body, staffActor(p, meta)), p);
  }

  async contribute(caseId: string, body: TContributionAction, p: Principal, meta: RequestMeta): Promise<TCaseEvent[]> {
    await this.actions.contribute(caseId, body, staffActor(p, meta));
    return this.queries.events(caseId, p);
  }

  list(q: TCaseListQuery, p: Principal): Promise<TCaseList> {
    return this.queries.list(q, p);
  }

  counts(q: TCaseCountsQuery, p: Principal): Promise<TCaseCounts> {
    return this.queries.counts(q, p);
  }

  similar(q: TSimilarCasesQuery): Promise<TSimilarCase[]> {
    return this.queries.similar(q);
  }

  detail(caseId: string, p: Principal): Promise<TCaseDetail> {
    return this.queries.detail(caseId, p);
  }

  events(caseId: string, p: Principal): Promise<TCaseEvent[]> {
    return this.queries.events(caseId, p);
  }

  contact(caseId: string, p: Principal, meta: RequestMeta) {
    return this.queries.contact(caseId, p, meta);
  }

  /** Every action answers with the updated case as the actor now sees it. */
  private async answer(updated: Promise<CaseEntity>, p: Principal): Promise<TCaseDetail> {
    return this.queries.present(await updated, p);
  }
}
