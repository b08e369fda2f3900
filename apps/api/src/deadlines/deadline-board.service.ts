import type { TBoardQuery, TDeadlineView } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/request-context';
import { caseInScope } from './case-access';
import { CaseClocksRepository, type BureauDeadlineCounts, type DeadlineViewRow } from './case-clocks.repository';
import { ExtensionRequestsRepository } from './extension-requests.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toView(r: DeadlineViewRow, now = Date.now()): TDeadlineView {
  return {
    id: r.id,
    caseId: r.case_id,
    trackingNumber: r.tracking_number,
    kind: r.kind,
    bureauId: r.bureau_id,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    warnAt: iso(r.warn_at),
    warnedAt: iso(r.warned_at),
    firedAt: iso(r.fired_at),
    metAt: iso(r.met_at),
    escalatedAt: iso(r.escalated_at),
    pausedAt: iso(r.paused_at),
    pauseReason: r.pause_reason,
    generation: r.generation,
    secondsLeft: Math.round((r.due_at.getTime() - now) / 1000),
  };
}

/** The supervisor's boards. Handlers always see their own bureau only, whatever they ask for. */
@Injectable()
export class DeadlineBoardService {
  constructor(
    private readonly ds: DataSource,
    private readonly clocks: CaseClocksRepository,
    private readonly extensions: ExtensionRequestsRepository,
  ) {}

  private bureauOf(p: Principal, q: TBoardQuery): number | null {
    return p.role === 'handler' ? p.bureauId : (q.bureauId ?? null);
  }

  async dueSoon(p: Principal, q: TBoardQuery): Promise<TDeadlineView[]> {
    const rows = await this.clocks.findDueSoon({
      withinHours: q.withinHours,
      bureauId: this.bureauOf(p, q),
      limit: q.limit,
    });
    return rows.map((r) => toView(r));
  }

  async overdue(p: Principal, q: TBoardQuery): Promise<TDeadlineView[]> {
    const rows = await this.clocks.findOverdue({ bureauId: this.bureauOf(p, q), limit: q.limit });
    return rows.map((r) => toView(r));
  }

  /** The leadership list: open cases still overdue N working days after their reminder. */
  async escalated(p: Principal, q: TBoardQuery): Promise<TDeadlineView[]> {
    const rows = await this.clocks.findEscalated({ bureauId: this.bureauOf(p, q), limit: q.limit });
    return rows.map((r) => toView(r));
  }

  countsByBureau(p: Principal, q: TBoardQuery): Promise<BureauDeadlineCounts[]> {
    return this.clocks.countLiveByBureau({ withinHours: q.withinHours, bureauId: this.bureauOf(p, q) });
  }

  /** Every clock the case has had, with extension requests and supervision notices. */
  async history(p: Principal, caseId: string) {
    return this.ds.transaction(async (m) => {
      const c = await caseInScope(m, caseId, p);
      const rows = await this.clocks.findAllOfCase(m, caseId);
      const extensions = await this.extensions.findAllOfCase(m, caseId);
      const notices = await this.clocks.findSupervisionNoticesOfCase(m, caseId);
      const flags = await this.clocks.findCaseFlags(m, caseId);
      return {
        caseId: c.id,
        trackingNumber: c.tracking_number,
        flag: flags?.flag ?? 'none',
        escalatedAt: iso(flags?.escalated_at ?? null),
        deadlines: rows.map((r) => toView(r)),
        extensions,
        supervisionNotices: notices,
      };
    });
  }
}
