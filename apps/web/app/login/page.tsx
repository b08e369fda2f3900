import { getMessages } from '@/lib/i18n/server';
import { LoginClient } from './login-client';

export default async function LoginPage() {
  const { t } = await getMessages();
  return (
    <main className="center-page">
      <div className="card" style={{ width: 'min(380px, 100%)' }}>
        <p style={{ color: 'var(--muted)', margin: 0 }}>{t.appName}</p>
        <h1 style={{ marginTop: '0.25rem' }}>{t.login.title}</h1>
        <LoginClient t={t} />
      </div>
    </main>
  );
}
