import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { Public } from '../common/access.decorator';
import { REDIS } from '../infra/infra.module';
import { DomainError } from '../common/domain-error';

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis reachable (503 names the failing one)' })
  async ready() {
    const checks = await Promise.allSettled([
      withTimeout(this.db.query('SELECT 1'), 2000),
      withTimeout(this.redis.ping(), 2000),
    ]);
    const [pg, redis] = checks.map((c) =>
      c.status === 'fulfilled' ? 'up' : `down: ${String((c.reason as Error).message)}`,
    );
    const body = { status: pg === 'up' && redis === 'up' ? 'ok' : 'unavailable', postgres: pg, redis };
    if (body.status !== 'ok') {
      const failing = [pg !== 'up' ? 'PostgreSQL' : null, redis !== 'up' ? 'Redis' : null]
        .filter(Boolean)
        .join(' and ');
      throw new DomainError('service.unavailable', 503, `${failing} unreachable`, { failing }, body);
    }
    return body;
  }
}
