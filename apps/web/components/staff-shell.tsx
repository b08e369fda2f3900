'use client';

import type { TSessionUser, TStaffRole } from '@hotline/contracts';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { client, goToSignIn, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import type { Messages } from '@/lib/i18n/messages';
import { LanguageSwitcher } from './language-switcher';

const SessionContext = createContext<TSessionUser | null>(null);

/** The signed-in staff member (inside a StaffShell). */
export function useSession(): TSessionUser {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside StaffShell');
  return s;
}

/** Each staff page's name in the menu. */
const pageNames = (t: Messages): Record<string, string> => ({
  '/agent': t.nav.intake,
  '/agent/queue': t.nav.queue,
  '/agent/follow-ups': t.desk.followUpsTitle,
  '/handler': t.nav.inbox,
  '/supervisor': t.nav.board,
  '/supervisor/dashboard': t.nav.dashboard,
  '/admin': t.nav.users,
  '/admin/bureaus': t.nav.bureaus,
  '/admin/catalogue': t.nav.catalogue,
  '/admin/policies': t.nav.policies,
  '/admin/calendar': t.nav.calendar,
  '/admin/api-keys': t.nav.apiKeys,
  '/admin/audit': t.nav.audit,
  '/cases': t.nav.cases,
});

/** The menu of each role, in order: its own pages first, case search last. */
const NAV: Record<TStaffRole, readonly string[]> = {
  agent: ['/agent', '/agent/queue', '/agent/follow-ups', '/cases'],
  handler: ['/handler', '/cases'],
  supervisor: ['/supervisor', '/supervisor/dashboard', '/agent/queue', '/agent/follow-ups', '/cases'],
  admin: [
    '/admin',
    '/admin/bureaus',
    '/admin/catalogue',
    '/admin/policies',
    '/admin/calendar',
    '/admin/api-keys',
    '/admin/audit',
    '/cases',
  ],
};

function navFor(role: TStaffRole, t: Messages): { href: string; label: string }[] {
  const names = pageNames(t);
  return NAV[role].map((href) => ({ href, label: names[href] ?? href }));
}

/**
 * Frame of every staff page: who is signed in, the role's navigation, the language switch.
 * `roles` lists who may see the section; anyone else is sent to their own home.
 */
export function StaffShell({ roles, children }: { roles: readonly TStaffRole[]; children: ReactNode }) {
  const { t, locale } = useI18n();
  const pathname = usePathname();
  const [user, setUser] = useState<TSessionUser | null>(null);

  useEffect(() => {
    ok(client.GET('/api/auth/me'))
      .then((u: TSessionUser) => {
        if (!roles.includes(u.role)) window.location.assign(`/${u.role}`);
        else setUser(u);
      })
      .catch(() => goToSignIn());
  }, [roles]);

  const signOut = async () => {
    await client.POST('/api/auth/logout', { body: {} }).catch(() => undefined);
    window.location.assign('/login');
  };

  if (!user)
    return (
      <p className="page" role="status">
        {t.loading}
      </p>
    );
  const bureau = user.bureauName ? (locale === 'en' ? user.bureauName.en : user.bureauName.zh) : null;
  return (
    <SessionContext.Provider value={user}>
      <header className="topbar">
        <span className="brand">{t.appName}</span>
        <nav aria-label={t.nav.main}>
          <ul>
            {navFor(user.role, t).map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={pathname === n.href ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who" data-testid="who">
          {user.displayName} · {t.roles[user.role]}
          {bureau ? ` · ${bureau}` : ''}
        </span>
        <LanguageSwitcher />
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t.nav.signOut}
        </button>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </SessionContext.Provider>
  );
}
