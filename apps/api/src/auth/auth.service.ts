import { env } from '@hotline/config';
import { BureauEntity, hashSecret, UserEntity, verifySecret } from '@hotline/database';
import type { TLoginResponse, TSessionUser } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { Repository } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import { DomainError } from '../common/domain-error';
import type { Principal } from '../common/request-context';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const INVALID = 'Wrong username or password';
const ENDED = 'Your session has ended; sign in again';
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
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottleService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Wrong passwords slow down the client that sends them, for that username only
   * (LoginThrottleService); known and unknown usernames get the same answers, and a client
   * that must wait is refused before any password is checked.
   */
  async login(username: string, password: string, meta: RequestMeta): Promise<TLoginResponse> {
    await this.throttle.assertMayTry(username, meta.ip);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const ok = user
      ? await verifySecret(password, user.passwordHash)
      : await verifySecret(password, await (dummyHash ??= hashSecret(randomBytes(16).toString('hex'))));
    if (!user || !ok) {
      const { failures, waitMs } = await this.throttle.recordFailure(username, meta.ip);
      await this.audit.record({
        action: 'auth.login_failed',
        actor: { type: 'anonymous', ...(user ? { id: user.id } : {}) },
        ...(user ? { targetType: 'user', targetId: user.id } : {}),
        meta,
        detail: { username, failures, backoffSeconds: Math.ceil(waitMs / 1000) },
      });
      throw new DomainError('auth.invalid_credentials', 401, INVALID);
    }
    await this.throttle.recordSuccess(username, meta.ip);
    if (user.disabled) {
      await this.auditAccount('auth.login_disabled', { type: 'anonymous', id: user.id }, user.id, meta);
      throw new DomainError('auth.account_disabled', 401, 'This account is disabled; ask an administrator');
    }
    await this.users.update(user.id, { lastLoginAt: new Date() });
    const session = await this.issueSession(user, await this.sessions.start(user.id));
    await this.auditAccount('auth.login', this.principalOf(user), user.id, meta);
    return session;
  }

  /**
   * Rotates the refresh token within its session (token family). A token that was already
   * rotated is a stolen copy or a replay: the whole session is revoked, so the thief's and the
   * owner's newest tokens stop working and the owner must sign in again.
   */
  async refresh(refreshToken: string, meta: RequestMeta): Promise<TLoginResponse> {
    const row = await this.sessions.findRefreshToken(sha256(refreshToken));
    if (!row || row.session_revoked_at) throw new DomainError('auth.session_ended', 401, ENDED);
    if (row.revoked_at || !(await this.sessions.consumeRefreshToken(row.id))) {
      await this.sessions.revoke(row.session_id, row.user_id, 'refresh_reuse');
      await this.auditAccount('auth.refresh_reuse', { type: 'anonymous', id: row.user_id }, row.user_id, meta, {
        sessionId: row.session_id,
      });
      throw new DomainError('auth.session_ended', 401, ENDED);
    }
    if (row.expires_at < new Date()) throw new DomainError('auth.session_ended', 401, ENDED);
    const user = await this.users.findOne({ where: { id: row.user_id } });
    if (!user || user.disabled)
      throw new DomainError('auth.account_disabled', 401, 'This account is disabled; ask an administrator');
    await this.auditAccount('auth.refresh', this.principalOf(user), user.id, meta);
    return this.issueSession(user, row.session_id);
  }

  /**
   * Ends the session the access token belongs to (bearer or cookie): its refresh tokens and
   * every access token naming it, durably in PostgreSQL. A refresh token in the body ends its
   * own session too, should it be another one.
   */
  async logout(
    principal: Principal,
    claims: { sid: string } | undefined,
    refreshToken: string | undefined,
    meta: RequestMeta,
  ): Promise<void> {
    if (claims) await this.sessions.revoke(claims.sid, principal.userId, 'logout');
    if (refreshToken) {
      const sid = await this.sessions.sessionOfRefreshToken(sha256(refreshToken), principal.userId);
      if (sid && sid !== claims?.sid) await this.sessions.revoke(sid, principal.userId, 'logout');
    }
    await this.auditAccount('auth.logout', principal, principal.userId, meta);
  }

  async sessionUser(userId: string): Promise<TSessionUser> {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    return this.toSessionUser(user);
  }

  /** A new access token and refresh token in the given session. */
  private async issueSession(user: UserEntity, sessionId: string): Promise<TLoginResponse> {
    const { token, expiresIn } = await this.tokens.signAccess(user, sessionId);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.addRefreshToken(
      sessionId,
      user.id,
      sha256(refreshToken),
      new Date(Date.now() + env().REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    );
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

  /** An audit row about one staff account: every sign-in event targets the account itself. */
  private auditAccount(
    action: string,
    actor: AuditEntry['actor'],
    userId: string,
    meta: RequestMeta,
    detail?: Record<string, unknown>,
  ) {
    return this.audit.record({
      action,
      actor,
      targetType: 'user',
      targetId: userId,
      meta,
      ...(detail ? { detail } : {}),
    });
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
