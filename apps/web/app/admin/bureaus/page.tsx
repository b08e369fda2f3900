'use client';

import type { TBureau } from '@hotline/contracts';
import { useI18n } from '@/lib/i18n/client';
import { AdminList } from '../admin-list';

export default function BureausPage() {
  const { t } = useI18n();
  return (
    <AdminList<TBureau>
      title={t.admin.bureaus}
      path="/bureaus"
      rowKey={(b) => b.id}
      columns={[
        { header: t.admin.code, cell: (b) => b.code },
        { header: t.admin.name, cell: (b) => `${b.nameZh} / ${b.nameEn}` },
        { header: t.admin.active, cell: (b) => (b.active === false ? t.track.no : t.track.yes) },
      ]}
    />
  );
}
