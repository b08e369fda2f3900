'use client';

import { fmtTime } from '@/lib/time';
import {
  SATISFACTION_OPTIONS,
  SOLVED_OPTIONS,
  ZAccessCode,
  ZPublicFeedbackSchema,
  ZTrackingNumberParam,
  type TPublicFeedback,
} from '@hotline/contracts';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { enumOptions, InputField, SelectField, TextareaField } from '@/components/field';
import { FormFrame, useZodForm } from '@/components/form';
import { StatusBadge } from '@/components/live';
import { ApiError, ok, publicClient } from '@/lib/api';
import { forgetReceipt, loadReceipts, type Receipt } from '@/lib/citizen-receipts';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { labelOf } from '@/lib/i18n/labels';
import type { PublicCaseView } from '@/lib/api-types';
import { errorMessage } from '@/lib/form-errors';
import { NextSteps } from '../next-steps';

const ZLookup = z.strictObject({ trackingNumber: ZTrackingNumberParam, accessCode: ZAccessCode });
type TLookup = z.infer<typeof ZLookup>;

export function TrackClient({ initialNumber, initialCode }: { initialNumber: string; initialCode: string }) {
  const { t } = useI18n();
  const [view, setView] = useState<PublicCaseView | null>(null);
  const [saved, setSaved] = useState<Receipt[]>([]);
  const [creds, setCreds] = useState<TLookup | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { bind, handleSubmit, setValue, isSubmitting } = useZodForm(ZLookup, {
    trackingNumber: initialNumber,
    accessCode: initialCode,
  });

  const lookup = useCallback(
    async (v: TLookup) => {
      setLookupError(null);
      try {
        const res: PublicCaseView = await ok(
          publicClient.GET('/api/public/cases/{trackingNumber}', {
            params: { path: { trackingNumber: v.trackingNumber } },
            headers: { 'X-Access-Code': v.accessCode },
          }),
        );
        setView(res);
        setCreds(v);
      } catch (e) {
        setView(null);
        setLookupError(
          e instanceof ApiError && e.status < 500 && e.status !== 429 ? t.track.wrong : errorMessage(e, t),
        );
      }
    },
    [t],
  );

  useEffect(() => {
    const parsed = ZLookup.safeParse({ trackingNumber: initialNumber, accessCode: initialCode });
    if (parsed.success) void lookup(parsed.data);
  }, [initialNumber, initialCode, lookup]);

  // Receipts kept on this device (lib/citizen-receipts) prefill the form: the newest one when
  // the link brought no number, any of them with one tap.
  useEffect(() => {
    const list = loadReceipts();
    setSaved(list);
    const first = list[0];
    if (!initialNumber && first) {
      setValue('trackingNumber', first.trackingNumber);
      setValue('accessCode', first.accessCode);
    }
  }, [initialNumber, setValue]);

  const open = (r: Receipt) => {
    setValue('trackingNumber', r.trackingNumber);
    setValue('accessCode', r.accessCode);
    void lookup({ trackingNumber: r.trackingNumber, accessCode: r.accessCode });
  };

  return (
    <div className="stack">
      <section className="card">
        <h1>{t.track.title}</h1>
        <FormFrame onSubmit={handleSubmit(lookup)} busy={isSubmitting} error={lookupError} submitLabel={t.track.submit}>
          <div className="row">
            <InputField
              label={t.fields.trackingNumber}
              inputMode="numeric"
              {...bind('trackingNumber', 'trackingNumber')}
            />
            <InputField label={t.fields.accessCode} autoCapitalize="characters" {...bind('accessCode', 'accessCode')} />
          </div>
        </FormFrame>
        {saved.length > 0 && (
          <div className="stack" data-testid="saved-receipts">
            <h2>{t.citizenDay.savedTitle}</h2>
            <ul>
              {saved.map((r) => (
                <li key={r.trackingNumber} className="row">
                  <span className="big-code">{r.trackingNumber}</span>
                  <button type="button" className="button small secondary" onClick={() => open(r)}>
                    {t.citizenDay.open}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      forgetReceipt(r.trackingNumber);
                      setSaved(loadReceipts());
                    }}
                  >
                    {t.citizenDay.forget}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {view && creds && (
        <CaseView
          view={view}
          creds={creds}
          onChanged={async (msg) => {
            setNotice(msg);
            await lookup(creds);
          }}
        />
      )}
    </div>
  );
}

function CaseView({
  view,
  creds,
  onChanged,
}: {
  view: PublicCaseView;
  creds: TLookup;
  onChanged: (msg: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const name = useLocalName();
  return (
    <>
      <section className="card stack" aria-labelledby="view-title">
        <h2 id="view-title">
          {view.trackingNumber} <StatusBadge status={view.status} />
        </h2>
        <dl className="facts">
          <dt>{t.fields.type}</dt>
          <dd>{t.enums.type[view.type] ?? view.type}</dd>
          <dt>{t.fields.createdAt}</dt>
          <dd>{fmtTime(view.createdAt)}</dd>
          <dt>{t.fields.bureau}</dt>
          <dd>{view.bureau ? name(view.bureau) : '—'}</dd>
        </dl>
        <NextSteps status={view.status} replyDueAt={view.replyDueAt} steps={view.steps} />
        {view.replies.length > 0 && (
          <>
            <h3>{t.track.reply}</h3>
            {view.replies.map((r) => (
              <blockquote key={r.at} data-testid="reply">
                <time dateTime={r.at} className="muted">
                  {fmtTime(r.at)}
                </time>
                <p style={{ whiteSpace: 'pre-wrap' }}>{r.text}</p>
              </blockquote>
            ))}
          </>
        )}
        <h3>{t.track.timeline}</h3>
        <ol className="timeline">
          {view.timeline.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{fmtTime(e.at)}</time>
              <div>
                {labelOf(t.enums.action, e.action) ?? e.action}
                {e.status ? ` → ${labelOf(t.enums.status, e.status) ?? e.status}` : ''}
              </div>
              {e.note && <div className="muted">{e.note}</div>}
            </li>
          ))}
        </ol>
      </section>
      {view.canGiveFeedback && <FeedbackForm key={view.replies.length} creds={creds} onDone={onChanged} />}
    </>
  );
}

function FeedbackForm({ creds, onDone }: { creds: TLookup; onDone: (msg: string) => Promise<void> }) {
  const { t } = useI18n();
  const { bind, frame, setFormError, fail } = useZodForm(ZPublicFeedbackSchema, { accessCode: creds.accessCode });
  const submit = async (v: TPublicFeedback) => {
    setFormError(null);
    try {
      const res: { status?: string } = await ok(
        publicClient.POST('/api/public/cases/{trackingNumber}/feedback', {
          params: { path: { trackingNumber: creds.trackingNumber } },
          body: v,
        }),
      );
      await onDone(`${t.track.feedbackThanks} ${res?.status === 'closed' ? t.track.closed : t.track.reopened}`);
    } catch (e) {
      fail(e);
    }
  };
  const bool = (v: string) => (v === 'true' ? true : v === 'false' ? false : undefined);
  return (
    <section className="card" aria-labelledby="fb-title">
      <h2 id="fb-title">{t.track.feedbackTitle}</h2>
      <FormFrame {...frame(submit)} submitLabel={t.track.sendFeedback}>
        <SelectField
          label={t.track.contacted}
          empty="—"
          options={enumOptions(['true', 'false'], { true: t.track.yes, false: t.track.no })}
          {...bind('contacted', 'fb-contacted', { setValueAs: bool })}
        />
        <SelectField
          label={t.track.solved}
          empty="—"
          options={enumOptions(SOLVED_OPTIONS, t.enums.solved)}
          {...bind('solved', 'fb-solved', { setValueAs: (v: string) => v || undefined })}
        />
        <SelectField
          label={t.track.satisfaction}
          empty="—"
          options={enumOptions(SATISFACTION_OPTIONS, t.enums.satisfaction)}
          {...bind('satisfaction', 'fb-satisfaction', { setValueAs: (v: string) => v || undefined })}
        />
        <TextareaField
          label={t.track.comment}
          rows={3}
          {...bind('comment', 'fb-comment', { setValueAs: (v: string) => v || undefined })}
        />
      </FormFrame>
    </section>
  );
}
