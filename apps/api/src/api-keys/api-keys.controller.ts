import {
  type TApiKey,
  type TApiKeyCreate,
  type TApiKeyCreated,
  ZApiKeyCreateSchema,
  ZApiKeyIdParam,
} from '@hotline/contracts';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { ApiKeysService } from './api-keys.service';

@ApiTags('admin: api keys')
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List API keys (without secrets)' })
  list(): Promise<TApiKey[]> {
    return this.apiKeys.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Issue an API key; the secret is in this response only' })
  issue(
    @Body({ schema: ZApiKeyCreateSchema }) body: TApiKeyCreate,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TApiKeyCreated> {
    return this.apiKeys.issue(body, p, meta);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke an API key at once' })
  revoke(
    @Param('id', { schema: ZApiKeyIdParam }) id: string,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TApiKey> {
    return this.apiKeys.revoke(id, p, meta);
  }
}
