import type { ReactNode } from 'react';
import { StaffShell } from '@/components/staff-shell';

const ROLES = ['admin'] as const;

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <StaffShell roles={ROLES}>{children}</StaffShell>;
}
