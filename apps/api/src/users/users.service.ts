import {
  containsUsername,
  PASSWORD_PROBLEM_MESSAGES,
  type TAdminUser,
  type TCreateUser,
  type TUpdateUser,
  type TUsersQuery,
} from '@hotline/contracts';
import { BureauEntity, hashSecret, type StaffRole, type UserEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService } from '../auth/login-throttle.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { UsersRepository } from './users.repository';
import { DomainError } from '../common/domain-error';

export function toAdminUser(u: UserEntity): TAdminUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    bureauId: u.bureauId,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/**
 * Staff account administration. Anything that changes what a user may do (disable, password
 * reset, role or bureau change) bumps token_version, so every access token already issued is
 * refused at once, and revokes the refresh tokens, so no new one can be minted.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async list(q: TUsersQuery): Promise<TAdminUser[]> {
    return (await this.users.findFiltered(q)).map(toAdminUser);
  }

  async get(id: string): Promise<TAdminUser> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('user.not_found', 404, 'No such user');
    return toAdminUser(user);
  }

  async create(body: TCreateUser, actor: Principal, meta: RequestMeta): Promise<TAdminUser> {
    if (await this.users.findByUsername(body.username)) {
      throw new DomainError('user.username_taken', 409, `The username ${body.username} is already taken`, {
        username: body.username,
      });
    }
    const passwordHash = await hashSecret(body.password);
    return this.db.transaction(async (m) => {
      const bureauId = body.role === 'handler' ? (body.bureauId ?? null) : null;
      if (bureauId !== null) await this.requireActiveBureau(m, bureauId);
      const user = await this.users.insert(m, {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        bureauId,
        passwordHash,
      });
      await this.audit.record(
        {
          action: 'user.create',
          actor,
          targetType: 'user',
          targetId: user.id,
          meta,
          detail: { username: user.username, role: user.role, bureauId: user.bureauId },
        },
        m,
      );
      return toAdminUser(user);
    });
  }

  async update(id: string, body: TUpdateUser, actor: Principal, meta: RequestMeta): Promise<TAdminUser> {
    return this.db.transaction(async (m) => {
      const user = await this.lockedUser(m, id);
      const role: StaffRole = body.role ?? user.role;
      // Moving a handler to another role drops the bureau unless one is given explicitly.
      let bureauId = body.bureauId !== undefined ? body.bureauId : role === 'handler' ? user.bureauId : null;
      if (role === 'handler' && bureauId === null) {
        throw new DomainError('user.bureau_required', 400, 'A handler must belong to a bureau: send bureauId');
      }
      if (role !== 'handler' && bureauId !== null) {
        throw new DomainError(
          'user.bureau_not_allowed',
          400,
          'Only handlers belong to a bureau: send bureauId null or leave it out',
        );
      }
      if (bureauId !== null && bureauId !== user.bureauId) await this.requireActiveBureau(m, bureauId);
      bureauId = bureauId ?? null;
      if (id === actor.userId && role !== user.role) {
        throw new DomainError(
          'user.cannot_change_own_role',
          400,
          'You cannot change your own role; ask another administrator',
        );
      }
      const before = { displayName: user.displayName, role: user.role, bureauId: user.bureauId };
      const accessChanged = role !== user.role || bureauId !== user.bureauId;
      user.displayName = body.displayName ?? user.displayName;
      user.role = role;
      user.bureauId = bureauId;
      if (accessChanged) user.tokenVersion += 1;
      const saved = await this.users.save(m, user);
      if (accessChanged) await this.users.revokeRefreshTokens(m, id);
      await this.audit.record(
        {
          action: 'user.update',
          actor,
          targetType: 'user',
          targetId: id,
          meta,
          detail: { before, after: { displayName: saved.displayName, role: saved.role, bureauId: saved.bureauId } },
        },
        m,
      );
      return toAdminUser(saved);
    });
  }

  async setDisabled(id: string, disabled: boolean, actor: Principal, meta: RequestMeta): Promise<TAdminUser> {
    if (disabled && id === actor.userId)
      throw new DomainError('user.cannot_disable_self', 400, 'You cannot disable your own account');
    return this.db.transaction(async (m) => {
      const user = await this.lockedUser(m, id);
      if (user.disabled === disabled) return toAdminUser(user);
      user.disabled = disabled;
      if (disabled) {
        user.tokenVersion += 1;
      }
      const saved = await this.users.save(m, user);
      if (disabled) await this.users.revokeRefreshTokens(m, id);
      await this.audit.record(
        { action: disabled ? 'user.disable' : 'user.enable', actor, targetType: 'user', targetId: id, meta },
        m,
      );
      return toAdminUser(saved);
    });
  }

  async resetPassword(id: string, password: string, actor: Principal, meta: RequestMeta): Promise<TAdminUser> {
    const target = await this.users.findById(id);
    if (!target) throw new DomainError('user.not_found', 404, 'No such user');
    if (containsUsername(password, target.username)) {
      throw new DomainError('validation.invalid_input', 400, PASSWORD_PROBLEM_MESSAGES.contains_username, undefined, [
        { path: ['password'], code: 'custom', message: PASSWORD_PROBLEM_MESSAGES.contains_username },
      ]);
    }
    const passwordHash = await hashSecret(password);
    // The new password starts every client's sign-in back-off for this user over.
    await this.throttle.forget(target.username);
    return this.db.transaction(async (m) => {
      const user = await this.lockedUser(m, id);
      user.tokenVersion += 1;
      const saved = await this.users.save(m, user);
      await this.users.setPasswordHash(m, id, passwordHash);
      await this.users.revokeRefreshTokens(m, id);
      // The password itself is never logged or audited.
      await this.audit.record({ action: 'user.reset_password', actor, targetType: 'user', targetId: id, meta }, m);
      return toAdminUser(saved);
    });
  }

  private async lockedUser(m: EntityManager, id: string): Promise<UserEntity> {
    const user = await this.users.findByIdForUpdate(m, id);
    if (!user) throw new DomainError('user.not_found', 404, 'No such user');
    return user;
  }

  private async requireActiveBureau(m: EntityManager, bureauId: number): Promise<void> {
    const bureau = await m.getRepository(BureauEntity).findOne({ where: { id: bureauId } });
    if (!bureau) throw new DomainError('bureau.not_found', 400, `Bureau ${bureauId} does not exist`, { id: bureauId });
    if (!bureau.active)
      throw new DomainError('bureau.inactive', 400, `Bureau ${bureau.code} is deactivated`, { code: bureau.code });
  }
}
