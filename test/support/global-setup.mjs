// Gives this test run a database and a Redis key prefix of its own, so runs never collide.
// Plain JS on purpose: jest loads global setup outside its module mapper.
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export default async function globalSetup() {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dbName = `hotline_test_${runId}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  base.pathname = `/${dbName}`;
  process.env.DATABASE_URL = base.toString();
  process.env.REDIS_PREFIX = `hltest:${runId}`;
  process.env.NODE_ENV = 'test';
  // Every JSON answer must match its route's declared response schema (a mismatch is a 500).
  process.env.CHECK_RESPONSE_SCHEMAS = process.env.CHECK_RESPONSE_SCHEMAS ?? 'true';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  // A signing key of this run's own: never a value written in the source.
  process.env.JWT_SECRET = process.env.JWT_SECRET ?? randomBytes(48).toString('base64url');
  // Tests hammer public routes from one address; the rate-limit tests lower these on purpose.
  process.env.RATE_LIMIT_PUBLIC_PER_MINUTE = process.env.RATE_LIMIT_PUBLIC_PER_MINUTE ?? '100000';
  // Every suite signs in the same demo users within the same minute; the login-limit test
  // sets the production value (10) for itself.
  process.env.RATE_LIMIT_LOGIN_PER_MINUTE = process.env.RATE_LIMIT_LOGIN_PER_MINUTE ?? '100000';
}
