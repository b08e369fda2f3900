import type { ReactNode } from 'react';
import { StaffShell } from '@/components/staff-shell';

const ROLES = ['supervisor'] as const;

export default function SupervisorLayout({ children }: { children: ReactNode }) {
  return <StaffShell roles={ROLES}>{children}</StaffShell>;
}
