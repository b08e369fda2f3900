import { ApiKeyEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository } from 'typeorm';

/** Single-purpose queries over api_keys. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly repo: Repository<ApiKeyEntity>) {}

  async insert(
    row: Pick<ApiKeyEntity, 'name' | 'keyHash' | 'keyPrefix' | 'rateLimitPerMinute' | 'createdBy'>,
    manager: EntityManager,
  ): Promise<ApiKeyEntity> {
    const saved = await manager.getRepository(ApiKeyEntity).save(manager.getRepository(ApiKeyEntity).create(row));
    return manager.getRepository(ApiKeyEntity).findOneOrFail({ where: { id: saved.id } });
  }

  listNewestFirst(): Promise<ApiKeyEntity[]> {
    return this.repo.find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  findByIdForUpdate(id: string, manager: EntityManager): Promise<ApiKeyEntity | null> {
    return manager.getRepository(ApiKeyEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The key whose secret hashes to `keyHash`, unless it was revoked. */
  findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOne({ where: { keyHash, revokedAt: IsNull() } });
  }

  async markRevoked(id: string, manager: EntityManager): Promise<ApiKeyEntity> {
    await manager.getRepository(ApiKeyEntity).update({ id }, { revokedAt: () => 'now()' });
    return manager.getRepository(ApiKeyEntity).findOneOrFail({ where: { id } });
  }

  /** At most one write a minute per key: last-used is for humans, not an access log. */
  async touchLastUsed(id: string): Promise<void> {
    await this.repo.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
