import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
// @ts-expect-error: a plain-JavaScript build script without type declarations.
import { renderWebSchema, WEB_SCHEMA } from '../../../scripts/openapi-web.mjs';

describe('the web client types (apps/web/lib/api-schema.d.ts)', () => {
  it('match docs/openapi.json: after changing a route, run `npm run openapi:web`', async () => {
    const committed = await readFile(WEB_SCHEMA as string, 'utf8');
    expect(committed).toBe(await (renderWebSchema as () => Promise<string>)());
  });
});
