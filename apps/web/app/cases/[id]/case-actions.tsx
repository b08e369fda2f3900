'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, client } from '@/lib/api';
import type { paths } from '@/lib/api-schema';
import { ACTION_SCHEMAS, VERSIONLESS, type ActionKey } from '@/lib/action-schemas';
import { FormBanner } from '@/components/form';
import { useSession } from '@/components/staff-shell';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import type { Messages } from '@/lib/i18n/messages';
import type { CaseDetail } from '@/lib/api-types';
import { useBureaus } from '@/lib/catalogue';
import { CategoryFix } from './category-fix';

type FieldSpec =
  | { name: string; kind: 'textarea' | 'text' | 'number' | 'datetime'; label: (t: Messages) => string }
  | { name: string; kind: 'select'; label: (t: Messages) => string; options: (t: Messages) => [string, string][] }
  | { name: string; kind: 'bureau'; label: (t: Messages) => string };

interface ActionSpec {
  label: (t: Messages) => string;
  fields: FieldSpec[];
}

const yesNo = (t: Messages): [string, string][] => [
  ['true', t.track.yes],
  ['false', t.track.no],
];

const SPECS: Record<ActionKey, ActionSpec> = {
  accept: { label: (t) => t.caseView.accept, fields: [] },
  return: {
    label: (t) => t.caseView.returnCase,
    fields: [{ name: 'reason', kind: 'textarea', label: (t) => t.fields.reason }],
  },
  reply: {
    label: (t) => t.caseView.reply,
    fields: [
      { name: 'publicReply', kind: 'textarea', label: (t) => t.fields.reply },
      { name: 'internalNote', kind: 'textarea', label: (t) => t.fields.internalNote },
    ],
  },
  extensions: {
    label: (t) => t.caseView.extension,
    fields: [
      {
        name: 'kind',
        kind: 'select',
        label: (t) => t.fields.clockKind,
        options: (t) => [
          ['reply', t.board.kinds['reply']!],
          ['accept', t.board.kinds['accept']!],
        ],
      },
      { name: 'newDueAt', kind: 'datetime', label: (t) => t.fields.newDueAt },
      { name: 'reason', kind: 'textarea', label: (t) => t.fields.reason },
    ],
  },
  'supervision-notices': {
    label: (t) => t.board.issueNotice,
    fields: [
      { name: 'demand', kind: 'textarea', label: (t) => t.board.demand },
      { name: 'dueAt', kind: 'datetime', label: (t) => t.board.noticeDue },
    ],
  },
  dispatch: {
    label: (t) => t.queue.dispatch,
    fields: [{ name: 'bureauId', kind: 'bureau', label: (t) => t.queue.dispatchTo }],
  },
  redispatch: {
    label: (t) => t.queue.redispatch,
    fields: [
      { name: 'bureauId', kind: 'bureau', label: (t) => t.queue.dispatchTo },
      { name: 'reason', kind: 'textarea', label: (t) => t.fields.reason },
    ],
  },
  'return-decision': {
    label: (t) => t.queue.decideReturn,
    fields: [
      {
        name: 'decision',
        kind: 'select',
        label: (t) => t.queue.decision,
        options: (t) => Object.entries(t.queue.decisions),
      },
      { name: 'bureauId', kind: 'bureau', label: (t) => t.queue.dispatchTo },
      { name: 'note', kind: 'textarea', label: (t) => t.fields.reason },
    ],
  },
  'follow-up': {
    label: (t) => t.caseView.followUp,
    fields: [
      { name: 'contacted', kind: 'select', label: (t) => t.track.contacted, options: yesNo },
      {
        name: 'solved',
        kind: 'select',
        label: (t) => t.track.solved,
        options: (t) => Object.entries(t.enums.solved),
      },
      {
        name: 'satisfaction',
        kind: 'select',
        label: (t) => t.track.satisfaction,
        options: (t) => Object.entries(t.enums.satisfaction),
      },
    ],
  },
  close: {
    label: (t) => t.caseView.close,
    fields: [{ name: 'note', kind: 'textarea', label: (t) => t.fields.reason }],
  },
  reopen: {
    label: (t) => t.caseView.reopen,
    fields: [{ name: 'reason', kind: 'textarea', label: (t) => t.fields.reason }],
  },
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
  const [formError, setFormError] = useState<string | null>(null);
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
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };

  // One-click actions still go through the form so the version travels with them.
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="card" style={{ marginTop: '0.75rem' }}>
      <fieldset disabled={isSubmitting}>
        <legend className="sr-only">{spec.label(t)}</legend>
        <FormBanner message={formError} />
        {spec.fields.map((f) => {
          const id = `action-${f.name}`;
          const raw = errors[f.name]?.message as string | undefined;
          // An empty bureau choice says what is missing, not "invalid format".
          const err =
            raw && f.kind === 'bureau'
              ? t.desk.chooseBureau
              : raw && f.name === 'decision'
                ? t.desk.chooseDecision
                : raw;
          const common = {
            id,
            'aria-invalid': !!err,
            'aria-describedby': err ? `${id}-error` : undefined,
          };
          return (
            <div className="field" key={f.name}>
              <label htmlFor={id}>{f.label(t)}</label>
              {f.kind === 'textarea' && (
                <textarea rows={4} {...common} {...register(f.name, { setValueAs: (v: string) => v || undefined })} />
              )}
              {f.kind === 'text' && <input {...common} {...register(f.name)} />}
              {f.kind === 'datetime' && (
                <input
                  type="datetime-local"
                  {...common}
                  {...register(f.name, {
                    setValueAs: (v: string) => (v ? new Date(v).toISOString() : undefined),
                  })}
                />
              )}
              {f.kind === 'number' && (
                <input type="number" {...common} {...register(f.name, { valueAsNumber: true })} />
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
              {err && (
                <span id={`${id}-error`} className="field-error">
                  {err}
                </span>
              )}
            </div>
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
        <button type="submit" className="button">
          {spec.fields.length ? t.caseView.send : spec.label(t)}
        </button>
      </fieldset>
    </form>
  );
}
