import { ZCreateUserSchema, ZResetPasswordSchema } from './identity.schemas';
import { passwordProblem } from './password-policy';

describe('passwordProblem (ASVS L2)', () => {
  it('wants at least 12 characters, counted as characters, not bytes', async () => {
    expect(await passwordProblem('Abcdefgh123')).toBe('too_short');
    expect(await passwordProblem('Abcdefgh1234')).toBeNull();
    expect(await passwordProblem('市民热线服务平台的密码很长')).toBeNull();
  });

  it('refuses common and breached passwords, also padded with digits and symbols', async () => {
    expect(await passwordProblem('qwerty123456')).toBe('common');
    expect(await passwordProblem('QWERTY123456')).toBe('common');
    expect(await passwordProblem('Password2026!')).toBe('common');
    expect(await passwordProblem('!!Sunshine1990')).toBe('common');
  });

  it('asks for no composition rules: a long passphrase of letters passes', async () => {
    expect(await passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('refuses a password that is or contains the username', async () => {
    expect(await passwordProblem('agent01agent01', 'agent01')).toBe('contains_username');
    expect(await passwordProblem('My-AGENT01-pass!', 'agent01')).toBe('contains_username');
    expect(await passwordProblem('Welcome2026abc', 'agent01')).toBeNull();
  });

  it('drives the shared zod schemas the API and the admin forms use', async () => {
    expect((await ZResetPasswordSchema.safeParseAsync({ password: 'qwerty123456' })).success).toBe(false);
    expect((await ZResetPasswordSchema.safeParseAsync({ password: 'Welcome2026abc' })).success).toBe(true);
    const user = { username: 'zhang.wei', displayName: '张伟', role: 'agent' as const };
    const refused = await ZCreateUserSchema.safeParseAsync({ ...user, password: 'zhang.wei-2026!' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['password']);
    expect((await ZCreateUserSchema.safeParseAsync({ ...user, password: 'Welcome2026abc' })).success).toBe(true);
  });
});
