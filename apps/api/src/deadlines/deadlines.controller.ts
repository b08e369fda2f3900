import {
  ZBoardQuery,
  ZDeadlineCaseIdParam,
  ZDeadlinePolicyIdParam,
  ZDeadlinePolicyInput,
  ZDeadlinePolicyUpdate,
  ZDeadlineRowIdParam,
  ZExtensionDecisionInput,
  ZExtensionRequestInput,
  ZPauseInput,
  type TBoardQuery,
  type TDeadlinePolicyInput,
  type TDeadlinePolicyUpdate,
  type TExtensionDecisionInput,
  type TExtensionRequestInput,
  type TPauseInput,
} from '@hotline/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { DeadlineActionsService } from './deadline-actions.service';
import { DeadlineBoardService } from './deadline-board.service';
import { DeadlinePoliciesService } from './deadline-policies.service';

@ApiTags('deadlines')
@Controller()
export class DeadlinesController {
  constructor(
    private readonly board: DeadlineBoardService,
    private readonly actions: DeadlineActionsService,
    private readonly policies: DeadlinePoliciesService,
  ) {}

  @Get('deadlines/due-soon')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Running deadlines due within the window, soonest first (handlers: own bureau)' })
  dueSoon(@CurrentPrincipal() p: Principal, @Query({ schema: ZBoardQuery }) q: TBoardQuery) {
    return this.board.dueSoon(p, q);
  }

  @Get('deadlines/overdue')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Missed deadlines not yet settled, most overdue first' })
  overdue(@CurrentPrincipal() p: Principal, @Query({ schema: ZBoardQuery }) q: TBoardQuery) {
    return this.board.overdue(p, q);
  }

  @Get('deadlines/escalated')
  @Roles('supervisor', 'admin', 'agent', 'handler')
  @ApiOperation({ summary: 'Leadership list: still overdue N working days after the reminder' })
  escalated(@CurrentPrincipal() p: Principal, @Query({ schema: ZBoardQuery }) q: TBoardQuery) {
    return this.board.escalated(p, q);
  }

  @Get('deadlines/counts')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Pending, warning, due-soon, overdue and escalated counts per bureau' })
  counts(@CurrentPrincipal() p: Principal, @Query({ schema: ZBoardQuery }) q: TBoardQuery) {
    return this.board.countsByBureau(p, q);
  }

  @Get('cases/:id/deadlines')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "A case's deadline history, extension requests and supervision notices" })
  history(@CurrentPrincipal() p: Principal, @Param('id', { schema: ZDeadlineCaseIdParam }) id: string) {
    return this.board.history(p, id);
  }

  @Post('cases/:id/extensions')
  @Roles('handler')
  @ApiOperation({ summary: 'Ask for more time (延期) before the deadline, with a reason and a new due time' })
  requestExtension(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: ZDeadlineCaseIdParam }) id: string,
    @Body({ schema: ZExtensionRequestInput }) body: TExtensionRequestInput,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.actions.requestExtension(p, id, body, meta);
  }

  @Get('extensions')
  @Roles('supervisor', 'admin', 'handler')
  @ApiOperation({ summary: 'Extension requests waiting for a decision' })
  pendingExtensions(@CurrentPrincipal() p: Principal) {
    return this.actions.listPendingExtensions(p);
  }

  @Post('extensions/:id/decision')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Approve (moves the deadline and re-schedules) or reject an extension request' })
  decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: ZDeadlineRowIdParam }) id: string,
    @Body({ schema: ZExtensionDecisionInput }) body: TExtensionDecisionInput,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.actions.decideExtension(p, id, body, meta);
  }

  @Post('cases/:id/deadlines/pause')
  @HttpCode(200)
  @Roles('handler', 'supervisor')
  @ApiOperation({ summary: 'Pause the clock (e.g. waiting for the citizen), where policy allows; reason required' })
  pause(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: ZDeadlineCaseIdParam }) id: string,
    @Body({ schema: ZPauseInput }) body: TPauseInput,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.actions.pause(p, id, body, meta);
  }

  @Post('cases/:id/deadlines/resume')
  @HttpCode(200)
  @Roles('handler', 'supervisor')
  @ApiOperation({ summary: 'Resume a paused clock; the remaining time carries over' })
  resume(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: ZDeadlineCaseIdParam }) id: string,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.actions.resume(p, id, meta);
  }

  @Get('deadline-policies')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Active deadline policies' })
  listPolicies() {
    return this.policies.list();
  }

  @Get('deadline-policies/:id/versions')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Every version of a policy' })
  policyVersions(@Param('id', { schema: ZDeadlinePolicyIdParam }) id: number) {
    return this.policies.versions(id);
  }

  @Post('deadline-policies')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a deadline policy (category at any level, request type, urgency)' })
  createPolicy(
    @CurrentPrincipal() p: Principal,
    @Body({ schema: ZDeadlinePolicyInput }) body: TDeadlinePolicyInput,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.policies.create(p, body, meta);
  }

  @Put('deadline-policies/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a policy (optimistic: send the version you saw)' })
  updatePolicy(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: ZDeadlinePolicyIdParam }) id: number,
    @Body({ schema: ZDeadlinePolicyUpdate }) body: TDeadlinePolicyUpdate,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.policies.update(p, id, body, meta);
  }

  @Delete('deadline-policies/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Retire a policy (kept in its version history)' })
  deactivatePolicy(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: ZDeadlinePolicyIdParam }) id: number,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.policies.deactivate(p, id, meta);
  }
}
