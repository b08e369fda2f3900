import { env } from '@hotline/config';
import { dataSourceOptions, queryLogging } from '@hotline/database';
import { createRedisConnection } from '@hotline/queue';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { MIGRATIONS } from '../../../../prisma-free-migrations';

export const REDIS = Symbol('REDIS');

/** Redis handle for the API's own use (rate limits, lockouts). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => dataSourceOptions(env().DATABASE_URL, MIGRATIONS, { logging: queryLogging() }),
    }),
  ],
  providers: [{ provide: REDIS, useFactory: () => createRedisConnection(env().REDIS_URL) }],
  exports: [REDIS],
})
export class InfraModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
