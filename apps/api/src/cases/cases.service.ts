import type {
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
import { Injectable } from '@nestjs/common';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { CaseActionsService } from './case-actions.service';
import { staffActor } from './case-actor';
import { CaseIntakeService } from './case-intake.service';
import { toCaseDetail } from './case-presenter';
import { CaseQueryService } from './case-query.service';

/** The lifecycle actions a staff route may call, by name, with their body types. */
type ActionName =
  | 'dispatch'
  | 'redispatch'
  | 'accept'
  | 'return'
  | 'returnDecision'
  | 'reply'
  | 'followUp'
  | 'close'
  | 'reopen'
  | 'merge';
type ActionBody<A extends ActionName> = Parameters<CaseActionsService[A]>[1];

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

  async act<A extends ActionName>(
    name: A,
    caseId: string,
    body: ActionBody<A>,
    p: Principal,
    meta: RequestMeta,
  ): Promise<TCaseDetail> {
    const run = this.actions[name].bind(this.actions) as (
      id: string,
      b: ActionBody<A>,
      a: ReturnType<typeof staffActor>,
    ) => ReturnType<CaseActionsService[A]>;
    const updated = await run(caseId, body, staffActor(p, meta));
    return this.queries.present(updated, p);
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
}
