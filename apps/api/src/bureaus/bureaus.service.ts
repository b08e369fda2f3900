import type { TBureau, TBureauKind, TCreateBureau, TUpdateBureau } from '@hotline/contracts';
import type { BureauEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { BureausRepository } from './bureaus.repository';
import { DomainError } from '../common/domain-error';

const toBureau = (b: BureauEntity): TBureau => ({
  id: b.id,
  code: b.code,
  nameZh: b.nameZh,
  nameEn: b.nameEn,
  kind: b.kind as TBureauKind,
  active: b.active,
});

/**
 * Bureau administration. A bureau is never deleted (cases and history point at it); it is
 * deactivated, after which it can no longer be picked for new rules, users or dispatches.
 */
@Injectable()
export class BureausService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bureaus: BureausRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TBureau[]> {
    return (await this.bureaus.findAll()).map(toBureau);
  }

  async create(body: TCreateBureau, actor: Principal, meta: RequestMeta): Promise<TBureau> {
    const taken = await this.bureaus.findByCode(body.code);
    if (taken)
      throw new DomainError(
        'bureau.code_taken',
        409,
        `The bureau code ${body.code} is already used by ${taken.nameZh}`,
        { code: body.code },
      );
    return this.db.transaction(async (m) => {
      const bureau = await this.bureaus.insert(m, { ...body, active: true });
      await this.audit.record(
        { action: 'bureau.create', actor, targetType: 'bureau', targetId: bureau.id, meta, detail: { ...body } },
        m,
      );
      return toBureau(bureau);
    });
  }

  async update(id: number, body: TUpdateBureau, actor: Principal, meta: RequestMeta): Promise<TBureau> {
    return this.db.transaction(async (m) => {
      const bureau = await this.bureaus.findByIdForUpdate(m, id);
      if (!bureau) throw new DomainError('bureau.not_found', 404, `Bureau ${id} does not exist`, { id });
      const before = toBureau(bureau);
      Object.assign(bureau, body);
      const saved = await this.bureaus.save(m, bureau);
      await this.audit.record(
        { action: 'bureau.update', actor, targetType: 'bureau', targetId: id, meta, detail: { before, change: body } },
        m,
      );
      return toBureau(saved);
    });
  }
}
