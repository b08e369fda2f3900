'use client';

import type { TDeadlineLimit } from '@hotline/contracts';
import { flattenTree, useCategoryTree } from '@/lib/catalogue';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { AdminList } from '../admin-list';

interface Policy {
  id: number;
  name: string;
  categoryId: number | null;
  requestType: string | null;
  urgency: string | null;
  acceptLimit: TDeadlineLimit;
  replyLimit: TDeadlineLimit;
  warningFraction: number;
  version: number;
}

export default function PoliciesPage() {
  const { t } = useI18n();
  const name = useLocalName();
  const categories = flattenTree(useCategoryTree());
  const limit = (l: TDeadlineLimit) =>
    `${l.amount} ${t.admin.units[l.unit] ?? l.unit} (${t.admin.modes[l.mode] ?? l.mode})`;
  return (
    <AdminList<Policy>
      title={t.admin.policies}
      path="/deadline-policies"
      rowKey={(p) => p.id}
      columns={[
        { header: t.admin.name, cell: (p) => p.name },
        { header: t.fields.category, cell: (p) => (p.categoryId ? name(categories.get(p.categoryId)) : '*') },
        { header: t.fields.type, cell: (p) => (p.requestType ? t.enums.type[p.requestType] : '*') },
        { header: t.fields.urgency, cell: (p) => (p.urgency ? t.enums.urgency[p.urgency] : '*') },
        { header: t.fields.acceptDue, cell: (p) => limit(p.acceptLimit) },
        { header: t.fields.replyDue, cell: (p) => limit(p.replyLimit) },
        { header: t.fields.version, cell: (p) => p.version },
      ]}
    />
  );
}
