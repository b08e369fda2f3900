import { isErrorCode, type TErrorBody, type TErrorCode } from '@hotline/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseRefusal } from './database-errors';

/**
 * The one error body every client sees: a status, a stable machine `code` (libs/contracts
 * ERROR_CODES) that clients translate, a sentence a person understands, its `params`, details.
 */
export type ErrorBody = TErrorBody;

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of a refusal that did not name one (Nest's own exceptions, a plain HttpException). */
function codeForStatus(status: number, message: string): TErrorCode {
  if (status === 404 && /^Cannot [A-Z]+ /.test(message)) return 'route.not_found';
  const byStatus: Record<number, TErrorCode> = {
    400: 'request.invalid',
    401: 'auth.required',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    413: 'request.body_too_large',
    415: 'request.unsupported_media_type',
    422: 'request.unprocessable',
    429: 'rate_limit.exceeded',
    503: 'service.unavailable',
  };
  return byStatus[status] ?? (status >= 500 ? 'internal' : 'request.invalid');
}

function fromHttpException(e: HttpException): Omit<ErrorBody, 'requestId'> {
  const status = e.getStatus();
  const res = e.getResponse();
  const error = REASONS[status] ?? 'Error';
  if (typeof res === 'string') return { statusCode: status, error, code: codeForStatus(status, res), message: res };
  const body = res as { message?: unknown; details?: unknown; code?: unknown; params?: ErrorBody['params'] };
  // A list of "path: message" strings is a validation failure reported the way Nest's pipes do.
  if (Array.isArray(body.message)) {
    return {
      statusCode: status,
      error,
      code: isErrorCode(body.code) ? body.code : 'validation.invalid_input',
      message: `Invalid input: ${body.message.join('; ')}`,
      details: body.message,
    };
  }
  const message = typeof body.message === 'string' ? body.message : e.message;
  return {
    statusCode: status,
    error,
    code: isErrorCode(body.code) ? body.code : codeForStatus(status, message),
    message,
    ...(body.params !== undefined ? { params: body.params } : {}),
    ...(body.details !== undefined ? { details: body.details } : {}),
  };
}

/** Errors Fastify raises before a route runs (bad JSON, body too large, wrong content type). */
function fromFastifyError(e: {
  statusCode?: number;
  code?: string;
  message: string;
}): Omit<ErrorBody, 'requestId'> | null {
  if (!e.code?.startsWith('FST_') || !e.statusCode) return null;
  const status = e.statusCode;
  let message = e.message;
  let code = codeForStatus(status, message);
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    [code, message] = ['request.body_too_large', 'The request body is too large'];
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    [code, message] = ['request.unsupported_media_type', 'Unsupported content type; send application/json'];
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    [code, message] = ['request.empty_json', 'The request body is empty but JSON was declared'];
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError)
    [code, message] = ['request.invalid_json', 'The request body is not valid JSON'];
  return { statusCode: status, error: REASONS[status] ?? 'Error', code, message };
}

function fromDatabaseError(e: unknown): Omit<ErrorBody, 'requestId'> | null {
  const refusal = databaseRefusal(e);
  return refusal ? { ...refusal, error: REASONS[refusal.statusCode]! } : null;
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    let body: Omit<ErrorBody, 'requestId'> | null = null;
    // Nest's Fastify adapter wraps Fastify's own 4xx errors (bad JSON, body too large) in an
    // HttpException with the original as its cause; answer those in our words.
    const cause = exception instanceof HttpException ? exception.cause : undefined;
    if (cause instanceof Error) body = fromFastifyError(cause as Error & { statusCode?: number; code?: string });
    if (!body && exception instanceof HttpException) body = fromHttpException(exception);
    if (!body) body = fromDatabaseError(exception);
    if (!body && exception instanceof Error)
      body = fromFastifyError(exception as Error & { statusCode?: number; code?: string });
    if (!body) {
      this.logger.error({ err: exception, reqId: req.id }, 'Unhandled error');
      body = {
        statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
        error: REASONS[500]!,
        code: 'internal',
        message: 'Something went wrong on our side',
      };
    }
    const headers =
      exception instanceof HttpException
        ? (exception as HttpException & { headers?: Record<string, string> }).headers
        : undefined;
    if (headers) for (const [k, v] of Object.entries(headers)) void reply.header(k, v);
    void reply.status(body.statusCode).send({ ...body, requestId: String(req.id) });
  }
}
