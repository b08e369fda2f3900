'use client';

import type { TDispatchRule } from '@hotline/contracts';
import { byId, flattenTree, useBureaus, useCategoryTree, useDistricts } from '@/lib/catalogue';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { AdminList } from '../admin-list';

export default function CataloguePage() {
  const { t } = useI18n();
  const name = useLocalName();
  const categories = flattenTree(useCategoryTree());
  const bureaus = byId(useBureaus());
  const districts = byId(useDistricts());
  return (
    <AdminList<TDispatchRule>
      title={t.admin.catalogue}
      path="/dispatch/rules"
      rowKey={(r) => r.id}
      columns={[
        {
          header: t.fields.category,
          cell: (r) => `${categories.get(r.categoryId)?.code ?? ''} ${name(categories.get(r.categoryId))}`,
        },
        { header: t.fields.district, cell: (r) => (r.districtId ? name(districts.get(r.districtId)) : '—') },
        { header: t.fields.bureau, cell: (r) => name(bureaus.get(r.leadBureauId)) },
        {
          header: t.intake.previewAssist.replace(/[:：].*$/, ''),
          cell: (r) => r.assistingBureauIds.map((b) => name(bureaus.get(b))).join('、') || '—',
        },
        { header: t.admin.active, cell: (r) => (r.active ? t.track.yes : t.track.no) },
        { header: t.fields.version, cell: (r) => r.version },
      ]}
    />
  );
}
