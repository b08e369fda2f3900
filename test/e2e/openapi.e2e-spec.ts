import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../../apps/api/src/openapi';
import { createTestApp } from '../support/test-app';

/**
 * The OpenAPI document is generated from the running app and committed (docs/openapi.json),
 * so a change to the API surface shows up in review. `npm run openapi:sync` rewrites it.
 */
const COMMITTED = path.resolve('docs/openapi.json');

/** The part of an operation this test reads. */
type OperationObject = {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

describe('OpenAPI document', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('matches the committed docs/openapi.json', () => {
    const generated = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
    if (process.env['UPDATE_OPENAPI'] === '1') writeFileSync(COMMITTED, generated);
    const committed = readFileSync(COMMITTED, 'utf8');
    if (committed !== generated) {
      throw new Error('docs/openapi.json is out of date with the API: run `npm run openapi:sync` and commit it');
    }
  });

  it('declares a response schema for every operation (204 No Content aside)', () => {
    const document = buildOpenApiDocument(app);
    const schemas = document.components?.schemas ?? {};
    const missing: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, OperationObject>)) {
        const answers = Object.entries(operation.responses ?? {}).filter(([status]) => status !== 'default');
        const declared = answers.some(
          ([status, answer]) => status === '204' || answer.content?.['application/json']?.schema !== undefined,
        );
        if (!declared) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    // Every reference points at a schema the document has (the web's generated client needs them).
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((name) => !(name in schemas))).toEqual([]);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['CaseDetail', 'CaseListPage', 'ErrorBody']));
  });
});
