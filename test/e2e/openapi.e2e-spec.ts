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
});
