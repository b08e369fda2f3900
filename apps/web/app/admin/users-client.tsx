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
import { useEffect, useState, type ComponentProps } from 'react';
import { Actions, CreateDetails, Panel, RowButton, useAction } from '@/components/admin/admin-ui';
import { emptyToUndefined, enumOptions, InputField, namedOptions, SelectField, toId } from '@/components/field';
import { FormFrame, useZodForm } from '@/components/form';
import { ApiError, client, ok } from '@/lib/api';
import { byId, useBureaus } from '@/lib/catalogue';
import { applyServerErrors, errorMessage } from '@/lib/form-errors';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { AdminList } from './admin-list';

type Open = { kind: 'edit' | 'password'; user: TAdminUser } | null;

const loadUsers = (): Promise<TAdminUser[]> => ok(client.GET('/api/admin/users'));

export function UsersClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const bureaus = useBureaus();
  const bureauById = byId(bureaus);
  const [open, setOpen] = useState<Open>(null);
  const action = useAction();
  const toggle = (u: TAdminUser, refresh: () => Promise<void>) =>
    action.send(
      () =>
        u.disabled
          ? client.POST('/api/admin/users/{id}/enable', { params: { path: { id: u.id } } })
          : client.POST('/api/admin/users/{id}/disable', { params: { path: { id: u.id } } }),
      refresh,
      fmt(u.disabled ? t.adm.userEnabled : t.adm.userDisabled, { name: u.username }),
    );
  return (
    <AdminList<TAdminUser>
      title={t.admin.users}
      load={loadUsers}
      columns={[
        // Usernames and names are data, not interface text: marked translate="no".
        {
          header: t.admin.username,
          cell: (u) => (
            <span id={`user-${u.id}`} translate="no">
              {u.username}
            </span>
          ),
        },
        { header: t.admin.displayName, cell: (u) => <span translate="no">{u.displayName}</span> },
        { header: t.admin.role, cell: (u) => t.roles[u.role] },
        { header: t.fields.bureau, cell: (u) => (u.bureauId ? name(bureauById.get(u.bureauId)) : '—') },
        { header: t.admin.active, cell: (u) => (u.disabled ? t.track.no : t.track.yes) },
        {
          header: t.adm.actions,
          cell: (u, refresh) => (
            <Actions>
              <RowButton aria-describedby={`user-${u.id}`} onClick={() => setOpen({ kind: 'edit', user: u })}>
                {t.adm.edit}
              </RowButton>
              <RowButton
                disabled={action.busy}
                aria-describedby={`user-${u.id}`}
                onClick={() => void toggle(u, refresh)}
              >
                {u.disabled ? t.adm.enable : t.adm.disable}
              </RowButton>
              <RowButton aria-describedby={`user-${u.id}`} onClick={() => setOpen({ kind: 'password', user: u })}>
                {t.adm.resetPassword}
              </RowButton>
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

/** A select bound by useZodForm's bind(): id, error and register() come in; label and options are fixed here. */
type BoundSelect = Omit<ComponentProps<typeof SelectField>, 'label' | 'options' | 'empty'> & { id: string };

function RoleSelect(props: BoundSelect) {
  const { t } = useI18n();
  return <SelectField label={t.admin.role} empty="—" options={enumOptions(STAFF_ROLES, t.roles)} {...props} />;
}

/** The bureau a handler belongs to. */
function BureauSelect(props: BoundSelect) {
  const { t } = useI18n();
  const bureaus = useBureaus();
  const name = useLocalName();
  return <SelectField label={t.adm.bureauForHandlers} empty="—" options={namedOptions(bureaus, name)} {...props} />;
}

function CreateUser({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [created, setCreated] = useState<string | null>(null);
  const { bind, frame, reset, setFormError, fail } = useZodForm(ZCreateUserSchema);
  const submit = async (v: TCreateUser) => {
    setFormError(null);
    setCreated(null);
    try {
      await client.POST('/api/admin/users', { body: v });
      reset();
      setCreated(fmt(t.adm.userCreated, { name: v.username }));
      await onDone();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <CreateDetails summary={t.adm.newUser}>
      <FormFrame {...frame(submit)} aria-label={t.adm.newUser} submitLabel={t.adm.create}>
        <div aria-live="polite">{created && <p className="notice">{created}</p>}</div>
        <div className="row">
          <InputField label={t.admin.username} autoComplete="off" {...bind('username', 'u-username')} />
          <InputField label={t.admin.displayName} {...bind('displayName', 'u-name')} />
        </div>
        <div className="row">
          <RoleSelect {...bind('role', 'u-role', { setValueAs: emptyToUndefined })} />
          <BureauSelect {...bind('bureauId', 'u-bureau', { setValueAs: toId })} />
          <InputField
            label={t.login.password}
            type="password"
            autoComplete="new-password"
            {...bind('password', 'u-password')}
          />
        </div>
        <p className="muted">{t.adm.passwordRule}</p>
      </FormFrame>
    </CreateDetails>
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
  const {
    bind,

    handleSubmit,
    setError,
    setValue,
    getValues,
    watch,
    errors,
    isSubmitting,
    formError,
    setFormError,
  } = useZodForm(ZEditUserForm, { displayName: user.displayName, role: user.role, bureauId: user.bureauId });
  // The bureau list arrives after the form mounts: show the stored bureau once its option exists.
  useEffect(() => setValue('bureauId', getValues('bureauId')), [bureaus, setValue, getValues]);
  const role = watch('role');
  const submit = async (v: TUpdateUser) => {
    setFormError(null);
    // Only handlers carry a bureau: any other role is sent with none.
    const body: TUpdateUser = { ...v, bureauId: v.role === 'handler' ? v.bureauId : null };
    try {
      await client.PATCH('/api/admin/users/{id}', { params: { path: { id: user.id } }, body });
      await onDone();
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'user.bureau_required' || e.code?.startsWith('bureau.'))) {
        setError('bureauId', {
          type: 'server',
          message: e.code === 'user.bureau_required' ? t.adm.handlerNeedsBureau : errorMessage(e, t),
        });
        return;
      }
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };
  return (
    <Panel id="edit-user" title={fmt(t.adm.editNamed, { name: user.username })} onClose={onClose}>
      <FormFrame onSubmit={handleSubmit(submit)} busy={isSubmitting} error={formError} submitLabel={t.adm.save}>
        <div className="row">
          <InputField label={t.admin.displayName} {...bind('displayName', 'eu-name')} />
          <RoleSelect {...bind('role', 'eu-role', { setValueAs: emptyToUndefined })} />
          <BureauSelect
            {...bind('bureauId', 'eu-bureau', { setValueAs: (x) => toId(x) ?? null })}
            error={
              errors.bureauId?.type === 'custom' && role === 'handler'
                ? t.adm.handlerNeedsBureau
                : errors.bureauId?.message
            }
          />
        </div>
        <p className="muted">{t.adm.accessChangeNote}</p>
      </FormFrame>
    </Panel>
  );
}

function ResetPassword({ user, onClose }: { user: TAdminUser; onClose: () => void }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const { bind, frame, reset, setFormError, fail } = useZodForm(ZResetPasswordSchema);
  const submit = async (v: TResetPassword) => {
    setFormError(null);
    try {
      await client.POST('/api/admin/users/{id}/reset-password', { params: { path: { id: user.id } }, body: v });
      reset();
      setDone(true);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Panel id="reset-password" title={fmt(t.adm.resetPasswordNamed, { name: user.username })} onClose={onClose}>
      <FormFrame {...frame(submit)} submitLabel={t.adm.resetPassword}>
        <div aria-live="polite">{done && <p className="notice">{t.adm.passwordReset}</p>}</div>
        <InputField
          label={t.adm.newPassword}
          type="password"
          autoComplete="new-password"
          {...bind('password', 'rp-password')}
        />
        <p className="muted">{t.adm.passwordRule}</p>
      </FormFrame>
    </Panel>
  );
}
