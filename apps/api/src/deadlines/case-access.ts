import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/request-context';
import { DomainError } from '../common/domain-error';

export interface CaseScopeRow {
  id: string;
  status: string;
  tracking_number: string;
  lead_bureau_id: number | null;
  assisting_bureau_ids: number[];
}

/**
 * Loads a case the principal may see. Handlers see only their bureau's cases (lead or
 * assisting); any other case is "not found" for them, never "forbidden", so ids leak nothing.
 */
export async function caseInScope(
  m: EntityManager,
  caseId: string,
  p: Principal,
  opts: { lock?: boolean; leadOnly?: boolean } = {},
): Promise<CaseScopeRow> {
  const [row] = (await m.query(
    `SELECT id, status, tracking_number, lead_bureau_id, assisting_bureau_ids FROM cases WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [caseId],
  )) as CaseScopeRow[];
  const visible =
    row &&
    (p.role !== 'handler' ||
      row.lead_bureau_id === p.bureauId ||
      (!opts.leadOnly && p.bureauId !== null && row.assisting_bureau_ids.includes(p.bureauId)));
  if (!row || !visible) throw new DomainError('case.not_found', 404, 'No such case');
  return row;
}
