'use client';

import { ZCalendarDayInput, ZCalendarSettingsInput, ZDayParam, type TCalendarSettingsInput } from '@hotline/contracts';
import { useCallback, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { ConfirmButton, ConflictNotice, CreateDetails, Panel, RowButton, useAction } from '@/components/admin/admin-ui';
import { enumOptions, InputField, SelectField } from '@/components/field';
import { FormFrame, useZodForm } from '@/components/form';
import { DataTable } from '@/components/data-table';
import { LiveHeading, Loading } from '@/components/live';
import { ApiError, client, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { useLive } from '@/lib/use-live';
import type { CalendarView } from '@/lib/api-types';

/** The day form: the path's date and the body, each checked by the schema the API uses for it. */
const ZDayForm = ZCalendarDayInput.extend({ day: ZDayParam });
type TDayForm = z.output<typeof ZDayForm>;
const DAY_KINDS = ['holiday', 'makeup_workday'] as const;

/** Working hours and the holiday / make-up working day list the deadlines are counted in. */
export function CalendarClient() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const load = useCallback(
    (): Promise<CalendarView> =>
      ok(client.GET('/api/calendar', { params: { query: { from: `${year}-01-01`, to: `${year + 1}-12-31` } } })),
    [year],
  );
  const live = useLive(load, 120_000);
  const [editingHours, setEditingHours] = useState(false);
  const action = useAction();
  const c = live.data;
  const remove = (day: string) =>
    action.send(
      () => client.DELETE('/api/calendar/days/{day}', { params: { path: { day } } }),
      live.refresh,
      fmt(t.adm.dayRemoved, { day }),
    );
  return (
    <section className="stack" aria-labelledby="cal-title">
      <LiveHeading id="cal-title" live={live}>
        {t.admin.calendar}
      </LiveHeading>
      {action.view}
      {!c ? (
        <Loading />
      ) : (
        <>
          <div className="row" style={{ alignItems: 'baseline' }}>
            <p data-testid="working-hours">
              {t.admin.workingHours}: {c.workingPeriods.map((p) => `${p.start}–${p.end}`).join(', ')} ·{' '}
              {t.admin.escalationDays}: {c.escalationWorkingDays}
            </p>
            {!editingHours && <RowButton onClick={() => setEditingHours(true)}>{t.adm.editWorkingHours}</RowButton>}
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
          <CreateDetails summary={t.adm.addDay}>
            <DayForm onDone={() => live.refresh()} />
          </CreateDetails>
          <DataTable caption={t.admin.calendar} headers={[t.admin.day, t.admin.kind, t.admin.name, t.adm.actions]}>
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
          </DataTable>
        </>
      )}
    </section>
  );
}

function DayForm({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<string | null>(null);
  const { bind, frame, register, setError, reset, errors, setFormError, fail } = useZodForm(ZDayForm, {
    kind: 'holiday',
    name: '',
  });
  const submit = async ({ day, ...body }: TDayForm) => {
    setFormError(null);
    setSaved(null);
    try {
      await client.PUT('/api/calendar/days/{day}', { params: { path: { day } }, body });
      reset({ kind: body.kind, name: '' });
      setSaved(fmt(t.adm.daySaved, { day }));
      await onDone();
    } catch (e) {
      // The API refuses a weekday make-up day and a holiday on a weekend: say so at the kind.
      if (
        e instanceof ApiError &&
        (e.code === 'calendar.makeup_day_not_weekend' || e.code === 'calendar.holiday_on_weekend')
      ) {
        setError('kind', {
          type: 'server',
          message: body.kind === 'makeup_workday' ? t.adm.makeupOnWeekend : t.adm.holidayOnWeekday,
        });
        return;
      }
      fail(e);
    }
  };
  return (
    <FormFrame {...frame(submit)} aria-label={t.adm.addDay} submitLabel={t.adm.saveDay}>
      <div aria-live="polite">{saved && <p className="notice">{saved}</p>}</div>
      <div className="row">
        <InputField id="cd-day" label={t.admin.day} error={errors.day?.message} type="date" {...register('day')} />
        <SelectField
          label={t.admin.kind}
          options={enumOptions(DAY_KINDS, { holiday: t.admin.holiday, makeup_workday: t.admin.makeup })}
          {...bind('kind', 'cd-kind')}
        />
        <InputField id="cd-name" label={t.adm.dayName} error={errors.name?.message} {...register('name')} />
      </div>
    </FormFrame>
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
  const [conflict, setConflict] = useState(false);
  const { bind, frame, register, control, errors, setFormError, fail } = useZodForm(ZCalendarSettingsInput, {
    version: current.version,
    workingPeriods: current.workingPeriods,
    escalationWorkingDays: current.escalationWorkingDays,
  });
  const periods = useFieldArray({ control, name: 'workingPeriods' });
  const submit = async (v: TCalendarSettingsInput) => {
    setFormError(null);
    setConflict(false);
    try {
      await client.PUT('/api/calendar/settings', { body: v });
      await onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        return;
      }
      // Invalid working periods (overlap, end before start) belong to the periods.
      if (e instanceof ApiError && e.code === 'calendar.invalid_periods') {
        setFormError(t.adm.periodsInvalid);
        return;
      }
      fail(e);
    }
  };
  return (
    <FormFrame {...frame(submit)} aria-label={t.adm.editWorkingHours} submitLabel={t.adm.save} stacked>
      {conflict && <ConflictNotice message={t.adm.calendarConflict} onReload={onReload} />}
      {periods.fields.map((f, i) => (
        <fieldset key={f.id} className="row" style={{ border: 'none', padding: 0, alignItems: 'flex-end' }}>
          <legend className="sr-only">{fmt(t.adm.periodN, { n: i + 1 })}</legend>
          {(['start', 'end'] as const).map((edge) => (
            <InputField
              key={edge}
              id={`wp-${i}-${edge}`}
              label={`${fmt(t.adm.periodN, { n: i + 1 })} · ${t.adm[edge]}`}
              error={errors.workingPeriods?.[i]?.[edge] ? t.adm.hhmm : undefined}
              type="time"
              {...register(`workingPeriods.${i}.${edge}`)}
            />
          ))}
          <RowButton
            disabled={periods.fields.length <= 1}
            aria-label={fmt(t.adm.removePeriod, { n: i + 1 })}
            onClick={() => periods.remove(i)}
          >
            {t.adm.remove}
          </RowButton>
        </fieldset>
      ))}
      {errors.workingPeriods?.root?.message || errors.workingPeriods?.message ? (
        <span className="field-error">{errors.workingPeriods?.root?.message ?? errors.workingPeriods?.message}</span>
      ) : null}
      <div>
        <RowButton
          disabled={periods.fields.length >= 6}
          onClick={() => periods.append({ start: '13:00', end: '17:00' })}
        >
          + {t.adm.addPeriod}
        </RowButton>
      </div>
      <InputField
        label={t.admin.escalationDays}
        type="number"
        min="0"
        max="60"
        step="1"
        {...bind('escalationWorkingDays', 'wp-escalation', { valueAsNumber: true })}
      />
    </FormFrame>
  );
}
