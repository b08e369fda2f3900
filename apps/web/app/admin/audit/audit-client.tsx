'use client';

import { ZAuditQuerySchema, type TAdminUser, type TAuditPage, type TAuditQuery } from '@hotline/contracts';
import { useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { FormBanner } from '@/components/admin/admin-ui';
import { emptyToUndefined, Field } from '@/components/field';
import { api, qs } from '@/lib/api';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { fmtTime } from '@/lib/time';

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
    api<TAdminUser[]>('/admin/users')
      .then(setUsers)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api<TAuditPage>(`/admin/audit${qs({ ...query, cursor })}`)
      .then((p) => {
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
  const who = (id: string | null) => (id ? (users.find((u) => u.id === id)?.username ?? id) : '—');

  return (
    <section className="stack" aria-labelledby="audit-title">
      <h1 id="audit-title">{t.adm.audit}</h1>
      <form onSubmit={handleSubmit(search)} noValidate aria-label={t.adm.auditFilters} className="card">
        <fieldset disabled={isSubmitting}>
          <legend className="sr-only">{t.adm.auditFilters}</legend>
          <FormBanner message={formError} />
          <div className="row">
            <Field id="a-actor" label={t.adm.actor} error={errors.actorId?.message}>
              {(a) => (
                <select {...a} {...register('actorId', { setValueAs: emptyToUndefined })}>
                  <option value="">{t.adm.anyone}</option>
                  {users.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.username} · {u.displayName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="a-action" label={t.adm.action} error={errors.action?.message}>
              {(a) => (
                <input {...a} placeholder="user.disable" {...register('action', { setValueAs: emptyToUndefined })} />
              )}
            </Field>
            <Field id="a-target-type" label={t.adm.targetType} error={errors.targetType?.message}>
              {(a) => <input {...a} placeholder="user" {...register('targetType', { setValueAs: emptyToUndefined })} />}
            </Field>
            <Field id="a-target-id" label={t.adm.targetId} error={errors.targetId?.message}>
              {(a) => <input {...a} {...register('targetId', { setValueAs: emptyToUndefined })} />}
            </Field>
          </div>
          <div className="row">
            <Field id="a-from" label={t.adm.from} error={errors.from?.message}>
              {(a) => <input type="datetime-local" {...a} {...register('from', { setValueAs: emptyToUndefined })} />}
            </Field>
            <Field id="a-to" label={t.adm.to} error={errors.to?.message}>
              {(a) => <input type="datetime-local" {...a} {...register('to', { setValueAs: emptyToUndefined })} />}
            </Field>
          </div>
          <div className="row">
            <button type="submit" className="button">
              {t.adm.search}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                reset({});
                search({ limit: 50 });
              }}
            >
              {t.adm.clearFilters}
            </button>
          </div>
        </fieldset>
      </form>
      <div aria-live="polite" className="sr-only">
        {page ? fmt(t.adm.auditShown, { n: page.items.length }) : ''}
      </div>
      {!page ? (
        <p role="status">{t.loading}</p>
      ) : page.items.length === 0 ? (
        <p>{t.adm.auditEmpty}</p>
      ) : (
        <div className="table-wrap" aria-busy={loading}>
          <table className="data">
            <caption className="sr-only">{t.adm.audit}</caption>
            <thead>
              <tr>
                <th scope="col">{t.adm.at}</th>
                <th scope="col">{t.adm.actor}</th>
                <th scope="col">{t.adm.action}</th>
                <th scope="col">{t.adm.target}</th>
                <th scope="col">{t.adm.detail}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr key={e.id}>
                  <td>{fmtTime(e.at)}</td>
                  <td>
                    {e.actorType === 'user' ? who(e.actorId) : (e.actorId ?? e.actorType)}
                    {e.actorRole ? ` (${t.roles[e.actorRole as keyof typeof t.roles] ?? e.actorRole})` : ''}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.targetType ?? '—'}
                    {e.targetId ? ` #${e.targetType === 'user' ? who(e.targetId) : e.targetId}` : ''}
                  </td>
                  <td>
                    {Object.keys(e.detail ?? {}).length > 0 ? (
                      <details>
                        <summary>{t.adm.detail}</summary>
                        <pre style={{ whiteSpace: 'pre-wrap', maxWidth: '40rem' }}>
                          {JSON.stringify(e.detail, null, 2)}
                        </pre>
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
