import { parseEnv, PUBLISHED_JWT_SECRETS, requireJwtSecret } from './env';

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
