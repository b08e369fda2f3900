import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection for BullMQ and the rate limiter. `maxRetriesPerRequest: null` is what
 * BullMQ workers require; offline commands queue up instead of failing while Redis restarts.
 */
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    ...options,
  });
}

/** A short-lived probe used by readiness checks and the start script: never retries forever. */
export async function pingRedis(url: string, timeoutMs = 2000): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  client.on('error', (e: Error) => (lastError = e)); // reported below, not as an unhandled event
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw lastError ?? e;
  } finally {
    client.disconnect();
  }
}
