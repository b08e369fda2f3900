import Link from 'next/link';
import type { ReactNode } from 'react';
import { getMessages } from '@/lib/i18n/server';
import { LanguageSwitcher } from './language-switcher';

/** Citizen pages: no sign-in, phone-first layout. */
export async function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = await getMessages();
  return (
    <>
      <header className="public-header">
        <Link href="/public">{t.appName}</Link>
        <nav aria-label={t.nav.main} className="row">
          <Link href="/public">{t.publicForm.title}</Link>
          <Link href="/public/track">{t.track.title}</Link>
          <LanguageSwitcher />
        </nav>
      </header>
      <main id="main" className="public-page">
        {children}
      </main>
    </>
  );
}
