'use client';

import { ZCalendarDayInput, ZCalendarSettingsInput, ZDayParam, type TCalendarSettingsInput } from '@hotline/contracts';
import { useCallback, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ConfirmButton, FormBanner, Panel, useAction } from '@/components/admin/admin-ui';
import { Field } from '@/components/field';
import { Freshness } from '@/components/live';
import { api, ApiError } from '@/lib/api';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { useLive } from '@/lib/use-live';

interface CalendarView {
  workingPeriods: { start: string; end: string }[];
  escalationWorkingDays: number;
  version: number;
  days: { day: string; kind: 'holiday' | 'makeup_workday'; name: string }[];
}

/** The day form: the path's date and the body, each checked by the schema the API uses for it. */
const ZDayForm = ZCalendarDayInput.extend({ day: ZDayParam });
type TDayForm = z.output<typeof ZDayForm>;

/** Working hours and the holiday / make-up working day list the deadlines are counted in. */
export function CalendarClient() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const load = useCallback(() => api<CalendarView>(`/calendar?from=${year}-01-01&to=${year + 1}-12-31`), [year]);
  const live = useLive(load, 120_000);
  const [editingHours, setEditingHours] = useState(false);
  const action = useAction();
  const c = live.data;
  const remove = (day: string) =>
    action.run(
      async () => {
        await api(`/calendar/days/${day}`, { method: 'DELETE' });
        await live.refresh();
      },
      fmt(t.adm.dayRemoved, { day }),
    );
  return (
    <section className="stack" aria-labelledby="cal-title">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 id="cal-title">{t.admin.calendar}</h1>
        <Freshness updatedAt={live.updatedAt} loading={live.loading} onRefresh={() => void live.refresh()} />
      </div>
      {action.view}
      {!c ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          <div className="row" style={{ alignItems: 'baseline' }}>
            <p data-testid="working-hours">
              {t.admin.workingHours}: {c.workingPeriods.map((p) => `${p.start}–${p.end}`).join(', ')} ·{' '}
              {t.admin.escalationDays}: {c.escalationWorkingDays}
            </p>
            {!editingHours && (
              <button type="button" className="button secondary small" onClick={() => setEditingHours(true)}>
                {t.adm.editWorkingHours}
              </button>
            )}
          </div>
          {editingHours && (
            <Panel id="working-hours-form" title={t.adm.editWorkingHours} onClose={() => setEditingHours(false)}>
              <SettingsForm
                key={c.version}
                current={c}
                onReload={() => live.refresh()}
                onDone={async () => {
                  setEditingHours(false);
                  await live.refresh();
                }}
              />
            </Panel>
          )}
          <details className="card">
            <summary>+ {t.adm.addDay}</summary>
            <DayForm onDone={() => live.refresh()} />
          </details>
          <div className="table-wrap">
            <table className="data">
              <caption className="sr-only">{t.admin.calendar}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.admin.day}</th>
                  <th scope="col">{t.admin.kind}</th>
                  <th scope="col">{t.admin.name}</th>
                  <th scope="col">{t.adm.actions}</th>
                </tr>
              </thead>
              <tbody>
                {c.days.map((d) => (
                  <tr key={d.day}>
                    <td>{d.day}</td>
                    <td>{d.kind === 'holiday' ? t.admin.holiday : t.admin.makeup}</td>
                    <td>{d.name}</td>
                    <td>
                      <ConfirmButton
                        label={t.adm.remove}
                        ariaLabel={`${t.adm.remove} ${d.day}`}
                        confirmLabel={fmt(t.adm.confirmRemoveDay, { day: d.day })}
                        disabled={action.busy}
                        onConfirm={() => void remove(d.day)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function DayForm({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof ZDayForm>, unknown, TDayForm>({
    resolver: localizedZodResolver(ZDayForm, t),
    defaultValues: { kind: 'holiday', name: '' },
  });
  const submit = async ({ day, ...body }: TDayForm) => {
    setFormError(null);
    setSaved(null);
    try {
      await api(`/calendar/days/${day}`, { method: 'PUT', body });
      reset({ kind: body.kind, name: '' });
      setSaved(fmt(t.adm.daySaved, { day }));
      await onDone();
    } catch (e) {
      // The API refuses a weekday make-up day and a holiday on a weekend: say so at the kind.
      if (e instanceof ApiError && e.status === 400 && /weekday|weekend/i.test(e.message)) {
        setError('kind', {
          type: 'server',
          message: body.kind === 'makeup_workday' ? t.adm.makeupOnWeekend : t.adm.holidayOnWeekday,
        });
        return;
      }
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };
  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-label={t.adm.addDay}>
      <fieldset disabled={isSubmitting}>
        <FormBanner message={formError} />
        <div aria-live="polite">{saved && <p className="notice">{saved}</p>}</div>
        <div className="row">
          <Field id="cd-day" label={t.admin.day} error={errors.day?.message}>
            {(a) => <input type="date" {...a} {...register('day')} />}
          </Field>
          <Field id="cd-kind" label={t.admin.kind} error={errors.kind?.message}>
            {(a) => (
              <select {...a} {...register('kind')}>
                <option value="holiday">{t.admin.holiday}</option>
                <option value="makeup_workday">{t.admin.makeup}</option>
              </select>
            )}
          </Field>
          <Field id="cd-name" label={t.adm.dayName} error={errors.name?.message}>
            {(a) => <input {...a} {...register('name')} />}
          </Field>
        </div>
        <button type="submit" className="button">
          {t.adm.saveDay}
        </button>
      </fieldset>
    </form>
  );
}

function SettingsForm({
  current,
  onDone,
  onReload,
}: {
  current: CalendarView;
  onDone: () => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof ZCalendarSettingsInput>, unknown, TCalendarSettingsInput>({
    resolver: localizedZodResolver(ZCalendarSettingsInput, t),
    defaultValues: {
      version: current.version,
      workingPeriods: current.workingPeriods,
      escalationWorkingDays: current.escalationWorkingDays,
    },
  });
  const periods = useFieldArray({ control, name: 'workingPeriods' });
  const submit = async (v: TCalendarSettingsInput) => {
    setFormError(null);
    setConflict(false);
    try {
      await api('/calendar/settings', { method: 'PUT', body: v });
      await onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        return;
      }
      // "Working periods are not valid: …" (overlap, end before start) belongs to the periods.
      if (e instanceof ApiError && e.status === 400 && /working periods/i.test(e.message)) {
        setFormError(t.adm.periodsInvalid);
        return;
      }
      setFormError(applyServerErrors(e, setError, t) || null);
    }
  };
  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-label={t.adm.editWorkingHours}>
      <fieldset disabled={isSubmitting} className="stack">
        <FormBanner message={formError} />
        {conflict && (
          <div className="notice warn" role="alert">
            <p>{t.adm.calendarConflict}</p>
            <button type="button" className="button small" onClick={() => void onReload()}>
              {t.adm.reload}
            </button>
          </div>
        )}
        {periods.fields.map((f, i) => (
          <fieldset key={f.id} className="row" style={{ border: 'none', padding: 0, alignItems: 'flex-end' }}>
            <legend className="sr-only">{fmt(t.adm.periodN, { n: i + 1 })}</legend>
            <Field
              id={`wp-${i}-start`}
              label={`${fmt(t.adm.periodN, { n: i + 1 })} · ${t.adm.start}`}
              error={errors.workingPeriods?.[i]?.start ? t.adm.hhmm : undefined}
            >
              {(a) => <input type="time" {...a} {...register(`workingPeriods.${i}.start`)} />}
            </Field>
            <Field
              id={`wp-${i}-end`}
              label={`${fmt(t.adm.periodN, { n: i + 1 })} · ${t.adm.end}`}
              error={errors.workingPeriods?.[i]?.end ? t.adm.hhmm : undefined}
            >
              {(a) => <input type="time" {...a} {...register(`workingPeriods.${i}.end`)} />}
            </Field>
            <button
              type="button"
              className="button secondary small"
              disabled={periods.fields.length <= 1}
              aria-label={fmt(t.adm.removePeriod, { n: i + 1 })}
              onClick={() => periods.remove(i)}
            >
              {t.adm.remove}
            </button>
          </fieldset>
        ))}
        {errors.workingPeriods?.root?.message || errors.workingPeriods?.message ? (
          <span className="field-error">{errors.workingPeriods?.root?.message ?? errors.workingPeriods?.message}</span>
        ) : null}
        <div>
          <button
            type="button"
            className="button secondary small"
            disabled={periods.fields.length >= 6}
            onClick={() => periods.append({ start: '13:00', end: '17:00' })}
          >
            + {t.adm.addPeriod}
          </button>
        </div>
        <Field id="wp-escalation" label={t.admin.escalationDays} error={errors.escalationWorkingDays?.message}>
          {(a) => (
            <input
              type="number"
              min="0"
              max="60"
              step="1"
              {...a}
              {...register('escalationWorkingDays', { valueAsNumber: true })}
            />
          )}
        </Field>
        <div>
          <button type="submit" className="button">
            {t.adm.save}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
