import Link from 'next/link';
import { LanguageSwitcher } from '@/components/language-switcher';
import { getMessages } from '@/lib/i18n/server';
import { safeNextPath } from '@/lib/safe-next';
import { LoginClient } from './login-client';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const { t } = await getMessages();
  return (
    <main id="main" className="center-page">
      <div className="card" style={{ width: 'min(380px, 100%)' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem', color: 'var(--muted)' }}>
          <span>{t.appName}</span>
          <LanguageSwitcher />
        </div>
        <h1 style={{ marginTop: '0.25rem' }}>{t.login.title}</h1>
        {safeNextPath(next) && (
          <p className="notice" role="status">
            {t.login.returnNotice}
          </p>
        )}
        <LoginClient next={safeNextPath(next)} />
        <p>
          <Link href="/public">{t.login.citizenLink}</Link>
        </p>
      </div>
    </main>
  );
}
