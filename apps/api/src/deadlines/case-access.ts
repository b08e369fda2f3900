import type { EntityManager } from 'typeorm';
import { caseInScope as loadCaseInScope, type CaseScopeRow } from '../cases/case-access.repository';
import type { Principal } from '../common/request-context';

export type { CaseScopeRow } from '../cases/case-access.repository';

/**
 * The deadline and supervision services' spelling of the case access check (`leadOnly` = the
 * lead bureau acts); the rule and the query live in cases/case-access.repository.ts.
 */
export function caseInScope(
  m: EntityManager,
  caseId: string,
  p: Principal,
  opts: { lock?: boolean; leadOnly?: boolean } = {},
): Promise<CaseScopeRow> {
  return loadCaseInScope(m, caseId, p, { lock: opts.lock, need: opts.leadOnly ? 'act' : 'see' });
}
