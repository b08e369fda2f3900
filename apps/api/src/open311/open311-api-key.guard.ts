import { env } from '@hotline/config';
import type { ApiKeyEntity } from '@hotline/database';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AuditService } from '../audit/audit.service';
import type { HotlineRequest } from '../common/request-context';
import { firstParam } from '../common/request-params';
import { formatOfPath } from './open311-format';
import { DomainError } from '../common/domain-error';

const KEY_REQUIRED = 'open311:api-key-required';

/** The route refuses requests without a valid api_key (the spec's writes). */
export const Open311KeyRequired = () => SetMetadata(KEY_REQUIRED, true);

type Open311Request = HotlineRequest & { apiKey?: ApiKeyEntity };

/** The key the request authenticated with (set by Open311Guard), or null on keyless reads. */
export const CurrentApiKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ApiKeyEntity | null =>
    ctx.switchToHttp().getRequest<Open311Request>().apiKey ?? null,
);

/**
 * What every Open311 request must get past before its handler: a known format suffix,
 * the configured jurisdiction (or none), and — where given or required — a live api_key,
 * rate-limited per key (a keyless request is limited per address by RateLimitGuard).
 * Requests made with a key are written to the audit log under it.
 */
@Injectable()
export class Open311Guard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Open311Request>();
    if (!formatOfPath(req.url))
      throw new DomainError('open311.invalid_format', 400, 'The format must be .xml or .json');

    const required = this.reflector.get<boolean | undefined>(KEY_REQUIRED, ctx.getHandler()) ?? false;
    const secret = firstParam(req, 'api_key');
    if (!secret && required) throw new DomainError('open311.api_key_required', 403, 'api_key is required');
    if (secret) {
      const key = await this.apiKeys.authenticate(secret);
      if (!key) {
        // Keyed requests skip the per-address budget (RateLimitGuard); wrong keys still count
        // against it, so guessing keys is as slow as any other anonymous traffic.
        await this.apiKeys.enforceInvalidKeyLimit(req.ip);
        throw new DomainError('open311.api_key_invalid', 403, 'api_key is invalid or has been revoked');
      }
      await this.apiKeys.enforceRateLimit(key);
      req.apiKey = key;
    }

    const jurisdiction = firstParam(req, 'jurisdiction_id');
    if (jurisdiction && jurisdiction !== env().OPEN311_JURISDICTION_ID) {
      throw new DomainError('open311.jurisdiction_not_found', 404, `jurisdiction_id ${jurisdiction} was not found`);
    }

    // Writes are audited by intake with the case they created; reads with a key here.
    if (req.apiKey && req.method === 'GET') {
      await this.audit.record({
        action: 'open311.read',
        actor: { type: 'api_key', id: req.apiKey.id },
        targetType: 'open311',
        targetId: req.url.split('?')[0] ?? null,
        meta: { ip: req.ip, requestId: String(req.id), userAgent: req.headers['user-agent'] ?? null },
        detail: { keyName: req.apiKey.name },
      });
    }
    return true;
  }
}
