'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, client } from '@/lib/api';
import type { paths } from '@/lib/api-schema';
import { ACTION_SCHEMAS, VERSIONLESS, type ActionKey } from '@/lib/action-schemas';
import { Field } from '@/components/field';
import { FormFrame, useFormError } from '@/components/form';
import { useSession } from '@/components/staff-shell';
import { localizedZodResolver } from '@/lib/form-errors';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import type { Messages } from '@/lib/i18n/messages';
import type { CaseDetail } from '@/lib/api-types';
import { useBureaus } from '@/lib/catalogue';
import { CategoryFix } from './category-fix';

type Label = (t: Messages) => string;
type FieldSpec =
  | { name: string; kind: 'textarea' | 'datetime'; label: Label }
  | { name: string; kind: 'select'; label: Label; options: (t: Messages) => [string, string][] }
  | { name: 'bureauId'; kind: 'bureau'; label: Label };

interface ActionSpec {
  label: Label;
  fields: FieldSpec[];
}

const textarea = (name: string, label: Label): FieldSpec => ({ name, kind: 'textarea', label });
const datetime = (name: string, label: Label): FieldSpec => ({ name, kind: 'datetime', label });
const select = (name: string, label: Label, options: (t: Messages) => [string, string][]): FieldSpec => ({
  name,
  kind: 'select',
  label,
  options,
});
/** The bureau to send the case to. */
const bureau: FieldSpec = { name: 'bureauId', kind: 'bureau', label: (t) => t.queue.dispatchTo };

const yesNo = (t: Messages): [string, string][] => [
  ['true', t.track.yes],
  ['false', t.track.no],
];

const SPECS: Record<ActionKey, ActionSpec> = {
  accept: { label: (t) => t.caseView.accept, fields: [] },
  return: { label: (t) => t.caseView.returnCase, fields: [textarea('reason', (t) => t.fields.reason)] },
  reply: {
    label: (t) => t.caseView.reply,
    fields: [textarea('publicReply', (t) => t.fields.reply), textarea('internalNote', (t) => t.fields.internalNote)],
  },
  extensions: {
    label: (t) => t.caseView.extension,
    fields: [
      select(
        'kind',
        (t) => t.fields.clockKind,
        (t) => [
          ['reply', t.board.kinds.reply],
          ['accept', t.board.kinds.accept],
        ],
      ),
      datetime('newDueAt', (t) => t.fields.newDueAt),
      textarea('reason', (t) => t.fields.reason),
    ],
  },
  'supervision-notices': {
    label: (t) => t.board.issueNotice,
    fields: [textarea('demand', (t) => t.board.demand), datetime('dueAt', (t) => t.board.noticeDue)],
  },
  dispatch: { label: (t) => t.queue.dispatch, fields: [bureau] },
  redispatch: { label: (t) => t.queue.redispatch, fields: [bureau, textarea('reason', (t) => t.fields.reason)] },
  'return-decision': {
    label: (t) => t.queue.decideReturn,
    fields: [
      select(
        'decision',
        (t) => t.queue.decision,
        (t) => Object.entries(t.queue.decisions),
      ),
      bureau,
      textarea('note', (t) => t.fields.reason),
    ],
  },
  'follow-up': {
    label: (t) => t.caseView.followUp,
    fields: [
      select('contacted', (t) => t.track.contacted, yesNo),
      select(
        'solved',
        (t) => t.track.solved,
        (t) => Object.entries(t.enums.solved),
      ),
      select(
        'satisfaction',
        (t) => t.track.satisfaction,
        (t) => Object.entries(t.enums.satisfaction),
      ),
    ],
  },
  close: { label: (t) => t.caseView.close, fields: [textarea('note', (t) => t.fields.reason)] },
  reopen: { label: (t) => t.caseView.reopen, fields: [textarea('reason', (t) => t.fields.reason)] },
};

/** The action buttons the API says this user may use on this case, each with its small form. */
export function CaseActions({
  detail,
  onDone,
  onConflict,
}: {
  detail: CaseDetail;
  onDone: (msg: string) => Promise<void>;
  onConflict: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ActionKey | null>(null);
  const session = useSession();
  const allowed = new Set(detail.allowedActions ?? []);
  // The deadline routes are not case transitions, so allowedActions does not list them.
  if (session.role === 'handler' && ['dispatched', 'in_progress'].includes(detail.status)) allowed.add('extensions');
  if (session.role === 'supervisor' && detail.status !== 'closed') allowed.add('supervision-notices');
  const keys = (Object.keys(SPECS) as ActionKey[]).filter((k) => allowed.has(k));
  if (!keys.length) return null;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t.caseView.actions}</h2>
      <div className="row" role="group" aria-labelledby="actions-title">
        {keys.map((k) => (
          <button
            key={k}
            type="button"
            className={open === k ? 'button' : 'button secondary'}
            aria-expanded={SPECS[k].fields.length ? open === k : undefined}
            onClick={() => setOpen(open === k ? null : k)}
          >
            {SPECS[k].label(t)}
          </button>
        ))}
      </div>
      {open && (
        <ActionForm
          key={`${open}-${detail.version}`}
          action={open}
          detail={detail}
          onDone={async () => {
            setOpen(null);
            await onDone(`${SPECS[open].label(t)}: ${t.caseView.done}`);
          }}
          onConflict={onConflict}
        />
      )}
    </section>
  );
}

type ActionBody = NonNullable<
  paths[`/api/cases/{id}/${ActionKey}`]['post']['requestBody']
>['content']['application/json'];

/** One action's form; the follow-up worklist reuses it with just the case id and version. */
export function ActionForm({
  action,
  detail,
  onDone,
  onConflict,
}: {
  action: ActionKey;
  detail: Pick<CaseDetail, 'id' | 'version'>;
  onDone: () => Promise<void>;
  onConflict: () => Promise<void>;
}) {
  const { t } = useI18n();
  const name = useLocalName();
  const spec = SPECS[action];
  const schema = ACTION_SCHEMAS[action] as z.ZodType<Record<string, unknown>, Record<string, unknown>>;
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Record<string, unknown>>({
    resolver: localizedZodResolver(schema, t),
    defaultValues: VERSIONLESS.has(action) ? {} : { version: detail.version },
  });
  const { formError, setFormError, fail } = useFormError(setError);
  const bureaus = useBureaus();

  const submit = async (values: Record<string, unknown>) => {
    setFormError(null);
    try {
      // `values` passed ACTION_SCHEMAS[action], the schema the API checks this route's body with.
      await client.POST(`/api/cases/{id}/${action}`, {
        params: { path: { id: detail.id } },
        body: values as ActionBody,
      });
      await onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) return onConflict();
      fail(e);
    }
  };

  // One-click actions still go through the form so the version travels with them.
  return (
    <FormFrame
      onSubmit={handleSubmit(submit)}
      className="card"
      style={{ marginTop: '0.75rem' }}
      busy={isSubmitting}
      error={formError}
      legend={spec.label(t)}
      submitLabel={spec.fields.length ? t.caseView.send : spec.label(t)}
    >
      {spec.fields.map((f) => {
        const raw = errors[f.name]?.message as string | undefined;
        // An empty bureau choice says what is missing, not "invalid format".
        const err =
          raw && f.kind === 'bureau' ? t.desk.chooseBureau : raw && f.name === 'decision' ? t.desk.chooseDecision : raw;
        return (
          <Field key={f.name} id={`action-${f.name}`} label={f.label(t)} error={err}>
            {(common) => (
              <>
                {f.kind === 'textarea' && (
                  <textarea rows={4} {...common} {...register(f.name, { setValueAs: (v: string) => v || undefined })} />
                )}
                {f.kind === 'datetime' && (
                  <input
                    type="datetime-local"
                    {...common}
                    {...register(f.name, {
                      setValueAs: (v: string) => (v ? new Date(v).toISOString() : undefined),
                    })}
                  />
                )}
                {f.kind === 'select' && (
                  <select
                    {...common}
                    {...register(f.name, {
                      setValueAs: (v: string) => (v === 'true' ? true : v === 'false' ? false : v || undefined),
                    })}
                  >
                    <option value="">—</option>
                    {f.options(t).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                )}
                {f.kind === 'bureau' && (
                  <select {...common} {...register(f.name, { setValueAs: (v: string) => (v ? Number(v) : undefined) })}>
                    <option value="">—</option>
                    {bureaus.map((b) => (
                      <option key={b.id} value={b.id}>
                        {name(b)}
                      </option>
                    ))}
                  </select>
                )}
              </>
            )}
          </Field>
        );
      })}
      {(action === 'dispatch' || action === 'redispatch' || action === 'return-decision') && (
        <CategoryFix
          schema={schema}
          caseId={detail.id}
          onCategory={(id) => setValue('categoryId', id)}
          onBureau={(id) => setValue('bureauId', id, { shouldValidate: true })}
        />
      )}
    </FormFrame>
  );
}
