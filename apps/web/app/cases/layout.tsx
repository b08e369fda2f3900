import type { ReactNode } from 'react';
import { StaffShell } from '@/components/staff-shell';

const ROLES = ['agent', 'handler', 'supervisor', 'admin'] as const;

/** One case page for every staff role; the API decides what each may see and do. */
export default function CasesLayout({ children }: { children: ReactNode }) {
  return <StaffShell roles={ROLES}>{children}</StaffShell>;
}
