import type { TAuditPage, TAuditQuery } from '@hotline/contracts';
import { AuditLogEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

/** The audit log as administrators read it: newest first, keyset-paginated by id. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>) {}

  async search(q: TAuditQuery): Promise<TAuditPage> {
    const qb = this.repo
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(q.limit + 1);
    if (q.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.targetType) qb.andWhere('a.target_type = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.target_id = :targetId', { targetId: q.targetId });
    if (q.from) qb.andWhere('a.at >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('a.at <= :to', { to: new Date(q.to) });
    // Ids only grow, so "older than the last row seen" is stable while new rows arrive.
    if (q.cursor) qb.andWhere('a.id < :cursor', { cursor: q.cursor });
    const rows = await qb.getMany();
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorType: r.actorType,
        actorId: r.actorId,
        actorRole: r.actorRole,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        ip: r.ip,
        requestId: r.requestId,
        detail: r.detail,
      })),
      nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
    };
  }
}
