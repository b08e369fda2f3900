import type { TCaseChangedEvent } from '@hotline/contracts';
import type { CaseEntity } from '@hotline/database';

/** The case as it is after the change; intake passes the row it is about to insert. */
export type ChangedCase = Pick<
  CaseEntity,
  'id' | 'trackingNumber' | 'status' | 'leadBureauId' | 'version' | 'updatedAt'
>;

export interface CaseChange {
  action: string;
  /** The status before; null at intake (the case did not exist). */
  fromStatus: string | null;
  actor: { role: string; id: string | null };
}

/**
 * The one builder of the case.changed event: the outbox row, the in-process emit and the
 * transition hooks all get this object, for intake and every lifecycle action alike.
 */
export function caseChangedEvent(c: ChangedCase, change: CaseChange): TCaseChangedEvent {
  return {
    caseId: c.id,
    trackingNumber: c.trackingNumber,
    action: change.action,
    fromStatus: change.fromStatus,
    toStatus: c.status,
    at: new Date(c.updatedAt).toISOString(),
    actorRole: change.actor.role,
    actorId: change.actor.id,
    bureauId: c.leadBureauId,
    version: c.version,
  };
}
