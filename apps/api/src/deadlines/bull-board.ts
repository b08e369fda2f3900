import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { env } from '@hotline/config';
import type { TErrorBody, TErrorCode } from '@hotline/contracts';
import { createRedisConnection, DEADLINE_QUEUE_DEFINITION, inspectQueue } from '@hotline/queue';
import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SessionAuthenticator } from '../auth/session-authenticator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * bull-board at /api/admin/queues, for admins only. It is a Fastify plugin outside Nest's
 * router, so the AccessGuard does not see it: an onRequest hook in the plugin's scope asks the
 * same SessionAuthenticator (bearer token or access cookie, live session, enabled user) and
 * requires the admin role.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit, OnApplicationShutdown {
  private readonly redis = createRedisConnection(env().REDIS_URL, { lazyConnect: true });
  private readonly queue = inspectQueue(DEADLINE_QUEUE_DEFINITION, { redis: this.redis, prefix: env().REDIS_PREFIX });

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly authenticator: SessionAuthenticator,
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
    // Outside Nest's filters, so the error body (with its code) is written here.
    const deny = (statusCode: 401 | 403, code: TErrorCode, message: string) =>
      reply.code(statusCode).send({
        statusCode,
        error: statusCode === 401 ? 'Unauthorized' : 'Forbidden',
        code,
        message,
        requestId: req.id,
      } satisfies TErrorBody);
    const auth = await this.authenticator.authenticate(req);
    if (auth.kind === 'anonymous') return void deny(401, 'auth.required', 'Sign in first');
    if (auth.kind === 'refused') return void deny(401, auth.code, auth.message);
    if (auth.principal.role !== 'admin')
      return void deny(403, 'auth.admin_only', 'Only administrators may open the queue dashboard');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }
}
