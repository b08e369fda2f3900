import { env } from '@hotline/config';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { SessionAuthenticator } from '../auth/session-authenticator';
import { REDIS } from '../infra/infra.module';
import { RATE_LIMIT_KEY, type RateLimitRule } from './rate-limit.decorator';
import type { HotlineRequest } from './request-context';
import { firstParam } from './request-params';
import { DomainError, withHeaders } from './domain-error';

const WINDOW_SECONDS = 60;

/** Fixed one-minute windows in Redis (INCR + EXPIRE): cheap, shared by every API instance. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject('REDIS_PREFIX') private readonly prefix: string,
    private readonly authenticator: SessionAuthenticator,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<RateLimitRule | undefined>(RATE_LIMIT_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) return true;
    const req = ctx.switchToHttp().getRequest<HotlineRequest>();
    if (rule.by === 'api-key-or-ip' && firstParam(req, 'api_key')) return true;
    const limit = rule.perMinute === 'login' ? env().RATE_LIMIT_LOGIN_PER_MINUTE : env().RATE_LIMIT_PUBLIC_PER_MINUTE;
    const window = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
    let who = req.ip;
    if (rule.by === undefined || rule.by === 'ip' || rule.by === 'api-key-or-ip') {
      // Signed-in staff share one office address (a call centre behind NAT); counting them
      // per IP would lock out every agent at once, so a valid session (bearer or cookie, the
      // same check the AccessGuard makes) counts per user instead.
      const auth = await this.authenticator.authenticate(req);
      if (auth.kind === 'signed-in') who = `u:${auth.principal.userId}`;
    }
    if (rule.by === 'ip+username') {
      const username = (req.body as { username?: unknown } | undefined)?.username;
      who += `:${typeof username === 'string' ? username.toLowerCase().slice(0, 64) : '-'}`;
    }
    const key = `${this.prefix}:rl:${rule.bucket}:${who}:${window}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, WINDOW_SECONDS + 1)
      .exec()) as [[unknown, number]];
    if (count > limit) {
      const retryAfter = (window + 1) * WINDOW_SECONDS - Math.floor(Date.now() / 1000);
      const seconds = Math.max(1, retryAfter);
      throw withHeaders(
        new DomainError('rate_limit.exceeded', 429, `Too many requests; try again in ${retryAfter} seconds`, {
          seconds,
        }),
        { 'Retry-After': String(seconds) },
      );
    }
    return true;
  }
}
