'use client';

import { STAFF_ROLES, ZCreateUserSchema, type TAdminUser, type TCreateUser } from '@hotline/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { emptyToUndefined, Field, toId } from '@/components/field';
import { api } from '@/lib/api';
import { byId, useBureaus } from '@/lib/catalogue';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { AdminList } from './admin-list';

export function UsersClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const bureaus = useBureaus();
  const bureauById = byId(bureaus);
  return (
    <AdminList<TAdminUser>
      title={t.admin.users}
      path="/admin/users"
      rowKey={(u) => u.id}
      columns={[
        { header: t.admin.username, cell: (u) => u.username },
        { header: t.admin.displayName, cell: (u) => u.displayName },
        { header: t.admin.role, cell: (u) => t.roles[u.role] },
        { header: t.fields.bureau, cell: (u) => (u.bureauId ? name(bureauById.get(u.bureauId)) : '—') },
        { header: t.admin.active, cell: (u) => (u.disabled ? t.track.no : t.track.yes) },
      ]}
    >
      {(refresh) => <CreateUser onDone={refresh} />}
    </AdminList>
  );
}

function CreateUser({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const name = useLocalName();
  const bureaus = useBureaus();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof ZCreateUserSchema>, unknown, TCreateUser>({
    resolver: localizedZodResolver(ZCreateUserSchema, t),
  });
  const submit = async (v: TCreateUser) => {
    setFormError(null);
    try {
      await api('/admin/users', { method: 'POST', body: v });
      reset();
      await onDone();
    } catch (e) {
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };
  return (
    <details className="card">
      <summary>+ {t.admin.users}</summary>
      <form onSubmit={handleSubmit(submit)} noValidate>
        <fieldset disabled={isSubmitting}>
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <div className="row">
            <Field id="u-username" label={t.admin.username} error={errors.username?.message}>
              {(a) => <input {...a} {...register('username')} />}
            </Field>
            <Field id="u-name" label={t.admin.displayName} error={errors.displayName?.message}>
              {(a) => <input {...a} {...register('displayName')} />}
            </Field>
          </div>
          <div className="row">
            <Field id="u-role" label={t.admin.role} error={errors.role?.message}>
              {(a) => (
                <select {...a} {...register('role', { setValueAs: emptyToUndefined })}>
                  <option value="">—</option>
                  {STAFF_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t.roles[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="u-bureau" label={t.fields.bureau} error={errors.bureauId?.message}>
              {(a) => (
                <select {...a} {...register('bureauId', { setValueAs: toId })}>
                  <option value="">—</option>
                  {bureaus.map((b) => (
                    <option key={b.id} value={b.id}>
                      {name(b)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="u-password" label={t.login.password} error={errors.password?.message}>
              {(a) => <input type="password" autoComplete="new-password" {...a} {...register('password')} />}
            </Field>
          </div>
          <button type="submit" className="button">
            {t.caseView.send}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
