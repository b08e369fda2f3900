'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { MESSAGES, type Locale, type Messages } from './messages';

const I18nContext = createContext<{ locale: Locale; t: Messages }>({ locale: 'zh-CN', t: MESSAGES['zh-CN'] });

/** Gives client components the reader's dictionary; the root layout picks the locale from the cookie. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: MESSAGES[locale] }}>{children}</I18nContext.Provider>;
}

export function useI18n(): { locale: Locale; t: Messages } {
  return useContext(I18nContext);
}

/** A bilingual catalogue name in the reader's language. */
export function useLocalName(): (o: { nameZh: string; nameEn: string } | null | undefined) => string {
  const { locale } = useI18n();
  return (o) => (o ? (locale === 'en' ? o.nameEn : o.nameZh) : '');
}
