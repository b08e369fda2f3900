import {
  ZBoardQuery,
  ZCaseDeadlineHistory,
  ZDeadlineBureauCountsList,
  ZDeadlineCaseIdParam,
  ZDeadlinePolicy,
  ZDeadlinePolicyIdParam,
  ZDeadlinePolicyInput,
  ZDeadlinePolicyList,
  ZDeadlinePolicyRetired,
  ZDeadlinePolicyUpdate,
  ZDeadlinePolicyVersionList,
  ZDeadlineRowIdParam,
  ZDeadlinesPaused,
  ZDeadlinesResumed,
  ZDeadlineViewList,
  ZExtensionDecided,
  ZExtensionDecisionInput,
  ZExtensionRequested,
  ZExtensionRequestInput,
  ZPauseInput,
  ZPendingExtensionList,
  type TBoardQuery,
  type TDeadlinePolicyInput,
  type TDeadlinePolicyUpdate,
  type TExtensionDecisionInput,
  type TExtensionRequestInput,
  type TPauseInput,
} from '@hotline/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_STAFF } from '../common/access.decorator';
import { Actor, CurrentPrincipal } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { DeadlineActionsService } from './deadline-actions.service';
import { DeadlineBoardService } from './deadline-board.service';
import { DeadlinePoliciesService } from './deadline-policies.service';
import { Route } from '../common/route.decorator';

@ApiTags('deadlines')
@Controller()
export class DeadlinesController {
  constructor(
    private readonly board: DeadlineBoardService,
    private readonly actions: DeadlineActionsService,
    private readonly policies: DeadlinePoliciesService,
  ) {}

  @Route.get('deadlines/due-soon', {
    access: ALL_STAFF,
    summary: 'Running deadlines due within the window, soonest first (handlers: own bureau)',
    response: ZDeadlineViewList,
  })
  dueSoon(@CurrentPrincipal() p: Principal, @Query({ schema: ZBoardQuery }) q: TBoardQuery) {
    return this.board.dueSoon(p, q);
  }

  @Route.get('deadlines/overdue', {
    access: ALL_STAFF,
    summary: 'Missed deadlines not yet settled, most overdue first',
    response: ZDeadlineViewList,
  })
  overdue(@CurrentPrincipal() p: Principal, @Query({ schema: ZBoardQuery }) q: TBoardQuery) {
    return this.board.overdue(p, q);
  }

  @Route.get('deadlines/escalated', {
    access: ['supervisor', 'admin', 'agent', 'handler'],
    summary: 'Leadership list: still overdue N working days after the reminder',
    response: ZDeadlineViewList,
  })
  escalated(@CurrentPrincipal() p: Principal, @Query({ schema: ZBoardQuery }) q: TBoardQuery) {
    return this.board.escalated(p, q);
  }

  @Route.get('deadlines/counts', {
    access: ALL_STAFF,
    summary: 'Pending, warning, due-soon, overdue and escalated counts per bureau',
    response: ZDeadlineBureauCountsList,
  })
  counts(@CurrentPrincipal() p: Principal, @Query({ schema: ZBoardQuery }) q: TBoardQuery) {
    return this.board.countsByBureau(p, q);
  }

  @Route.get('cases/:id/deadlines', {
    access: ALL_STAFF,
    summary: "A case's deadline history, extension requests and supervision notices",
    response: ZCaseDeadlineHistory,
  })
  history(@CurrentPrincipal() p: Principal, @Param('id', { schema: ZDeadlineCaseIdParam }) id: string) {
    return this.board.history(p, id);
  }

  @Route.post('cases/:id/extensions', {
    access: ['handler'],
    summary: 'Ask for more time (延期) before the deadline, with a reason and a new due time',
    response: ZExtensionRequested,
  })
  requestExtension(
    @Param('id', { schema: ZDeadlineCaseIdParam }) id: string,
    @Body({ schema: ZExtensionRequestInput }) body: TExtensionRequestInput,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.actions.requestExtension(p, id, body, meta);
  }

  @Route.get('extensions', {
    access: ['supervisor', 'admin', 'handler'],
    summary: 'Extension requests waiting for a decision',
    response: ZPendingExtensionList,
  })
  pendingExtensions(@CurrentPrincipal() p: Principal) {
    return this.actions.listPendingExtensions(p);
  }

  @Route.post('extensions/:id/decision', {
    access: ['supervisor'],
    summary: 'Approve (moves the deadline and re-schedules) or reject an extension request',
    status: 200,
    response: ZExtensionDecided,
  })
  decide(
    @Param('id', { schema: ZDeadlineRowIdParam }) id: string,
    @Body({ schema: ZExtensionDecisionInput }) body: TExtensionDecisionInput,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.actions.decideExtension(p, id, body, meta);
  }

  @Route.post('cases/:id/deadlines/pause', {
    access: ['handler', 'supervisor'],
    summary: 'Pause the clock (e.g. waiting for the citizen), where policy allows; reason required',
    status: 200,
    response: ZDeadlinesPaused,
  })
  pause(
    @Param('id', { schema: ZDeadlineCaseIdParam }) id: string,
    @Body({ schema: ZPauseInput }) body: TPauseInput,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.actions.pause(p, id, body, meta);
  }

  @Route.post('cases/:id/deadlines/resume', {
    access: ['handler', 'supervisor'],
    summary: 'Resume a paused clock; the remaining time carries over',
    status: 200,
    response: ZDeadlinesResumed,
  })
  resume(@Param('id', { schema: ZDeadlineCaseIdParam }) id: string, @Actor() { principal: p, meta }: Actor) {
    return this.actions.resume(p, id, meta);
  }

  @Route.get('deadline-policies', {
    access: ALL_STAFF,
    summary: 'Active deadline policies',
    response: ZDeadlinePolicyList,
  })
  listPolicies() {
    return this.policies.list();
  }

  @Route.get('deadline-policies/:id/versions', {
    access: ['admin', 'supervisor'],
    summary: 'Every version of a policy',
    response: ZDeadlinePolicyVersionList,
  })
  policyVersions(@Param('id', { schema: ZDeadlinePolicyIdParam }) id: number) {
    return this.policies.versions(id);
  }

  @Route.post('deadline-policies', {
    access: ['admin'],
    summary: 'Add a deadline policy (category at any level, request type, urgency)',
    response: ZDeadlinePolicy,
  })
  createPolicy(
    @Body({ schema: ZDeadlinePolicyInput }) body: TDeadlinePolicyInput,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.policies.create(p, body, meta);
  }

  @Route.put('deadline-policies/:id', {
    access: ['admin'],
    summary: 'Change a policy (optimistic: send the version you saw)',
    response: ZDeadlinePolicy,
  })
  updatePolicy(
    @Param('id', { schema: ZDeadlinePolicyIdParam }) id: number,
    @Body({ schema: ZDeadlinePolicyUpdate }) body: TDeadlinePolicyUpdate,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.policies.update(p, id, body, meta);
  }

  @Route.delete('deadline-policies/:id', {
    access: ['admin'],
    summary: 'Retire a policy (kept in its version history)',
    response: ZDeadlinePolicyRetired,
  })
  deactivatePolicy(
    @Param('id', { schema: ZDeadlinePolicyIdParam }) id: number,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.policies.deactivate(p, id, meta);
  }
}
