import { z } from 'zod';

/**
 * Every setting the processes read, validated once at start-up. A missing or malformed
 * variable stops the process with a message naming it, instead of failing later mid-request.
 */
/**
 * The development secret that earlier versions shipped in this file. It is public, so a token
 * signed with it proves nothing: the API refuses to start with it (`npm start` generates a
 * random secret per machine instead, see scripts/lib/jwt-secret.mjs).
 */
export const PUBLISHED_JWT_SECRETS: readonly string[] = ['dev-only-secret-change-me-in-production-0123456789'];

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:5432/hotline'),
  REDIS_URL: url(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]+$/, 'only letters, digits, ":", "_" and "-"')
    .default('hotline'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  WEB_ORIGIN: url(['http', 'https']).default('http://localhost:3001'),
  /** Optional here (the worker and scripts do not sign); the API requires it, see requireJwtSecret. */
  JWT_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .refine((v) => !PUBLISHED_JWT_SECRETS.includes(v), {
      message: 'is the development value published in the source; set a random secret of your own',
    })
    .optional(),
  /**
   * How many reverse proxies in front of the API to trust for X-Forwarded-For: 0 = none (the
   * socket's address is the client), 1 = exactly one (the web app's /api proxy), and so on.
   * The client is then the address that hop reported; entries further left are the client's
   * own words and are ignored.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPEN311_JURISDICTION_ID: z.string().min(1).default('qinghe.gov.cn'),
  /**
   * The API's public base URL (scheme, host, port, any path prefix of the reverse proxy),
   * used where the API names itself, such as Open311 discovery; never the request's Host.
   */
  PUBLIC_API_URL: url(['http', 'https'])
    .refine((v) => !/[?#]/.test(v), 'must not have a query or fragment')
    .transform((v) => v.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  /** Swagger UI and /api/docs-json; unset = on in development and test, off in production. */
  SWAGGER_ENABLED: z
    .enum(['true', 'false', '1', '0'], 'must be true or false')
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  /**
   * Test runs only: every JSON success answer is parsed with its route's declared response
   * schema (libs/contracts *.responses.ts), and a mismatch fails the request with a 500.
   */
  CHECK_RESPONSE_SCHEMAS: z
    .enum(['true', 'false', '1', '0'], 'must be true or false')
    .transform((v) => v === 'true' || v === '1')
    .default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
});

export type Env = z.infer<typeof EnvSchema>;

/** Whether the API serves its Swagger UI and OpenAPI JSON (off by default in production). */
export function swaggerEnabled(config: Pick<Env, 'NODE_ENV' | 'SWAGGER_ENABLED'>): boolean {
  return config.SWAGGER_ENABLED ?? config.NODE_ENV !== 'production';
}

export class InvalidEnvironmentError extends Error {}

/**
 * Parses settings from the environment with a zod schema; throws one error that names every
 * bad variable. Shared by the common settings below and each process's own knobs.
 */
export function parseSettings<T extends z.ZodType>(
  schema: T,
  source: NodeJS.ProcessEnv = process.env,
  label = 'configuration',
): z.infer<T> {
  // Empty strings mean "not set", so a blank line in a .env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new InvalidEnvironmentError(`Invalid ${label}:\n${lines.join('\n')}`);
}

/** The signing key, for the processes that sign or verify tokens; missing → a clear start-up error. */
export function requireJwtSecret(config: Env): string {
  if (!config.JWT_SECRET) {
    throw new InvalidEnvironmentError(
      'Invalid configuration:\n  - JWT_SECRET: not set; set 32+ random characters ' +
        '(`npm start` generates one per machine in .local/jwt-secret)',
    );
  }
  return config.JWT_SECRET;
}

/** Parses the environment; throws one error that names every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseSettings(EnvSchema, source);
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests change variables between app instances; this forgets the cached parse. */
export function resetEnvCache(): void {
  cached = undefined;
}
