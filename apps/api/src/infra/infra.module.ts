import { env } from '@hotline/config';
import { dataSourceOptions, queryLogging } from '@hotline/database';
import { createRedisConnection } from '@hotline/queue';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { MIGRATIONS } from '../../../../prisma-free-migrations';

export const REDIS = Symbol('REDIS');
/** Injected by name (`@Inject('REDIS_PREFIX')`). */
export const REDIS_PREFIX = 'REDIS_PREFIX';

/**
 * The process's connections and settings: the database (TypeORM root), a Redis handle for the
 * API's own use (rate limits, lockouts) and the Redis key prefix. The one global module: every
 * module reaches the database and most reach Redis, so importing it everywhere would be noise.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => dataSourceOptions(env().DATABASE_URL, MIGRATIONS, { logging: queryLogging() }),
    }),
  ],
  providers: [
    { provide: REDIS, useFactory: () => createRedisConnection(env().REDIS_URL) },
    { provide: REDIS_PREFIX, useFactory: () => env().REDIS_PREFIX },
  ],
  exports: [REDIS, REDIS_PREFIX],
})
export class InfraModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
