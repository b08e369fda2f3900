import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { HotlineRequest, Principal } from './request-context';
import { DomainError } from './domain-error';

/** The authenticated principal; routes using it are never public, so absence is a bug → 401. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<HotlineRequest>();
  if (!req.principal) throw new DomainError('auth.required', 401, 'Sign in first');
  return req.principal;
});

export interface RequestMeta {
  ip: string;
  requestId: string;
  userAgent: string | null;
}

export const ReqMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<HotlineRequest>();
  return { ip: req.ip, requestId: String(req.id), userAgent: req.headers['user-agent'] ?? null };
});
