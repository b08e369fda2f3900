import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { HotlineRequest } from '../common/request-context';

/** The citizen's access code from the X-Access-Code header or the ?code= query parameter. */
export const AccessCode = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const req = ctx.switchToHttp().getRequest<HotlineRequest>();
  const header = req.headers['x-access-code'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const fromQuery = (req.query as Record<string, unknown> | undefined)?.['code'];
  const code = fromHeader ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
  return code?.trim().toUpperCase() || undefined;
});
