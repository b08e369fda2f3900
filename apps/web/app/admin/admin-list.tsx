'use client';

import { useCallback, type ReactNode } from 'react';
import { DataTable } from '@/components/data-table';
import { LiveHeading, Loading } from '@/components/live';
import { useI18n } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';
import { errorMessage } from '@/lib/form-errors';

/**
 * A titled table over one admin list route (rows keyed by id); columns render each row (and may refresh the list after an action).
 * `load` calls the route; declare it outside the component so it stays the same function.
 */
export function AdminList<T extends { id: string | number }>({
  title,
  load: loadRoute,
  columns,
  children,
}: {
  title: string;
  load: () => Promise<T[] | { items: T[] }>;
  columns: { header: string; cell: (row: T, refresh: () => Promise<void>) => ReactNode }[];
  children?: (refresh: () => Promise<void>) => ReactNode;
}) {
  const { t } = useI18n();
  const load = useCallback(() => loadRoute().then((r) => (Array.isArray(r) ? r : r.items)), [loadRoute]);
  const live = useLive(load, 60_000);
  return (
    <section className="stack" aria-labelledby="admin-title">
      <LiveHeading id="admin-title" live={live}>
        {title}
      </LiveHeading>
      {children?.(live.refresh)}
      {live.error && !live.data ? (
        <p className="form-error" role="alert">
          {errorMessage(live.error, t)}
        </p>
      ) : !live.data ? (
        <Loading />
      ) : (
        <DataTable caption={title} headers={columns.map((c) => c.header)}>
          {live.data.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(row, live.refresh)}</td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
