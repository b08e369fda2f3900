'use client';

import type { ComponentProps, ReactNode } from 'react';

/**
 * A scrollable data table: a caption for screen readers (when given), one column header per
 * entry of `headers` (false / null entries are columns not shown), the rows as children.
 */
export function DataTable({
  caption,
  headers,
  busy,
  children,
  ...table
}: Omit<ComponentProps<'table'>, 'children'> & {
  caption?: string;
  headers: (ReactNode | false | null | undefined)[];
  /** aria-busy on the wrapper while a new page loads. */
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="data" {...table}>
        {caption !== undefined && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {headers
              .filter((h) => h !== false && h !== null && h !== undefined)
              .map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
