import type { HotlineRequest } from './request-context';

/**
 * A form field or query parameter as text: the body first, then the query; the first
 * non-empty value when a client repeated it (as the Open311 schemas read it).
 */
export function firstParam(req: Pick<HotlineRequest, 'body' | 'query'>, name: string): string | undefined {
  for (const source of [req.body, req.query]) {
    const raw = (source as Record<string, unknown> | undefined)?.[name];
    const v = Array.isArray(raw) ? (raw as unknown[]).find((x) => x !== '') : raw;
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}
