'use client';

import { REQUEST_TYPE_VALUES, ZPublicCaseIntakeSchema, type TPublicCaseIntake } from '@hotline/contracts';
import Link from 'next/link';
import { useEffect, useState } from 'react';
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
import { ok, publicClient } from '@/lib/api';
import { useDistricts } from '@/lib/catalogue';
import { forgetReceipt, keepReceipt, pendingReceipt, updateReceipt, type Receipt } from '@/lib/citizen-receipts';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import type { PublicCaseView, PublicIntakeResult } from '@/lib/api-types';
import { NextSteps, type PublicStep } from './next-steps';
import { CategorySuggest } from './category-suggest';
import { TopicBrowser } from './topic-browser';

export function PublicFormClient() {
  const { t } = useI18n();
  const districts = useDistricts();
  const [done, setDone] = useState<Receipt | null>(null);
  const [steps, setSteps] = useState<readonly PublicStep[] | null>(null);
  const [gone, setGone] = useState(false);
  const [notSure, setNotSure] = useState(false);
  const {
    bind,
    register,
    control,
    handleSubmit,
    watch,
    reset,
    setValue,
    setError,
    errors,
    isSubmitting,
    formError,
    setFormError,
    fail,
  } = useZodForm(ZPublicCaseIntakeSchema, { caller: { contactAllowed: true } });
  const [districtId, description, rawCategory] = watch(['districtId', 'description', 'categoryId']);
  const categoryId = typeof rawCategory === 'number' ? rawCategory : undefined;
  const pickCategory = (id: number) => setValue('categoryId', id, { shouldValidate: true });
  const streets = districts.find((d) => d.id === Number(districtId))?.streets ?? [];

  // A reload or the back button after submitting shows the confirmation again (the access code
  // is shown once by the server and lives only in this browser until the citizen puts it away).
  useEffect(() => {
    setDone(pendingReceipt());
  }, []);

  // Deadline and steps come from the tracking view (the same one the tracking page reads).
  useEffect(() => {
    if (!done) return;
    let live = true;
    ok(
      publicClient.GET('/api/public/cases/{trackingNumber}', {
        params: { path: { trackingNumber: done.trackingNumber } },
        headers: { 'X-Access-Code': done.accessCode },
      }),
    )
      .then((v: PublicCaseView) => {
        if (!live) return;
        setSteps(v.steps ?? null);
        if (v.replyDueAt !== undefined || v.status !== done.status) {
          updateReceipt(done.trackingNumber, { replyDueAt: v.replyDueAt ?? null, status: v.status });
          setDone((d) => d && { ...d, replyDueAt: v.replyDueAt ?? null, status: v.status });
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Only when another receipt is shown; the fetch itself updates `done`.
  }, [done?.trackingNumber]);

  const onSubmit = async (values: TPublicCaseIntake) => {
    setFormError(null);
    setGone(false);
    // The API takes a case without a category ("not sure"), but only when the citizen said so.
    if (!notSure && values.categoryId === undefined) {
      setError('categoryId', { type: 'required', message: t.citizenDay.chooseOrNotSure });
      document.getElementById('category')?.focus();
      return;
    }
    try {
      const res: PublicIntakeResult = await ok(publicClient.POST('/api/public/cases', { body: values }));
      setSteps(res.steps ?? null);
      setDone(
        keepReceipt({
          trackingNumber: res.trackingNumber,
          accessCode: res.accessCode,
          status: res.status,
          bureau: res.bureau,
          replyDueAt: res.replyDueAt ?? null,
        }),
      );
      reset();
      setNotSure(false);
      window.scrollTo(0, 0);
    } catch (e) {
      fail(e);
    }
  };

  if (done)
    return (
      <Confirmation
        receipt={done}
        steps={steps}
        onNoted={() => {
          updateReceipt(done.trackingNumber, { noted: true });
          setDone(null);
          setSteps(null);
        }}
        onForget={() => {
          forgetReceipt(done.trackingNumber);
          setDone(null);
          setSteps(null);
          setGone(true);
        }}
      />
    );

  const e = errors;
  return (
    <section className="card">
      <h1>{t.publicForm.title}</h1>
      <p className="muted">{t.publicForm.intro}</p>
      {gone && (
        <p className="notice" role="status">
          {t.citizenDay.forgotten}
        </p>
      )}
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <fieldset disabled={isSubmitting}>
          <FormBanner message={formError} />
          <SelectField
            label={t.fields.type}
            empty="—"
            options={enumOptions(REQUEST_TYPE_VALUES, t.enums.type)}
            {...bind('type', 'type', { setValueAs: emptyToUndefined })}
          />
          <TextareaField label={t.fields.description} rows={5} {...bind('description', 'description')} />
          {notSure ? (
            <p className="notice" role="status" data-testid="not-sure">
              {t.citizenDay.notSureChosen}{' '}
              <button type="button" className="link-button" onClick={() => setNotSure(false)}>
                {t.citizenDay.chooseAfterAll}
              </button>
            </p>
          ) : (
            <>
              <CategoryField id="category" error={e.categoryId?.message} control={control} />
              <CategorySuggest description={description} chosen={categoryId} onPick={pickCategory} />
              <TopicBrowser onPick={pickCategory} />
              <p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    // A category must not be a wall: without one the case goes to an agent to sort.
                    setValue('categoryId', undefined, { shouldValidate: false });
                    setNotSure(true);
                  }}
                >
                  {t.citizenDay.notSure}
                </button>
              </p>
            </>
          )}
          <PlaceFields
            districts={districts}
            streets={streets}
            errors={e}
            district={register('districtId', { setValueAs: toId })}
            street={register('streetId', { setValueAs: toId })}
            empty={{ district: t.publicForm.chooseDistrict, street: t.publicForm.chooseStreet }}
          />
          <InputField label={t.fields.address} {...bind('address', 'address', { setValueAs: emptyToUndefined })} />
          <div className="row">
            <InputField
              label={t.fields.callerName}
              autoComplete="name"
              {...bind('caller.name', 'callerName', { setValueAs: emptyToUndefined })}
            />
            <InputField
              label={t.fields.callerPhone}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              {...bind('caller.phone', 'callerPhone', { setValueAs: emptyToUndefined })}
            />
          </div>
          <InputField
            label={t.fields.callerEmail}
            type="email"
            autoComplete="email"
            {...bind('caller.email', 'callerEmail', { setValueAs: emptyToUndefined })}
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

/** The filing receipt, with what happens next and the citizen's say over the stored copy. */
function Confirmation({
  receipt,
  steps,
  onNoted,
  onForget,
}: {
  receipt: Receipt;
  steps: readonly PublicStep[] | null;
  onNoted: () => void;
  onForget: () => void;
}) {
  const { t } = useI18n();
  const name = useLocalName();
  return (
    <section className="card stack" aria-labelledby="done-title">
      <h1 id="done-title">{t.publicForm.doneTitle}</h1>
      <p>{t.publicForm.doneIntro}</p>
      <dl className="facts">
        <dt>{t.fields.trackingNumber}</dt>
        <dd className="big-code" data-testid="tracking-number">
          {receipt.trackingNumber}
        </dd>
        <dt>{t.fields.accessCode}</dt>
        <dd className="big-code" data-testid="access-code">
          {receipt.accessCode}
        </dd>
      </dl>
      <p role="status">
        {receipt.bureau ? fmt(t.publicForm.bureauLine, { b: name(receipt.bureau) }) : t.publicForm.awaitingLine}
      </p>
      <NextSteps status={receipt.status ?? 'registered'} replyDueAt={receipt.replyDueAt} steps={steps} />
      <p className="muted">{t.citizenDay.savedOnDevice}</p>
      <p className="row">
        <Link
          className="button"
          href={`/public/track?n=${encodeURIComponent(receipt.trackingNumber)}&code=${encodeURIComponent(receipt.accessCode)}`}
        >
          {t.publicForm.trackLink}
        </Link>
        <button type="button" className="button secondary" onClick={onNoted}>
          {t.citizenDay.noted}
        </button>
        <button type="button" className="button secondary" onClick={onForget}>
          {t.citizenDay.forget}
        </button>
      </p>
    </section>
  );
}
