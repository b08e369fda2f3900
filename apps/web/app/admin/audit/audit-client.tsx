'use client';

import { ZAuditQuerySchema, type TAdminUser, type TAuditPage, type TAuditQuery } from '@hotline/contracts';
import { useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { DataTable } from '@/components/data-table';
import { emptyToUndefined, InputField, SelectField } from '@/components/field';
import { FormBanner } from '@/components/form';
import { Loading } from '@/components/live';
import { SearchButtons } from '@/components/search-buttons';
import { client, ok } from '@/lib/api';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { fmtTime } from '@/lib/time';
import Link from 'next/link';
import { auditActionLabel, isUuid, labelOf } from '@/lib/i18n/labels';

/** What the filter form holds: the query's text fields, with times as <input type="datetime-local"> gives them. */
interface AuditFilters {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** "2026-05-01T09:30" typed by the admin is Beijing time, like every time the app shows. */
const beijing = (local: string | undefined) =>
  local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : undefined;

/**
 * The form is validated with the API's own ZAuditQuerySchema after turning the local times
 * into ISO instants, so "to before from" is caught here in the reader's language.
 */
function auditResolver(t: Parameters<typeof localizedZodResolver>[1]): Resolver<AuditFilters, unknown, TAuditQuery> {
  const inner = localizedZodResolver(ZAuditQuerySchema, t);
  return (values, ctx, opts) =>
    inner({ ...values, from: beijing(values.from), to: beijing(values.to) }, ctx, opts as never) as ReturnType<
      Resolver<AuditFilters, unknown, TAuditQuery>
    >;
}

export function AuditClient() {
  const { t } = useI18n();
  const [users, setUsers] = useState<TAdminUser[]>([]);
  const [query, setQuery] = useState<TAuditQuery>({ limit: 50 });
  // Cursors of the pages before this one, so "previous" walks back the way we came.
  const [cursors, setCursors] = useState<(string | undefined)[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [page, setPage] = useState<TAuditPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<AuditFilters, unknown, TAuditQuery>({ resolver: auditResolver(t) });

  useEffect(() => {
    ok(client.GET('/api/admin/users'))
      .then((us: TAdminUser[]) => setUsers(us))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    ok(client.GET('/api/admin/audit', { params: { query: { ...query, cursor } } }))
      .then((p: TAuditPage) => {
        if (!live) return;
        setPage(p);
        setFormError(null);
      })
      .catch((e: unknown) => live && setFormError(applyServerErrors(e, setError, t) || null))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, cursor, setError, t]);

  const search = (q: TAuditQuery) => {
    setCursors([]);
    setCursor(undefined);
    setQuery(q);
  };
  // A username is data, not interface text (translate="no").
  const who = (id: string | null) => (
    <span translate="no">{id ? (users.find((u) => u.id === id)?.username ?? '—') : '—'}</span>
  );

  return (
    <section className="stack" aria-labelledby="audit-title">
      <h1 id="audit-title">{t.adm.audit}</h1>
      <form onSubmit={handleSubmit(search)} noValidate aria-label={t.adm.auditFilters} className="card">
        <fieldset disabled={isSubmitting}>
          <legend className="sr-only">{t.adm.auditFilters}</legend>
          <FormBanner message={formError} />
          <div className="row">
            <SelectField
              id="a-actor"
              translate="no"
              label={t.adm.actor}
              error={errors.actorId?.message}
              empty={t.adm.anyone}
              options={users.map((u) => ({ value: u.id, label: `${u.username} · ${u.displayName}` }))}
              {...register('actorId', { setValueAs: emptyToUndefined })}
            />
            {(
              [
                ['a-action', 'action', t.adm.action, 'user.disable'],
                ['a-target-type', 'targetType', t.adm.targetType, 'user'],
                ['a-target-id', 'targetId', t.adm.targetId, undefined],
              ] as const
            ).map(([id, key, label, placeholder]) => (
              <InputField
                key={id}
                id={id}
                label={label}
                error={errors[key]?.message}
                placeholder={placeholder}
                {...register(key, { setValueAs: emptyToUndefined })}
              />
            ))}
          </div>
          <div className="row">
            {(
              [
                ['a-from', 'from', t.adm.from],
                ['a-to', 'to', t.adm.to],
              ] as const
            ).map(([id, key, label]) => (
              <InputField
                key={id}
                id={id}
                label={label}
                error={errors[key]?.message}
                type="datetime-local"
                {...register(key, { setValueAs: emptyToUndefined })}
              />
            ))}
          </div>
          <SearchButtons
            searchLabel={t.adm.search}
            clearLabel={t.adm.clearFilters}
            onClear={() => {
              reset({});
              search({ limit: 50 });
            }}
          />
        </fieldset>
      </form>
      <div aria-live="polite" className="sr-only">
        {page ? fmt(t.adm.auditShown, { n: page.items.length }) : ''}
      </div>
      {!page ? (
        <Loading />
      ) : page.items.length === 0 ? (
        <p>{t.adm.auditEmpty}</p>
      ) : (
        <DataTable
          busy={loading}
          caption={t.adm.audit}
          headers={[t.adm.at, t.adm.actor, t.adm.action, t.adm.target, t.adm.detail]}
        >
          {page.items.map((e) => (
            <tr key={e.id}>
              <td>{fmtTime(e.at)}</td>
              <td>
                {e.actorType === 'user'
                  ? who(e.actorId)
                  : e.actorType === 'api_key'
                    ? t.desk.apiKeyActor
                    : isUuid(e.actorId)
                      ? '—'
                      : (e.actorId ?? '—')}
                {e.actorRole ? ` (${labelOf(t.roles, e.actorRole) ?? e.actorRole})` : ''}
              </td>
              <td data-action={e.action}>{auditActionLabel(e.action, t)}</td>
              <td>
                {e.targetType ? (labelOf(t.desk.targetTypes, e.targetType) ?? e.targetType) : '—'}
                {e.targetType === 'case' && e.targetId ? (
                  <>
                    {' '}
                    <Link href={`/cases/${e.targetId}`}>{t.desk.openCase}</Link>
                  </>
                ) : e.targetId && e.targetType === 'user' ? (
                  <> #{who(e.targetId)}</>
                ) : e.targetId && !isUuid(e.targetId) ? (
                  ` #${e.targetId}`
                ) : (
                  ''
                )}
              </td>
              <td>
                {Object.keys(e.detail ?? {}).length > 0 ? (
                  <details>
                    <summary>{t.adm.detail}</summary>
                    <pre style={{ whiteSpace: 'pre-wrap', maxWidth: '40rem' }}>{JSON.stringify(e.detail, null, 2)}</pre>
                  </details>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav className="row" aria-label={t.adm.paging}>
        <button
          type="button"
          className="button secondary"
          disabled={cursors.length === 0 || loading}
          onClick={() => {
            setCursor(cursors[cursors.length - 1]);
            setCursors(cursors.slice(0, -1));
          }}
        >
          {t.adm.newer}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={!page?.nextCursor || loading}
          onClick={() => {
            setCursors([...cursors, cursor]);
            setCursor(page?.nextCursor ?? undefined);
          }}
        >
          {t.adm.older}
        </button>
      </nav>
    </section>
  );
}
