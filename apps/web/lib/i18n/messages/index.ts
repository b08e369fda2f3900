import { adminEn, adminZh } from './admin';
import { casesEn, casesZh } from './cases';
import { commonEn, commonZh } from './common';
import { deskEn, deskZh } from './desk';
import { enumsEn, enumsZh } from './enums';
import { intakeEn, intakeZh } from './intake';
import { publicEn, publicZh } from './public';
import type { Shape } from './shape';
import { supervisorEn, supervisorZh } from './supervisor';

/**
 * UI strings, one file per feature. zh-CN is the default; every key must exist in both
 * languages (each feature file's English half is typed by its Chinese half, so tsc checks it).
 */
const zhCN = {
  ...commonZh,
  ...enumsZh,
  ...publicZh,
  ...intakeZh,
  ...casesZh,
  ...deskZh,
  ...supervisorZh,
  ...adminZh,
};

export type Messages = Shape<typeof zhCN>;

const en: Messages = {
  ...commonEn,
  ...enumsEn,
  ...publicEn,
  ...intakeEn,
  ...casesEn,
  ...deskEn,
  ...supervisorEn,
  ...adminEn,
};

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'hl_locale';

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function isLocale(v: string | undefined): v is Locale {
  return v === 'zh-CN' || v === 'en';
}

/** Fills `{name}` placeholders. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
