import type { TUsersQuery } from '@hotline/contracts';
import { UserEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

/** Staff accounts, one purpose per method. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findFiltered(q: TUsersQuery): Promise<UserEntity[]> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.username', 'ASC');
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.bureauId) qb.andWhere('u.bureau_id = :bureauId', { bureauId: q.bureauId });
    if (q.q) {
      // Escape LIKE wildcards so the text is matched literally.
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.username ILIKE :like OR u.display_name ILIKE :like)', { like });
    }
    return qb.getMany();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  findByIdForUpdate(m: EntityManager, id: string): Promise<UserEntity | null> {
    return m.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { username } });
  }

  async insert(m: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    const repo = m.getRepository(UserEntity);
    return repo.save(repo.create(user));
  }

  async save(m: EntityManager, user: UserEntity): Promise<UserEntity> {
    return m.getRepository(UserEntity).save(user);
  }

  async setPasswordHash(m: EntityManager, id: string, passwordHash: string): Promise<void> {
    await m.getRepository(UserEntity).update(id, { passwordHash });
  }

  /**
   * Ends every session of the user: their sessions are revoked (so access tokens naming them
   * stop at once, whatever Redis holds) and their refresh tokens can no longer be exchanged.
   */
  async revokeRefreshTokens(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `WITH s AS (
         UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'admin'
          WHERE user_id = $1 AND revoked_at IS NULL RETURNING id)
       UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }
}
