import { ZHealth, ZReadiness } from '@hotline/contracts';
import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { REDIS } from '../infra/infra.module';
import { DomainError } from '../common/domain-error';
import { Route } from '../common/route.decorator';

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

  @Route.get('health', { access: 'public', summary: 'Liveness: the process is up', response: ZHealth })
  health() {
    return { status: 'ok' };
  }

  @Route.get('ready', {
    access: 'public',
    summary: 'Readiness: PostgreSQL and Redis reachable (503 names the failing one)',
    response: ZReadiness,
  })
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
