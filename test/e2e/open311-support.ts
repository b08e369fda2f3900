import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { XMLParser } from 'fast-xml-parser';
import { http, tokenFor } from '../support/test-app';

/**
 * A real XML parser, configured as a strict client would: values stay strings, and these
 * elements are always lists even with one entry.
 */
const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
export const xml = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name) => LISTS.has(name),
});

export async function issueKey(app: NestFastifyApplication, name: string, rateLimitPerMinute?: number) {
  const admin = await tokenFor(app, 'admin');
  const res = await http(app)
    .post('/api/admin/api-keys')
    .set('Authorization', `Bearer ${admin}`)
    .send({ name, ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}) });
  if (res.status !== 201) throw new Error(`issue key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; key: string; prefix: string; name: string };
}

/** An error body in either format, as {code, description}[] with the code as a number. */
export function errorsOf(res: { headers: Record<string, string>; text: string; body: unknown }) {
  if (res.headers['content-type']?.startsWith('text/xml')) {
    const doc = xml.parse(res.text) as { errors: { error: { code: string; description: string }[] } };
    return doc.errors.error.map((e) => ({ code: Number(e.code), description: e.description }));
  }
  return res.body as { code: number; description: string }[];
}
