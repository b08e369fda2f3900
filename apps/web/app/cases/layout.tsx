import { STAFF_ROLES } from '@hotline/contracts';
import type { ReactNode } from 'react';
import { StaffShell } from '@/components/staff-shell';

/** One case page for every staff role; the API decides what each may see and do. */
export default function CasesLayout({ children }: { children: ReactNode }) {
  return <StaffShell roles={STAFF_ROLES}>{children}</StaffShell>;
}
