'use client';

import { fmtTime } from '@/lib/time';
import { useCallback, useState } from 'react';
import { Countdown, LiveHeading, StatusBadge } from '@/components/live';
import { clockOf, currentDue } from '@/components/case-table';
import { ApiError, client, ok } from '@/lib/api';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { dispatchReasonLabel, labelOf } from '@/lib/i18n/labels';
import type { CaseEvent } from '@/lib/api-types';
import { invalidateLive, useLive } from '@/lib/use-live';
import { byId, flattenTree, useBureaus, useCategoryTree, useDistricts } from '@/lib/catalogue';
import { CaseActions } from './case-actions';
import { CaseNotices } from './case-notices';
import { ContributionForm, ExtensionRequests, LinkedCases, ShowContact, type CaseDetailPlus } from './case-extras';

export function CaseClient({ id }: { id: string }) {
  const { t } = useI18n();
  const name = useLocalName();
  const categories = flattenTree(useCategoryTree());
  const bureaus = byId(useBureaus());
  const districts = byId(useDistricts());
  const [flash, setFlash] = useState<string | null>(null);
  const load = useCallback(async () => {
    const params = { path: { id } };
    const detail: Promise<CaseDetailPlus> = ok(client.GET('/api/cases/{id}', { params }));
    const timeline: Promise<CaseEvent[] | { items: CaseEvent[] }> = ok(
      client.GET('/api/cases/{id}/events', { params }),
    ).catch(() => []);
    const [c, events] = await Promise.all([detail, timeline]);
    return { detail: c, events: Array.isArray(events) ? events : events.items };
  }, [id]);
  const live = useLive(load, 20_000);

  if (
    live.error instanceof ApiError &&
    (live.error.status === 404 || live.error.status === 403 || live.error.status === 400)
  )
    return (
      <p className="notice warn" role="alert">
        {t.notFound}
      </p>
    );
  if (!live.data) return <p role="status">{t.loading}</p>;
  const c = live.data.detail;
  const d = currentDue(c);

  return (
    <div className="grid-2">
      <section className="card stack" aria-labelledby="case-title">
        <LiveHeading id="case-title" live={live}>
          {fmt(t.caseView.title, { n: c.trackingNumber })}
        </LiveHeading>
        {flash && (
          <p className="notice" role="status">
            {flash}
          </p>
        )}
        <dl className="facts">
          <dt>{t.fields.status}</dt>
          <dd>
            <StatusBadge status={c.status} />{' '}
            {c.status !== 'closed' && <Countdown due={d.due} start={d.start} flag={c.flag} clock={clockOf(c)} />}
          </dd>
          <dt>{t.fields.type}</dt>
          <dd>
            {t.enums.type[c.type] ?? c.type} · {t.enums.urgency[c.urgency] ?? c.urgency}
          </dd>
          <dt>{t.fields.category}</dt>
          <dd>{(c.categoryId && name(categories.get(c.categoryId))) || '—'}</dd>
          <dt>{t.fields.bureau}</dt>
          <dd>
            {(c.leadBureauId && name(bureaus.get(c.leadBureauId))) || '—'}
            {c.assistingBureauIds.length
              ? ` (+ ${c.assistingBureauIds.map((b) => name(bureaus.get(b))).join('、')})`
              : ''}
          </dd>
          <dt>{t.fields.district}</dt>
          <dd>
            {[
              c.districtId ? name(districts.get(c.districtId)) : '',
              c.streetId ? name(districts.get(c.districtId ?? -1)?.streets.find((st) => st.id === c.streetId)) : '',
              c.address,
            ]
              .filter(Boolean)
              .join(' · ') || '—'}
          </dd>
          <dt>{t.fields.caller}</dt>
          <dd>
            {[c.caller?.name, c.caller?.phone].filter(Boolean).join(' · ') || '—'}
            {c.caller.masked ? ` ${t.caseView.masked}` : ''}
            <ShowContact c={c} />
          </dd>
          <dt>{t.fields.acceptDue}</dt>
          <dd>{c.acceptDueAt ? fmtTime(c.acceptDueAt) : '—'}</dd>
          <dt>{t.fields.replyDue}</dt>
          <dd>{c.replyDueAt ? fmtTime(c.replyDueAt) : '—'}</dd>
        </dl>
        <h2>{t.fields.description}</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{c.description}</p>
        {c.publicReply && (
          <>
            <h2>{t.fields.reply}</h2>
            <p style={{ whiteSpace: 'pre-wrap' }}>{c.publicReply}</p>
          </>
        )}
        {c.internalNote && (
          <>
            <h2>{t.desk.internalNote}</h2>
            <p style={{ whiteSpace: 'pre-wrap' }} data-testid="internal-note">
              {c.internalNote}
            </p>
          </>
        )}
        <LinkedCases c={c} />
        <ExtensionRequests c={c} />
        <CaseNotices caseId={c.id} version={c.version} />
        <ContributionForm
          c={c}
          onDone={async (msg) => {
            setFlash(msg);
            await live.refresh();
          }}
        />
        <CaseActions
          detail={c}
          onDone={async (msg) => {
            setFlash(msg);
            invalidateLive();
            await live.refresh();
          }}
          onConflict={async () => {
            setFlash(t.errors.conflict);
            await live.refresh();
          }}
        />
      </section>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t.caseView.timeline}</h2>
        <ol className="timeline">
          {live.data.events.map((e) => (
            <li key={String(e.id)}>
              <time dateTime={e.at}>{fmtTime(e.at)}</time>
              <div>
                <strong>
                  {labelOf(t.enums.action, e.action) ?? labelOf(t.desk.eventActions, e.action) ?? e.action}
                </strong>
                {e.toStatus ? ` → ${labelOf(t.enums.status, e.toStatus) ?? e.toStatus}` : ''}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </div>
              {e.note && <div className="muted">{dispatchReasonLabel(e.note, t)}</div>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
