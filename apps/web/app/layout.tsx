import type { ReactNode } from 'react';
import { getMessages } from '@/lib/i18n/server';
import './globals.css';

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.appName };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getMessages();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
