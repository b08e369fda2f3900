import { resetEnvCache } from '@hotline/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp, type CreateAppOptions } from '../../apps/api/src/create-app';
import { prepareTestDatabase } from './test-database';

export const DEMO_PASSWORD = 'Hotline#2026';

/** The whole API as production builds it, on this run's database and Redis prefix. */
export async function createTestApp(
  envOverrides: Record<string, string> = {},
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  await prepareTestDatabase();
  Object.assign(process.env, envOverrides);
  resetEnvCache();
  const app = await createApp(options);
  await app.init();
  // Without this, Fastify never answers supertest and jest never exits.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export function http(app: NestFastifyApplication) {
  return request(app.getHttpServer());
}

const tokenCache = new WeakMap<NestFastifyApplication, Map<string, string>>();

/** Signs in a demo user (cached per app) and returns a Bearer token. */
export async function tokenFor(
  app: NestFastifyApplication,
  username: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const cache = tokenCache.get(app) ?? new Map<string, string>();
  tokenCache.set(app, cache);
  const hit = cache.get(username);
  if (hit) return hit;
  const res = await http(app).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = (res.body as { accessToken: string }).accessToken;
  cache.set(username, token);
  return token;
}
