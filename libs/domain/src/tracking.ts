import { localDateKey } from './working-calendar';

// Tracking numbers read like the ones citizens see on real 12345 receipts: the Beijing
// date plus that day's sequence, e.g. 2026112500042.
const TRACKING_NUMBER = /^(\d{4})(\d{2})(\d{2})(\d{5}|[1-9]\d{5,})$/;

/**
 * 'YYYYMMDD' (Asia/Shanghai date of `date`) + the sequence zero-padded to 5 digits, or
 * wider, without padding, past 99999.
 */
export function formatTrackingNumber(date: Date, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new RangeError(`A tracking sequence must be a whole number ≥ 0, got ${sequence}`);
  }
  return localDateKey(date).replaceAll('-', '') + String(sequence).padStart(5, '0');
}

export interface ParsedTrackingNumber {
  /** 'YYYY-MM-DD', the Beijing date the case was registered. */
  localDate: string;
  sequence: number;
}

/** The parts of a tracking number, or null if the string is not one (including impossible dates). */
export function parseTrackingNumber(s: string): ParsedTrackingNumber | null {
  const match = TRACKING_NUMBER.exec(s);
  if (!match) return null;
  const [, y, m, d, seq] = match as unknown as [string, string, string, string, string];
  const localDate = `${y}-${m}-${d}`;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (Number(y) < 1970 || new Date(ms).toISOString().slice(0, 10) !== localDate) return null;
  const sequence = Number(seq);
  if (!Number.isSafeInteger(sequence)) return null;
  return { localDate, sequence };
}

export function isTrackingNumber(s: string): boolean {
  return parseTrackingNumber(s) !== null;
}

/**
 * Hides the middle of a phone number for screens bureaus see: 13812345678 → 138****5678.
 * Spaces and hyphens are dropped first. Shorter numbers keep less: 7–10 characters keep
 * 2 + 2, 3–6 keep 1 + 1, and 1–2 characters are masked entirely.
 */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.replace(/[\s-]/g, ''));
  const n = chars.length;
  const [head, tail] = n >= 11 ? [3, 4] : n >= 7 ? [2, 2] : n >= 3 ? [1, 1] : [0, 0];
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

/**
 * Keeps the first character of a name and masks the rest, one * per character:
 * 张三 → 张*, 欧阳娜娜 → 欧***. A one-character name is masked entirely.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 32 characters without 0/O and 1/I, which citizens misread when typing a code. */
export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ACCESS_CODE_LENGTH = 6;

/**
 * A random 6-character code a citizen uses with the tracking number to view the case.
 * Uses the Web Crypto API (globalThis.crypto, the same CSPRNG as node:crypto) rather than
 * importing node:crypto, so this module also loads in the browser bundle. With a
 * 32-character alphabet, byte % 32 is exactly uniform.
 */
export function generateAccessCode(): string {
  const bytes = new Uint8Array(ACCESS_CODE_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let code = '';
  for (const byte of bytes) code += ACCESS_CODE_ALPHABET[byte % ACCESS_CODE_ALPHABET.length];
  return code;
}
