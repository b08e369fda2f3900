import pg from 'pg';
import { Redis } from 'ioredis';

/** Drops this run's database and deletes its Redis keys (never anything else's). */
export default async function globalTeardown() {
  const url = new URL(process.env.DATABASE_URL);
  const dbName = url.pathname.slice(1);
  if (!dbName.startsWith('hotline_test_')) throw new Error(`refusing to drop ${dbName}`);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();

  const prefix = process.env.REDIS_PREFIX;
  if (prefix?.startsWith('hltest:')) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
}
