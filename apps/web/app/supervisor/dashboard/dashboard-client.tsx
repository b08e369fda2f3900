'use client';

import type {
  TAnalyticsOverview,
  TAnalyticsRankings,
  TAnalyticsTrends,
  TRate,
  TServiceGapReport,
} from '@hotline/contracts';
import Link from 'next/link';
import { useCallback, useState, type ReactNode } from 'react';
import { DataTable } from '@/components/data-table';
import { LiveHeading, Loading } from '@/components/live';
import { RatesChart, Sparkline } from '@/components/rates-chart';
import { client, ok, qs } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';
import { errorMessage } from '@/lib/form-errors';

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
    (): Promise<TAnalyticsOverview> =>
      ok(client.GET('/api/analytics/overview', { params: { query: { ...range, groupBy: 'bureau' } } })),
    [range],
  );
  const load = useCallback(async () => {
    const soft = <T,>(p: Promise<T>) => p.catch(() => null);
    const [trends, rankings, gaps] = await Promise.all([
      soft<TAnalyticsTrends>(
        ok(client.GET('/api/analytics/trends', { params: { query: { ...range, interval: 'day' } } })),
      ),
      soft<TAnalyticsRankings>(ok(client.GET('/api/analytics/rankings', { params: { query: { month } } }))),
      soft<TServiceGapReport>(
        ok(
          client.GET('/api/analytics/service-gaps', {
            params: { query: { ...range, hotspotMin: 2, ownerlessMin: 1 } },
          }),
        ),
      ),
    ]);
    return { trends, rankings, gaps };
  }, [range, month]);
  const rates = useLive(loadRates, 30_000);
  const live = useLive(load, 30_000);
  const name = (g: { nameZh: string; nameEn: string }) => (en ? g.nameEn : g.nameZh);
  // The export's header row and labels follow the reader's language (the API defaults to English keys).
  const lang = en ? 'en' : 'zh-CN';
  const csv = (path: string, extra: Record<string, string | number> = {}) =>
    `/api/analytics/${path}${qs({ ...range, ...extra, format: 'csv', lang })}`;

  const rows = rates.data?.rows.filter((r) => r.group.id !== 0) ?? [];
  return (
    <div className="stack">
      <LiveHeading live={rates} also={[live]}>
        {t.dashboard.title}
      </LiveHeading>
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
          {errorMessage(rates.error, t)}
        </p>
      ) : null}
      <CsvSection id="rates-title" title={t.dashboard.rates} csvHref={csv('overview', { groupBy: 'bureau' })}>
        {!rates.data ? (
          <Loading />
        ) : (
          <>
            <DataTable
              data-testid="rates-table"
              caption={t.dashboard.rates}
              headers={[
                t.fields.bureau,
                t.dashboard.count,
                t.dashboard.followUps,
                t.dashboard.responseRate,
                t.dashboard.resolutionRate,
                t.dashboard.satisfactionRate,
              ]}
            >
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
            </DataTable>
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
      </CsvSection>
      {live.data?.trends && (
        <CsvSection id="trends-title" title={t.dashboard.trends} csvHref={csv('trends', { interval: 'day' })}>
          <Sparkline
            title={`${t.dashboard.trends}: ${t.dashboard.count}`}
            points={live.data.trends.points.map((p) => ({ label: p.period, value: p.volume }))}
          />
        </CsvSection>
      )}
      {live.data?.rankings && (
        <CsvSection
          id="rank-title"
          title={
            <>
              {t.dashboard.rankings} · {live.data.rankings.month}
            </>
          }
          csvHref={`/api/analytics/rankings${qs({ month, format: 'csv', lang })}`}
        >
          <ol>
            {live.data.rankings.ranked.map((r) => (
              <li key={String(r.bureau.id)}>
                {name(r.bureau)} — {r.score === null ? '—' : r.score.toFixed(1)} ({pct(r.response)} /{' '}
                {pct(r.resolution)} / {pct(r.satisfaction)})
              </li>
            ))}
          </ol>
        </CsvSection>
      )}
      {live.data?.gaps && (
        <CsvSection id="gaps-title" title={t.dashboard.gaps} csvHref={csv('service-gaps')}>
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
        </CsvSection>
      )}
    </div>
  );
}

/** A dashboard card: its heading and the button that downloads the same figures as CSV. */
function CsvSection({
  id,
  title,
  csvHref,
  children,
}: {
  id: string;
  title: ReactNode;
  csvHref: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={id}>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 id={id}>{title}</h2>
        <a className="button small secondary" href={csvHref} download>
          {t.dashboard.exportCsv}
        </a>
      </div>
      {children}
    </section>
  );
}
