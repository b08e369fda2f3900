import { ZIdempotencyKey } from '@hotline/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { HotlineRequest } from '../common/request-context';
import { DomainError } from '../common/domain-error';

/** The optional `Idempotency-Key` header, validated: a retried request returns the first case. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const raw = ctx.switchToHttp().getRequest<HotlineRequest>().headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const parsed = ZIdempotencyKey.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!parsed.success)
    throw new DomainError(
      'request.invalid_idempotency_key',
      400,
      parsed.error.issues[0]?.message ?? 'Bad Idempotency-Key',
    );
  return parsed.data;
});
