'use client';

import { BUREAU_KINDS, ZCreateBureauSchema, type TBureau, type TCreateBureau } from '@hotline/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { emptyToUndefined, Field } from '@/components/field';
import { api } from '@/lib/api';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n } from '@/lib/i18n/client';
import { AdminList } from '../admin-list';

export function BureausClient() {
  const { t } = useI18n();
  return (
    <AdminList<TBureau>
      title={t.admin.bureaus}
      path="/admin/bureaus"
      rowKey={(b) => b.id}
      columns={[
        { header: t.admin.code, cell: (b) => b.code },
        { header: t.admin.name, cell: (b) => `${b.nameZh} / ${b.nameEn}` },
        { header: t.admin.kind, cell: (b) => t.admin.bureauKinds[b.kind] ?? b.kind },
        { header: t.admin.active, cell: (b) => (b.active ? t.track.yes : t.track.no) },
      ]}
    >
      {(refresh) => <CreateBureau onDone={refresh} />}
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
      <summary>+ {t.admin.bureaus}</summary>
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
            {t.caseView.send}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
