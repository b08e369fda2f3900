'use client';

import { useI18n } from '@/lib/i18n/client';
import { AdminList } from '../admin-list';

// TODO(contracts): typed with deadline.schemas.ts once the deadlines API publishes it.
type CalendarDay = { date: string; kind?: string; working?: boolean; name?: string | null };

export default function CalendarPage() {
  const { t } = useI18n();
  return (
    <AdminList<CalendarDay>
      title={t.admin.calendar}
      path="/calendar"
      rowKey={(d) => d.date}
      columns={[
        { header: t.dashboard.from, cell: (d) => d.date },
        { header: t.admin.name, cell: (d) => d.name ?? d.kind ?? '' },
        { header: t.admin.active, cell: (d) => (d.working ? t.track.yes : t.track.no) },
      ]}
    />
  );
}
