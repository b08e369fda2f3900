import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { CONTENT_TYPES, formatOfPath, type Open311Document, render } from './open311-format';

/** Handlers return an Open311Document; this writes it as XML or JSON per the URL suffix. */
@Injectable()
export class Open311FormatInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler<Open311Document>): Observable<string> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    // The guard already refused unknown formats.
    const format = formatOfPath(req.url) ?? 'json';
    return next.handle().pipe(
      map((doc) => {
        void reply.header('content-type', CONTENT_TYPES[format]);
        return render(doc, format);
      }),
    );
  }
}
