import {
  ZCreateDispatchRuleSchema,
  ZDeactivateDispatchRuleSchema,
  ZDispatchPreviewBodySchema,
  ZDispatchPreviewQuerySchema,
  ZDispatchRulesQuerySchema,
  ZIdParam,
  ZUpdateDispatchRuleSchema,
  type TCreateDispatchRule,
  type TDeactivateDispatchRule,
  type TDispatchPreviewBody,
  type TDispatchPreviewQuery,
  type TDispatchRulesQuery,
  type TUpdateDispatchRule,
} from '@hotline/contracts';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { DispatchRulesService } from './dispatch-rules.service';

@ApiTags('dispatch')
@ApiBearerAuth()
@Controller('dispatch')
export class DispatchController {
  constructor(private readonly rules: DispatchRulesService) {}

  @Get('rules')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Dispatch catalogue rules, optionally for a category and everything below it' })
  list(@Query({ schema: ZDispatchRulesQuerySchema }) query: TDispatchRulesQuery) {
    return this.rules.list(query);
  }

  @Post('rules')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a rule: category (+ district, street, keyword) → lead and assisting bureaus' })
  create(
    @Body({ schema: ZCreateDispatchRuleSchema }) body: TCreateDispatchRule,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.rules.create(body, p, meta);
  }

  @Patch('rules/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a rule; send the version you read (409 when someone changed it since)' })
  update(
    @Param('id', { schema: ZIdParam }) id: number,
    @Body({ schema: ZUpdateDispatchRuleSchema }) body: TUpdateDispatchRule,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.rules.update(id, body, p, meta);
  }

  @Post('rules/:id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a rule; it stays in the history but no longer matches' })
  deactivate(
    @Param('id', { schema: ZIdParam }) id: number,
    @Body({ schema: ZDeactivateDispatchRuleSchema }) body: TDeactivateDispatchRule,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.rules.deactivate(id, body, p, meta);
  }

  @Get('rules/:id/versions')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Every version of a rule, oldest first, with who changed it' })
  versions(@Param('id', { schema: ZIdParam }) id: number) {
    return this.rules.versions(id);
  }

  @Get('preview')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Which bureau the catalogue would pick for a case, and why' })
  preview(@Query({ schema: ZDispatchPreviewQuerySchema }) query: TDispatchPreviewQuery) {
    return this.rules.preview(query);
  }

  @Post('preview')
  @Roles(...ALL_STAFF)
  @HttpCode(200)
  @ApiOperation({ summary: 'The same preview with the case in the body (long descriptions; nothing is stored)' })
  previewByBody(@Body({ schema: ZDispatchPreviewBodySchema }) body: TDispatchPreviewBody) {
    return this.rules.preview(body);
  }
}
