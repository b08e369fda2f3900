import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';

export type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/**
 * Response schemas (zod, libs/contracts *.responses.ts) as OpenAPI 3.0 schemas. A schema with
 * a `.meta({ id })` becomes a named component (`#/components/schemas/<id>`) that every route
 * answering it references, so generated clients get one type per name.
 */
const components = new Map<string, SchemaObject>();

const SAFE_INT = Number.MAX_SAFE_INTEGER;

/** Keeps the document readable: no 300-character date regexes, no ±2^53 bounds on every integer. */
function tidy(ctx: { jsonSchema: Record<string, unknown> }): void {
  const s = ctx.jsonSchema;
  if (s['format'] === 'date-time' || s['format'] === 'date') delete s['pattern'];
  if (s['minimum'] === -SAFE_INT) delete s['minimum'];
  if (s['maximum'] === SAFE_INT) delete s['maximum'];
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === '$ref' && typeof v === 'string' ? v.replace('#/definitions/', '#/components/schemas/') : rewriteRefs(v),
    ]),
  );
}

/** The OpenAPI schema of a response; named parts are collected for `components.schemas`. */
export function openApiSchemaOf(schema: z.ZodType): SchemaObject {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'output',
    unrepresentable: 'any',
    override: tidy,
  }) as Record<string, unknown>;
  const { definitions, $schema: _dialect, ...root } = json;
  for (const [name, definition] of Object.entries((definitions ?? {}) as Record<string, unknown>)) {
    components.set(name, rewriteRefs(definition) as SchemaObject);
  }
  return rewriteRefs(root) as SchemaObject;
}

/** Every named response schema the routes declared, in name order (a stable document). */
export function responseComponents(): Record<string, SchemaObject> {
  return Object.fromEntries([...components.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
