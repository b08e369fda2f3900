import { env } from '@hotline/config';
import type { TApiKey, TApiKeyCreate, TApiKeyCreated } from '@hotline/contracts';
import type { ApiKeyEntity } from '@hotline/database';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { REDIS } from '../infra/infra.module';
import { ApiKeysRepository } from './api-keys.repository';
import { DomainError, withHeaders } from '../common/domain-error';

/** Secrets look like `hk_<43 base64url chars>`: recognisable in logs and config, 256 bits strong. */
const KEY_PREFIX = 'hk_';
const DISPLAY_PREFIX_LENGTH = 10;
const WINDOW_SECONDS = 60;

export const hashApiKey = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function toApiKeyView(row: ApiKeyEntity): TApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.keyPrefix,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  };
}

/** The identity an API key gives a request: what intake and the audit log record. */
export interface ApiKeyActor {
  type: 'api_key';
  id: string;
  name: string;
}

/** Admins issue, list and revoke keys; integrations authenticate with them. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject('REDIS_PREFIX') private readonly prefix: string,
  ) {}

  async list(): Promise<TApiKey[]> {
    return (await this.keys.listNewestFirst()).map(toApiKeyView);
  }

  /** The secret is in this response only; the database keeps its sha256. */
  async issue(cmd: TApiKeyCreate, by: Principal, meta: RequestMeta): Promise<TApiKeyCreated> {
    const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await this.dataSource.transaction(async (m) => {
      const created = await this.keys.insert(
        {
          name: cmd.name,
          keyHash: hashApiKey(secret),
          keyPrefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
          rateLimitPerMinute: cmd.rateLimitPerMinute,
          createdBy: by.userId,
        },
        m,
      );
      await this.audit.record(
        {
          action: 'api_key.issue',
          actor: by,
          targetType: 'api_key',
          targetId: created.id,
          meta,
          detail: { name: created.name, prefix: created.keyPrefix, rateLimitPerMinute: created.rateLimitPerMinute },
        },
        m,
      );
      return created;
    });
    return { ...toApiKeyView(row), key: secret };
  }

  async revoke(id: string, by: Principal, meta: RequestMeta): Promise<TApiKey> {
    const row = await this.dataSource.transaction(async (m) => {
      const current = await this.keys.findByIdForUpdate(id, m);
      if (!current) throw new DomainError('api_key.not_found', 404, 'No API key with that id');
      if (current.revokedAt) throw new DomainError('api_key.already_revoked', 409, 'That API key is already revoked');
      const revoked = await this.keys.markRevoked(id, m);
      await this.audit.record(
        {
          action: 'api_key.revoke',
          actor: by,
          targetType: 'api_key',
          targetId: id,
          meta,
          detail: { name: current.name },
        },
        m,
      );
      return revoked;
    });
    return toApiKeyView(row);
  }

  /** The active key with this secret, or null for an unknown or revoked one. */
  async authenticate(secret: string): Promise<ApiKeyEntity | null> {
    if (!secret.startsWith(KEY_PREFIX) || secret.length > 200) return null;
    const key = await this.keys.findActiveByHash(hashApiKey(secret));
    if (key) await this.keys.touchLastUsed(key.id);
    return key;
  }

  /** Fixed one-minute windows per key in Redis, shared by every API instance. */
  async enforceRateLimit(key: ApiKeyEntity): Promise<void> {
    await this.countOrRefuse(
      `api-key:${key.id}`,
      key.rateLimitPerMinute,
      (s) => `This API key is limited to ${key.rateLimitPerMinute} requests a minute; try again in ${s} seconds`,
    );
  }

  /** Requests with a wrong api_key, per address, on the public budget (they skip the per-address one). */
  async enforceInvalidKeyLimit(ip: string): Promise<void> {
    await this.countOrRefuse(
      `api-key-invalid:${ip}`,
      env().RATE_LIMIT_PUBLIC_PER_MINUTE,
      (s) => `Too many requests; try again in ${s} seconds`,
    );
  }

  private async countOrRefuse(who: string, limit: number, message: (retryAfter: number) => string): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
    const counter = `${this.prefix}:rl:${who}:${window}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(counter)
      .expire(counter, WINDOW_SECONDS + 1)
      .exec()) as [[unknown, number]];
    if (count <= limit) return;
    const retryAfter = Math.max(1, (window + 1) * WINDOW_SECONDS - Math.floor(Date.now() / 1000));
    throw withHeaders(
      new DomainError('rate_limit.exceeded', 429, message(retryAfter), { seconds: retryAfter, limit }),
      {
        'Retry-After': String(retryAfter),
      },
    );
  }
}
