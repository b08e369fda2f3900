'use client';

import type {
  TAnalyticsOverview,
  TAnalyticsRankings,
  TAnalyticsTrends,
  TRate,
  TServiceGapReport,
} from '@hotline/contracts';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { Freshness } from '@/components/live';
import { RatesChart, Sparkline } from '@/components/rates-chart';
import { api, qs } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';

const pct = (r: TRate | undefined) => (r && r.value !== null ? `${(r.value * 100).toFixed(1)}%` : '—');
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Shanghai calendar dates: the range defaults to the last 30 days including today. */
function defaultRange() {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return { from: day(new Date(now.getTime() - 29 * 86_400_000)), to: day(now) };
}

export function DashboardClient() {
  const { t, locale } = useI18n();
  const en = locale === 'en';
  const [range, setRange] = useState(defaultRange);
  const [draft, setDraft] = useState(range);
  const month = range.to.slice(0, 7);

  // The rates come first; the heavier reports (trends, rankings, gaps) load beside them.
  const loadRates = useCallback(
    () => api<TAnalyticsOverview>(`/analytics/overview${qs({ ...range, groupBy: 'bureau' })}`),
    [range],
  );
  const load = useCallback(async () => {
    const soft = <T,>(p: Promise<T>) => p.catch(() => null);
    const [trends, rankings, gaps] = await Promise.all([
      soft(api<TAnalyticsTrends>(`/analytics/trends${qs({ ...range, interval: 'day' })}`)),
      soft(api<TAnalyticsRankings>(`/analytics/rankings${qs({ month })}`)),
      soft(api<TServiceGapReport>(`/analytics/service-gaps${qs({ ...range, hotspotMin: 2, ownerlessMin: 1 })}`)),
    ]);
    return { trends, rankings, gaps };
  }, [range, month]);
  const rates = useLive(loadRates, 30_000);
  const live = useLive(load, 30_000);
  const name = (g: { nameZh: string; nameEn: string }) => (en ? g.nameEn : g.nameZh);
  const csv = (path: string, extra: Record<string, string | number> = {}) =>
    `/api/analytics/${path}${qs({ ...range, ...extra, format: 'csv' })}`;

  const rows = rates.data?.rows.filter((r) => r.group.id !== 0) ?? [];
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1>{t.dashboard.title}</h1>
        <Freshness
          updatedAt={rates.updatedAt}
          loading={rates.loading}
          onRefresh={() => {
            void rates.refresh();
            void live.refresh();
          }}
        />
      </div>
      <form
        className="row card"
        onSubmit={(e) => {
          e.preventDefault();
          setRange(draft);
        }}
      >
        <div className="field">
          <label htmlFor="from">{t.dashboard.from}</label>
          <input
            id="from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="to">{t.dashboard.to}</label>
          <input id="to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="field" style={{ justifyContent: 'flex-end' }}>
          <button type="submit" className="button">
            {t.dashboard.apply}
          </button>
        </div>
      </form>
      {rates.error && !rates.data ? (
        <p className="form-error" role="alert">
          {rates.error instanceof Error ? rates.error.message : t.errors.network}
        </p>
      ) : null}
      <section className="card" aria-labelledby="rates-title">
        <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <h2 id="rates-title">{t.dashboard.rates}</h2>
          <a className="button small secondary" href={csv('overview', { groupBy: 'bureau' })} download>
            {t.dashboard.exportCsv}
          </a>
        </div>
        {!rates.data ? (
          <p role="status">{t.loading}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data" data-testid="rates-table">
                <caption className="sr-only">{t.dashboard.rates}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.fields.bureau}</th>
                    <th scope="col">{t.dashboard.count}</th>
                    <th scope="col">{t.dashboard.followUps}</th>
                    <th scope="col">{t.dashboard.responseRate}</th>
                    <th scope="col">{t.dashboard.resolutionRate}</th>
                    <th scope="col">{t.dashboard.satisfactionRate}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={String(r.group.id)} data-bureau={r.group.code ?? ''}>
                      <th scope="row">{name(r.group)}</th>
                      <td>{r.volume}</td>
                      <td>{r.rates.response.denominator}</td>
                      <td>{pct(r.rates.response)}</td>
                      <td>{pct(r.rates.resolution)}</td>
                      <td>{pct(r.rates.satisfaction)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <RatesChart
              title={t.dashboard.chart}
              rows={rows
                .filter((r) => r.rates.response.denominator > 0)
                .map((r) => ({
                  label: name(r.group),
                  values: [r.rates.response.value, r.rates.resolution.value, r.rates.satisfaction.value],
                }))}
              series={[
                { name: t.dashboard.responseRate, colour: '#2563eb' },
                { name: t.dashboard.resolutionRate, colour: '#1e8e3e' },
                { name: t.dashboard.satisfactionRate, colour: '#c0392b' },
              ]}
            />
          </>
        )}
      </section>
      {live.data?.trends && (
        <section className="card" aria-labelledby="trends-title">
          <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <h2 id="trends-title">{t.dashboard.trends}</h2>
            <a className="button small secondary" href={csv('trends', { interval: 'day' })} download>
              {t.dashboard.exportCsv}
            </a>
          </div>
          <Sparkline
            title={`${t.dashboard.trends}: ${t.dashboard.count}`}
            points={live.data.trends.points.map((p) => ({ label: p.period, value: p.volume }))}
          />
        </section>
      )}
      {live.data?.rankings && (
        <section className="card" aria-labelledby="rank-title">
          <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <h2 id="rank-title">
              {t.dashboard.rankings} · {live.data.rankings.month}
            </h2>
            <a
              className="button small secondary"
              href={`/api/analytics/rankings${qs({ month, format: 'csv' })}`}
              download
            >
              {t.dashboard.exportCsv}
            </a>
          </div>
          <ol>
            {live.data.rankings.ranked.map((r) => (
              <li key={String(r.bureau.id)}>
                {name(r.bureau)} — {r.score === null ? '—' : r.score.toFixed(1)} ({pct(r.response)} /{' '}
                {pct(r.resolution)} / {pct(r.satisfaction)})
              </li>
            ))}
          </ol>
        </section>
      )}
      {live.data?.gaps && (
        <section className="card" aria-labelledby="gaps-title">
          <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <h2 id="gaps-title">{t.dashboard.gaps}</h2>
            <a className="button small secondary" href={csv('service-gaps')} download>
              {t.dashboard.exportCsv}
            </a>
          </div>
          {live.data.gaps.findings.length === 0 ? (
            <p className="muted">{t.board.empty}</p>
          ) : (
            <ul>
              {live.data.gaps.findings.map((f, i) => (
                <li key={`${f.kind}-${i}`}>
                  <strong>{(en ? f.titleEn : f.titleZh) || f.title}</strong> <span className="badge">{f.severity}</span>
                  <div className="muted">{(en ? f.suggestionEn : f.suggestionZh) || f.suggestion}</div>
                  <div className="row">
                    {f.exampleCases.map((c) => (
                      <Link key={c.id} href={`/cases/${c.id}`}>
                        {c.trackingNumber}
                      </Link>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
