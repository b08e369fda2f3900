import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { env, PinoNestLogger } from '@hotline/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { CodedValidationPipe } from './common/validation.pipe';
import { setupOpenApi } from './openapi';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the API exactly as production runs it; main.ts listens, tests call app.init().
 * Logs are JSON lines from Fastify's pino, each request tagged with its request id
 * (taken from X-Request-Id when the caller sends a sane one).
 */
export async function createApp(): Promise<NestFastifyApplication> {
  const config = env();
  const adapter = new FastifyAdapter({
    logger: { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.NODE_ENV === 'production' ? 'loopback,uniquelocal' : false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true });
  const fastify = app.getHttpAdapter().getInstance();
  app.useLogger(new PinoNestLogger(fastify.log));
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  // Open311 clients expect GeoReport v2 at /open311/v2, not under the staff API's prefix.
  app.setGlobalPrefix('api', { exclude: ['open311/{*path}'] });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    // Swagger UI needs inline scripts and styles; everything else is JSON.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app.enableCors({ origin: [config.WEB_ORIGIN], credentials: true });
  app.useGlobalPipes(new CodedValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
