import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  InternalServerErrorException,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { RESPONSE_SCHEMA_KEY } from './route.decorator';

/** The first place two JSON values differ ('' when they are equal). */
function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (a === b) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const diff = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (diff) return diff;
  }
  return '';
}

/**
 * Test runs only (CHECK_RESPONSE_SCHEMAS): every answer is checked against the schema its
 * route declares, as the client receives it (JSON text parsed back), and a field the schema
 * does not know counts as a mismatch. A mismatch fails the request with a 500 and says why
 * on stderr, so the e2e suite proves the OpenAPI document's response schemas true.
 */
@Injectable()
export class ResponseSchemaInterceptor implements NestInterceptor {
  private readonly log = new Logger('ResponseSchema');

  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const schema = this.reflector.get<z.ZodType | null | undefined>(RESPONSE_SCHEMA_KEY, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const problem = this.problemOf(schema, body, reply);
        if (problem) {
          const message = `${req.method} ${req.url}: the answer does not match its declared response schema: ${problem}`;
          this.log.error(message);
          // Test runs keep the logger silent; the mismatch must still reach the developer.
          process.stderr.write(`[response schema] ${message}\n`);
          throw new InternalServerErrorException(message);
        }
        return body;
      }),
    );
  }

  private problemOf(schema: z.ZodType | null | undefined, body: unknown, reply: FastifyReply): string | null {
    if (schema === undefined) return 'the route declares no response schema (use @Route)';
    if (schema === null) return body === undefined ? null : 'a 204 route answered a body';
    const type = reply.getHeader('content-type');
    if (type !== undefined && !String(type).includes('json')) return null; // CSV or XML spelling
    const wire: unknown = typeof body === 'string' ? JSON.parse(body) : JSON.parse(JSON.stringify(body) ?? 'null');
    const parsed = schema.safeParse(wire);
    if (!parsed.success) {
      return parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '$'}: ${i.message}`)
        .join('; ');
    }
    const extra = firstDifference(JSON.parse(JSON.stringify(parsed.data)) as unknown, wire);
    return extra ? `${extra} is not in the schema` : null;
  }
}
