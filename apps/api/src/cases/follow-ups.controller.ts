import {
  ZCaseIdParam,
  ZFollowUpAttemptSchema,
  ZFollowUpWorklistQuerySchema,
  type TFollowUpAttempt,
  type TFollowUpWorklistQuery,
} from '@hotline/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get('follow-ups')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Follow-up worklist (回访): replied cases, oldest reply first; cases to call back later after the others',
  })
  worklist(@Query({ schema: ZFollowUpWorklistQuerySchema }) q: TFollowUpWorklistQuery) {
    return this.followUps.worklist(q);
  }

  @Post('cases/:id/follow-up-attempts')
  @Roles('agent', 'supervisor')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record an unsuccessful follow-up call (unreachable, wrong number, refused, call back later)',
  })
  attempt(
    @Param('id', { schema: ZCaseIdParam }) caseId: string,
    @Body({ schema: ZFollowUpAttemptSchema }) body: TFollowUpAttempt,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.followUps.recordAttempt(caseId, body, p, meta);
  }
}
