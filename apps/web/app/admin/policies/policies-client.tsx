'use client';

import {
  ZDeadlinePolicyInput,
  ZDeadlinePolicyUpdate,
  type TDeadlineLimit,
  type TDeadlinePolicyInput,
  type TDeadlinePolicyUpdate,
} from '@hotline/contracts';
import { useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ConflictNotice, CreateDetails, Panel, useAction, VersionedActions } from '@/components/admin/admin-ui';
import { VersionHistory } from '@/components/admin/version-history';
import { CategoryCombobox } from '@/components/category-combobox';
import { enumOptions, Field, InputField, SelectField } from '@/components/field';
import { FormFrame } from '@/components/form';
import { ApiError, client, ok } from '@/lib/api';
import { flattenTree, useCategoryTree } from '@/lib/catalogue';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { policyLabel } from '@/lib/i18n/labels';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt, type Messages } from '@/lib/i18n/messages';
import { AdminList } from '../admin-list';
import type { DeadlinePolicy } from '@/lib/api-types';

const REQUEST_TYPES = ZDeadlinePolicyInput.shape.requestType.unwrap().options;
const URGENCIES = ZDeadlinePolicyInput.shape.urgency.unwrap().options;
const UNITS = ['minutes', 'hours', 'days'] as const;
const MODES = ['calendar', 'working'] as const;

type Open = { kind: 'edit' | 'history'; policy: DeadlinePolicy } | null;

const loadPolicies = (): Promise<DeadlinePolicy[]> => ok(client.GET('/api/deadline-policies'));

export function PoliciesClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const categories = flattenTree(useCategoryTree());
  const [open, setOpen] = useState<Open>(null);
  const action = useAction();
  const limit = (l: TDeadlineLimit | undefined) =>
    l ? `${l.amount} ${t.admin.units[l.unit] ?? l.unit} (${t.admin.modes[l.mode] ?? l.mode})` : '—';
  const category = (id: unknown) => (typeof id === 'number' ? name(categories.get(id)) || `#${id}` : '*');
  const retire = (p: DeadlinePolicy, refresh: () => Promise<void>) =>
    action.send(
      () => client.DELETE('/api/deadline-policies/{id}', { params: { path: { id: p.id } } }),
      () => {
        if (open?.policy.id === p.id) setOpen(null);
        return refresh();
      },
      fmt(t.adm.policyRetired, { name: policyLabel(p, t) }),
    );
  return (
    <AdminList<DeadlinePolicy>
      title={t.admin.policies}
      load={loadPolicies}
      columns={[
        { header: t.admin.name, cell: (p) => policyLabel(p, t) },
        { header: t.fields.category, cell: (p) => category(p.categoryId) },
        { header: t.fields.type, cell: (p) => (p.requestType ? t.enums.type[p.requestType] : '*') },
        { header: t.fields.urgency, cell: (p) => (p.urgency ? t.enums.urgency[p.urgency] : '*') },
        { header: t.fields.acceptDue, cell: (p) => limit(p.acceptLimit) },
        { header: t.fields.replyDue, cell: (p) => limit(p.replyLimit) },
        { header: t.adm.warningAt, cell: (p) => `${Math.round(p.warningFraction * 100)}%` },
        { header: t.fields.version, cell: (p) => p.version },
        {
          header: t.adm.actions,
          cell: (p, refresh) => (
            <VersionedActions
              editLabel={fmt(t.adm.editNamed, { name: policyLabel(p, t) })}
              historyLabel={fmt(t.adm.historyOf, { name: policyLabel(p, t) })}
              onEdit={() => setOpen({ kind: 'edit', policy: p })}
              onHistory={() => setOpen({ kind: 'history', policy: p })}
              confirm={{
                label: t.adm.retire,
                ariaLabel: `${t.adm.retire} ${policyLabel(p, t)}`,
                confirmLabel: fmt(t.adm.confirmRetire, { name: policyLabel(p, t) }),
                onConfirm: () => void retire(p, refresh),
              }}
              busy={action.busy}
            />
          ),
        },
      ]}
    >
      {(refresh) => (
        <>
          {action.view}
          <CreateDetails summary={t.adm.newPolicy}>
            <PolicyForm onDone={refresh} />
          </CreateDetails>
          {open?.kind === 'edit' && (
            <Panel
              id="edit-policy"
              title={fmt(t.adm.editNamed, { name: open.policy.name })}
              onClose={() => setOpen(null)}
            >
              <PolicyForm
                key={`${open.policy.id}-${open.policy.version}`}
                policy={open.policy}
                onDone={async () => {
                  setOpen(null);
                  await refresh();
                }}
                onReload={async () => {
                  await refresh();
                  const fresh = (await loadPolicies()).find((x) => x.id === open.policy.id);
                  setOpen(fresh ? { kind: 'edit', policy: fresh } : null);
                }}
              />
            </Panel>
          )}
          {open?.kind === 'history' && (
            <VersionHistory
              key={open.policy.id}
              id="policy-history"
              title={fmt(t.adm.historyOf, { name: open.policy.name })}
              path="/api/deadline-policies/{id}/versions"
              ownerId={open.policy.id}
              onClose={() => setOpen(null)}
              describe={(s) =>
                `${String(s['name'] ?? '')} · ${category(s['categoryId'])} · ${t.fields.acceptDue} ${limit(s['acceptLimit'] as TDeadlineLimit)} · ${t.fields.replyDue} ${limit(s['replyLimit'] as TDeadlineLimit)}${s['active'] === false ? ` · ${t.adm.retired}` : ''}`
              }
            />
          )}
        </>
      )}
    </AdminList>
  );
}

type PolicyInput = z.input<typeof ZDeadlinePolicyUpdate>;
type PolicyOutput = TDeadlinePolicyInput | TDeadlinePolicyUpdate;

function LimitFields({
  formId,
  prefix,
  legend,
  t,
  register,
  errors,
}: {
  formId: string;
  prefix: 'acceptLimit' | 'replyLimit';
  legend: string;
  t: Messages;
  register: ReturnType<typeof useForm<PolicyInput, unknown, PolicyOutput>>['register'];
  errors: { amount?: { message?: string }; unit?: { message?: string }; mode?: { message?: string } } | undefined;
}) {
  return (
    <fieldset className="row" style={{ border: '1px solid #d0d7de', borderRadius: 6, padding: '0.5rem 0.75rem' }}>
      <legend>{legend}</legend>
      <InputField
        id={`${formId}-${prefix}-amount`}
        label={t.adm.amount}
        error={errors?.amount?.message}
        type="number"
        min="0"
        step="any"
        {...register(`${prefix}.amount`, { valueAsNumber: true })}
      />
      <SelectField
        id={`${formId}-${prefix}-unit`}
        label={t.adm.unit}
        error={errors?.unit?.message}
        options={enumOptions(UNITS, t.admin.units)}
        {...register(`${prefix}.unit`)}
      />
      <SelectField
        id={`${formId}-${prefix}-mode`}
        label={t.adm.mode}
        error={errors?.mode?.message}
        options={enumOptions(MODES, t.admin.modes)}
        {...register(`${prefix}.mode`)}
      />
    </fieldset>
  );
}

/** Create (no `policy`) or edit a policy; editing sends the version it read (409 → reload). */
function PolicyForm({
  policy,
  onDone,
  onReload,
}: {
  policy?: DeadlinePolicy;
  onDone: () => Promise<void>;
  onReload?: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const p = policy ? 'ep' : 'np';
  // Same fields in both schemas; the update one adds `version`.
  const resolver = (
    policy ? localizedZodResolver(ZDeadlinePolicyUpdate, t) : localizedZodResolver(ZDeadlinePolicyInput, t)
  ) as Resolver<PolicyInput, unknown, PolicyOutput>;
  const blank: PolicyInput = {
    version: 1,
    name: '',
    categoryId: null,
    requestType: null,
    urgency: null,
    acceptLimit: { amount: 1, unit: 'hours', mode: 'working' },
    replyLimit: { amount: 5, unit: 'days', mode: 'working' },
    warningFraction: 0.75,
    pauseAllowed: true,
  };
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PolicyInput, unknown, PolicyOutput>({
    resolver,
    defaultValues: policy
      ? {
          version: policy.version,
          name: policy.name,
          categoryId: policy.categoryId,
          requestType: policy.requestType,
          urgency: policy.urgency,
          acceptLimit: policy.acceptLimit,
          replyLimit: policy.replyLimit,
          warningFraction: policy.warningFraction,
          pauseAllowed: policy.pauseAllowed,
        }
      : // The create schema is strict: `version` is only for edits.
        (({ version: _v, ...rest }) => rest)(blank),
  });
  const submit = async (v: PolicyOutput) => {
    setFormError(null);
    setConflict(false);
    setSaved(null);
    try {
      // With a policy the resolver is ZDeadlinePolicyUpdate's, so `v` carries the version read.
      if (policy)
        await client.PUT('/api/deadline-policies/{id}', {
          params: { path: { id: policy.id } },
          body: v as TDeadlinePolicyUpdate,
        });
      else {
        await client.POST('/api/deadline-policies', { body: v });
        reset();
        setSaved(fmt(t.adm.policyCreated, { name: v.name }));
      }
      await onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'policy.version_conflict' && policy) {
        setConflict(true);
        return;
      }
      const msg = applyServerErrors(e, setError, t);
      setFormError(e instanceof ApiError && e.code === 'policy.duplicate' ? t.adm.policyDuplicate : msg || null);
    }
  };
  const nullable = (x: unknown) => (x === '' || x === undefined ? null : x);
  return (
    <FormFrame
      onSubmit={handleSubmit(submit)}
      aria-label={policy ? fmt(t.adm.editNamed, { name: policy.name }) : t.adm.newPolicy}
      busy={isSubmitting}
      error={formError}
      submitLabel={policy ? t.adm.save : t.adm.create}
      stacked
    >
      {conflict && <ConflictNotice message={t.adm.policyConflict} onReload={onReload} />}
      <div aria-live="polite">{saved && <p className="notice">{saved}</p>}</div>
      <div className="row">
        <InputField id={`${p}-name`} label={t.admin.name} error={errors.name?.message} {...register('name')} />
        <SelectField
          id={`${p}-type`}
          label={t.fields.type}
          error={errors.requestType?.message}
          empty={t.adm.anyValue}
          options={enumOptions(REQUEST_TYPES, t.enums.type)}
          {...register('requestType', { setValueAs: nullable })}
        />
        <SelectField
          id={`${p}-urgency`}
          label={t.fields.urgency}
          error={errors.urgency?.message}
          empty={t.adm.anyValue}
          options={enumOptions(URGENCIES, t.enums.urgency)}
          {...register('urgency', { setValueAs: nullable })}
        />
      </div>
      <Field
        id={`${p}-category`}
        label={`${t.fields.categorySearch} (${t.adm.anyLevel})`}
        error={errors.categoryId?.message}
      >
        {(a) => (
          <Controller
            control={control}
            name="categoryId"
            render={({ field }) => (
              <div className="row" style={{ alignItems: 'flex-start' }}>
                <CategoryCombobox
                  inputId={a.id}
                  invalid={a['aria-invalid']}
                  describedBy={a['aria-describedby']}
                  value={typeof field.value === 'number' ? field.value : undefined}
                  onChange={(id) => field.onChange(id ?? null)}
                />
                {typeof field.value === 'number' && (
                  <button type="button" className="button secondary small" onClick={() => field.onChange(null)}>
                    {t.adm.anyCategory}
                  </button>
                )}
              </div>
            )}
          />
        )}
      </Field>
      <LimitFields
        formId={p}
        prefix="acceptLimit"
        legend={t.fields.acceptDue}
        t={t}
        register={register}
        errors={errors.acceptLimit}
      />
      <LimitFields
        formId={p}
        prefix="replyLimit"
        legend={t.fields.replyDue}
        t={t}
        register={register}
        errors={errors.replyLimit}
      />
      <div className="row">
        <InputField
          id={`${p}-warning`}
          label={t.adm.warningFraction}
          error={errors.warningFraction?.message}
          type="number"
          min="0.05"
          max="1"
          step="0.05"
          {...register('warningFraction', { valueAsNumber: true })}
        />
        <label className="checkbox">
          <input type="checkbox" {...register('pauseAllowed')} /> {t.adm.pauseAllowed}
        </label>
      </div>
    </FormFrame>
  );
}
