import {
  ZDeadlineCaseIdParam,
  ZDeadlineRowIdParam,
  ZSupervisionAnswerInput,
  ZSupervisionNoticeInput,
  type TSupervisionAnswerInput,
  type TSupervisionNoticeInput,
} from '@hotline/contracts';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { SupervisionService } from './supervision.service';

@ApiTags('supervision')
@Controller()
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Post('cases/:id/supervision-notices')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Issue a supervision notice (督办) with a demand and a due time' })
  issue(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: ZDeadlineCaseIdParam }) id: string,
    @Body({ schema: ZSupervisionNoticeInput }) body: TSupervisionNoticeInput,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.supervision.issue(p, id, body, meta);
  }

  @Get('cases/:id/supervision-notices')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "A case's supervision notices" })
  list(@CurrentPrincipal() p: Principal, @Param('id', { schema: ZDeadlineCaseIdParam }) id: string) {
    return this.supervision.listForCase(p, id);
  }

  @Post('supervision-notices/:id/answer')
  @HttpCode(200)
  @Roles('handler')
  @ApiOperation({ summary: "Answer a supervision notice (the bureau's handler); meets its deadline" })
  answer(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: ZDeadlineRowIdParam }) id: string,
    @Body({ schema: ZSupervisionAnswerInput }) body: TSupervisionAnswerInput,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.supervision.answer(p, id, body, meta);
  }
}
