'use client';

import Link from 'next/link';
import { useState } from 'react';
import { FormBanner, FormFrame, useAsyncSubmit } from '@/components/form';
import { useSession } from '@/components/staff-shell';
import { ApiError, client, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { fmtTime } from '@/lib/time';
import type { CaseDetail } from '@/lib/api-types';
import { invalidateLive } from '@/lib/use-live';

/** The case page reads the detail as the contract gives it (linked cases, extension requests). */
export type CaseDetailPlus = CaseDetail;

/** Both sides of a merge: the child names its parent, the parent counts its repeat reports. */
export function LinkedCases({ c }: { c: CaseDetailPlus }) {
  const { t } = useI18n();
  const parent = c.linked?.parent;
  const children = c.linked?.children ?? [];
  const count = c.linked?.childCount ?? c.mergedChildren;
  if (!parent && !c.parentCaseId && !count) return null;
  return (
    <section aria-labelledby="linked-title" data-testid="linked">
      <h2 id="linked-title">{t.desk.linkedTitle}</h2>
      {(parent || c.parentCaseId) && (
        <p>
          {fmt(t.desk.linkedParent, { n: '' })}
          <Link href={`/cases/${parent?.id ?? c.parentCaseId}`}>{parent?.trackingNumber ?? t.desk.linkedTitle}</Link>
        </p>
      )}
      {count > 0 && (
        <>
          <p>{fmt(t.desk.linkedChildren, { n: count })}</p>
          <ul>
            {children.map((ch) => (
              <li key={ch.id}>
                <Link href={`/cases/${ch.id}`}>{ch.trackingNumber}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The lead bureau's audited look at the citizen's contact (GET /api/cases/:id/contact). */
export function ShowContact({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const session = useSession();
  const [contact, setContact] = useState<{ name: string | null; phone: string | null; email: string | null }>();
  const [error, setError] = useState<string | null>(null);
  if (!c.caller.masked || c.caller.hidden || session.role !== 'handler' || c.leadBureauId !== session.bureauId)
    return null;
  if (contact)
    return (
      <div data-testid="contact">
        <div className="muted">{t.desk.contactShown}</div>
        {[contact.name, contact.phone, contact.email].filter(Boolean).join(' · ') || '—'}
      </div>
    );
  return (
    <div>
      <button
        type="button"
        className="button small secondary"
        onClick={() =>
          void ok(client.GET('/api/cases/{id}/contact', { params: { path: { id: c.id } } }))
            .then(setContact)
            .catch((e: unknown) => setError(e instanceof ApiError ? e.message : t.errors.network))
        }
      >
        {t.desk.showContact}
      </button>
      <FormBanner message={error} />
    </div>
  );
}

/** Extension requests on this case with the time asked for and where each stands. */
export function ExtensionRequests({ c }: { c: CaseDetailPlus }) {
  const { t } = useI18n();
  const rows = c.extensionRequests ?? [];
  if (!rows.length) return null;
  return (
    <section aria-labelledby="ext-req-title" data-testid="extension-requests">
      <h2 id="ext-req-title">{t.desk.extensionRequests}</h2>
      <ul>
        {rows.map((r) => {
          const state = r.status;
          return (
            <li key={r.id}>
              {t.board.kinds[r.deadlineKind] ?? ''} {t.desk.requestedDue} {fmtTime(r.requestedDueAt)} ·{' '}
              <strong>{t.desk.extState[state] ?? state}</strong>
              {r.reason && <div className="muted">{r.reason}</div>}
              {r.decidedAt && (
                <div className="muted">
                  {t.desk.decidedBy} {r.decidedBy?.name ?? ''} {fmtTime(r.decidedAt)}
                  {r.decisionNote ? ` · ${r.decisionNote}` : ''}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * An assisting bureau files its part (协办意见) from the case page; it lands on the timeline
 * and does not change the case's status.
 */
export function ContributionForm({ c, onDone }: { c: CaseDetail; onDone: (msg: string) => Promise<void> }) {
  const { t } = useI18n();
  const session = useSession();
  const [note, setNote] = useState('');
  const { busy, error, setError, submit } = useAsyncSubmit();
  const assisting = session.bureauId !== null && c.assistingBureauIds.includes(session.bureauId);
  if (session.role !== 'handler' || !assisting || c.status === 'closed') return null;
  const send = submit(async () => {
    if (!note.trim()) return setError(t.desk.contributionNote);
    await client.POST('/api/cases/{id}/contributions', {
      params: { path: { id: c.id } },
      body: { note: note.trim() },
    });
    setNote('');
    invalidateLive();
    await onDone(`${t.desk.fileContribution}: ${t.caseView.done}`);
  });
  return (
    <section aria-labelledby="contrib-title">
      <h2 id="contrib-title">{t.desk.fileContribution}</h2>
      <FormFrame onSubmit={send} busy={busy} error={error} submitLabel={t.caseView.send}>
        <div className="field">
          <label htmlFor="contribution-note">{t.desk.contributionNote}</label>
          <textarea id="contribution-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </FormFrame>
    </section>
  );
}
