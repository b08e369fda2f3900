'use client';

import { useI18n } from '@/lib/i18n/client';
import { AdminList } from '../admin-list';

// TODO(contracts): typed with deadline.schemas.ts once the deadlines API publishes it.
type PolicyRow = Record<string, unknown> & { id: number | string };

export default function PoliciesPage() {
  const { t } = useI18n();
  return (
    <AdminList<PolicyRow>
      title={t.admin.policies}
      path="/deadline-policies"
      rowKey={(p) => p.id}
      columns={[
        { header: 'id', cell: (p) => String(p.id) },
        { header: t.admin.name, cell: (p) => String(p['name'] ?? p['code'] ?? '') },
        { header: '', cell: (p) => <code>{JSON.stringify(p).slice(0, 160)}</code> },
      ]}
    />
  );
}
