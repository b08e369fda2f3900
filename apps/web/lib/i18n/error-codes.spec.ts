import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES } from '@hotline/contracts';
import { ERROR_TEXT, errorText, UNKNOWN_ERROR } from './error-codes';
import { LOCALES } from './messages';

// tsc already demands a text per code (`satisfies Record<TErrorCode, string>`); this checks
// what tsc cannot: no empty or untranslated text, no Latin sentence in the Chinese one.
describe('API error texts', () => {
  it('say every code in both languages, and nothing else', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(ERROR_TEXT[locale]).sort()).toEqual([...ERROR_CODES].sort());
      for (const code of ERROR_CODES) expect(ERROR_TEXT[locale][code].trim()).not.toBe('');
    }
  });

  it('keeps English words out of the Chinese texts (placeholders and file suffixes aside)', () => {
    const english = ERROR_CODES.filter((code) =>
      /[A-Za-z]{3,}/.test(ERROR_TEXT['zh-CN'][code].replace(/\{\w+\}|\.(xml|json)/g, '')),
    );
    expect(english).toEqual([]);
    for (const code of ERROR_CODES) expect(ERROR_TEXT['zh-CN'][code]).not.toBe(ERROR_TEXT.en[code]);
  });

  it('uses in each language the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of ERROR_CODES) expect(names(ERROR_TEXT['zh-CN'][code])).toEqual(names(ERROR_TEXT.en[code]));
  });

  it('fills params in the reader’s words: seconds, case status and action', () => {
    expect(errorText('zh-CN', { code: 'rate_limit.exceeded', params: { seconds: 30 } })).toBe(
      '操作太频繁，请 30 秒后再试。',
    );
    expect(errorText('en', { code: 'rate_limit.exceeded', params: { seconds: 30 } })).toBe(
      'Too many requests; try again in 30 seconds.',
    );
    expect(
      errorText('zh-CN', { code: 'case.invalid_transition', params: { status: 'closed', action: 'accept' } }),
    ).toBe('工单当前为「已办结」，不能执行「签收」。');
  });

  it('formats times in the city’s zone and drops a missing value cleanly', () => {
    const zh = errorText('zh-CN', {
      code: 'extension.due_before_deadline',
      params: { dueAt: '2026-12-01T10:00:00.000Z' },
    });
    expect(zh).toContain('18:00');
    expect(zh).not.toContain('2026-12-01T');
    expect(errorText('zh-CN', { code: 'extension.due_before_deadline' })).toBe('申请延至的时间必须晚于当前时限。');
    expect(errorText('en', { code: 'deadline.not_running' })).toBe('This case has no running deadline.');
  });

  it('falls back by status, then to a generic sentence — never the raw English message', () => {
    expect(errorText('zh-CN', { status: 409, code: 'no.such_code' })).toBe(ERROR_TEXT['zh-CN'].conflict);
    expect(errorText('zh-CN', { status: 502 })).toBe(ERROR_TEXT['zh-CN'].internal);
    expect(errorText('zh-CN', { status: 400, code: undefined })).toBe(UNKNOWN_ERROR['zh-CN']);
    expect(errorText('en', { status: 418 })).toBe(UNKNOWN_ERROR.en);
  });
});
