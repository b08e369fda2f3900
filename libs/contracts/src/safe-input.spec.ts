import { dayInRange, findHostileInput, instantInRange, unsafeTextReason, ZFreeJsonRecord } from './safe-input';

describe('safe input building blocks', () => {
  it('lets ordinary text through, tabs and line breaks included', () => {
    expect(unsafeTextReason('第一行\n第二行\t制表\r\n😀')).toBeNull();
  });

  it('names NUL, other control characters and lone surrogates', () => {
    expect(unsafeTextReason('a\u0000b')).toBe('contains a NUL character');
    expect(unsafeTextReason('a\u001bb')).toBe('contains a control character');
    expect(unsafeTextReason('a\u007fb')).toBe('contains a control character');
    expect(unsafeTextReason('a\ud800b')).toBe('is not valid Unicode text');
    expect(unsafeTextReason('a\udc00')).toBe('is not valid Unicode text');
  });

  it('finds the first problem with its path, in keys too, without recursing', () => {
    expect(findHostileInput({ a: [{ b: 'x\u0000' }] }, 'body')).toBe('body.a[0].b: contains a NUL character');
    expect(findHostileInput({ 'attribute[constructor]': 'x' }, 'body')).toMatch(/reserved name/);
    expect(findHostileInput(JSON.parse('{"__proto__":1}'), 'body')).toMatch(/reserved name/);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findHostileInput(deep, 'body')).toMatch(/nested too deeply/);
    expect(findHostileInput({ ok: ['fine', 1, null, { toString: 'a code' }] }, 'body')).toBeNull();
  });

  it('bounds dates to the years the hotline can mean', () => {
    expect(instantInRange().safeParse('2026-11-25T08:00:00+08:00').success).toBe(true);
    expect(instantInRange().safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(dayInRange().safeParse('9999-12-31').success).toBe(false);
    expect(dayInRange().safeParse('2026-10-01').success).toBe(true);
  });

  it('bounds free-form JSON in depth and size', () => {
    expect(ZFreeJsonRecord.safeParse({ a: { b: { c: 1 } } }).success).toBe(true);
    expect(ZFreeJsonRecord.safeParse({ a: { b: { c: { d: { e: 1 } } } } }).success).toBe(false);
    expect(ZFreeJsonRecord.safeParse({ a: 'x'.repeat(20_000) }).success).toBe(false);
  });
});
