'use client';

import { useCallback, useState } from 'react';
import { CaseLinkCell } from '@/components/case-table';
import { DataTable } from '@/components/data-table';
import { LiveHeading, Loading } from '@/components/live';
import { client, ok } from '@/lib/api';
import { flattenTree, useCategoryTree } from '@/lib/catalogue';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { labelOf } from '@/lib/i18n/labels';
import { fmtTime } from '@/lib/time';
import { invalidateLive, useLive } from '@/lib/use-live';
import { ActionForm } from '../../cases/[id]/case-actions';
import { AttemptForm } from './attempt-form';

type Open = { id: string; form: 'done' | 'attempt' } | null;

/**
 * The agents' follow-up worklist (回访): replied cases, oldest reply first, the ones to call
 * back later after the others (the API orders them). Each row records the follow-up with the
 * case page's form, or an unsuccessful attempt; the attempt count stays visible.
 */
export function FollowUpsClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const categories = flattenTree(useCategoryTree());
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const load = useCallback(() => ok(client.GET('/api/follow-ups')).then((r) => r.items), []);
  const live = useLive(load, 30_000);
  const finish = async (message: string) => {
    setOpen(null);
    setFlash(message);
    invalidateLive();
    await live.refresh();
  };

  return (
    <section className="stack" aria-labelledby="fu-title">
      <LiveHeading id="fu-title" live={live} intro={t.desk.followUpsIntro}>
        {t.desk.followUpsTitle}
      </LiveHeading>
      {flash && (
        <p className="notice" role="status">
          {flash}
        </p>
      )}
      {!live.data ? (
        <Loading />
      ) : !live.data.length ? (
        <p className="muted">{t.inbox.empty}</p>
      ) : (
        <DataTable
          caption={t.desk.followUpsTitle}
          headers={[
            t.fields.trackingNumber,
            t.fields.category,
            t.fields.caller,
            t.desk.repliedAt,
            t.desk.attempts,
            t.desk.lastOutcome,
            t.desk.retryAfter,
            t.caseView.actions,
          ]}
        >
          {live.data.map((r) => (
            <tr key={r.id} data-tracking={r.trackingNumber}>
              <CaseLinkCell c={r} />
              <td>{r.categoryId ? name(categories.get(r.categoryId)) : '—'}</td>
              <td>{[r.caller?.name, r.caller?.phone].filter(Boolean).join(' · ') || '—'}</td>
              <td>{r.repliedAt ? fmtTime(r.repliedAt) : '—'}</td>
              <td data-testid="attempts">{r.attempts}</td>
              <td>
                {r.lastOutcome ? (labelOf(t.desk.outcomes, r.lastOutcome) ?? r.lastOutcome) : '—'}
                {r.exhausted && <div className="muted">{t.desk.exhausted}</div>}
              </td>
              <td>{r.retryAfter ? fmtTime(r.retryAfter) : '—'}</td>
              <td>
                <div className="row">
                  {(
                    [
                      ['done', t.desk.record, 'button small'],
                      ['attempt', t.desk.attemptFailed, 'button small secondary'],
                    ] as const
                  ).map(([form, label, className]) => (
                    <button
                      key={form}
                      type="button"
                      className={className}
                      aria-expanded={open?.id === r.id && open.form === form}
                      onClick={() => setOpen(open?.id === r.id && open.form === form ? null : { id: r.id, form })}
                    >
                      {label}
                    </button>
                  ))}
                </div>
                {open?.id === r.id && open.form === 'done' && (
                  <ActionForm
                    key={`${r.id}-${r.version}`}
                    action="follow-up"
                    detail={r}
                    onDone={() => finish(`${t.caseView.followUp}: ${t.caseView.done}`)}
                    onConflict={() => finish(t.errors.conflict)}
                  />
                )}
                {open?.id === r.id && open.form === 'attempt' && <AttemptForm row={r} onDone={finish} />}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
