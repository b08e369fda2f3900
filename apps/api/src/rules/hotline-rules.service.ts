import type { THotlineRulesUpdate, THotlineRulesVersion } from '@hotline/contracts';
import { DeadlineEngine } from '@hotline/database';
import { withRuleDefaults } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import { DomainError } from '../common/domain-error';
import type { Principal } from '../common/request-context';
import { HotlineRulesRepository, type HotlineRulesVersionRow } from './hotline-rules.repository';

function present(row: HotlineRulesVersionRow): THotlineRulesVersion {
  return { ...row, rules: withRuleDefaults(row.rules) };
}

/**
 * The hotline-wide rules (return window, extension caps, pauses, the hotline's own clocks,
 * assisting bureaus, repeat callers). Each save is a new version with a reason, audited; clocks
 * already running keep the due times they were given.
 */
@Injectable()
export class HotlineRulesService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
    private readonly versions: HotlineRulesRepository,
  ) {}

  async current(): Promise<THotlineRulesVersion> {
    const row = await this.versions.findCurrent();
    // The migration seeds version 1 and versions are never deleted.
    if (!row) throw new Error('hotline_rule_versions is empty: migration 1796500000000 did not run');
    return present(row);
  }

  async history(): Promise<THotlineRulesVersion[]> {
    return (await this.versions.findAll()).map(present);
  }

  async update(p: Principal, body: THotlineRulesUpdate, meta: RequestMeta): Promise<THotlineRulesVersion> {
    const saved = await this.ds.transaction(async (m) => {
      const row = await this.versions.insertNext(m, body.version, body.rules, body.reason, p.userId);
      if (!row)
        throw new DomainError(
          'rules.version_conflict',
          409,
          'Someone saved another version of the rules first; reload them and try again',
        );
      await this.audit.record(
        {
          action: 'hotline_rules.update',
          actor: p,
          targetType: 'hotline_rules',
          targetId: row.version,
          meta,
          detail: { fromVersion: body.version, reason: body.reason },
        },
        m,
      );
      return row;
    });
    this.engine.settings.invalidate();
    return present(saved);
  }
}
