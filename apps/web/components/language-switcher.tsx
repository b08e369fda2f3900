'use client';

import { useRouter } from 'next/navigation';
import { useI18n } from '@/lib/i18n/client';
import { LOCALE_COOKIE, LOCALES, type Locale } from '@/lib/i18n/messages';

/** Sets the locale cookie and re-renders the server components in the new language. */
export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const choose = (next: Locale) => {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  return (
    <div className="lang-switch" role="group" aria-label={t.language}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === locale ? 'lang active' : 'lang'}
          aria-pressed={l === locale}
          onClick={() => choose(l)}
        >
          {t.languageNames[l]}
        </button>
      ))}
    </div>
  );
}
