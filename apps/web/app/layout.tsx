import type { ReactNode } from 'react';
import { I18nProvider } from '@/lib/i18n/client';
import { getMessages } from '@/lib/i18n/server';
import './globals.css';

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.appName };
}

export const viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </body>
    </html>
  );
}
