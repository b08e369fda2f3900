import { parseEnv, swaggerEnabled } from './env';

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
