import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { env } from '@hotline/config';
import type { TErrorBody, TErrorCode } from '@hotline/contracts';
import { createRedisConnection, DEADLINE_QUEUE } from '@hotline/queue';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TokenService } from '../auth/token.service';
import { ACCESS_COOKIE, revokedJtiKey } from '../auth/access.guard';
import { REDIS } from '../infra/infra.module';
import type { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * bull-board at /api/admin/queues, for admins only. It is a Fastify plugin outside Nest's
 * router, so the AccessGuard does not see it: an onRequest hook in the plugin's scope checks
 * the bearer token or the access cookie, re-reads the user, and requires the admin role.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit, OnApplicationShutdown {
  private readonly redis = createRedisConnection(env().REDIS_URL, { lazyConnect: true });
  private readonly queue = new Queue(DEADLINE_QUEUE, { connection: this.redis, prefix: env().REDIS_PREFIX });

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly apiRedis: Redis,
    @Inject('REDIS_PREFIX') private readonly prefix: string,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({ queues: [new BullMQAdapter(this.queue)], serverAdapter: serverAdapter as never });
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', (req, reply) => this.requireAdmin(req, reply));
      await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
    });
  }

  private async requireAdmin(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = req.headers.authorization;
    const cookies = (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : (cookies?.[ACCESS_COOKIE] ?? null);
    // Outside Nest's filters, so the error body (with its code) is written here.
    const deny = (statusCode: 401 | 403, code: TErrorCode, message: string) =>
      reply.code(statusCode).send({
        statusCode,
        error: statusCode === 401 ? 'Unauthorized' : 'Forbidden',
        code,
        message,
        requestId: req.id,
      } satisfies TErrorBody);
    if (!token) return void deny(401, 'auth.required', 'Sign in first');
    const claims = await this.tokens.verifyAccess(token);
    if (!claims) return void deny(401, 'auth.session_invalid', 'Your session is invalid or has expired; sign in again');
    if (await this.apiRedis.exists(revokedJtiKey(this.prefix, claims.jti)))
      return void deny(401, 'auth.signed_out', 'You have signed out; sign in again');
    const [user] = (await this.ds.query(`SELECT role, disabled, token_version FROM users WHERE id = $1`, [
      claims.sub,
    ])) as { role: string; disabled: boolean; token_version: number }[];
    if (!user || user.disabled || user.token_version !== claims.tokenVersion) {
      return void deny(401, 'auth.session_revoked', 'Your session is no longer valid; sign in again');
    }
    if (user.role !== 'admin')
      return void deny(403, 'auth.admin_only', 'Only administrators may open the queue dashboard');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }
}
