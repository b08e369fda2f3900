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

function navFor(role: TStaffRole, t: Messages): { href: string; label: string }[] {
  switch (role) {
    case 'agent':
      return [
        { href: '/agent', label: t.nav.intake },
        { href: '/agent/queue', label: t.nav.queue },
        { href: '/agent/follow-ups', label: t.desk.followUpsTitle },
        { href: '/cases', label: t.nav.cases },
      ];
    case 'handler':
      return [
        { href: '/handler', label: t.nav.inbox },
        { href: '/cases', label: t.nav.cases },
      ];
    case 'supervisor':
      return [
        { href: '/supervisor', label: t.nav.board },
        { href: '/supervisor/dashboard', label: t.nav.dashboard },
        { href: '/agent/queue', label: t.nav.queue },
        { href: '/agent/follow-ups', label: t.desk.followUpsTitle },
        { href: '/cases', label: t.nav.cases },
      ];
    case 'admin':
      return [
        { href: '/admin', label: t.nav.users },
        { href: '/admin/bureaus', label: t.nav.bureaus },
        { href: '/admin/catalogue', label: t.nav.catalogue },
        { href: '/admin/policies', label: t.nav.policies },
        { href: '/admin/calendar', label: t.nav.calendar },
        { href: '/admin/api-keys', label: t.nav.apiKeys },
        { href: '/admin/audit', label: t.nav.audit },
        { href: '/cases', label: t.nav.cases },
      ];
  }
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
