'use client';

import {
  ZCreateDispatchRuleSchema,
  ZDispatchPreviewQuerySchema,
  ZUpdateDispatchRuleSchema,
  type TCreateDispatchRule,
  type TDispatchPreview,
  type TDispatchPreviewQuery,
  type TDispatchRule,
  type TUpdateDispatchRule,
} from '@hotline/contracts';
import { useEffect, useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ConflictNotice, CreateDetails, Panel, useAction, VersionedActions } from '@/components/admin/admin-ui';
import { BureauCheckboxes } from '@/components/admin/bureau-checkboxes';
import { VersionHistory } from '@/components/admin/version-history';
import {
  CategoryField,
  InputField,
  namedOptions,
  PlaceFields,
  SelectField,
  TextareaField,
  toId,
} from '@/components/field';
import { FormFrame, useZodForm } from '@/components/form';
import { ApiError, client, ok } from '@/lib/api';
import { byId, flattenTree, useBureaus, useCategoryTree, useDistricts } from '@/lib/catalogue';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { AdminList } from '../admin-list';

type Open = { kind: 'edit' | 'history'; rule: TDispatchRule } | null;

/** "code name" of a category, "district / street", bureau names: how a rule reads in a table. */
function useRuleText() {
  const name = useLocalName();
  const categories = flattenTree(useCategoryTree());
  const bureaus = byId(useBureaus());
  const districts = useDistricts();
  const districtById = byId(districts);
  const streetById = new Map(districts.flatMap((d) => d.streets.map((s) => [s.id, s] as const)));
  return {
    category: (id: unknown) => {
      const c = typeof id === 'number' ? categories.get(id) : undefined;
      if (!c) return '—';
      // The code is an identifier (translate="no"), the name is words in the reader's language.
      return (
        <>
          {c.code && <span translate="no">{c.code}</span>} {name(c)}
        </>
      );
    },
    place: (districtId: unknown, streetId: unknown) =>
      [
        typeof districtId === 'number' ? name(districtById.get(districtId)) : '',
        typeof streetId === 'number' ? name(streetById.get(streetId)) : '',
      ]
        .filter(Boolean)
        .join(' / ') || '—',
    bureau: (id: unknown) => (typeof id === 'number' ? name(bureaus.get(id)) || `#${id}` : '—'),
    bureaus: (ids: unknown) =>
      Array.isArray(ids) && ids.length ? ids.map((b: number) => name(bureaus.get(b)) || `#${b}`).join('、') : '—',
  };
}

// Inactive rules too: the list shows what was retired, and when.
const loadRules = (): Promise<TDispatchRule[]> =>
  ok(client.GET('/api/dispatch/rules', { params: { query: { includeInactive: 'true' } } }));

export function CatalogueClient() {
  const { t } = useI18n();
  const text = useRuleText();
  const [open, setOpen] = useState<Open>(null);
  const action = useAction();
  const deactivate = (r: TDispatchRule, refresh: () => Promise<void>) =>
    action.run(
      async () => {
        try {
          await client.POST('/api/dispatch/rules/{id}/deactivate', {
            params: { path: { id: r.id } },
            body: { version: r.version },
          });
        } catch (e) {
          if (e instanceof ApiError && e.status === 409) throw new ApiError(409, e.body, t.adm.ruleConflict);
          throw e;
        } finally {
          await refresh();
        }
      },
      fmt(t.adm.ruleDeactivated, { id: r.id }),
    );
  // A rule changed by someone else since it was read: fetch it again so the form starts over from theirs.
  const reload = async (id: number, refresh: () => Promise<void>) => {
    await refresh();
    const rules = await loadRules();
    const fresh = rules.find((r) => r.id === id);
    setOpen(fresh ? { kind: 'edit', rule: fresh } : null);
  };
  return (
    <div className="stack">
      <AdminList<TDispatchRule>
        title={t.admin.catalogue}
        load={loadRules}
        columns={[
          { header: '#', cell: (r) => r.id },
          { header: t.fields.category, cell: (r) => text.category(r.categoryId) },
          { header: t.adm.place, cell: (r) => text.place(r.districtId, r.streetId) },
          { header: t.adm.keyword, cell: (r) => (r.keyword ? <span translate="no">{r.keyword}</span> : '—') },
          { header: t.fields.bureau, cell: (r) => text.bureau(r.leadBureauId) },
          { header: t.adm.assisting, cell: (r) => text.bureaus(r.assistingBureauIds) },
          { header: t.admin.active, cell: (r) => (r.active ? t.track.yes : t.track.no) },
          { header: t.fields.version, cell: (r) => r.version },
          {
            header: t.adm.actions,
            cell: (r, refresh) => (
              <VersionedActions
                editLabel={fmt(t.adm.editRule, { id: r.id })}
                historyLabel={fmt(t.adm.historyOfRule, { id: r.id })}
                onEdit={r.active ? () => setOpen({ kind: 'edit', rule: r }) : undefined}
                onHistory={() => setOpen({ kind: 'history', rule: r })}
                confirm={
                  r.active
                    ? {
                        label: t.adm.deactivate,
                        ariaLabel: `${t.adm.deactivate} #${r.id}`,
                        confirmLabel: fmt(t.adm.confirmDeactivateRule, { id: r.id }),
                        onConfirm: () => void deactivate(r, refresh),
                      }
                    : undefined
                }
                busy={action.busy}
              />
            ),
          },
        ]}
      >
        {(refresh) => (
          <>
            {action.view}
            <CreateDetails summary={t.adm.newRule}>
              <RuleForm onDone={refresh} />
            </CreateDetails>
            {open?.kind === 'edit' && (
              <Panel id="edit-rule" title={fmt(t.adm.editRule, { id: open.rule.id })} onClose={() => setOpen(null)}>
                <RuleForm
                  key={`${open.rule.id}-${open.rule.version}`}
                  rule={open.rule}
                  onDone={async () => {
                    setOpen(null);
                    await refresh();
                  }}
                  onReload={() => reload(open.rule.id, refresh)}
                />
              </Panel>
            )}
            {/* Above the (long) rule list, so checking a change needs no scrolling. */}
            <DispatchPreviewTool />
            {open?.kind === 'history' && (
              <VersionHistory
                key={open.rule.id}
                id="rule-history"
                title={fmt(t.adm.historyOfRule, { id: open.rule.id })}
                path="/api/dispatch/rules/{id}/versions"
                ownerId={open.rule.id}
                onClose={() => setOpen(null)}
                describe={(s) =>
                  `${text.category(s['categoryId'])} · ${text.place(s['districtId'], s['streetId'])}` +
                  `${s['keyword'] ? ` · “${String(s['keyword'])}”` : ''} → ${text.bureau(s['leadBureauId'])}` +
                  `${Array.isArray(s['assistingBureauIds']) && s['assistingBureauIds'].length ? ` + ${text.bureaus(s['assistingBureauIds'])}` : ''}`
                }
              />
            )}
          </>
        )}
      </AdminList>
    </div>
  );
}

type RuleInput = z.input<typeof ZUpdateDispatchRuleSchema>;
type RuleOutput = TCreateDispatchRule | TUpdateDispatchRule;

/**
 * Create (no `rule`) or edit a rule. Editing validates with the update schema and sends the
 * version it read; a 409 means someone else saved first, and the form offers to reload.
 */
function RuleForm({
  rule,
  onDone,
  onReload,
}: {
  rule?: TDispatchRule;
  onDone: () => Promise<void>;
  onReload?: () => Promise<void>;
}) {
  const { t } = useI18n();
  const name = useLocalName();
  const bureaus = useBureaus();
  const districts = useDistricts();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const p = rule ? 'er' : 'nr';
  // Both schemas take the same fields (the update one all optional plus `version`), so one form type serves both.
  const resolver = (
    rule ? localizedZodResolver(ZUpdateDispatchRuleSchema, t) : localizedZodResolver(ZCreateDispatchRuleSchema, t)
  ) as Resolver<RuleInput, unknown, RuleOutput>;
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<RuleInput, unknown, RuleOutput>({
    resolver,
    defaultValues: rule
      ? {
          version: rule.version,
          categoryId: rule.categoryId,
          districtId: rule.districtId,
          streetId: rule.streetId,
          keyword: rule.keyword ?? '',
          leadBureauId: rule.leadBureauId,
          assistingBureauIds: rule.assistingBureauIds,
        }
      : { districtId: null, streetId: null, keyword: '', assistingBureauIds: [] },
  });
  // The bureau and district lists arrive after the form mounts; a select cannot show a value
  // whose option did not exist yet, so put the values back once the options are there.
  useEffect(() => {
    for (const n of ['leadBureauId', 'districtId', 'streetId'] as const) setValue(n, getValues(n));
  }, [bureaus, districts, setValue, getValues]);
  const districtId = watch('districtId');
  const leadBureauId = watch('leadBureauId');
  const streets = districts.find((d) => d.id === Number(districtId))?.streets ?? [];
  const submit = async (v: RuleOutput) => {
    setFormError(null);
    setConflict(false);
    setSaved(null);
    try {
      // The resolver is ZUpdateDispatchRuleSchema's with a rule, the create schema's without.
      if (rule)
        await client.PATCH('/api/dispatch/rules/{id}', {
          params: { path: { id: rule.id } },
          body: v as TUpdateDispatchRule,
        });
      else {
        const created: TDispatchRule = await ok(client.POST('/api/dispatch/rules', { body: v as TCreateDispatchRule }));
        reset();
        setSaved(fmt(t.adm.ruleCreated, { id: created.id }));
      }
      await onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'dispatch_rule.version_conflict' && rule) {
        setConflict(true);
        return;
      }
      const msg = applyServerErrors(e, setError, t);
      setFormError(e instanceof ApiError && e.code === 'dispatch_rule.duplicate' ? t.adm.ruleDuplicate : msg || null);
    }
  };
  return (
    <FormFrame
      onSubmit={handleSubmit(submit)}
      aria-label={rule ? fmt(t.adm.editRule, { id: rule.id }) : t.adm.newRule}
      busy={isSubmitting}
      error={formError}
      submitLabel={rule ? t.adm.save : t.adm.create}
    >
      {conflict && <ConflictNotice message={t.adm.ruleConflict} onReload={onReload} />}
      <div aria-live="polite">{saved && <p className="notice">{saved}</p>}</div>
      <CategoryField id={`${p}-category`} error={errors.categoryId?.message} control={control} />
      <div className="row">
        <SelectField
          id={`${p}-district`}
          label={`${t.fields.district} (${t.adm.optional})`}
          error={errors.districtId?.message}
          empty={t.adm.anyDistrict}
          options={namedOptions(districts, name)}
          {...register('districtId', {
            setValueAs: (x) => toId(x) ?? null,
            onChange: () => setValue('streetId', null),
          })}
        />
        <SelectField
          id={`${p}-street`}
          label={`${t.fields.street} (${t.adm.optional})`}
          error={errors.streetId?.message}
          empty={t.adm.anyStreet}
          options={namedOptions(streets, name)}
          {...register('streetId', { setValueAs: (x) => toId(x) ?? null })}
        />
        <InputField
          id={`${p}-keyword`}
          label={`${t.adm.keyword} (${t.adm.optional})`}
          error={errors.keyword?.message}
          {...register('keyword')}
        />
      </div>
      <SelectField
        id={`${p}-lead`}
        label={t.adm.leadBureau}
        error={errors.leadBureauId?.message}
        empty="—"
        options={namedOptions(bureaus, name)}
        {...register('leadBureauId', { setValueAs: toId })}
      />
      <Controller
        control={control}
        name="assistingBureauIds"
        render={({ field }) => (
          <BureauCheckboxes
            id={`${p}-assisting`}
            legend={`${t.adm.assisting} (${t.adm.optional})`}
            value={field.value as number[] | undefined}
            onChange={field.onChange}
            exclude={typeof leadBureauId === 'number' ? leadBureauId : undefined}
            error={errors.assistingBureauIds?.message}
          />
        )}
      />
    </FormFrame>
  );
}

/** Ask the catalogue where a case would go, exactly as intake will (GET /api/dispatch/preview). */
function DispatchPreviewTool() {
  const { t } = useI18n();
  const name = useLocalName();
  const districts = useDistricts();
  const [result, setResult] = useState<TDispatchPreview | null>(null);
  const {
    bind,
    frame,
    register,
    control,

    setValue,
    watch,
    errors,

    setFormError,
    fail,
  } = useZodForm(ZDispatchPreviewQuerySchema);
  const streets = districts.find((d) => d.id === Number(watch('districtId')))?.streets ?? [];
  const submit = async (v: TDispatchPreviewQuery) => {
    setFormError(null);
    try {
      setResult(await ok(client.GET('/api/dispatch/preview', { params: { query: { ...v } } })));
    } catch (e) {
      setResult(null);
      fail(e);
    }
  };
  return (
    <section className="card stack" aria-labelledby="preview-title">
      <h2 id="preview-title">{t.adm.previewTool}</h2>
      <p className="muted">{t.adm.previewToolHint}</p>
      <FormFrame {...frame(submit)} aria-label={t.adm.previewTool} submitLabel={t.adm.runPreview}>
        <CategoryField id="pv-category" error={errors.categoryId?.message} control={control} />
        <PlaceFields
          ids={{ district: 'pv-district', street: 'pv-street' }}
          districts={districts}
          streets={streets}
          errors={errors}
          district={register('districtId', { setValueAs: toId, onChange: () => setValue('streetId', undefined) })}
          street={register('streetId', { setValueAs: toId })}
        />
        <TextareaField
          label={t.adm.previewText}
          rows={2}
          {...bind('description', 'pv-description', { setValueAs: (x) => x || undefined })}
        />
      </FormFrame>
      <div aria-live="polite" data-testid="admin-dispatch-preview">
        {result &&
          (result.matched && result.bureau ? (
            <div className="notice">
              <p>
                <strong>{fmt(t.intake.previewGoes, { b: name(result.bureau) })}</strong>
              </p>
              {result.assistingBureaus.length > 0 && (
                <p>{fmt(t.intake.previewAssist, { b: result.assistingBureaus.map((b) => name(b)).join('、') })}</p>
              )}
              {result.rule && (
                <p className="muted">{fmt(t.adm.previewRule, { id: result.rule.id, v: result.rule.version })}</p>
              )}
            </div>
          ) : (
            <p className="notice warn">{t.intake.previewNone}</p>
          ))}
      </div>
    </section>
  );
}
