import type { TErrorCode } from '@hotline/contracts';
import { QueryFailedError } from 'typeorm';

/** What a client is told when PostgreSQL refuses a value it sent. */
export interface DatabaseRefusal {
  statusCode: 400 | 409;
  code: TErrorCode;
  message: string;
}

function sqlStateOf(e: unknown): string | undefined {
  if (e instanceof QueryFailedError) return (e.driverError as { code?: string } | undefined)?.code;
  // A pg DatabaseError that did not pass through TypeORM (pool.query in a repository).
  const maybe = e as { code?: unknown; severity?: unknown } | null;
  return maybe && typeof maybe.code === 'string' && typeof maybe.severity === 'string' ? maybe.code : undefined;
}

/**
 * PostgreSQL errors caused by the input rather than by us, as 4xx: class 22 (data exception:
 * invalid text, NUL bytes 22021, datetime out of range 22008, numeric overflow …), class 54
 * (the value is too complex: stack depth 54001), a duplicate (23505) or a missing reference
 * (23503). Anything else stays a 500, because it is our bug.
 */
export function databaseRefusal(e: unknown): DatabaseRefusal | null {
  const code = sqlStateOf(e);
  if (!code) return null;
  if (code === '23505') return { statusCode: 409, code: 'database.duplicate', message: 'That record already exists' };
  if (code === '23503')
    return { statusCode: 400, code: 'database.missing_reference', message: 'A referenced record does not exist' };
  if (code.startsWith('22'))
    return {
      statusCode: 400,
      code: 'database.invalid_value',
      message: 'A value has the wrong format or is out of range',
    };
  if (code.startsWith('54'))
    return {
      statusCode: 400,
      code: 'database.value_too_complex',
      message: 'A value is too large or too deeply nested',
    };
  return null;
}
