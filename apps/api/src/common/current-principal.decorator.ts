import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { HotlineRequest, Principal } from './request-context';
import { DomainError } from './domain-error';

/** The authenticated principal; routes using it are never public, so absence is a bug → 401. */
function principalOf(req: HotlineRequest): Principal {
  if (!req.principal) throw new DomainError('auth.required', 401, 'Sign in first');
  return req.principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal =>
  principalOf(ctx.switchToHttp().getRequest<HotlineRequest>()),
);

export interface RequestMeta {
  ip: string;
  requestId: string;
  userAgent: string | null;
}

function metaOf(req: HotlineRequest): RequestMeta {
  return { ip: req.ip, requestId: String(req.id), userAgent: req.headers['user-agent'] ?? null };
}

export const ReqMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta =>
  metaOf(ctx.switchToHttp().getRequest<HotlineRequest>()),
);

/** Who acts and from where: what every audited staff mutation hands its service. */
export interface Actor {
  principal: Principal;
  meta: RequestMeta;
}

/** The signed-in principal plus the request's audit metadata, in one parameter. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<HotlineRequest>();
  return { principal: principalOf(req), meta: metaOf(req) };
});
