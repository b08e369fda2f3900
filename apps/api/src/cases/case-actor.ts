import type { Role } from '@hotline/domain';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';

/** Who submits a case: staff, a citizen on the public form, or an integration's API key. */
export type IntakeActor = Principal | { type: 'citizen' } | { type: 'api_key'; id: string; name: string };

/** Who performs a lifecycle action, in the state machine's terms. */
export interface CaseActor {
  role: Role;
  id: string | null;
  name: string | null;
  /** Handlers only: the bureau whose cases they may see and work. */
  bureauId: number | null;
  principal: Principal | null;
  meta?: RequestMeta;
}

export function isPrincipal(a: IntakeActor): a is Principal {
  return 'userId' in a;
}

export function staffActor(p: Principal, meta?: RequestMeta): CaseActor {
  return { role: p.role, id: p.userId, name: p.displayName, bureauId: p.bureauId, principal: p, meta };
}

export function citizenActor(meta?: RequestMeta): CaseActor {
  return { role: 'citizen', id: null, name: null, bureauId: null, principal: null, meta };
}

export function intakeActorFields(a: IntakeActor): {
  id: string | null;
  name: string | null;
  role: Role;
  auditType: string;
  scope: string;
} {
  if (isPrincipal(a)) return { id: a.userId, name: a.displayName, role: a.role, auditType: 'user', scope: a.userId };
  if (a.type === 'api_key') return { id: a.id, name: a.name, role: 'system', auditType: 'api_key', scope: a.id };
  return { id: null, name: null, role: 'citizen', auditType: 'citizen', scope: 'citizen' };
}
