import {
  ZDeadlineCaseIdParam,
  ZDeadlineRowIdParam,
  ZSupervisionAnswerInput,
  ZSupervisionNoticeAnswered,
  ZSupervisionNoticeInput,
  ZSupervisionNoticeIssued,
  ZSupervisionNoticeList,
  type TSupervisionAnswerInput,
  type TSupervisionNoticeInput,
} from '@hotline/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_STAFF } from '../common/access.decorator';
import { Actor, CurrentPrincipal } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { SupervisionService } from './supervision.service';
import { Route } from '../common/route.decorator';

@ApiTags('supervision')
@Controller()
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Route.post('cases/:id/supervision-notices', {
    access: ['supervisor'],
    summary: 'Issue a supervision notice (督办) with a demand and a due time',
    response: ZSupervisionNoticeIssued,
  })
  issue(
    @Param('id', { schema: ZDeadlineCaseIdParam }) id: string,
    @Body({ schema: ZSupervisionNoticeInput }) body: TSupervisionNoticeInput,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.supervision.issue(p, id, body, meta);
  }

  @Route.get('cases/:id/supervision-notices', {
    access: ALL_STAFF,
    summary: "A case's supervision notices",
    response: ZSupervisionNoticeList,
  })
  list(@CurrentPrincipal() p: Principal, @Param('id', { schema: ZDeadlineCaseIdParam }) id: string) {
    return this.supervision.listForCase(p, id);
  }

  @Route.post('supervision-notices/:id/answer', {
    access: ['handler'],
    summary: "Answer a supervision notice (the bureau's handler); meets its deadline",
    status: 200,
    response: ZSupervisionNoticeAnswered,
  })
  answer(
    @Param('id', { schema: ZDeadlineRowIdParam }) id: string,
    @Body({ schema: ZSupervisionAnswerInput }) body: TSupervisionAnswerInput,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.supervision.answer(p, id, body, meta);
  }
}
