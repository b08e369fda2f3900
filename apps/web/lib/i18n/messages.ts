/** UI strings. zh-CN is the default; every key must exist in both languages (checked by tsc). */
const zhCN = {
  appName: '12345 政务服务便民热线',
  language: '语言',
  login: {
    title: '工作人员登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    failed: '登录失败',
    citizenLink: '市民提交诉求或查询进度',
  },
  errors: {
    required: '此项必填',
    network: '无法连接服务器，请稍后重试',
  },
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof zhCN>;

const en: Messages = {
  appName: '12345 Citizen Service Hotline',
  language: 'Language',
  login: {
    title: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Sign-in failed',
    citizenLink: 'Citizens: submit a request or track one',
  },
  errors: {
    required: 'This field is required',
    network: 'Cannot reach the server; please try again',
  },
};

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'hl_locale';

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function isLocale(v: string | undefined): v is Locale {
  return v === 'zh-CN' || v === 'en';
}
