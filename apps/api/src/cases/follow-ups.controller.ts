import {
  ZCaseIdParam,
  ZFollowUpAttemptSchema,
  ZFollowUpAttemptState,
  ZFollowUpWorklist,
  ZFollowUpWorklistQuerySchema,
  type TFollowUpAttempt,
  type TFollowUpWorklistQuery,
} from '@hotline/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/current-principal.decorator';
import { FollowUpsService } from './follow-ups.service';
import { Route } from '../common/route.decorator';

@ApiTags('cases')
@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Route.get('follow-ups', {
    access: ['agent', 'supervisor'],
    summary: 'Follow-up worklist (回访): replied cases, oldest reply first; cases to call back later after the others',
    response: ZFollowUpWorklist,
  })
  worklist(@Query({ schema: ZFollowUpWorklistQuerySchema }) q: TFollowUpWorklistQuery) {
    return this.followUps.worklist(q);
  }

  @Route.post('cases/:id/follow-up-attempts', {
    access: ['agent', 'supervisor'],
    summary: 'Record an unsuccessful follow-up call (unreachable, wrong number, refused, call back later)',
    response: ZFollowUpAttemptState,
  })
  attempt(
    @Param('id', { schema: ZCaseIdParam }) caseId: string,
    @Body({ schema: ZFollowUpAttemptSchema }) body: TFollowUpAttempt,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.followUps.recordAttempt(caseId, body, p, meta);
  }
}
