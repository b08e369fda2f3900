import type { TErrorCode, TErrorParams } from '@hotline/contracts';
import { HttpException } from '@nestjs/common';

/**
 * A refusal with a stable machine code (libs/contracts ERROR_CODES) beside its English
 * message, so clients translate by code. `params` carries the values the message names
 * (seconds, a username, a status) for the translation; `details` what a form needs
 * (per-field issues). Nest's filters read it like any HttpException.
 */
export class DomainError extends HttpException {
  constructor(
    readonly code: TErrorCode,
    status: number,
    message: string,
    readonly params?: TErrorParams,
    details?: unknown,
  ) {
    super(
      {
        statusCode: status,
        code,
        message,
        ...(params ? { params } : {}),
        ...(details !== undefined ? { details } : {}),
      },
      status,
    );
  }
}

/** A refusal that also sets response headers (Retry-After). */
export function withHeaders<E extends HttpException>(e: E, headers: Record<string, string>): E {
  (e as E & { headers?: Record<string, string> }).headers = headers;
  return e;
}
