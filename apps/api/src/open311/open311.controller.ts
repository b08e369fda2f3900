import {
  ZOpen311BaseQuerySchema,
  ZOpen311CreatedRequestList,
  ZOpen311CreateRequestSchema,
  ZOpen311Discovery,
  ZOpen311ErrorList,
  ZOpen311RequestsQuerySchema,
  ZOpen311ServiceDefinition,
  ZOpen311ServiceList,
  ZOpen311ServiceRequestList,
  ZOpen311TokenList,
  type TOpen311BaseQuery,
  type TOpen311CreateRequest,
  type TOpen311RequestsQuery,
} from '@hotline/contracts';
import { Body, Controller, Param, Query, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ApiKeyEntity } from '@hotline/database';
import { IdempotencyKey } from '../cases/idempotency-key.decorator';
import { Public } from '../common/access.decorator';
import { ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import { RateLimit } from '../common/rate-limit.decorator';
import { Open311Language, StripFormatPipe } from './open311.decorators';
import { CurrentApiKey, Open311Guard, Open311KeyRequired } from './open311-api-key.guard';
import { Open311ExceptionFilter } from './open311-exception.filter';
import type { Open311Document, Open311Lang } from './open311-format';
import { Open311FormatInterceptor } from './open311-format.interceptor';
import { Open311IntakeService } from './open311-intake.service';
import { Open311RequestsService } from './open311-requests.service';
import { Open311ServicesService } from './open311-services.service';
import { DomainError } from '../common/domain-error';
import { responseContent, Route } from '../common/route.decorator';

/**
 * Open311 GeoReport v2 at /open311/v2 (outside the /api prefix, where clients expect it).
 * Public as far as staff sign-in goes: clients authenticate with api_key (Open311Guard).
 */
@ApiTags('open311')
@Controller('open311/v2')
@Public()
@RateLimit({ bucket: 'open311', perMinute: 'public', by: 'api-key-or-ip' })
@UseGuards(Open311Guard)
@UseFilters(Open311ExceptionFilter)
@UseInterceptors(Open311FormatInterceptor)
@ApiResponse({
  status: 'default',
  description: 'GeoReport errors',
  content: responseContent(ZOpen311ErrorList, 'text/xml'),
})
export class Open311Controller {
  constructor(
    private readonly services: Open311ServicesService,
    private readonly requests: Open311RequestsService,
    private readonly intake: Open311IntakeService,
  ) {}

  @Route.get('discovery.:format', {
    summary: 'Open311 discovery: contact, key service and endpoints',
    response: ZOpen311Discovery,
    alsoAs: 'text/xml',
  })
  discovery(@Query({ schema: ZOpen311BaseQuerySchema }) _q: TOpen311BaseQuery): Open311Document {
    return this.services.discovery();
  }

  @Route.get('services.:format', {
    summary: 'Open311 service list: one service per catalogue leaf',
    response: ZOpen311ServiceList,
    alsoAs: 'text/xml',
  })
  listServices(
    @Query({ schema: ZOpen311BaseQuerySchema }) _q: TOpen311BaseQuery,
    @Open311Language() lang: Open311Lang,
  ): Promise<Open311Document> {
    return this.services.list(lang);
  }

  @Route.get('services/:file', {
    summary: 'Open311 service definition: the extra questions of a service',
    response: ZOpen311ServiceDefinition,
    alsoAs: 'text/xml',
  })
  serviceDefinition(
    @Param('file', StripFormatPipe) code: string,
    @Query({ schema: ZOpen311BaseQuerySchema }) _q: TOpen311BaseQuery,
    @Open311Language() lang: Open311Lang,
  ): Promise<Open311Document> {
    return this.services.definition(code, lang);
  }

  @Route.get('requests.:format', {
    summary:
      'Open311 service requests (last 90 days by default, at most 1,000 per page); anonymous: web/open311 cases, street-level place',
    response: ZOpen311ServiceRequestList,
    alsoAs: 'text/xml',
  })
  listRequests(
    @Query({ schema: ZOpen311RequestsQuerySchema }) q: TOpen311RequestsQuery,
    @Open311Language() lang: Open311Lang,
    @CurrentApiKey() key: ApiKeyEntity | null,
  ): Promise<Open311Document> {
    return this.requests.query(q, lang, key !== null);
  }

  @Route.post('requests.:format', {
    summary: 'Open311 submit a service request (form-encoded; api_key required)',
    response: ZOpen311CreatedRequestList,
    alsoAs: 'text/xml',
  })
  @Open311KeyRequired()
  createRequest(
    @Body({ schema: ZOpen311CreateRequestSchema }) body: TOpen311CreateRequest,
    @CurrentApiKey() key: ApiKeyEntity,
    @Open311Language() lang: Open311Lang,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ): Promise<Open311Document> {
    return this.intake.create(body, key, lang, idempotencyKey, meta);
  }

  @Route.get('requests/:file', {
    summary: 'Open311 one service request by its id (the tracking number)',
    response: ZOpen311ServiceRequestList,
    alsoAs: 'text/xml',
  })
  oneRequest(
    @Param('file', StripFormatPipe) id: string,
    @Query({ schema: ZOpen311BaseQuerySchema }) _q: TOpen311BaseQuery,
    @Open311Language() lang: Open311Lang,
    @CurrentApiKey() key: ApiKeyEntity | null,
  ): Promise<Open311Document> {
    return this.requests.one(id, lang, key !== null);
  }

  @Route.get('tokens/:file', {
    summary: 'Open311 token → service_request_id',
    response: ZOpen311TokenList,
    alsoAs: 'text/xml',
  })
  token(
    @Param('file', StripFormatPipe) token: string,
    @Query({ schema: ZOpen311BaseQuerySchema }) _q: TOpen311BaseQuery,
  ): Promise<Open311Document> {
    return this.requests.token(token);
  }

  /**
   * Anything else under /open311/v2 gets a spec-shaped 404, not the staff API's error body.
   * Not an operation a client can call with success, so it stays out of the document (it was
   * listed once per HTTP method, each with no success answer).
   */
  @ApiExcludeEndpoint()
  @Route.all('*', {
    summary: 'Unknown Open311 endpoint',
    status: 404,
    response: ZOpen311ErrorList,
    alsoAs: 'text/xml',
  })
  unknown(): never {
    throw new DomainError('open311.endpoint_not_found', 404, 'Unknown Open311 endpoint; see discovery.xml');
  }
}
