// Staff case search (issue 12): what a typed phone or tracking number means. Agents type
// what the caller says: a whole number, the last four digits, or a part of it.

export type DigitsMatch = { mode: 'exact' | 'suffix' | 'contains'; digits: string };

/**
 * A phone search: 11+ digits (a whole mobile or landline with area code, +86 dropped) match
 * exactly; exactly four digits are the "last four" the caller reads out; anything else
 * (5-10 digits) matches anywhere in the number. Null when fewer than 4 digits.
 */
export function phoneSearch(input: string): DigitsMatch | null {
  let digits = input.replace(/\D/g, '');
  if (input.trim().startsWith('+86') && digits.startsWith('86')) digits = digits.slice(2);
  if (digits.length < 4) return null;
  if (digits.length >= 11) return { mode: 'exact', digits };
  if (digits.length === 4) return { mode: 'suffix', digits };
  return { mode: 'contains', digits };
}

/** A tracking-number search: the whole number (13-20 digits) exactly, else 6+ digits anywhere in it. */
export function trackingSearch(input: string): DigitsMatch | null {
  const digits = input.replace(/\s/g, '');
  if (!/^\d+$/.test(digits) || digits.length < 6) return null;
  return digits.length >= 13 ? { mode: 'exact', digits } : { mode: 'contains', digits };
}
