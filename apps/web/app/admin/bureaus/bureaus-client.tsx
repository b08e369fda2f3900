'use client';

import {
  BUREAU_KINDS,
  ZCreateBureauSchema,
  ZUpdateBureauSchema,
  type TBureau,
  type TCreateBureau,
  type TUpdateBureau,
} from '@hotline/contracts';
import { useState } from 'react';
import { Actions, CreateDetails, Panel, RowButton, useAction } from '@/components/admin/admin-ui';
import { emptyToUndefined, enumOptions, InputField, SelectField } from '@/components/field';
import { FormFrame, useZodForm } from '@/components/form';
import { client, ok } from '@/lib/api';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt, type Messages } from '@/lib/i18n/messages';
import { AdminList } from '../admin-list';

const loadBureaus = (): Promise<TBureau[]> => ok(client.GET('/api/admin/bureaus'));

export function BureausClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const [editing, setEditing] = useState<TBureau | null>(null);
  const action = useAction();
  const setActive = (b: TBureau, refresh: () => Promise<void>) =>
    action.send(
      () => client.PATCH('/api/admin/bureaus/{id}', { params: { path: { id: b.id } }, body: { active: !b.active } }),
      refresh,
      fmt(b.active ? t.adm.bureauDeactivated : t.adm.bureauReactivated, { name: b.nameZh }),
    );
  return (
    <AdminList<TBureau>
      title={t.admin.bureaus}
      load={loadBureaus}
      columns={[
        {
          header: t.admin.code,
          // Codes are identifiers the admin types, not words: marked so translation tools leave them.
          cell: (b) => (
            <span id={`bureau-${b.id}`} translate="no">
              {b.code}
            </span>
          ),
        },
        { header: t.admin.name, cell: (b) => name(b) },
        { header: t.admin.kind, cell: (b) => t.admin.bureauKinds[b.kind] ?? b.kind },
        { header: t.admin.active, cell: (b) => (b.active ? t.track.yes : t.track.no) },
        {
          header: t.adm.actions,
          cell: (b, refresh) => (
            <Actions>
              <RowButton aria-describedby={`bureau-${b.id}`} onClick={() => setEditing(b)}>
                {t.adm.rename}
              </RowButton>
              <RowButton
                disabled={action.busy}
                aria-describedby={`bureau-${b.id}`}
                onClick={() => void setActive(b, refresh)}
              >
                {b.active ? t.adm.deactivate : t.adm.reactivate}
              </RowButton>
            </Actions>
          ),
        },
      ]}
    >
      {(refresh) => (
        <>
          {action.view}
          <CreateBureau onDone={refresh} />
          {editing && (
            <EditBureau
              key={editing.id}
              bureau={editing}
              onClose={() => setEditing(null)}
              onDone={async () => {
                setEditing(null);
                await refresh();
              }}
            />
          )}
        </>
      )}
    </AdminList>
  );
}

function CreateBureau({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const { bind, register, handleSubmit, reset, errors, isSubmitting, formError, setFormError, fail } =
    useZodForm(ZCreateBureauSchema);
  const submit = async (v: TCreateBureau) => {
    setFormError(null);
    try {
      await client.POST('/api/admin/bureaus', { body: v });
      reset();
      await onDone();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <CreateDetails summary={t.adm.newBureau}>
      <FormFrame onSubmit={handleSubmit(submit)} busy={isSubmitting} error={formError} submitLabel={t.adm.create}>
        <div className="row">
          <InputField id="b-code" label={t.admin.code} error={errors.code?.message} {...register('code')} />
          <BureauNameFields prefix="b" t={t} errors={errors} register={register} />
          <SelectField
            label={t.admin.kind}
            empty="—"
            options={enumOptions(BUREAU_KINDS, t.admin.bureauKinds)}
            {...bind('kind', 'b-kind', { setValueAs: emptyToUndefined })}
          />
        </div>
      </FormFrame>
    </CreateDetails>
  );
}

function EditBureau({
  bureau,
  onClose,
  onDone,
}: {
  bureau: TBureau;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { bind, register, handleSubmit, errors, isSubmitting, formError, setFormError, fail } = useZodForm(
    ZUpdateBureauSchema,
    { nameZh: bureau.nameZh, nameEn: bureau.nameEn, kind: bureau.kind },
  );
  const submit = async (v: TUpdateBureau) => {
    setFormError(null);
    try {
      await client.PATCH('/api/admin/bureaus/{id}', { params: { path: { id: bureau.id } }, body: v });
      await onDone();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Panel id="edit-bureau" title={fmt(t.adm.editNamed, { name: bureau.code })} onClose={onClose}>
      <FormFrame onSubmit={handleSubmit(submit)} busy={isSubmitting} error={formError} submitLabel={t.adm.save}>
        <div className="row">
          <BureauNameFields prefix="eb" t={t} errors={errors} register={register} />
          <SelectField
            label={t.admin.kind}
            options={enumOptions(BUREAU_KINDS, t.admin.bureauKinds)}
            {...bind('kind', 'eb-kind')}
          />
        </div>
      </FormFrame>
    </Panel>
  );
}

/** The Chinese and English names, the same two inputs when creating and when renaming. */
function BureauNameFields({
  prefix,
  t,
  errors,
  register,
}: {
  prefix: string;
  t: Messages;
  errors: { nameZh?: { message?: string }; nameEn?: { message?: string } };
  register: (name: 'nameZh' | 'nameEn') => object;
}) {
  return (
    <>
      <InputField
        id={`${prefix}-zh`}
        label={`${t.admin.name} (中文)`}
        error={errors.nameZh?.message}
        {...register('nameZh')}
      />
      <InputField
        id={`${prefix}-en`}
        label={`${t.admin.name} (English)`}
        error={errors.nameEn?.message}
        {...register('nameEn')}
      />
    </>
  );
}
