import { findHostileInput } from '@hotline/contracts';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainError } from './domain-error';

/**
 * The one edge check for hostile input, before any pipe or handler sees it: every string in
 * the body, the query and the path must be storable text (no NUL, no C0 control characters
 * but tab and line breaks, no lone surrogates), no key may name Object.prototype's
 * properties, and nothing nests deeper than MAX_INPUT_DEPTH. A refusal is a 400 that
 * changes nothing; route filters (Open311) still format it their way.
 */
@Injectable()
export class HostileInputInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() === 'http') {
      const req = ctx.switchToHttp().getRequest<FastifyRequest>();
      const problem =
        findHostileInput(req.params, 'path') ??
        findHostileInput(req.query, 'query') ??
        findHostileInput(req.body, 'body');
      if (problem) throw new DomainError('request.hostile_input', 400, `Invalid input: ${problem}`);
    }
    return next.handle();
  }
}
