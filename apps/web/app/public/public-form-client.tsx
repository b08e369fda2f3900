'use client';

import { REQUEST_TYPE_VALUES, ZPublicCaseIntakeSchema, type TPublicCaseIntakeInput } from '@hotline/contracts';
import Link from 'next/link';
import { useState } from 'react';
import {
  CategoryField,
  emptyToUndefined,
  enumOptions,
  InputField,
  PlaceFields,
  SelectField,
  TextareaField,
  toId,
} from '@/components/field';
import { FormBanner, useZodForm } from '@/components/form';
import { api } from '@/lib/api';
import { useDistricts } from '@/lib/catalogue';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import type { PublicIntakeResult } from '@/lib/types';

export function PublicFormClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const districts = useDistricts();
  const [done, setDone] = useState<PublicIntakeResult | null>(null);
  const { register, control, handleSubmit, watch, reset, errors, isSubmitting, formError, setFormError, fail } =
    useZodForm(ZPublicCaseIntakeSchema, { caller: { contactAllowed: true } });
  const districtId = watch('districtId');
  const streets = districts.find((d) => d.id === Number(districtId))?.streets ?? [];

  const onSubmit = async (values: TPublicCaseIntakeInput) => {
    setFormError(null);
    try {
      setDone(await api<PublicIntakeResult>('/public/cases', { method: 'POST', body: values, public: true }));
      window.scrollTo(0, 0);
    } catch (e) {
      fail(e);
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
          <FormBanner message={formError} />
          <SelectField
            id="type"
            label={t.fields.type}
            error={e.type?.message}
            empty="—"
            options={enumOptions(REQUEST_TYPE_VALUES, t.enums.type)}
            {...register('type', { setValueAs: emptyToUndefined })}
          />
          <CategoryField
            id="category"
            label={t.fields.categorySearch}
            error={e.categoryId?.message}
            control={control}
            name="categoryId"
          />
          <PlaceFields
            districts={districts}
            streets={streets}
            errors={e}
            district={register('districtId', { setValueAs: toId })}
            street={register('streetId', { setValueAs: toId })}
            empty={{ district: t.publicForm.chooseDistrict, street: t.publicForm.chooseStreet }}
          />
          <InputField
            id="address"
            label={t.fields.address}
            error={e.address?.message}
            {...register('address', { setValueAs: emptyToUndefined })}
          />
          <TextareaField
            id="description"
            label={t.fields.description}
            error={e.description?.message}
            rows={5}
            {...register('description')}
          />
          <div className="row">
            <InputField
              id="callerName"
              label={t.fields.callerName}
              error={e.caller?.name?.message}
              autoComplete="name"
              {...register('caller.name', { setValueAs: emptyToUndefined })}
            />
            <InputField
              id="callerPhone"
              label={t.fields.callerPhone}
              error={e.caller?.phone?.message}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              {...register('caller.phone', { setValueAs: emptyToUndefined })}
            />
          </div>
          <InputField
            id="callerEmail"
            label={t.fields.callerEmail}
            error={e.caller?.email?.message}
            type="email"
            autoComplete="email"
            {...register('caller.email', { setValueAs: emptyToUndefined })}
          />
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
