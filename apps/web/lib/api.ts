'use client';

import type { TErrorCode, TErrorParams } from '@hotline/contracts';
import { documentLocale, errorText } from './i18n/error-codes';
import type { Locale } from './i18n/messages';
import { signInUrl } from './safe-next';

/** The API's uniform error body (see apps/api/src/common/http-exception.filter.ts). */
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  /** Stable machine code (libs/contracts ERROR_CODES); the web translates by it. */
  code?: TErrorCode | string;
  /** English, for logs and other clients: never shown to the reader. */
  message: string | string[];
  params?: TErrorParams;
  details?: unknown;
  requestId?: string;
}

/**
 * A refusal from the API. `message` is already in the reader's language (chosen by the
 * body's `code`, never the API's English), so any place that shows `e.message` is localized;
 * `code` is what logic should test, not the text.
 */
export class ApiError extends Error {
  readonly code: string | null;
  readonly params: TErrorParams | undefined;

  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    /** A sentence of the page's own (already localized) that says it better than the code's. */
    readonly override?: string,
    locale: Locale = documentLocale(),
  ) {
    super(override ?? errorText(locale, { status, code: body?.code, params: body?.params }));
    this.code = typeof body?.code === 'string' ? body.code : null;
    this.params = body?.params;
  }

  /** The refusal in a given language (the reader's dictionary may differ from <html lang>). */
  textIn(locale: Locale): string {
    return this.override ?? errorText(locale, { status: this.status, code: this.body?.code, params: this.params });
  }
}

/** The error body, or null when the answer is not ours (a proxy's HTML page, an empty 502). */
function errorBodyOf(text: string): ApiErrorBody | null {
  try {
    const parsed: unknown = text ? JSON.parse(text) : null;
    return parsed && typeof parsed === 'object' ? (parsed as ApiErrorBody) : null;
  } catch {
    return null;
  }
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: concurrent 401s all wait for the same new session. */
function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => {
      setTimeout(() => (refreshing = null), 0);
    });
  return refreshing;
}

const beforeSignIn = new Set<() => void>();

/**
 * Runs `save` just before a lapsed session sends the user to sign in (a page flushes the
 * unsaved work it keeps locally); returns the unsubscribe function.
 */
export function onSessionExpired(save: () => void): () => void {
  beforeSignIn.add(save);
  return () => beforeSignIn.delete(save);
}

let leaving = false;

/**
 * Sends the user to sign in and back to this page afterwards (`/login?next=`). Pages keep
 * their unsaved work themselves (see onSessionExpired); once is enough for many failed calls.
 */
export function goToSignIn(): void {
  if (leaving) return;
  leaving = true;
  for (const save of beforeSignIn) {
    try {
      save();
    } catch {
      // A page that cannot save must not stop the others nor the redirect.
    }
  }
  window.location.assign(signInUrl());
}

export type Init = Omit<RequestInit, 'body'> & { body?: unknown; public?: boolean };

/**
 * Same-origin call to the API (next.config.ts proxies /api/*), so the HTTP-only session
 * cookies ride along. A 401 on a staff call refreshes the session once and retries; if that
 * fails too the user is sent to the sign-in page, which brings them back here afterwards.
 */
export async function api<T>(path: string, init: Init = {}): Promise<T> {
  const { body, public: isPublic, ...rest } = init;
  const send = () =>
    fetch(`/api${path}`, {
      ...rest,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...rest.headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  let res = await send();
  if (res.status === 401 && !isPublic) {
    if (await refreshSession()) res = await send();
    if (res.status === 401) {
      goToSignIn();
      throw new ApiError(401, null);
    }
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, errorBodyOf(text));
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
