import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseRefusal } from './database-errors';

/** The one error body every client sees: a status, a sentence a person understands, details. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

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

function fromHttpException(e: HttpException): Omit<ErrorBody, 'requestId'> {
  const status = e.getStatus();
  const res = e.getResponse();
  if (typeof res === 'string') return { statusCode: status, error: REASONS[status] ?? 'Error', message: res };
  const body = res as { message?: unknown; details?: unknown };
  // The standard-schema pipe reports a list of "path: message" strings.
  if (Array.isArray(body.message)) {
    return {
      statusCode: status,
      error: REASONS[status] ?? 'Error',
      message: `Invalid input: ${body.message.join('; ')}`,
      details: body.message,
    };
  }
  return {
    statusCode: status,
    error: REASONS[status] ?? 'Error',
    message: typeof body.message === 'string' ? body.message : e.message,
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
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = 'The request body is too large';
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') message = 'Unsupported content type; send application/json';
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') message = 'The request body is empty but JSON was declared';
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError)
    message = 'The request body is not valid JSON';
  return { statusCode: status, error: REASONS[status] ?? 'Error', message };
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
