import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../common/access.decorator';
import { DomainError } from '../common/domain-error';
import type { HotlineRequest } from '../common/request-context';
import { SessionAuthenticator } from './session-authenticator';

export { ACCESS_COOKIE } from './session-authenticator';

/**
 * Default-deny: a route with no @Public()/@Roles() declaration is refused for everyone.
 * Signed-in users are re-read on every request (SessionAuthenticator) so a disabled account
 * or a revoked session stops at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: SessionAuthenticator,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) throw new DomainError('auth.route_closed', 403, 'This route declares no access rule and is closed');
    const req = ctx.switchToHttp().getRequest<HotlineRequest>();
    const auth = await this.authenticator.authenticate(req);
    if (auth.kind === 'signed-in') {
      req.principal = auth.principal;
      (req as HotlineRequest & { tokenClaims?: typeof auth.claims }).tokenClaims = auth.claims;
    }
    // Public routes take an optional identity: a stale token there is simply ignored.
    if (rule.kind === 'public') return true;
    if (auth.kind === 'refused') throw new DomainError(auth.code, 401, auth.message);
    const principal = req.principal;
    if (!principal) throw new DomainError('auth.required', 401, 'Sign in first');
    if (!rule.roles.includes(principal.role))
      throw new DomainError('auth.forbidden_role', 403, 'Your role may not do this');
    return true;
  }
}
