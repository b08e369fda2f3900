import { BureauEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

/** Bureaus as the administrator manages them (active and deactivated alike). */
@Injectable()
export class BureausRepository {
  constructor(@InjectRepository(BureauEntity) private readonly bureaus: Repository<BureauEntity>) {}

  findAll(): Promise<BureauEntity[]> {
    return this.bureaus.find({ order: { kind: 'ASC', code: 'ASC' } });
  }

  findByCode(code: string): Promise<BureauEntity | null> {
    return this.bureaus.findOne({ where: { code } });
  }

  findByIdForUpdate(m: EntityManager, id: number): Promise<BureauEntity | null> {
    return m.getRepository(BureauEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(m: EntityManager, bureau: Partial<BureauEntity>): Promise<BureauEntity> {
    const repo = m.getRepository(BureauEntity);
    return repo.save(repo.create(bureau));
  }

  save(m: EntityManager, bureau: BureauEntity): Promise<BureauEntity> {
    return m.getRepository(BureauEntity).save(bureau);
  }
}
