'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { client, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { labelOf } from '@/lib/i18n/labels';
import { fmtTime } from '@/lib/time';
import { DataTable } from '../data-table';
import { Loading } from '../live';
import { actionError, Panel } from './admin-ui';

export interface VersionRow {
  version: number;
  change?: string;
  snapshot: Record<string, unknown>;
  changedBy: string | null;
  changedAt: string;
}

/** Every stored version of a rule or policy, oldest first, with who changed it and when. */
export function VersionHistory({
  id,
  title,
  path,
  ownerId,
  describe,
  onClose,
}: {
  id: string;
  title: string;
  /** Whose history: a dispatch rule's or a deadline policy's, by its id. */
  path: '/api/dispatch/rules/{id}/versions' | '/api/deadline-policies/{id}/versions';
  ownerId: number;
  /** What the version said, in the reader's language. */
  describe: (snapshot: Record<string, unknown>) => ReactNode;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<VersionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    ok(client.GET(path, { params: { path: { id: ownerId } } }))
      .then((r: VersionRow[]) => setRows(r))
      .catch((e: unknown) => setError(actionError(e, t)));
    // Who changed it: user ids are shown as usernames where the admin list knows them.
    ok(client.GET('/api/admin/users'))
      .then((us: { id: string; username: string }[]) => setUsers(new Map(us.map((u) => [u.id, u.username]))))
      .catch(() => undefined);
  }, [path, ownerId, t]);
  return (
    <Panel id={id} title={title} onClose={onClose}>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : !rows ? (
        <Loading />
      ) : (
        <DataTable
          caption={title}
          headers={[t.fields.version, t.adm.change, t.adm.changedBy, t.adm.changedAt, t.adm.content]}
        >
          {rows.map((r) => (
            <tr key={r.version}>
              <td>{r.version}</td>
              <td>
                {r.change
                  ? (labelOf(t.adm.changes, r.change) ?? r.change)
                  : r.snapshot['active'] === false
                    ? t.adm.changes['deactivate']
                    : '—'}
              </td>
              <td>{r.changedBy ? (users.get(r.changedBy) ?? r.changedBy) : '—'}</td>
              <td>{fmtTime(r.changedAt)}</td>
              <td>{describe(r.snapshot)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
