import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { env, httpLoggerOptions, PinoNestLogger, requireJwtSecret, swaggerEnabled } from '@hotline/config';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { HostileInputInterceptor } from './common/hostile-input.interceptor';
import { registerRequestOriginChecks } from './common/request-origin.hook';
import { ResponseSchemaInterceptor } from './common/response-schema.interceptor';
import { CodedValidationPipe } from './common/validation.pipe';
import { setupOpenApi } from './openapi';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the API exactly as production runs it; main.ts listens, tests call app.init().
 * Logs are JSON lines from Fastify's pino, each request tagged with its request id
 * (taken from X-Request-Id when the caller sends a sane one).
 */
export interface CreateAppOptions {
  /** Where log lines go instead of stdout (tests read them back to check what is logged). */
  logStream?: { write(line: string): void };
}

export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const config = env();
  requireJwtSecret(config); // fail at start-up, not at the first sign-in
  const adapter = new FastifyAdapter({
    // Access codes, api keys, tokens and passwords never reach the logs (libs/config log-redaction).
    logger: httpLoggerOptions(config.LOG_LEVEL, options.logStream),
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Exactly TRUST_PROXY hops: with 1, req.ip is the address the web proxy saw (the rightmost
    // X-Forwarded-For entry); anything a client wrote further left never reaches a rate limit.
    // (Fastify's own reading of a hop count, written as the function Nest's adapter types accept.)
    trustProxy: config.TRUST_PROXY > 0 ? (_address: string, hop: number) => hop < config.TRUST_PROXY : false,
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
  registerRequestOriginChecks(fastify, config.WEB_ORIGIN);
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
  app.useGlobalInterceptors(new HostileInputInterceptor());
  if (config.CHECK_RESPONSE_SCHEMAS) app.useGlobalInterceptors(new ResponseSchemaInterceptor(app.get(Reflector)));
  app.useGlobalPipes(new CodedValidationPipe());
  app.enableShutdownHooks();
  // The interactive docs show every route to whoever asks: a setting, off in production by default.
  if (swaggerEnabled(config)) setupOpenApi(app);
  return app;
}
