'use client';

import {
  BUREAU_KINDS,
  ZCreateBureauSchema,
  ZUpdateBureauSchema,
  type TBureau,
  type TCreateBureau,
  type TUpdateBureau,
} from '@hotline/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Actions, FormBanner, Panel, useAction } from '@/components/admin/admin-ui';
import { emptyToUndefined, Field } from '@/components/field';
import { api } from '@/lib/api';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { AdminList } from '../admin-list';

export function BureausClient() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<TBureau | null>(null);
  const action = useAction();
  const setActive = (b: TBureau, refresh: () => Promise<void>) =>
    action.run(
      async () => {
        await api(`/admin/bureaus/${b.id}`, { method: 'PATCH', body: { active: !b.active } });
        await refresh();
      },
      fmt(b.active ? t.adm.bureauDeactivated : t.adm.bureauReactivated, { name: b.nameZh }),
    );
  return (
    <AdminList<TBureau>
      title={t.admin.bureaus}
      path="/admin/bureaus"
      rowKey={(b) => b.id}
      columns={[
        { header: t.admin.code, cell: (b) => <span id={`bureau-${b.id}`}>{b.code}</span> },
        { header: t.admin.name, cell: (b) => `${b.nameZh} / ${b.nameEn}` },
        { header: t.admin.kind, cell: (b) => t.admin.bureauKinds[b.kind] ?? b.kind },
        { header: t.admin.active, cell: (b) => (b.active ? t.track.yes : t.track.no) },
        {
          header: t.adm.actions,
          cell: (b, refresh) => (
            <Actions>
              <button
                type="button"
                className="button secondary small"
                aria-describedby={`bureau-${b.id}`}
                onClick={() => setEditing(b)}
              >
                {t.adm.rename}
              </button>
              <button
                type="button"
                className="button secondary small"
                disabled={action.busy}
                aria-describedby={`bureau-${b.id}`}
                onClick={() => void setActive(b, refresh)}
              >
                {b.active ? t.adm.deactivate : t.adm.reactivate}
              </button>
            </Actions>
          ),
        },
      ]}
    >
      {(refresh) => (
        <>
          {action.view}
          <CreateBureau onDone={refresh} />
          {editing && (
            <EditBureau
              key={editing.id}
              bureau={editing}
              onClose={() => setEditing(null)}
              onDone={async () => {
                setEditing(null);
                await refresh();
              }}
            />
          )}
        </>
      )}
    </AdminList>
  );
}

function CreateBureau({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TCreateBureau>({ resolver: localizedZodResolver(ZCreateBureauSchema, t) });
  const submit = async (v: TCreateBureau) => {
    setFormError(null);
    try {
      await api('/admin/bureaus', { method: 'POST', body: v });
      reset();
      await onDone();
    } catch (e) {
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };
  return (
    <details className="card">
      <summary>+ {t.adm.newBureau}</summary>
      <form onSubmit={handleSubmit(submit)} noValidate>
        <fieldset disabled={isSubmitting}>
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <div className="row">
            <Field id="b-code" label={t.admin.code} error={errors.code?.message}>
              {(a) => <input {...a} {...register('code')} />}
            </Field>
            <Field id="b-zh" label={`${t.admin.name} (中文)`} error={errors.nameZh?.message}>
              {(a) => <input {...a} {...register('nameZh')} />}
            </Field>
            <Field id="b-en" label={`${t.admin.name} (English)`} error={errors.nameEn?.message}>
              {(a) => <input {...a} {...register('nameEn')} />}
            </Field>
            <Field id="b-kind" label={t.admin.kind} error={errors.kind?.message}>
              {(a) => (
                <select {...a} {...register('kind', { setValueAs: emptyToUndefined })}>
                  <option value="">—</option>
                  {BUREAU_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t.admin.bureauKinds[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <button type="submit" className="button">
            {t.adm.create}
          </button>
        </fieldset>
      </form>
    </details>
  );
}

function EditBureau({
  bureau,
  onClose,
  onDone,
}: {
  bureau: TBureau;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof ZUpdateBureauSchema>, unknown, TUpdateBureau>({
    resolver: localizedZodResolver(ZUpdateBureauSchema, t),
    defaultValues: { nameZh: bureau.nameZh, nameEn: bureau.nameEn, kind: bureau.kind },
  });
  const submit = async (v: TUpdateBureau) => {
    setFormError(null);
    try {
      await api(`/admin/bureaus/${bureau.id}`, { method: 'PATCH', body: v });
      await onDone();
    } catch (e) {
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };
  return (
    <Panel id="edit-bureau" title={fmt(t.adm.editNamed, { name: bureau.code })} onClose={onClose}>
      <form onSubmit={handleSubmit(submit)} noValidate>
        <fieldset disabled={isSubmitting}>
          <FormBanner message={formError} />
          <div className="row">
            <Field id="eb-zh" label={`${t.admin.name} (中文)`} error={errors.nameZh?.message}>
              {(a) => <input {...a} {...register('nameZh')} />}
            </Field>
            <Field id="eb-en" label={`${t.admin.name} (English)`} error={errors.nameEn?.message}>
              {(a) => <input {...a} {...register('nameEn')} />}
            </Field>
            <Field id="eb-kind" label={t.admin.kind} error={errors.kind?.message}>
              {(a) => (
                <select {...a} {...register('kind')}>
                  {BUREAU_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t.admin.bureauKinds[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <button type="submit" className="button">
            {t.adm.save}
          </button>
        </fieldset>
      </form>
    </Panel>
  );
}
