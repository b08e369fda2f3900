'use client';

import { REQUEST_TYPE_VALUES, ZPublicCaseIntakeSchema, type TPublicCaseIntakeInput } from '@hotline/contracts';
import Link from 'next/link';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { CategoryCombobox } from '@/components/category-combobox';
import { emptyToUndefined, Field, toId } from '@/components/field';
import { api } from '@/lib/api';
import { useDistricts } from '@/lib/catalogue';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import type { PublicIntakeResult } from '@/lib/types';

export function PublicFormClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const districts = useDistricts();
  const [done, setDone] = useState<PublicIntakeResult | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    watch,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TPublicCaseIntakeInput>({
    resolver: localizedZodResolver(ZPublicCaseIntakeSchema, t),
    defaultValues: { caller: { contactAllowed: true } },
  });
  const districtId = watch('districtId');
  const streets = districts.find((d) => d.id === Number(districtId))?.streets ?? [];

  const onSubmit = async (values: TPublicCaseIntakeInput) => {
    setFormError(null);
    try {
      setDone(await api<PublicIntakeResult>('/public/cases', { method: 'POST', body: values, public: true }));
      window.scrollTo(0, 0);
    } catch (e) {
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };

  if (done)
    return (
      <section className="card stack" aria-labelledby="done-title">
        <h1 id="done-title">{t.publicForm.doneTitle}</h1>
        <p>{t.publicForm.doneIntro}</p>
        <dl className="facts">
          <dt>{t.fields.trackingNumber}</dt>
          <dd className="big-code" data-testid="tracking-number">
            {done.trackingNumber}
          </dd>
          <dt>{t.fields.accessCode}</dt>
          <dd className="big-code" data-testid="access-code">
            {done.accessCode}
          </dd>
        </dl>
        <p role="status">
          {done.bureau ? fmt(t.publicForm.bureauLine, { b: name(done.bureau) }) : t.publicForm.awaitingLine}
        </p>
        <p className="row">
          <Link
            className="button"
            href={`/public/track?n=${encodeURIComponent(done.trackingNumber)}&code=${encodeURIComponent(done.accessCode)}`}
          >
            {t.publicForm.trackLink}
          </Link>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              reset();
              setDone(null);
            }}
          >
            {t.publicForm.another}
          </button>
        </p>
      </section>
    );

  const e = errors;
  return (
    <section className="card">
      <h1>{t.publicForm.title}</h1>
      <p className="muted">{t.publicForm.intro}</p>
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <fieldset disabled={isSubmitting}>
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <Field id="type" label={t.fields.type} error={e.type?.message}>
            {(a) => (
              <select {...a} {...register('type', { setValueAs: emptyToUndefined })}>
                <option value="">—</option>
                {REQUEST_TYPE_VALUES.map((v) => (
                  <option key={v} value={v}>
                    {t.enums.type[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="category" label={t.fields.categorySearch} error={e.categoryId?.message}>
            {(a) => (
              <Controller
                control={control}
                name="categoryId"
                render={({ field }) => (
                  <CategoryCombobox
                    inputId={a.id}
                    invalid={a['aria-invalid']}
                    describedBy={a['aria-describedby']}
                    value={field.value as number | undefined}
                    onChange={field.onChange}
                  />
                )}
              />
            )}
          </Field>
          <div className="row">
            <Field id="districtId" label={t.fields.district} error={e.districtId?.message}>
              {(a) => (
                <select {...a} {...register('districtId', { setValueAs: toId })}>
                  <option value="">{t.publicForm.chooseDistrict}</option>
                  {districts.map((d) => (
                    <option key={d.id} value={d.id}>
                      {name(d)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="streetId" label={t.fields.street} error={e.streetId?.message}>
              {(a) => (
                <select {...a} {...register('streetId', { setValueAs: toId })}>
                  <option value="">{t.publicForm.chooseStreet}</option>
                  {streets.map((s) => (
                    <option key={s.id} value={s.id}>
                      {name(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field id="address" label={t.fields.address} error={e.address?.message}>
            {(a) => <input {...a} {...register('address', { setValueAs: emptyToUndefined })} />}
          </Field>
          <Field id="description" label={t.fields.description} error={e.description?.message}>
            {(a) => <textarea rows={5} {...a} {...register('description')} />}
          </Field>
          <div className="row">
            <Field id="callerName" label={t.fields.callerName} error={e.caller?.name?.message}>
              {(a) => (
                <input autoComplete="name" {...a} {...register('caller.name', { setValueAs: emptyToUndefined })} />
              )}
            </Field>
            <Field id="callerPhone" label={t.fields.callerPhone} error={e.caller?.phone?.message}>
              {(a) => (
                <input
                  type="tel"
                  autoComplete="tel"
                  inputMode="tel"
                  {...a}
                  {...register('caller.phone', { setValueAs: emptyToUndefined })}
                />
              )}
            </Field>
          </div>
          <Field id="callerEmail" label={t.fields.callerEmail} error={e.caller?.email?.message}>
            {(a) => (
              <input
                type="email"
                autoComplete="email"
                {...a}
                {...register('caller.email', { setValueAs: emptyToUndefined })}
              />
            )}
          </Field>
          <label className="checkbox">
            <input type="checkbox" {...register('caller.confidential')} /> {t.fields.confidential}
          </label>
          <label className="checkbox">
            <input type="checkbox" {...register('caller.contactAllowed')} /> {t.fields.contactAllowed}
          </label>
          <button type="submit" className="button">
            {isSubmitting ? t.publicForm.submitting : t.publicForm.submit}
          </button>
        </fieldset>
      </form>
      <p>
        {t.publicForm.trackIntro} <Link href="/public/track">{t.track.title}</Link>
      </p>
    </section>
  );
}
