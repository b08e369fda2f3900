import {
  ACCESS_CODE_ALPHABET,
  formatTrackingNumber,
  generateAccessCode,
  isTrackingNumber,
  maskName,
  maskPhone,
  parseTrackingNumber,
} from './tracking';

describe('tracking numbers', () => {
  it('date in Beijing + 5-digit sequence', () => {
    expect(formatTrackingNumber(new Date('2026-11-25T02:00:00Z'), 42)).toBe('2026112500042');
  });

  it('uses the Beijing date around midnight', () => {
    expect(formatTrackingNumber(new Date('2026-11-24T16:00:00Z'), 1)).toBe('2026112500001');
    expect(formatTrackingNumber(new Date('2026-11-24T15:59:59Z'), 1)).toBe('2026112400001');
  });

  it('grows wider past 99999', () => {
    expect(formatTrackingNumber(new Date('2026-11-25T02:00:00Z'), 99999)).toBe('2026112599999');
    expect(formatTrackingNumber(new Date('2026-11-25T02:00:00Z'), 123456)).toBe('20261125123456');
  });

  it('refuses negative, fractional or unsafe sequences', () => {
    const d = new Date('2026-11-25T02:00:00Z');
    expect(() => formatTrackingNumber(d, -1)).toThrow(RangeError);
    expect(() => formatTrackingNumber(d, 1.5)).toThrow(RangeError);
    expect(() => formatTrackingNumber(d, Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('recognises tracking numbers', () => {
    expect(isTrackingNumber('2026112500042')).toBe(true);
    expect(isTrackingNumber('20261125123456')).toBe(true);
    expect(isTrackingNumber('2024022900001')).toBe(true); // leap day
  });

  it('rejects everything else', () => {
    for (const bad of [
      '',
      '202611250004', // 4-digit sequence
      '20261125000042', // padded wider than 5: the formatter never writes this
      '2026133100001', // month 13
      '2025022900001', // not a leap year
      '2026112500042 ',
      'A026112500042',
      '2026-11-2500042',
    ]) {
      expect(isTrackingNumber(bad)).toBe(false);
    }
  });

  it('parses what it formats', () => {
    const d = new Date('2026-02-14T03:00:00Z');
    for (const seq of [0, 1, 42, 99999, 100000, 7654321]) {
      expect(parseTrackingNumber(formatTrackingNumber(d, seq))).toEqual({ localDate: '2026-02-14', sequence: seq });
    }
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['+8613812345678', '+86*******5678'],
    ['010-88123456', '010****3456'],
    ['88123456', '88****56'],
    ['1234567', '12***67'],
    ['12345', '1***5'],
    ['123', '1*3'],
    ['12', '**'],
    ['1', '*'],
    ['', ''],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
    [' 王五 ', '王*'],
    ['𠮷田', '𠮷*'], // a character outside the BMP counts once
    ['John Smith', 'J*********'],
    ['', ''],
  ])('%s → %s', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});

describe('generateAccessCode', () => {
  it('is 6 characters from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) expect(generateAccessCode()).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{6}$/);
  });

  it('the alphabet has 32 distinct characters and no 0, O, 1 or I', () => {
    expect(new Set(ACCESS_CODE_ALPHABET).size).toBe(32);
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[0O1I]/);
  });

  it('varies and uses the whole alphabet', () => {
    const codes = new Set<string>();
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = generateAccessCode();
      codes.add(code);
      for (const c of code) seen.add(c);
    }
    expect(codes.size).toBeGreaterThan(495);
    expect(seen.size).toBe(32);
  });
});
