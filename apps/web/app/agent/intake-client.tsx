'use client';

import { fmtTime } from '@/lib/time';
import {
  INTAKE_DISPOSITIONS,
  REQUEST_TYPE_VALUES,
  URGENCY_VALUES,
  ZCaseIntakeSchema,
  type TCaseIntake,
  type TCaseIntakeInput,
  type TCaseIntakeResult,
} from '@hotline/contracts';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CaseTable } from '@/components/case-table';
import {
  CategoryField,
  emptyToUndefined,
  enumOptions,
  InputField,
  SelectField,
  TextareaField,
} from '@/components/field';
import { FormBanner, useZodForm } from '@/components/form';
import { PlaceComboFields } from '@/components/place-combo-fields';
import { useSession } from '@/components/staff-shell';
import { ApiError, client, ok, onSessionExpired } from '@/lib/api';
import { flattenTree, useCategoryTree, useDistricts } from '@/lib/catalogue';
import { clearDraft, loadDraft, saveDraft } from '@/lib/local-draft';
import { usePreviewDeadlines } from '@/lib/deadline-preview';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { labelOf } from '@/lib/i18n/labels';
import { fmt } from '@/lib/i18n/messages';
import type { CaseDetail, DispatchPreview, SimilarCase } from '@/lib/api-types';

const DEFAULTS: TCaseIntakeInput = {
  type: undefined as unknown as TCaseIntakeInput['type'],
  urgency: 'normal',
  categoryId: undefined as unknown as number,
  description: '',
  caller: {},
  disposition: 'dispatch',
};

/** What the intake keeps in this browser while a call is being typed (lib/local-draft). */
interface IntakeDraft {
  form: TCaseIntakeInput;
  mergeInto: SimilarCase | null;
  /** Kept so a submit retried after a reload or sign-in can never file the call twice. */
  idempotencyKey: string;
}
const DRAFT_SLOT = 'intake';

/** True when the agent has typed anything worth keeping (the defaults alone are not a draft). */
function hasContent(v: TCaseIntakeInput): boolean {
  return [
    v.caller?.phone,
    v.caller?.name,
    v.description,
    v.address,
    v.categoryId,
    v.districtId,
    v.directAnswer,
    v.notAcceptedReason,
    v.properChannel,
  ].some((x) => x !== undefined && x !== null && x !== '');
}

/** The call just filed, shown above the clean form of the next one. */
interface PreviousCall {
  id: string;
  n: string;
  status: string;
  /** Set when the call was merged into an open case: the parent's tracking number. */
  mergedInto?: { id: string; n: string };
}

/**
 * Call intake, built to be filled during the call without the mouse: the phone number
 * first (earlier cases appear), then type, urgency, category by search, place, description.
 * The side panel shows where the case will go and any similar open case to merge into.
 */
export function IntakeClient() {
  const { t, locale } = useI18n();
  const name = useLocalName();
  const user = useSession();
  const districts = useDistricts();
  const [created, setCreated] = useState<PreviousCall | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [focusPhone, setFocusPhone] = useState(0);
  const [earlier, setEarlier] = useState<SimilarCase[] | null>(null);
  const [similar, setSimilar] = useState<SimilarCase[]>([]);
  const [preview, setPreview] = useState<DispatchPreview | null>(null);
  const [mergeInto, setMergeInto] = useState<SimilarCase | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const formRef = useRef<HTMLFormElement>(null);
  const {
    bind,
    register,
    control,
    handleSubmit,
    watch,
    reset,
    getValues,
    setValue,
    errors,
    isSubmitting,
    formError,
    setFormError,
    fail,
  } = useZodForm(ZCaseIntakeSchema, DEFAULTS);
  const [rawCategory, rawDistrict, rawStreet, disposition, description, type, urgency] = watch([
    'categoryId',
    'districtId',
    'streetId',
    'disposition',
    'description',
    'type',
    'urgency',
  ]);
  // The schema coerces ids, so their input type is unknown; the form only ever holds numbers.
  const categoryId = rawCategory as number | undefined;
  const districtId = rawDistrict as number | undefined;
  const streetId = rawStreet as number | undefined;
  const tree = useCategoryTree();
  const nodes = useMemo(() => flattenTree(tree), [tree]);
  const categoryPath: number[] = [];
  for (let n = categoryId ? nodes.get(categoryId) : undefined; n; n = n.parentId ? nodes.get(n.parentId) : undefined)
    categoryPath.unshift(n.id);
  const deadlines = usePreviewDeadlines(categoryPath, type, urgency);

  // Dispatch preview and similar open cases follow the category and place as they are typed.
  useEffect(() => {
    if (!categoryId) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      // POST: a long description in a query string used to fail with HTTP 431.
      ok(
        client.POST('/api/dispatch/preview', {
          body: { categoryId, districtId, streetId, description: description || undefined },
        }),
      )
        .then((p: DispatchPreview) => setPreview(p))
        .catch(() => setPreview(null));
      if (streetId)
        ok(client.GET('/api/cases/similar', { params: { query: { categoryId, streetId } } }))
          .then((r: SimilarCase[]) => setSimilar(r.filter((c) => c.status !== 'closed')))
          .catch(() => setSimilar([]));
      else setSimilar([]);
    }, 250);
    return () => clearTimeout(timer);
  }, [categoryId, districtId, streetId, description]);

  const lookupCaller = async () => {
    const phone = getValues('caller.phone');
    if (!phone) return;
    try {
      setEarlier(await ok(client.GET('/api/cases/similar', { params: { query: { phone } } })));
    } catch {
      setEarlier([]);
    }
  };

  // ---- the draft: kept in this browser until the call is filed ----------------------------
  const mergeRef = useRef(mergeInto);
  mergeRef.current = mergeInto;
  const saveNow = useCallback(() => {
    const form = getValues();
    if (!hasContent(form)) return clearDraft(DRAFT_SLOT, user.id);
    saveDraft<IntakeDraft>(DRAFT_SLOT, user.id, {
      form,
      mergeInto: mergeRef.current,
      idempotencyKey: idempotencyKey.current,
    });
  }, [getValues, user.id]);

  // Restore what was being typed before a reload or a sign-in.
  useEffect(() => {
    const draft = loadDraft<IntakeDraft>(DRAFT_SLOT, user.id);
    if (!draft || !hasContent(draft.values.form)) return;
    reset({ ...DEFAULTS, ...draft.values.form });
    setMergeInto(draft.values.mergeInto ?? null);
    if (draft.values.idempotencyKey) idempotencyKey.current = draft.values.idempotencyKey;
    setRestoredAt(draft.savedAt);
    if (draft.values.form.caller?.phone)
      ok(client.GET('/api/cases/similar', { params: { query: { phone: draft.values.form.caller.phone } } }))
        .then((r: SimilarCase[]) => setEarlier(r))
        .catch(() => setEarlier([]));
  }, [reset, user.id]);

  // Autosave while typing (a little after the last key), and at once when the session lapses
  // or the page goes away (a reload inside the 300 ms would otherwise lose the last keys).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = watch(() => {
      clearTimeout(timer);
      timer = setTimeout(saveNow, 300);
    });
    const off = onSessionExpired(saveNow);
    window.addEventListener('pagehide', saveNow);
    return () => {
      clearTimeout(timer);
      sub.unsubscribe();
      off();
      window.removeEventListener('pagehide', saveNow);
    };
  }, [watch, saveNow]);
  useEffect(saveNow, [mergeInto, saveNow]);

  /**
   * Empties every field for the next caller. The DOM reset comes first: react-hook-form reads
   * an input's current text back when the new value is "undefined", which is how the previous
   * caller's phone and name used to survive a submit.
   */
  const clearForm = () => {
    formRef.current?.reset();
    reset(DEFAULTS);
    setEarlier(null);
    setSimilar([]);
    setPreview(null);
    setMergeInto(null);
    idempotencyKey.current = crypto.randomUUID();
    clearDraft(DRAFT_SLOT, user.id);
    setRestoredAt(null);
    // The fieldset is disabled while sending; focus once it is enabled again (effect below).
    setFocusPhone((n) => n + 1);
  };

  const onSubmit = async (values: TCaseIntake) => {
    setFormError(null);
    saveNow();
    try {
      const res: TCaseIntakeResult = await ok(
        client.POST('/api/cases', { body: values, headers: { 'Idempotency-Key': idempotencyKey.current } }),
      );
      let done: PreviousCall = { id: res.case.id, n: res.case.trackingNumber, status: res.case.status };
      if (mergeInto && res.case.status !== 'closed') {
        const merged: CaseDetail = await ok(
          client.POST('/api/cases/{id}/merge', {
            params: { path: { id: res.case.id } },
            body: { version: res.case.version, parentCaseId: mergeInto.id },
          }),
        );
        done = { ...done, status: merged.status, mergedInto: { id: mergeInto.id, n: mergeInto.trackingNumber } };
      }
      setCreated(done);
      clearForm();
    } catch (e) {
      // A lapsed session is on its way to the sign-in page; the draft above comes back afterwards.
      if (e instanceof ApiError && e.status === 401) setFormError(t.errors.sessionExpired);
      else fail(e);
    }
  };

  const discardDraft = () => {
    clearForm();
    setCreated(null);
  };

  useEffect(() => {
    if (focusPhone && !isSubmitting) document.getElementById('caller-phone')?.focus();
  }, [focusPhone, isSubmitting]);

  // Alt+S submits from anywhere in the form; Alt+M merges into the first similar open case
  // (again: cancels), so the repeat call is handled without leaving the keyboard.
  const similarRef = useRef(similar);
  similarRef.current = similar;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's' || e.code === 'KeyS') {
        e.preventDefault();
        formRef.current?.requestSubmit();
      } else if (key === 'm' || e.code === 'KeyM') {
        const first = similarRef.current[0];
        if (!first) return;
        e.preventDefault();
        setMergeInto((m) => (m?.id === first.id ? null : first));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const e = errors;
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="intake-title">
        <h1 id="intake-title">{t.intake.title}</h1>
        <p className="muted">{t.intake.hint}</p>
        {created && (
          <div className="notice" role="status" data-testid="new-call">
            <h2 id="new-call-title">{t.intakeDay.newCall}</h2>
            <p>
              {fmt(t.intake.created, { n: created.n, s: labelOf(t.enums.status, created.status) ?? created.status })}{' '}
              <Link href={`/cases/${created.id}`}>{created.n}</Link>
              {created.mergedInto && (
                <>
                  {' · '}
                  {t.intakeDay.mergedInto} <Link href={`/cases/${created.mergedInto.id}`}>{created.mergedInto.n}</Link>
                </>
              )}
            </p>
          </div>
        )}
        {restoredAt && (
          <p className="notice warn" role="status" data-testid="draft-restored">
            {fmt(t.intakeDay.draftRestored, { t: fmtTime(restoredAt) })}{' '}
            <button type="button" className="link-button" onClick={discardDraft}>
              {t.intakeDay.discardDraft}
            </button>
          </p>
        )}
        <form ref={formRef} onSubmit={handleSubmit(onSubmit)} noValidate aria-keyshortcuts="Alt+S">
          <fieldset disabled={isSubmitting}>
            <FormBanner message={formError} />
            <div className="row">
              <InputField
                label={t.fields.callerPhone}
                type="tel"
                autoFocus
                {...bind('caller.phone', 'caller-phone', {
                  setValueAs: emptyToUndefined,
                  onBlur: () => void lookupCaller(),
                })}
              />
              <InputField
                label={t.fields.callerName}
                {...bind('caller.name', 'caller-name', { setValueAs: emptyToUndefined })}
              />
            </div>
            <div className="row">
              <SelectField
                label={t.fields.type}
                empty="—"
                options={enumOptions(REQUEST_TYPE_VALUES, t.enums.type)}
                {...bind('type', 'type', { setValueAs: emptyToUndefined })}
              />
              <SelectField
                label={t.fields.urgency}
                options={enumOptions(URGENCY_VALUES, t.enums.urgency)}
                {...bind('urgency', 'urgency')}
              />
            </div>
            <CategoryField id="category" error={e.categoryId?.message} control={control} />
            <PlaceComboFields
              control={control}
              districts={districts}
              districtId={districtId}
              errors={e}
              onDistrictChange={(d) => {
                const inside = districts.find((x) => x.id === d)?.streets.some((st) => st.id === streetId);
                if (!inside) setValue('streetId', undefined);
              }}
            />
            <InputField label={t.fields.address} {...bind('address', 'address', { setValueAs: emptyToUndefined })} />
            <TextareaField label={t.fields.description} rows={4} {...bind('description', 'description')} />
            <fieldset className="field">
              <legend>{t.intake.disposition}</legend>
              <div className="row">
                {INTAKE_DISPOSITIONS.map((d) => (
                  <label key={d} className="checkbox">
                    <input type="radio" value={d} {...register('disposition')} /> {t.intake.dispositions[d]}
                  </label>
                ))}
              </div>
            </fieldset>
            {(disposition === 'direct_answer' || disposition === 'emergency_transfer') && (
              <TextareaField
                label={t.intake.directAnswer}
                rows={3}
                {...bind('directAnswer', 'directAnswer', { setValueAs: emptyToUndefined })}
              />
            )}
            {disposition === 'not_accepted' && (
              <>
                <TextareaField
                  label={t.intakeDay.notAcceptedReason}
                  rows={2}
                  {...bind('notAcceptedReason', 'notAcceptedReason', { setValueAs: emptyToUndefined })}
                />
                <TextareaField
                  label={t.intakeDay.properChannel}
                  rows={2}
                  {...bind('properChannel', 'properChannel', { setValueAs: emptyToUndefined })}
                />
              </>
            )}
            <button type="submit" className="button">
              {isSubmitting ? t.intake.submitting : t.intake.submit}
            </button>
          </fieldset>
        </form>
      </section>
      <aside className="stack" aria-label={t.intake.preview}>
        <section className="card" aria-labelledby="preview-title" aria-live="polite">
          <h2 id="preview-title">{t.intake.preview}</h2>
          {!preview ? (
            <p className="muted">{t.intake.previewHint}</p>
          ) : preview.matched && preview.bureau ? (
            <div data-testid="dispatch-preview">
              <p>
                <strong>{fmt(t.intake.previewGoes, { b: name(preview.bureau) })}</strong>
              </p>
              {preview.assistingBureaus.length > 0 && (
                <p>{fmt(t.intake.previewAssist, { b: preview.assistingBureaus.map((b) => name(b)).join('、') })}</p>
              )}
              {deadlines && (
                <dl className="facts" data-testid="preview-deadlines">
                  <dt>{t.fields.acceptDue}</dt>
                  <dd>{fmtTime(deadlines.acceptDueAt)}</dd>
                  <dt>{t.fields.replyDue}</dt>
                  <dd>{fmtTime(deadlines.replyDueAt)}</dd>
                </dl>
              )}
              <p className="muted">{(locale === 'en' ? preview.reasonEn : preview.reasonZh) || preview.reason}</p>
            </div>
          ) : (
            <p data-testid="dispatch-preview">{t.intake.previewNone}</p>
          )}
        </section>
        <section className="card" aria-labelledby="similar-title">
          <h2 id="similar-title">{t.intake.similar}</h2>
          {mergeInto && (
            <p className="notice warn" role="status">
              {fmt(t.intake.mergeChosen, { n: mergeInto.trackingNumber })}{' '}
              <button type="button" className="link-button" onClick={() => setMergeInto(null)}>
                {t.intake.mergeCancel}
              </button>
            </p>
          )}
          {similar.length === 0 ? (
            <p className="muted">{t.intake.noSimilar}</p>
          ) : (
            <ul>
              {similar.map((c) => (
                <li key={c.id}>
                  <Link href={`/cases/${c.id}`}>{c.trackingNumber}</Link> {c.description.slice(0, 30)}{' '}
                  <button
                    type="button"
                    className="button small secondary"
                    onClick={() => setMergeInto(c)}
                    aria-keyshortcuts={c.id === similar[0]?.id ? 'Alt+M' : undefined}
                  >
                    {t.intake.mergeInto}
                    {c.id === similar[0]?.id ? ' (Alt+M)' : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {earlier && (
          <section className="card" aria-labelledby="earlier-title">
            <h2 id="earlier-title">{t.intake.earlier}</h2>
            {earlier.length ? (
              <CaseTable items={earlier} caption={t.intake.earlier} />
            ) : (
              <p className="muted">{t.intake.noEarlier}</p>
            )}
          </section>
        )}
      </aside>
    </div>
  );
}
