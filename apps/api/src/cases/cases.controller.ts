import {
  ZAcceptActionSchema,
  ZCaseCountsQuerySchema,
  ZCaseIdParam,
  ZCaseIntakeSchema,
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
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { CasesService } from './cases.service';
import { IdempotencyKey } from './idempotency-key.decorator';

const id = { schema: ZCaseIdParam };

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Register a phone case; dispatched at once when the catalogue matches (Idempotency-Key)' })
  intake(
    @Body({ schema: ZCaseIntakeSchema }) body: TCaseIntake,
    @IdempotencyKey() key: string | undefined,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.cases.intakeByPhone(body, p, key, meta);
  }

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'List and search cases (filters, keyset pagination); handlers see their bureau only' })
  list(@Query({ schema: ZCaseListQuerySchema }) q: TCaseListQuery, @CurrentPrincipal() p: Principal) {
    return this.cases.list(q, p);
  }

  @Get('counts')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary: 'Counts of open cases per inbox tab, board column or queue (set=inbox|board|queue), scoped like the lists',
  })
  counts(@Query({ schema: ZCaseCountsQuerySchema }) q: TCaseCountsQuery, @CurrentPrincipal() p: Principal) {
    return this.cases.counts(q, p);
  }

  @Get('similar')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Possible repeats: open and recent cases from the same caller or the same place' })
  similar(@Query({ schema: ZSimilarCasesQuerySchema }) q: TSimilarCasesQuery) {
    return this.cases.similar(q);
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'One case with its version and the actions the viewer may take' })
  detail(@Param('id', id) caseId: string, @CurrentPrincipal() p: Principal) {
    return this.cases.detail(caseId, p);
  }

  @Get(':id/events')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'The case timeline (append-only)' })
  events(@Param('id', id) caseId: string, @CurrentPrincipal() p: Principal) {
    return this.cases.events(caseId, p);
  }

  @Get(':id/contact')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "The citizen's unmasked contact (lead bureau, when allowed); audited" })
  contact(@Param('id', id) caseId: string, @CurrentPrincipal() p: Principal, @ReqMeta() meta: RequestMeta) {
    return this.cases.contact(caseId, p, meta);
  }

  @Post(':id/dispatch')
  @Roles('agent', 'supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dispatch a queued case to a bureau (派单)' })
  dispatch(
    @Param('id', id) caseId: string,
    @Body({ schema: ZDispatchActionSchema }) b: TDispatchAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.dispatch(caseId, b, p, m);
  }

  @Post(':id/redispatch')
  @Roles('agent', 'supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the case to another bureau (改派)' })
  redispatch(
    @Param('id', id) caseId: string,
    @Body({ schema: ZRedispatchActionSchema }) b: TRedispatchAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.redispatch(caseId, b, p, m);
  }

  @Post(':id/accept')
  @Roles('handler')
  @HttpCode(200)
  @ApiOperation({ summary: 'The lead bureau accepts the case (签收)' })
  accept(
    @Param('id', id) caseId: string,
    @Body({ schema: ZAcceptActionSchema }) b: TAcceptAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.accept(caseId, b, p, m);
  }

  @Post(':id/return')
  @Roles('handler')
  @HttpCode(200)
  @ApiOperation({ summary: 'The lead bureau returns the case with a reason (退单)' })
  return(
    @Param('id', id) caseId: string,
    @Body({ schema: ZReturnActionSchema }) b: TReturnAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.requestReturn(caseId, b, p, m);
  }

  @Post(':id/return-decision')
  @Roles('agent', 'supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: "Decide a bureau's return: redispatch, send back, or requeue" })
  returnDecision(
    @Param('id', id) caseId: string,
    @Body({ schema: ZReturnDecisionSchema }) b: TReturnDecision,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.returnDecision(caseId, b, p, m);
  }

  @Post(':id/reply')
  @Roles('handler')
  @HttpCode(200)
  @ApiOperation({ summary: 'The lead bureau replies: public text for the citizen, optional internal note (答复)' })
  reply(
    @Param('id', id) caseId: string,
    @Body({ schema: ZReplyActionSchema }) b: TReplyAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.reply(caseId, b, p, m);
  }

  @Post(':id/follow-up')
  @Roles('agent', 'supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the follow-up call (回访); unsolved or dissatisfied reopens the case' })
  followUp(
    @Param('id', id) caseId: string,
    @Body({ schema: ZFollowUpActionSchema }) b: TFollowUpAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.followUp(caseId, b, p, m);
  }

  @Post(':id/close')
  @Roles('agent', 'supervisor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a replied case without a follow-up answer' })
  close(
    @Param('id', id) caseId: string,
    @Body({ schema: ZCloseActionSchema }) b: TCloseAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.close(caseId, b, p, m);
  }

  @Post(':id/reopen')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed case for its bureau' })
  reopen(
    @Param('id', id) caseId: string,
    @Body({ schema: ZReopenActionSchema }) b: TReopenAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.reopen(caseId, b, p, m);
  }

  @Post(':id/merge')
  @Roles('agent', 'supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge a repeat into its parent case (并单); the child follows the parent' })
  merge(
    @Param('id', id) caseId: string,
    @Body({ schema: ZMergeActionSchema }) b: TMergeAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.merge(caseId, b, p, m);
  }

  @Post(':id/contributions')
  @Roles('handler')
  @HttpCode(201)
  @ApiOperation({ summary: 'An assisting (or the lead) bureau records its part of the work' })
  contribute(
    @Param('id', id) caseId: string,
    @Body({ schema: ZContributionActionSchema }) b: TContributionAction,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() m: RequestMeta,
  ) {
    return this.cases.contribute(caseId, b, p, m);
  }
}
