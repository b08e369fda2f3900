import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { UserEntity } from '@hotline/database';
import type { Redis } from 'ioredis';
import type { Repository } from 'typeorm';
import { ACCESS_KEY, type AccessRule } from '../common/access.decorator';
import type { HotlineRequest } from '../common/request-context';
import { REDIS } from '../infra/infra.module';
import { TokenService } from './token.service';
import { DomainError } from '../common/domain-error';

export const ACCESS_COOKIE = 'hl_access';
export const revokedJtiKey = (prefix: string, jti: string) => `${prefix}:revoked-jti:${jti}`;

/**
 * Default-deny: a route with no @Public()/@Roles() declaration is refused for everyone.
 * Signed-in users are re-read on every request so a disabled account stops at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject('REDIS_PREFIX') private readonly prefix: string,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) throw new DomainError('auth.route_closed', 403, 'This route declares no access rule and is closed');
    const req = ctx.switchToHttp().getRequest<HotlineRequest>();
    if (rule.kind === 'public') {
      await this.authenticate(req).catch(() => undefined); // optional identity on public routes
      return true;
    }
    await this.authenticate(req);
    const principal = req.principal;
    if (!principal) throw new DomainError('auth.required', 401, 'Sign in first');
    if (!rule.roles.includes(principal.role))
      throw new DomainError('auth.forbidden_role', 403, 'Your role may not do this');
    return true;
  }

  private bearer(req: HotlineRequest): string | null {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7).trim();
    const cookies = (req as HotlineRequest & { cookies?: Record<string, string | undefined> }).cookies;
    return cookies?.[ACCESS_COOKIE] ?? null;
  }

  private async authenticate(req: HotlineRequest): Promise<void> {
    const token = this.bearer(req);
    if (!token) return;
    const claims = await this.tokens.verifyAccess(token);
    if (!claims)
      throw new DomainError('auth.session_invalid', 401, 'Your session is invalid or has expired; sign in again');
    if (await this.redis.exists(revokedJtiKey(this.prefix, claims.jti))) {
      throw new DomainError('auth.signed_out', 401, 'You have signed out; sign in again');
    }
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || user.disabled || user.tokenVersion !== claims.tokenVersion) {
      throw new DomainError('auth.session_revoked', 401, 'Your session is no longer valid; sign in again');
    }
    req.principal = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      bureauId: user.bureauId,
    };
    (req as HotlineRequest & { tokenClaims?: typeof claims }).tokenClaims = claims;
  }
}
