import type { ReactNode } from 'react';
import { StaffShell } from '@/components/staff-shell';

const ROLES = ['handler'] as const;

export default function HandlerLayout({ children }: { children: ReactNode }) {
  return <StaffShell roles={ROLES}>{children}</StaffShell>;
}
