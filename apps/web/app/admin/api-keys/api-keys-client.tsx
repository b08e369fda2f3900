'use client';

import { ZApiKeyCreateSchema, type TApiKey, type TApiKeyCreate, type TApiKeyCreated } from '@hotline/contracts';
import { useState } from 'react';
import { ConfirmButton, CreateDetails, useAction } from '@/components/admin/admin-ui';
import { CopySecret } from '@/components/admin/copy-secret';
import { InputField } from '@/components/field';
import { FormFrame, useZodForm } from '@/components/form';
import { client, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { fmtTime } from '@/lib/time';
import { AdminList } from '../admin-list';

const loadKeys = (): Promise<TApiKey[]> => ok(client.GET('/api/admin/api-keys'));

/** Keys for Open311 integrations: list, issue (secret shown once), revoke. */
export function ApiKeysClient() {
  const { t } = useI18n();
  const [issued, setIssued] = useState<TApiKeyCreated | null>(null);
  const action = useAction();
  const revoke = (k: TApiKey, refresh: () => Promise<void>) =>
    action.send(
      () => client.POST('/api/admin/api-keys/{id}/revoke', { params: { path: { id: k.id } } }),
      refresh,
      fmt(t.adm.keyRevoked, { name: k.name }),
    );
  return (
    <AdminList<TApiKey>
      title={t.adm.apiKeys}
      load={loadKeys}
      columns={[
        { header: t.admin.name, cell: (k) => <span translate="no">{k.name}</span> },
        { header: t.adm.prefix, cell: (k) => <code translate="no">{k.prefix}…</code> },
        { header: t.adm.rateLimit, cell: (k) => k.rateLimitPerMinute },
        { header: t.fields.createdAt, cell: (k) => fmtTime(k.createdAt) },
        { header: t.adm.lastUsed, cell: (k) => (k.lastUsedAt ? fmtTime(k.lastUsedAt) : '—') },
        {
          header: t.adm.state,
          cell: (k) => (k.revokedAt ? `${t.adm.revoked} ${fmtTime(k.revokedAt)}` : t.adm.inUse),
        },
        {
          header: t.adm.actions,
          cell: (k, refresh) =>
            k.revokedAt ? (
              '—'
            ) : (
              <ConfirmButton
                label={t.adm.revoke}
                ariaLabel={`${t.adm.revoke} ${k.name}`}
                confirmLabel={fmt(t.adm.confirmRevoke, { name: k.name })}
                disabled={action.busy}
                onConfirm={() => void revoke(k, refresh)}
              />
            ),
        },
      ]}
    >
      {(refresh) => (
        <>
          <p className="muted">{t.adm.apiKeysHint}</p>
          {action.view}
          {issued && (
            <CopySecret
              label={fmt(t.adm.secretOf, { name: issued.name })}
              secret={issued.key}
              onDismiss={() => setIssued(null)}
            />
          )}
          <IssueKey
            onIssued={async (k) => {
              setIssued(k);
              await refresh();
            }}
          />
        </>
      )}
    </AdminList>
  );
}

function IssueKey({ onIssued }: { onIssued: (k: TApiKeyCreated) => Promise<void> }) {
  const { t } = useI18n();
  const { bind, frame, register, reset, errors, setFormError, fail } = useZodForm(ZApiKeyCreateSchema, {
    name: '',
    rateLimitPerMinute: 60,
  });
  const submit = async (v: TApiKeyCreate) => {
    setFormError(null);
    try {
      const k: TApiKeyCreated = await ok(client.POST('/api/admin/api-keys', { body: v }));
      reset();
      await onIssued(k);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <CreateDetails summary={t.adm.issueKey}>
      <FormFrame {...frame(submit)} aria-label={t.adm.issueKey} submitLabel={t.adm.issue}>
        <div className="row">
          <InputField id="k-name" label={t.adm.keyName} error={errors.name?.message} {...register('name')} />
          <InputField
            label={t.adm.rateLimit}
            type="number"
            min="1"
            max="100000"
            step="1"
            {...bind('rateLimitPerMinute', 'k-rate', { valueAsNumber: true })}
          />
        </div>
      </FormFrame>
    </CreateDetails>
  );
}
