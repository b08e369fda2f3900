import { env } from '@hotline/config';
import { BureauEntity, hashSecret, RefreshTokenEntity, UserEntity, verifySecret } from '@hotline/database';
import type { TLoginResponse, TSessionUser } from '@hotline/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { REDIS } from '../infra/infra.module';
import { revokedJtiKey } from './access.guard';
import { TokenService } from './token.service';
import { DomainError } from '../common/domain-error';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const INVALID = 'Wrong username or password';
/**
 * Checked against when the username does not exist, so an unknown name costs the same scrypt
 * time as a wrong password and response times do not reveal which accounts exist.
 */
let dummyHash: Promise<string> | undefined;

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(BureauEntity) private readonly bureaus: Repository<BureauEntity>,
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject('REDIS_PREFIX') private readonly prefix: string,
  ) {}

  async login(username: string, password: string, meta: RequestMeta): Promise<TLoginResponse> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const now = new Date();
    if (!user) {
      await verifySecret(password, await (dummyHash ??= hashSecret(randomBytes(16).toString('hex'))));
      await this.audit.record({
        action: 'auth.login_failed',
        actor: { type: 'anonymous' },
        meta,
        detail: { username },
      });
      throw new DomainError('auth.invalid_credentials', 401, INVALID);
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.audit.record({
        action: 'auth.login_locked',
        actor: { type: 'anonymous', id: user.id },
        targetType: 'user',
        targetId: user.id,
        meta,
      });
      throw new DomainError(
        'auth.account_locked',
        401,
        `Too many wrong passwords: this account is locked until ${user.lockedUntil.toISOString()}`,
        { until: user.lockedUntil.toISOString() },
      );
    }
    if (!(await verifySecret(password, user.passwordHash))) {
      const { failed, lockedUntil } = await this.countFailure(user.id);
      await this.audit.record({
        action: 'auth.login_failed',
        actor: { type: 'anonymous', id: user.id },
        targetType: 'user',
        targetId: user.id,
        meta,
        detail: { failed, locked: !!lockedUntil },
      });
      throw new DomainError('auth.invalid_credentials', 401, INVALID);
    }
    if (user.disabled) {
      await this.audit.record({
        action: 'auth.login_disabled',
        actor: { type: 'anonymous', id: user.id },
        targetType: 'user',
        targetId: user.id,
        meta,
      });
      throw new DomainError('auth.account_disabled', 401, 'This account is disabled; ask an administrator');
    }
    await this.users.update(user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    const session = await this.issueSession(user);
    await this.audit.record({
      action: 'auth.login',
      actor: this.principalOf(user),
      targetType: 'user',
      targetId: user.id,
      meta,
    });
    return session;
  }

  /**
   * Counts a wrong password in one UPDATE, so parallel guesses cannot each read the same
   * count and slip past the lock; the fifth in a row locks the account and restarts the count.
   */
  private async countFailure(userId: string): Promise<{ failed: number; lockedUntil: Date | null }> {
    const result = await this.users
      .createQueryBuilder()
      .update(UserEntity)
      .set({
        failedLoginCount: () =>
          `CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE failed_login_count + 1 END`,
        lockedUntil: () =>
          `CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_LOGINS} THEN now() + interval '${LOCK_MINUTES} minutes' ELSE locked_until END`,
      })
      .where('id = :id', { id: userId })
      .returning(['failed_login_count', 'locked_until'])
      .execute();
    const row = (result.raw as { failed_login_count: number; locked_until: Date | null }[])[0];
    const lockedUntil = row?.locked_until && row.locked_until > new Date() ? row.locked_until : null;
    return { failed: lockedUntil ? MAX_FAILED_LOGINS : (row?.failed_login_count ?? 0), lockedUntil };
  }

  /** Rotates the refresh token: the old one is revoked, a reused one is refused. */
  async refresh(refreshToken: string, meta: RequestMeta): Promise<TLoginResponse> {
    const row = await this.refreshTokens.findOne({ where: { tokenHash: sha256(refreshToken) } });
    if (!row || row.revokedAt || row.expiresAt < new Date()) {
      throw new DomainError('auth.session_ended', 401, 'Your session has ended; sign in again');
    }
    const revoked = await this.refreshTokens.update({ id: row.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!revoked.affected) throw new DomainError('auth.session_ended', 401, 'Your session has ended; sign in again');
    const user = await this.users.findOne({ where: { id: row.userId } });
    if (!user || user.disabled)
      throw new DomainError('auth.account_disabled', 401, 'This account is disabled; ask an administrator');
    await this.audit.record({
      action: 'auth.refresh',
      actor: this.principalOf(user),
      targetType: 'user',
      targetId: user.id,
      meta,
    });
    return this.issueSession(user);
  }

  async logout(
    principal: Principal,
    claims: { jti: string; exp: number } | undefined,
    refreshToken: string | undefined,
    meta: RequestMeta,
  ): Promise<void> {
    if (claims) {
      const ttl = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
      await this.redis.set(revokedJtiKey(this.prefix, claims.jti), '1', 'EX', ttl);
    }
    if (refreshToken) {
      await this.refreshTokens.update(
        { tokenHash: sha256(refreshToken), userId: principal.userId },
        { revokedAt: new Date() },
      );
    }
    await this.audit.record({
      action: 'auth.logout',
      actor: principal,
      targetType: 'user',
      targetId: principal.userId,
      meta,
    });
  }

  async sessionUser(userId: string): Promise<TSessionUser> {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    return this.toSessionUser(user);
  }

  private async issueSession(user: UserEntity): Promise<TLoginResponse> {
    const { token, expiresIn } = await this.tokens.signAccess(user);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + env().REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return { accessToken: token, expiresIn, refreshToken, user: await this.toSessionUser(user) };
  }

  private async toSessionUser(user: UserEntity): Promise<TSessionUser> {
    const bureau = user.bureauId ? await this.bureaus.findOne({ where: { id: user.bureauId } }) : null;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      bureauId: user.bureauId,
      bureauName: bureau ? { zh: bureau.nameZh, en: bureau.nameEn } : null,
    };
  }

  private principalOf(user: UserEntity): Principal {
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      bureauId: user.bureauId,
    };
  }
}
