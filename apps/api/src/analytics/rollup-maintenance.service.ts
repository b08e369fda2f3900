import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import { RollupMaintenanceRepository } from '@hotline/database';

/** Most outbox rows one refresh call reads before answering (the worker keeps going). */
const MAX_ROWS_PER_REFRESH = 200_000;
const BATCH = 5_000;

/**
 * The API-side fallback of the worker's rollup job: brings the rollups up to date with the
 * outbox synchronously (admins; tests use it to be deterministic), and the consistency check.
 * Both run the same SQL functions the worker runs, serialised by one advisory lock.
 */
@Injectable()
export class RollupMaintenanceService {
  constructor(
    private readonly repo: RollupMaintenanceRepository,
    private readonly audit: AuditService,
  ) {}

  async refresh(principal: Principal, meta: RequestMeta) {
    let read = 0;
    for (let n = await this.repo.consumeOutbox(BATCH); n > 0; n = await this.repo.consumeOutbox(BATCH)) {
      read += n;
      if (read >= MAX_ROWS_PER_REFRESH) break;
    }
    const status = await this.repo.cursorStatus();
    await this.audit.record({ action: 'analytics.refresh', actor: principal, meta, detail: { outboxRowsRead: read } });
    return { outboxRowsRead: read, lastEventId: status.lastId, outboxMaxId: status.outboxMaxId };
  }

  async checkConsistency(principal: Principal, meta: RequestMeta, repair: boolean) {
    const result = await this.repo.checkConsistency(repair);
    await this.audit.record({ action: 'analytics.consistency_check', actor: principal, meta, detail: result });
    return result;
  }

  async status() {
    const s = await this.repo.cursorStatus();
    return { ...s, lagEvents: Math.max(0, s.outboxMaxId - s.lastId) };
  }
}
