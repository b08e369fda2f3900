'use client';

import type { TErrorCode, TErrorParams } from '@hotline/contracts';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema';
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
  refreshing ??= publicClient
    .POST('/api/auth/refresh', { body: {} })
    .then(() => true)
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

/** Refusals throw ApiError (message already localized), so a caller never reads an error branch. */
const refusals: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw new ApiError(response.status, errorBodyOf(await response.clone().text()));
    return undefined;
  },
};

/**
 * A staff call whose session lapsed: refresh the session once and send the request again; if
 * that fails too, the user is sent to the sign-in page, which brings them back here afterwards.
 */
async function withSession(request: Request): Promise<Response> {
  const again = request.clone();
  let res = await fetch(request);
  if (res.status === 401) {
    if (await refreshSession()) res = await fetch(again);
    if (res.status === 401) {
      goToSignIn();
      throw new ApiError(401, null);
    }
  }
  return res;
}

/** The query string as the API has always received it: only defined, non-empty values. */
const querySerializer = (query: Record<string, unknown>) => qs(query as Parameters<typeof qs>[0]).slice(1);

/**
 * Same-origin calls to the API (app/api/[...path]/route.ts proxies /api/*), so the HTTP-only
 * session cookies ride along. Paths, parameters and bodies are typed by docs/openapi.json
 * (`npm run openapi:web`). `client` is for staff pages; `publicClient` for the citizen's
 * pages and sign-in, where a 401 is an answer to show, not a lapsed session.
 */
// JSON answers only: the CSV exports are plain links (the page's download anchors).
export const client = createClient<paths, 'application/json'>({ fetch: withSession, querySerializer });
export const publicClient = createClient<paths, 'application/json'>({ querySerializer });
client.use(refusals);
publicClient.use(refusals);

/**
 * The body of a successful answer: `const c = await ok(client.GET('/api/cases/{id}', …))`.
 * Refusals never get here (they threw ApiError in `refusals`).
 */
export async function ok<R extends { data?: unknown }>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  return (await call).data as NonNullable<R['data']>;
}

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
