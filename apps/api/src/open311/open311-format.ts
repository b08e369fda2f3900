import type { TOpen311Format } from '@hotline/contracts';
import { XMLBuilder } from 'fast-xml-parser';

/**
 * GeoReport v2 documents and their two spellings. Clients pick the format with the URL's
 * suffix (.xml / .json); the JSON is the XML's structure with lists as arrays.
 */
export interface Open311Document {
  /** XML root element, e.g. 'services'. */
  root: string;
  /** Element of each list entry under the root ('service'); absent when the body is one object. */
  item?: string;
  body: object | object[];
}

export const CONTENT_TYPES: Record<TOpen311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Nested lists and the element name of their entries (spec: endpoints/endpoint, values/value…). */
const LIST_ITEM: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** The format a request path asks for ('/open311/v2/services.xml?x=1' → 'xml'); null when none or unknown. */
export function formatOfPath(url: string): TOpen311Format | null {
  const path = url.split('?')[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  if (dot < 0) return null;
  const suffix = last.slice(dot + 1).toLowerCase();
  return suffix === 'xml' || suffix === 'json' ? suffix : null;
}

/**
 * Splits 'CM.SR.ZDJY.json' into the id and the format. Codes contain dots themselves, so
 * only the last dot separates the format.
 */
export function splitFormat(file: string): { id: string; format: string } {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? { id: file, format: '' } : { id: file.slice(0, dot), format: file.slice(dot + 1).toLowerCase() };
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls but tab and line breaks, lone
 * surrogates, U+FFFE/U+FFFF). Text stored before the input check existed, or typed by an
 * admin, must never make the whole document unparsable: each becomes U+FFFD.
 */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD');
}

function toXmlValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return null; // <tag/>
  if (Array.isArray(value)) {
    const item = LIST_ITEM[key] ?? 'item';
    return { [item]: value.map((v) => toXmlValue(item, v)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toXmlValue(k, v)]));
  }
  return xmlSafeText(String(value));
}

const builder = new XMLBuilder({ format: false, ignoreAttributes: true });

export function renderXml(doc: Open311Document): string {
  const inner = Array.isArray(doc.body)
    ? { [doc.item ?? 'item']: doc.body.map((row) => toXmlValue(doc.item ?? 'item', row)) }
    : toXmlValue(doc.root, doc.body);
  // An empty list still needs its root element: <services></services>.
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [doc.root]: inner ?? '' }) as string}`;
}

export function render(doc: Open311Document, format: TOpen311Format): string {
  return format === 'xml' ? renderXml(doc) : JSON.stringify(doc.body);
}

/** The city keeps China Standard Time (UTC+8, no daylight saving), as its citizens read clocks. */
const CITY_OFFSET_MINUTES = 8 * 60;

/** ISO-8601 with the city's offset, e.g. 2026-11-25T11:30:00+08:00 (the spec wants a timezone). */
export function isoCityTime(date: Date): string {
  const local = new Date(date.getTime() + CITY_OFFSET_MINUTES * 60_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

export type Open311Lang = 'zh' | 'en';

/** Accept-Language → the catalogue language; Chinese unless English is preferred over it. */
export function languageOf(header: string | undefined): Open311Lang {
  if (!header) return 'zh';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && (r.tag.startsWith('zh') || r.tag.startsWith('en')))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh';
}
