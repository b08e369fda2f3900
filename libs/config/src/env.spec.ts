import { parseEnv, PUBLISHED_JWT_SECRETS, requireJwtSecret, swaggerEnabled } from './env';

describe('environment: JWT_SECRET and TRUST_PROXY', () => {
  it('refuses the development secret that was published in the source, in every environment', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      expect(() => parseEnv({ NODE_ENV, JWT_SECRET: PUBLISHED_JWT_SECRETS[0] })).toThrow(
        /JWT_SECRET: is the development value published/,
      );
    }
  });

  it('has no default secret: a process that signs must be given one', () => {
    expect(() => requireJwtSecret(parseEnv({}))).toThrow(/JWT_SECRET: not set/);
    const secret = 'a'.repeat(16) + 'b'.repeat(16);
    expect(requireJwtSecret(parseEnv({ JWT_SECRET: secret }))).toBe(secret);
  });

  it('trusts no proxy unless told how many hops', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/);
  });
});

describe('PUBLIC_API_URL and SWAGGER_ENABLED', () => {
  it('takes an http(s) base URL without its trailing slash, and refuses anything else', () => {
    expect(parseEnv({ PUBLIC_API_URL: 'https://hotline.example.gov.cn/gw/' }).PUBLIC_API_URL).toBe(
      'https://hotline.example.gov.cn/gw',
    );
    expect(parseEnv({}).PUBLIC_API_URL).toBe('http://localhost:3000');
    expect(() => parseEnv({ PUBLIC_API_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_API_URL/);
    expect(() => parseEnv({ PUBLIC_API_URL: 'https://x.example/?a=1' })).toThrow(/PUBLIC_API_URL/);
  });

  it('serves Swagger in development and test, not in production unless asked', () => {
    const secret = { JWT_SECRET: 'x'.repeat(40) };
    expect(swaggerEnabled(parseEnv({ NODE_ENV: 'development' }))).toBe(true);
    expect(swaggerEnabled(parseEnv({ NODE_ENV: 'test' }))).toBe(true);
    expect(swaggerEnabled(parseEnv({ NODE_ENV: 'production', ...secret }))).toBe(false);
    expect(swaggerEnabled(parseEnv({ NODE_ENV: 'production', SWAGGER_ENABLED: 'true', ...secret }))).toBe(true);
    expect(swaggerEnabled(parseEnv({ NODE_ENV: 'development', SWAGGER_ENABLED: 'false' }))).toBe(false);
    expect(() => parseEnv({ SWAGGER_ENABLED: 'yes' })).toThrow(/SWAGGER_ENABLED/);
  });
});
