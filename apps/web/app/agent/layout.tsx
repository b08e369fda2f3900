import type { ReactNode } from 'react';
import { StaffShell } from '@/components/staff-shell';

const ROLES = ['agent', 'supervisor'] as const;

export default function AgentLayout({ children }: { children: ReactNode }) {
  return <StaffShell roles={ROLES}>{children}</StaffShell>;
}
