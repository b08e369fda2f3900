import type { Locale } from './i18n/messages';

/**
 * A deadline the way a person says it, on Beijing time whatever the phone's zone:
 * "12月9日（周三）17:30" / "Wed 9 Dec, 17:30".
 */
export function plainDeadline(iso: string, locale: Locale): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      month: locale === 'en' ? 'short' : 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const time = `${parts['hour']}:${parts['minute']}`;
  return locale === 'en'
    ? `${parts['weekday']} ${parts['day']} ${parts['month']}, ${time}`
    : `${parts['month']}月${parts['day']}日（${parts['weekday']}）${time}`;
}
