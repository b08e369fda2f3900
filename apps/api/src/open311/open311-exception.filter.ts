import type { TOpen311Error } from '@hotline/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseRefusal } from '../common/database-errors';
import { CONTENT_TYPES, formatOfPath, render } from './open311-format';

/** Open311 clients read the messages alone: GeoReport's errors have no place for our codes. */
function descriptionsOf(e: HttpException): string[] {
  const res = e.getResponse();
  if (typeof res === 'string') return [res];
  const { message, details } = res as { message?: unknown; details?: unknown };
  if (Array.isArray(message)) return message.map(String);
  // A coded refusal listing several problems (attribute answers) keeps one error per problem.
  if (Array.isArray(details) && details.every((d) => typeof d === 'string')) return details;
  // A validation failure lists its fields ({path, message}); GeoReport shows each as 'path: message'.
  if (
    Array.isArray(details) &&
    details.length > 0 &&
    details.every((d) => typeof d === 'object' && d && 'message' in d)
  ) {
    return (details as { path?: unknown[]; message: string }[]).map((d) =>
      d.path?.length ? `${d.path.join('.')}: ${d.message}` : d.message,
    );
  }
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
