import { caseFieldVisibility, maskName, maskPhone } from '@hotline/domain';
import type { Principal } from './request-context';

/** The caller fields of a case row that privacy rules look at. */
export interface CallerFields {
  callerName: string | null;
  callerPhone: string | null;
  callerEmail: string | null;
  confidential: boolean;
}

export interface PresentedCaller {
  name: string | null;
  phone: string | null;
  email: string | null;
  /** True when name/phone were masked (handlers, non-confidential cases). */
  masked: boolean;
  /** True when the citizen is hidden entirely (confidential case seen by a bureau). */
  hidden: boolean;
}

/**
 * How a case's caller is shown to a principal. Bureaus (handlers) only ever see a masked
 * name and phone, and nothing at all for a confidential (保密) case; unmasked contact for a
 * handler goes through the audited contact route, never through this function. Agents,
 * supervisors and admins work for the hotline itself and see the caller as recorded.
 */
export function presentCaller(
  caseRow: CallerFields,
  principal: Pick<Principal, 'role'> & Partial<Pick<Principal, 'bureauId'>>,
): PresentedCaller {
  const shown = caseFieldVisibility(
    { role: principal.role, bureauId: principal.bureauId ?? null },
    { confidential: caseRow.confidential, leadBureauId: null },
  ).caller;
  if (shown === 'full') {
    return {
      name: caseRow.callerName,
      phone: caseRow.callerPhone,
      email: caseRow.callerEmail,
      masked: false,
      hidden: false,
    };
  }
  if (shown === 'hidden') return { name: null, phone: null, email: null, masked: false, hidden: true };
  return {
    name: caseRow.callerName === null ? null : maskName(caseRow.callerName),
    phone: caseRow.callerPhone === null ? null : maskPhone(caseRow.callerPhone),
    // An e-mail address identifies the citizen as surely as a name: bureaus do not get it.
    email: null,
    masked: true,
    hidden: false,
  };
}
