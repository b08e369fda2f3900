/**
 * Password rule for staff accounts (OWASP ASVS 4, level 2, section 2.1): at least 12
 * characters, no composition rules, not a common or breached password, and not built on the
 * username. The same function checks the admin forms in the browser and the API, so the two
 * never disagree. Seeded demo hashes are never re-checked.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * zxcvbn-ts's list of the most common passwords from breach corpora (~49,000 entries,
 * lowercase, ~280 kB gzipped). Imported on first use, so the web app loads it only when an
 * admin form checks a password, never on the citizen or sign-in pages.
 */
let breached: Promise<Set<string>> | undefined;
const breachedPasswords = (): Promise<Set<string>> =>
  (breached ??= import('@zxcvbn-ts/language-common').then((m) => new Set(m.dictionary['passwords-common'])));

/**
 * The password's "core": lowercased, without the digits and symbols people pad a weak word
 * with ("Password2026!" → "password", "!!Dragon1234" → "dragon").
 */
function core(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[^\p{L}]+$/u, '');
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `The password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `The password is too long (max ${PASSWORD_MAX_LENGTH} characters)`,
  common: 'This password is on a list of common or breached passwords; choose another',
  contains_username: 'The password must not contain the username',
};

/** Whether the password, or its core, is on the common/breached list. */
export async function isCommonPassword(password: string): Promise<boolean> {
  const list = await breachedPasswords();
  const base = core(password);
  return list.has(password.toLowerCase()) || (base.length >= 3 && list.has(base));
}

/** Whether the password is, or contains, the username (case-insensitive). */
export function containsUsername(password: string, username: string | undefined): boolean {
  const name = username?.trim().toLowerCase();
  return !!name && name.length >= 3 && password.toLowerCase().includes(name);
}

/** The first reason the password is refused, or null when it is acceptable. */
export async function passwordProblem(password: string, username?: string): Promise<PasswordProblem | null> {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (await isCommonPassword(password)) return 'common';
  if (containsUsername(password, username)) return 'contains_username';
  return null;
}
