/**
 * The domain event every case state change emits. It is written to `outbox_events`
 * (topic CASE_CHANGED_TOPIC) in the same transaction as the change, then published
 * in-process (EventEmitter2, same name) after commit. The worker relays the outbox rows to
 * deadline scheduling, analytics rollups and live updates; nothing reads the case table
 * to find out what happened.
 */
export const CASE_CHANGED_TOPIC = 'case.changed';

export interface TCaseChangedEvent {
  caseId: string;
  trackingNumber: string;
  /** The action, e.g. 'intake', 'auto_dispatch', 'accept', 'reply', 'follow_up_reopen', 'extension_approved'. */
  action: string;
  fromStatus: string | null;
  toStatus: string;
  /** ISO-8601 instant of the change (database clock). */
  at: string;
  actorRole: string;
  actorId: string | null;
  /** The lead bureau after the change. */
  bureauId: number | null;
  /** The case version after the change. */
  version: number;
}
