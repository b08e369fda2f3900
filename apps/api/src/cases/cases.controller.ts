import {
  ZAcceptActionSchema,
  ZCaseContact,
  ZCaseCounts,
  ZCaseCountsQuerySchema,
  ZCaseDetail,
  ZCaseEventList,
  ZCaseIdParam,
  ZCaseIntakeResult,
  ZCaseIntakeSchema,
  ZCaseListPage,
  ZCaseListQuerySchema,
  ZCloseActionSchema,
  ZContributionActionSchema,
  ZDispatchActionSchema,
  ZFollowUpActionSchema,
  ZMergeActionSchema,
  ZRedispatchActionSchema,
  ZReopenActionSchema,
  ZReplyActionSchema,
  ZReturnActionSchema,
  ZReturnDecisionSchema,
  ZSimilarCaseList,
  ZSimilarCasesQuerySchema,
  type TAcceptAction,
  type TCaseCountsQuery,
  type TCaseIntake,
  type TCaseListQuery,
  type TCloseAction,
  type TContributionAction,
  type TDispatchAction,
  type TFollowUpAction,
  type TMergeAction,
  type TRedispatchAction,
  type TReopenAction,
  type TReplyAction,
  type TReturnAction,
  type TReturnDecision,
  type TSimilarCasesQuery,
} from '@hotline/contracts';
import type { StaffRole } from '@hotline/database';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_STAFF } from '../common/access.decorator';
import { Actor, CurrentPrincipal } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { CasesService } from './cases.service';
import { IdempotencyKey } from './idempotency-key.decorator';
import { Route } from '../common/route.decorator';

const id = { schema: ZCaseIdParam };

/** A lifecycle action (POST, 200): the answer is the case as it stands afterwards. */
const CaseAction = (path: string, access: readonly StaffRole[], summary: string) =>
  Route.post(path, { access, summary, status: 200, response: ZCaseDetail });

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Route.post('', {
    access: ['agent', 'supervisor'],
    summary: 'Register a phone case; dispatched at once when the catalogue matches (Idempotency-Key)',
    response: ZCaseIntakeResult,
  })
  intake(
    @Body({ schema: ZCaseIntakeSchema }) body: TCaseIntake,
    @IdempotencyKey() key: string | undefined,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.cases.intakeByPhone(body, p, key, meta);
  }

  @Route.get('', {
    access: ALL_STAFF,
    summary: 'List and search cases (filters, keyset pagination); handlers see their bureau only',
    response: ZCaseListPage,
  })
  list(@Query({ schema: ZCaseListQuerySchema }) q: TCaseListQuery, @CurrentPrincipal() p: Principal) {
    return this.cases.list(q, p);
  }

  @Route.get('counts', {
    access: ALL_STAFF,
    summary: 'Counts of open cases per inbox tab, board column or queue (set=inbox|board|queue), scoped like the lists',
    response: ZCaseCounts,
  })
  counts(@Query({ schema: ZCaseCountsQuerySchema }) q: TCaseCountsQuery, @CurrentPrincipal() p: Principal) {
    return this.cases.counts(q, p);
  }

  @Route.get('similar', {
    access: ['agent', 'supervisor'],
    summary: 'Possible repeats: open and recent cases from the same caller or the same place',
    response: ZSimilarCaseList,
  })
  similar(@Query({ schema: ZSimilarCasesQuerySchema }) q: TSimilarCasesQuery) {
    return this.cases.similar(q);
  }

  @Route.get(':id', {
    access: ALL_STAFF,
    summary: 'One case with its version and the actions the viewer may take',
    response: ZCaseDetail,
  })
  detail(@Param('id', id) caseId: string, @CurrentPrincipal() p: Principal) {
    return this.cases.detail(caseId, p);
  }

  @Route.get(':id/events', { access: ALL_STAFF, summary: 'The case timeline (append-only)', response: ZCaseEventList })
  events(@Param('id', id) caseId: string, @CurrentPrincipal() p: Principal) {
    return this.cases.events(caseId, p);
  }

  @Route.get(':id/contact', {
    access: ALL_STAFF,
    summary: "The citizen's unmasked contact (lead bureau, when allowed); audited",
    response: ZCaseContact,
  })
  contact(@Param('id', id) caseId: string, @Actor() { principal: p, meta }: Actor) {
    return this.cases.contact(caseId, p, meta);
  }

  @CaseAction(':id/dispatch', ['agent', 'supervisor'], 'Dispatch a queued case to a bureau (派单)')
  dispatch(
    @Param('id', id) caseId: string,
    @Body({ schema: ZDispatchActionSchema }) b: TDispatchAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.dispatch(caseId, b, p, m);
  }

  @CaseAction(':id/redispatch', ['agent', 'supervisor'], 'Move the case to another bureau (改派)')
  redispatch(
    @Param('id', id) caseId: string,
    @Body({ schema: ZRedispatchActionSchema }) b: TRedispatchAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.redispatch(caseId, b, p, m);
  }

  @CaseAction(':id/accept', ['handler'], 'The lead bureau accepts the case (签收)')
  accept(
    @Param('id', id) caseId: string,
    @Body({ schema: ZAcceptActionSchema }) b: TAcceptAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.accept(caseId, b, p, m);
  }

  @CaseAction(':id/return', ['handler'], 'The lead bureau returns the case with a reason (退单)')
  return(
    @Param('id', id) caseId: string,
    @Body({ schema: ZReturnActionSchema }) b: TReturnAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.requestReturn(caseId, b, p, m);
  }

  @CaseAction(
    ':id/return-decision',
    ['agent', 'supervisor'],
    "Decide a bureau's return: redispatch, send back, or requeue",
  )
  returnDecision(
    @Param('id', id) caseId: string,
    @Body({ schema: ZReturnDecisionSchema }) b: TReturnDecision,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.returnDecision(caseId, b, p, m);
  }

  @CaseAction(
    ':id/reply',
    ['handler'],
    'The lead bureau replies: public text for the citizen, optional internal note (答复)',
  )
  reply(
    @Param('id', id) caseId: string,
    @Body({ schema: ZReplyActionSchema }) b: TReplyAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.reply(caseId, b, p, m);
  }

  @CaseAction(
    ':id/follow-up',
    ['agent', 'supervisor'],
    'Record the follow-up call (回访); unsolved or dissatisfied reopens the case',
  )
  followUp(
    @Param('id', id) caseId: string,
    @Body({ schema: ZFollowUpActionSchema }) b: TFollowUpAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.followUp(caseId, b, p, m);
  }

  @CaseAction(':id/close', ['agent', 'supervisor', 'admin'], 'Close a replied case without a follow-up answer')
  close(
    @Param('id', id) caseId: string,
    @Body({ schema: ZCloseActionSchema }) b: TCloseAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.close(caseId, b, p, m);
  }

  @CaseAction(':id/reopen', ['supervisor', 'admin'], 'Reopen a closed case for its bureau')
  reopen(
    @Param('id', id) caseId: string,
    @Body({ schema: ZReopenActionSchema }) b: TReopenAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.reopen(caseId, b, p, m);
  }

  @CaseAction(
    ':id/merge',
    ['agent', 'supervisor'],
    'Merge a repeat into its parent case (并单); the child follows the parent',
  )
  merge(
    @Param('id', id) caseId: string,
    @Body({ schema: ZMergeActionSchema }) b: TMergeAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.merge(caseId, b, p, m);
  }

  @Route.post(':id/contributions', {
    access: ['handler'],
    summary: 'An assisting (or the lead) bureau records its part of the work',
    response: ZCaseEventList,
  })
  contribute(
    @Param('id', id) caseId: string,
    @Body({ schema: ZContributionActionSchema }) b: TContributionAction,
    @Actor() { principal: p, meta: m }: Actor,
  ) {
    return this.cases.contribute(caseId, b, p, m);
  }
}
