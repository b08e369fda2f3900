import {
  ZApiKey,
  ZApiKeyCreated,
  ZApiKeyCreateSchema,
  ZApiKeyIdParam,
  ZApiKeyList,
  type TApiKey,
  type TApiKeyCreate,
  type TApiKeyCreated,
} from '@hotline/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/current-principal.decorator';
import { ApiKeysService } from './api-keys.service';
import { Route } from '../common/route.decorator';

@ApiTags('admin: api keys')
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Route.get('', { access: ['admin'], summary: 'List API keys (without secrets)', response: ZApiKeyList })
  list(): Promise<TApiKey[]> {
    return this.apiKeys.list();
  }

  @Route.post('', {
    access: ['admin'],
    summary: 'Issue an API key; the secret is in this response only',
    response: ZApiKeyCreated,
  })
  issue(
    @Body({ schema: ZApiKeyCreateSchema }) body: TApiKeyCreate,
    @Actor() { principal: p, meta }: Actor,
  ): Promise<TApiKeyCreated> {
    return this.apiKeys.issue(body, p, meta);
  }

  @Route.post(':id/revoke', { access: ['admin'], summary: 'Revoke an API key at once', status: 200, response: ZApiKey })
  revoke(
    @Param('id', { schema: ZApiKeyIdParam }) id: string,
    @Actor() { principal: p, meta }: Actor,
  ): Promise<TApiKey> {
    return this.apiKeys.revoke(id, p, meta);
  }
}
