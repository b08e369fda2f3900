import {
  ZCreateDispatchRuleSchema,
  ZDeactivateDispatchRuleSchema,
  ZDispatchPreview,
  ZDispatchPreviewBodySchema,
  ZDispatchPreviewQuerySchema,
  ZDispatchRule,
  ZDispatchRuleList,
  ZDispatchRulesQuerySchema,
  ZDispatchRuleVersionList,
  ZIdParam,
  ZUpdateDispatchRuleSchema,
  type TCreateDispatchRule,
  type TDeactivateDispatchRule,
  type TDispatchPreviewBody,
  type TDispatchPreviewQuery,
  type TDispatchRulesQuery,
  type TUpdateDispatchRule,
} from '@hotline/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_STAFF } from '../common/access.decorator';
import { Actor } from '../common/current-principal.decorator';
import { DispatchRulesService } from './dispatch-rules.service';
import { Route } from '../common/route.decorator';

@ApiTags('dispatch')
@Controller('dispatch')
export class DispatchController {
  constructor(private readonly rules: DispatchRulesService) {}

  @Route.get('rules', {
    access: ['agent', 'supervisor', 'admin'],
    summary: 'Dispatch catalogue rules, optionally for a category and everything below it',
    response: ZDispatchRuleList,
  })
  list(@Query({ schema: ZDispatchRulesQuerySchema }) query: TDispatchRulesQuery) {
    return this.rules.list(query);
  }

  @Route.post('rules', {
    access: ['admin'],
    summary: 'Add a rule: category (+ district, street, keyword) → lead and assisting bureaus',
    response: ZDispatchRule,
  })
  create(
    @Body({ schema: ZCreateDispatchRuleSchema }) body: TCreateDispatchRule,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.rules.create(body, p, meta);
  }

  @Route.patch('rules/:id', {
    access: ['admin'],
    summary: 'Change a rule; send the version you read (409 when someone changed it since)',
    response: ZDispatchRule,
  })
  update(
    @Param('id', { schema: ZIdParam }) id: number,
    @Body({ schema: ZUpdateDispatchRuleSchema }) body: TUpdateDispatchRule,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.rules.update(id, body, p, meta);
  }

  @Route.post('rules/:id/deactivate', {
    access: ['admin'],
    summary: 'Retire a rule; it stays in the history but no longer matches',
    status: 200,
    response: ZDispatchRule,
  })
  deactivate(
    @Param('id', { schema: ZIdParam }) id: number,
    @Body({ schema: ZDeactivateDispatchRuleSchema }) body: TDeactivateDispatchRule,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.rules.deactivate(id, body, p, meta);
  }

  @Route.get('rules/:id/versions', {
    access: ['agent', 'supervisor', 'admin'],
    summary: 'Every version of a rule, oldest first, with who changed it',
    response: ZDispatchRuleVersionList,
  })
  versions(@Param('id', { schema: ZIdParam }) id: number) {
    return this.rules.versions(id);
  }

  @Route.get('preview', {
    access: ALL_STAFF,
    summary: 'Which bureau the catalogue would pick for a case, and why',
    response: ZDispatchPreview,
  })
  preview(@Query({ schema: ZDispatchPreviewQuerySchema }) query: TDispatchPreviewQuery) {
    return this.rules.preview(query);
  }

  @Route.post('preview', {
    access: ALL_STAFF,
    summary: 'The same preview with the case in the body (long descriptions; nothing is stored)',
    status: 200,
    response: ZDispatchPreview,
  })
  previewByBody(@Body({ schema: ZDispatchPreviewBodySchema }) body: TDispatchPreviewBody) {
    return this.rules.preview(body);
  }
}
