'use client';

import { useCallback } from 'react';
import { Freshness } from '@/components/live';
import { api } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';

interface CalendarView {
  workingPeriods: { start: string; end: string }[];
  escalationWorkingDays: number;
  version: number;
  days: { day: string; kind: 'holiday' | 'makeup_workday'; name: string }[];
}

/** Working hours and the holiday / make-up working day list the deadlines are counted in. */
export function CalendarClient() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const load = useCallback(() => api<CalendarView>(`/calendar?from=${year}-01-01&to=${year + 1}-12-31`), [year]);
  const live = useLive(load, 120_000);
  const c = live.data;
  return (
    <section className="stack" aria-labelledby="cal-title">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 id="cal-title">{t.admin.calendar}</h1>
        <Freshness updatedAt={live.updatedAt} loading={live.loading} onRefresh={() => void live.refresh()} />
      </div>
      {!c ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          <p>
            {t.admin.workingHours}: {c.workingPeriods.map((p) => `${p.start}–${p.end}`).join(', ')} ·{' '}
            {t.admin.escalationDays}: {c.escalationWorkingDays}
          </p>
          <div className="table-wrap">
            <table className="data">
              <caption className="sr-only">{t.admin.calendar}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.admin.day}</th>
                  <th scope="col">{t.admin.kind}</th>
                  <th scope="col">{t.admin.name}</th>
                </tr>
              </thead>
              <tbody>
                {c.days.map((d) => (
                  <tr key={d.day}>
                    <td>{d.day}</td>
                    <td>{d.kind === 'holiday' ? t.admin.holiday : t.admin.makeup}</td>
                    <td>{d.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
