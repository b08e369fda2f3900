import { AuditLogEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';

export interface AuditEntry {
  action: string;
  actor: Principal | { type: 'api_key' | 'citizen' | 'system' | 'anonymous'; id?: string | null };
  targetType?: string;
  targetId?: string | number | null;
  meta?: RequestMeta;
  detail?: Record<string, unknown>;
}

/** Who did what and when: every write and every sign-in lands here. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>) {}

  /** Pass the transaction's manager so the audit row commits (or rolls back) with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditLogEntity) : this.repo;
    const actor = entry.actor;
    const isUser = 'userId' in actor;
    // An entity instance and save(): insert()'s deep-partial typing cannot express a jsonb object.
    const row = repo.create({
      actorType: isUser ? 'user' : actor.type,
      actorId: isUser ? actor.userId : (actor.id ?? null),
      actorRole: isUser ? actor.role : null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      ip: entry.meta?.ip ?? null,
      requestId: entry.meta?.requestId ?? null,
    });
    row.detail = entry.detail ?? {};
    await repo.save(row, { reload: false });
  }
}
