import type { TOpen311Error } from '@hotline/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseRefusal } from '../common/database-errors';
import { CONTENT_TYPES, formatOfPath, render } from './open311-format';

/** Nest's validation pipe reports 'path: message'; Open311 clients read the message alone. */
function descriptionsOf(e: HttpException): string[] {
  const res = e.getResponse();
  if (typeof res === 'string') return [res];
  const message = (res as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String);
  return [typeof message === 'string' ? message : e.message];
}

/**
 * Errors exactly as GeoReport v2 shows them: a list of {code, description}
 * (<errors><error>…</error></errors> in XML), in the format the URL asked for (JSON when
 * the format itself is what was wrong).
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let status = 500;
    let descriptions = ['Something went wrong on our side'];
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      descriptions = descriptionsOf(exception);
      const headers = (exception as HttpException & { headers?: Record<string, string> }).headers;
      if (headers) for (const [k, v] of Object.entries(headers)) void reply.header(k, v);
    } else if (databaseRefusal(exception)) {
      const refusal = databaseRefusal(exception)!;
      status = refusal.statusCode;
      descriptions = [refusal.message];
    } else {
      this.logger.error({ err: exception, reqId: req.id }, 'Unhandled Open311 error');
    }
    const errors: TOpen311Error[] = descriptions.map((description) => ({ code: status, description }));
    const format = formatOfPath(req.url) ?? 'json';
    void reply
      .status(status)
      .header('content-type', CONTENT_TYPES[format])
      .send(render({ root: 'errors', item: 'error', body: errors }, format));
  }
}
