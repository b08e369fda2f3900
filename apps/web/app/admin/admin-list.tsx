'use client';

import { useCallback, type ReactNode } from 'react';
import { Freshness } from '@/components/live';
import { api } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';

/** A titled table over one admin list route; columns render each row (and may refresh the list after an action). */
export function AdminList<T>({
  title,
  path,
  columns,
  rowKey,
  children,
}: {
  title: string;
  path: string;
  columns: { header: string; cell: (row: T, refresh: () => Promise<void>) => ReactNode }[];
  rowKey: (row: T) => string | number;
  children?: (refresh: () => Promise<void>) => ReactNode;
}) {
  const { t } = useI18n();
  const load = useCallback(() => api<T[] | { items: T[] }>(path).then((r) => (Array.isArray(r) ? r : r.items)), [path]);
  const live = useLive(load, 60_000);
  return (
    <section className="stack" aria-labelledby="admin-title">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 id="admin-title">{title}</h1>
        <Freshness updatedAt={live.updatedAt} loading={live.loading} onRefresh={() => void live.refresh()} />
      </div>
      {children?.(live.refresh)}
      {live.error && !live.data ? (
        <p className="form-error" role="alert">
          {live.error instanceof Error ? live.error.message : t.errors.network}
        </p>
      ) : !live.data ? (
        <p role="status">{t.loading}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {live.data.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.header}>{c.cell(row, live.refresh)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
