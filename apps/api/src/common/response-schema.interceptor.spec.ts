import { jest } from '@jest/globals';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import { z } from 'zod';
import { ResponseSchemaInterceptor } from './response-schema.interceptor';
import { RESPONSE_SCHEMA_KEY } from './route.decorator';

const ZThing = z.object({ id: z.number().int(), at: z.iso.datetime(), note: z.string().nullable() });

/** Runs one answer through the interceptor as a route declaring `schema` would. */
function answer(schema: z.ZodType | null | undefined, body: unknown, contentType?: string) {
  const handler = () => undefined;
  if (schema !== undefined) Reflect.defineMetadata(RESPONSE_SCHEMA_KEY, schema, handler);
  const ctx = {
    getType: () => 'http',
    getHandler: () => handler,
    switchToHttp: () => ({
      getRequest: () => ({ method: 'GET', url: '/api/thing' }),
      getResponse: () => ({ getHeader: () => contentType }),
    }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(body) };
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const interceptor = new ResponseSchemaInterceptor(new Reflector());
  return lastValueFrom(interceptor.intercept(ctx, next)).finally(() => stderr.mockRestore());
}

describe('ResponseSchemaInterceptor', () => {
  it('passes an answer that matches, checking it as JSON (a Date is its ISO text)', async () => {
    const body = { id: 1, at: new Date('2026-11-25T08:00:00Z'), note: null };
    await expect(answer(ZThing, body)).resolves.toBe(body);
  });

  it('fails an answer with a wrong type, a missing field or a field the schema does not know', async () => {
    await expect(answer(ZThing, { id: '1', at: '2026-11-25T08:00:00.000Z', note: null })).rejects.toThrow(/id/);
    await expect(answer(ZThing, { id: 1, at: '2026-11-25T08:00:00.000Z' })).rejects.toThrow(/note/);
    await expect(answer(ZThing, { id: 1, at: '2026-11-25T08:00:00.000Z', note: null, secret: 'x' })).rejects.toThrow(
      /\$\.secret is not in the schema/,
    );
  });

  it('reads JSON text (Open311) and leaves CSV and XML spellings alone', async () => {
    await expect(
      answer(ZThing, '{"id":1,"at":"2026-11-25T08:00:00Z","note":"x"}', 'application/json'),
    ).resolves.toBeTruthy();
    await expect(answer(ZThing, 'id,at\n1,2026', 'text/csv; charset=utf-8')).resolves.toBeTruthy();
    await expect(answer(ZThing, '<thing/>', 'text/xml')).resolves.toBeTruthy();
  });

  it('fails a route that declares nothing, and a 204 route that answers a body', async () => {
    await expect(answer(undefined, { id: 1 })).rejects.toThrow(/declares no response schema/);
    await expect(answer(null, undefined)).resolves.toBeUndefined();
    await expect(answer(null, { id: 1 })).rejects.toThrow(/204/);
  });
});
