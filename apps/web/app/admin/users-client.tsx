'use client';

import {
  STAFF_ROLES,
  ZCreateUserSchema,
  ZResetPasswordSchema,
  ZUpdateUserSchema,
  type TAdminUser,
  type TCreateUser,
  type TResetPassword,
  type TUpdateUser,
} from '@hotline/contracts';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Actions, FormBanner, Panel, useAction } from '@/components/admin/admin-ui';
import { emptyToUndefined, Field, toId } from '@/components/field';
import { api } from '@/lib/api';
import { byId, useBureaus } from '@/lib/catalogue';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt, type Messages } from '@/lib/i18n/messages';
import type { Named } from '@/lib/types';
import { AdminList } from './admin-list';

type Open = { kind: 'edit' | 'password'; user: TAdminUser } | null;

export function UsersClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const bureaus = useBureaus();
  const bureauById = byId(bureaus);
  const [open, setOpen] = useState<Open>(null);
  const action = useAction();
  const toggle = (u: TAdminUser, refresh: () => Promise<void>) =>
    action.run(
      async () => {
        await api(`/admin/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`, { method: 'POST', body: {} });
        await refresh();
      },
      fmt(u.disabled ? t.adm.userEnabled : t.adm.userDisabled, { name: u.username }),
    );
  return (
    <AdminList<TAdminUser>
      title={t.admin.users}
      path="/admin/users"
      rowKey={(u) => u.id}
      columns={[
        { header: t.admin.username, cell: (u) => <span id={`user-${u.id}`}>{u.username}</span> },
        { header: t.admin.displayName, cell: (u) => u.displayName },
        { header: t.admin.role, cell: (u) => t.roles[u.role] },
        { header: t.fields.bureau, cell: (u) => (u.bureauId ? name(bureauById.get(u.bureauId)) : '—') },
        { header: t.admin.active, cell: (u) => (u.disabled ? t.track.no : t.track.yes) },
        {
          header: t.adm.actions,
          cell: (u, refresh) => (
            <Actions>
              <button
                type="button"
                className="button secondary small"
                aria-describedby={`user-${u.id}`}
                onClick={() => setOpen({ kind: 'edit', user: u })}
              >
                {t.adm.edit}
              </button>
              <button
                type="button"
                className="button secondary small"
                disabled={action.busy}
                aria-describedby={`user-${u.id}`}
                onClick={() => void toggle(u, refresh)}
              >
                {u.disabled ? t.adm.enable : t.adm.disable}
              </button>
              <button
                type="button"
                className="button secondary small"
                aria-describedby={`user-${u.id}`}
                onClick={() => setOpen({ kind: 'password', user: u })}
              >
                {t.adm.resetPassword}
              </button>
            </Actions>
          ),
        },
      ]}
    >
      {(refresh) => (
        <>
          {action.view}
          <CreateUser onDone={refresh} />
          {open?.kind === 'edit' && (
            <EditUser
              key={open.user.id}
              user={open.user}
              onClose={() => setOpen(null)}
              onDone={async () => {
                setOpen(null);
                await refresh();
              }}
            />
          )}
          {open?.kind === 'password' && (
            <ResetPassword key={open.user.id} user={open.user} onClose={() => setOpen(null)} />
          )}
        </>
      )}
    </AdminList>
  );
}

function RoleSelect({ id, error, t, reg }: { id: string; error?: string; t: Messages; reg: object }) {
  return (
    <Field id={id} label={t.admin.role} error={error}>
      {(a) => (
        <select {...a} {...reg}>
          <option value="">—</option>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function BureauSelect({
  id,
  error,
  label,
  reg,
  bureaus,
}: {
  id: string;
  error?: string;
  label: string;
  reg: object;
  bureaus: Named[];
}) {
  const name = useLocalName();
  return (
    <Field id={id} label={label} error={error}>
      {(a) => (
        <select {...a} {...reg}>
          <option value="">—</option>
          {bureaus.map((b) => (
            <option key={b.id} value={b.id}>
              {name(b)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function CreateUser({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const bureaus = useBureaus();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
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
    setCreated(null);
    try {
      await api('/admin/users', { method: 'POST', body: v });
      reset();
      setCreated(fmt(t.adm.userCreated, { name: v.username }));
      await onDone();
    } catch (e) {
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };
  return (
    <details className="card">
      <summary>+ {t.adm.newUser}</summary>
      <form onSubmit={handleSubmit(submit)} noValidate aria-label={t.adm.newUser}>
        <fieldset disabled={isSubmitting}>
          <FormBanner message={formError} />
          <div aria-live="polite">{created && <p className="notice">{created}</p>}</div>
          <div className="row">
            <Field id="u-username" label={t.admin.username} error={errors.username?.message}>
              {(a) => <input {...a} autoComplete="off" {...register('username')} />}
            </Field>
            <Field id="u-name" label={t.admin.displayName} error={errors.displayName?.message}>
              {(a) => <input {...a} {...register('displayName')} />}
            </Field>
          </div>
          <div className="row">
            <RoleSelect
              id="u-role"
              t={t}
              error={errors.role?.message}
              reg={register('role', { setValueAs: emptyToUndefined })}
            />
            <BureauSelect
              id="u-bureau"
              label={t.adm.bureauForHandlers}
              error={errors.bureauId?.message}
              bureaus={bureaus}
              reg={register('bureauId', { setValueAs: toId })}
            />
            <Field id="u-password" label={t.login.password} error={errors.password?.message}>
              {(a) => <input type="password" autoComplete="new-password" {...a} {...register('password')} />}
            </Field>
          </div>
          <p className="muted">{t.adm.passwordRule}</p>
          <button type="submit" className="button">
            {t.adm.create}
          </button>
        </fieldset>
      </form>
    </details>
  );
}

// The server checks role and bureau together against the stored user; the form says so
// next to the bureau field before anything is sent (same rule as ZCreateUserSchema).
const ZEditUserForm = ZUpdateUserSchema.superRefine((v, ctx) => {
  if (v.role === 'handler' && (v.bureauId === undefined || v.bureauId === null))
    ctx.addIssue({ code: 'custom', path: ['bureauId'], message: 'A handler must belong to a bureau' });
});

function EditUser({ user, onClose, onDone }: { user: TAdminUser; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const bureaus = useBureaus();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof ZUpdateUserSchema>, unknown, TUpdateUser>({
    resolver: localizedZodResolver(ZEditUserForm, t),
    defaultValues: { displayName: user.displayName, role: user.role, bureauId: user.bureauId },
  });
  // The bureau list arrives after the form mounts: show the stored bureau once its option exists.
  useEffect(() => setValue('bureauId', getValues('bureauId')), [bureaus, setValue, getValues]);
  const role = watch('role');
  const submit = async (v: TUpdateUser) => {
    setFormError(null);
    // Only handlers carry a bureau: any other role is sent with none.
    const body: TUpdateUser = { ...v, bureauId: v.role === 'handler' ? v.bureauId : null };
    try {
      await api(`/admin/users/${user.id}`, { method: 'PATCH', body });
      await onDone();
    } catch (e) {
      const msg = applyServerErrors(e, setError, t);
      if (/bureau/i.test(msg)) setError('bureauId', { type: 'server', message: t.adm.handlerNeedsBureau });
      else setFormError(msg || null);
    }
  };
  return (
    <Panel id="edit-user" title={fmt(t.adm.editNamed, { name: user.username })} onClose={onClose}>
      <form onSubmit={handleSubmit(submit)} noValidate>
        <fieldset disabled={isSubmitting}>
          <FormBanner message={formError} />
          <div className="row">
            <Field id="eu-name" label={t.admin.displayName} error={errors.displayName?.message}>
              {(a) => <input {...a} {...register('displayName')} />}
            </Field>
            <RoleSelect
              id="eu-role"
              t={t}
              error={errors.role?.message}
              reg={register('role', { setValueAs: emptyToUndefined })}
            />
            <BureauSelect
              id="eu-bureau"
              label={t.adm.bureauForHandlers}
              error={
                errors.bureauId?.type === 'custom' && role === 'handler'
                  ? t.adm.handlerNeedsBureau
                  : errors.bureauId?.message
              }
              bureaus={bureaus}
              reg={register('bureauId', { setValueAs: (x) => toId(x) ?? null })}
            />
          </div>
          <p className="muted">{t.adm.accessChangeNote}</p>
          <button type="submit" className="button">
            {t.adm.save}
          </button>
        </fieldset>
      </form>
    </Panel>
  );
}

function ResetPassword({ user, onClose }: { user: TAdminUser; onClose: () => void }) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TResetPassword>({ resolver: localizedZodResolver(ZResetPasswordSchema, t) });
  const submit = async (v: TResetPassword) => {
    setFormError(null);
    try {
      await api(`/admin/users/${user.id}/reset-password`, { method: 'POST', body: v });
      reset();
      setDone(true);
    } catch (e) {
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };
  return (
    <Panel id="reset-password" title={fmt(t.adm.resetPasswordNamed, { name: user.username })} onClose={onClose}>
      <form onSubmit={handleSubmit(submit)} noValidate>
        <fieldset disabled={isSubmitting}>
          <FormBanner message={formError} />
          <div aria-live="polite">{done && <p className="notice">{t.adm.passwordReset}</p>}</div>
          <Field id="rp-password" label={t.adm.newPassword} error={errors.password?.message}>
            {(a) => <input type="password" autoComplete="new-password" {...a} {...register('password')} />}
          </Field>
          <p className="muted">{t.adm.passwordRule}</p>
          <button type="submit" className="button">
            {t.adm.resetPassword}
          </button>
        </fieldset>
      </form>
    </Panel>
  );
}
