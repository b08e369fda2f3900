import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { http, tokenFor } from './test-app';

export const NEW_USER_PASSWORD = 'Welcome2026abc';

/** Creates a fresh staff account through the admin API (unique name per call). */
export async function createUser(
  app: NestFastifyApplication,
  role: 'agent' | 'handler' | 'supervisor' | 'admin' = 'agent',
  bureauId: number | null = null,
): Promise<{ id: string; username: string; password: string }> {
  const admin = await tokenFor(app, 'admin');
  const username = `t.${role}.${randomBytes(4).toString('hex')}`;
  const res = await http(app)
    .post('/api/admin/users')
    .set('Authorization', `Bearer ${admin}`)
    .send({ username, displayName: `Test ${role}`, role, bureauId, password: NEW_USER_PASSWORD });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: (res.body as { id: string }).id, username, password: NEW_USER_PASSWORD };
}

export async function login(
  app: NestFastifyApplication,
  username: string,
  password: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await http(app).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string };
}
