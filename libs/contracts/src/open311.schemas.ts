import { z } from 'zod';
import { httpUrl } from './http-url';
import { instantInRange } from './safe-input';

/**
 * Open311 GeoReport v2 (open311.org) as this hotline serves it under /open311/v2, plus the
 * admin API that issues the keys Open311 clients post with.
 *
 * Open311 clients send form fields and query strings, where an empty value means "absent"
 * (the spec says so for jurisdiction_id; clients do it for every optional field), so every
 * schema below drops empty strings before it validates.
 *
 * Real clients (Chicago's and Austin's among them) also send parameters this server does not
 * know (`extensions=true`, `zipcode` on POST) and repeat list parameters (`status=open&status=closed`).
 * So unknown parameters are dropped, not refused; a list parameter takes repeated values and
 * comma lists alike; a single-valued parameter given twice keeps its first value.
 */

// ---------------------------------------------------------------- API keys (admin)

export const ZApiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the key a name (who uses it)').max(100),
  /** Requests per minute this key may make; each key is counted on its own. */
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(60),
});
export type TApiKeyCreate = z.infer<typeof ZApiKeyCreateSchema>;

export const ZApiKeyIdParam = z.uuid('Unknown API key id');

// ---------------------------------------------------------------- Open311 inputs

export const OPEN311_FORMATS = ['xml', 'json'] as const;
export type TOpen311Format = (typeof OPEN311_FORMATS)[number];

/** Form and query values: a string, or a list when a field is repeated; '' means absent. */
function withoutEmpty(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>)
      .map(([k, v]): [string, unknown] => [k, Array.isArray(v) ? v.filter((x) => x !== '') : v])
      .filter(([, v]) => v !== '' && v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

/** A single-valued parameter sent more than once keeps its first value. */
const firstOf = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** Reads a single-valued form or query parameter (the first, if it was repeated). */
const one = <T extends z.ZodType>(schema: T) => z.preprocess(firstOf, schema);

const ATTRIBUTE_FIELD = /^attribute\[([^\]]+)\](\[\])?$/;

/**
 * Collects `attribute[CODE]=v` (and `attribute[CODE][]=v` for list answers, as PHP-style
 * clients send them) into one `attribute` map, so the rest can be checked strictly.
 */
function collectAttributes(input: unknown): unknown {
  const cleaned = withoutEmpty(input);
  if (cleaned === null || typeof cleaned !== 'object' || Array.isArray(cleaned)) return cleaned;
  const out: Record<string, unknown> = {};
  // A Map, not an object: a client's code may be `toString` or `__proto__`, which a plain
  // object would resolve on Object.prototype. Object.fromEntries defines own properties.
  const attribute = new Map<string, string[]>();
  for (const [key, value] of Object.entries(cleaned as Record<string, unknown>)) {
    const m = ATTRIBUTE_FIELD.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
    attribute.set(m[1]!, [...(attribute.get(m[1]!) ?? []), ...values.map(String)]);
  }
  if (attribute.size > 0) out['attribute'] = Object.fromEntries(attribute);
  return out;
}

const decimal = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d+)?$/, `${what} must be a decimal number in degrees (WGS84)`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${what} must be between ${min} and ${max}`);

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
/** Free text of a single-valued parameter. */
const oneText = (max: number) => one(text(max));

/** POST /requests.{fmt}: the GeoReport v2 fields (form-encoded), attributes collected. */
export const ZOpen311CreateRequestSchema = z.preprocess(
  collectAttributes,
  z
    // z.object, not strictObject: parameters we do not know are ignored, as clients expect.
    .object({
      api_key: oneText(200).optional(),
      jurisdiction_id: oneText(200).optional(),
      service_code: one(text(100).min(1)).optional(),
      lat: one(decimal('lat', -90, 90)).optional(),
      long: one(decimal('long', -180, 180)).optional(),
      address_string: oneText(300).optional(),
      address_id: oneText(100).optional(),
      email: one(z.email('email is not a valid e-mail address').max(200)).optional(),
      device_id: oneText(100).optional(),
      account_id: oneText(100).optional(),
      first_name: oneText(50).optional(),
      last_name: oneText(50).optional(),
      phone: one(
        z
          .string()
          .trim()
          .regex(/^\+?[0-9 ()-]{3,30}$/, 'phone must be a telephone number'),
      ).optional(),
      description: oneText(4000).optional(),
      media_url: one(httpUrl('media_url', 2000)).optional(),
      attribute: z.record(z.string().max(100), z.array(z.string().max(1000)).max(50)).optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.service_code)
        ctx.addIssue({ code: 'custom', path: ['service_code'], message: 'service_code is required' });
      if ((v.lat === undefined) !== (v.long === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat and long must be given together' });
      } else if (v.lat === undefined && !v.address_string && !v.address_id) {
        ctx.addIssue({
          code: 'custom',
          path: ['lat'],
          message: 'a location is required: lat and long, address_string or address_id',
        });
      }
    }),
);
export type TOpen311CreateRequest = z.infer<typeof ZOpen311CreateRequestSchema>;

const isoDateTime = (what: string) => instantInRange(`${what} must be an ISO-8601 date and time with a timezone`);

/** A list parameter: comma-separated, repeated (`status=open&status=closed`), or both. */
const commaList = (what: string, max: number) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v.join(',') : v),
    z
      .string(`${what} must be text`)
      .trim()
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .refine((list) => list.length <= max, `at most ${max} values in ${what}`),
  );

export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type TOpen311Status = (typeof OPEN311_STATUSES)[number];

/** GET /requests.{fmt}. The 90-day span is checked by the service, which knows "now". */
export const ZOpen311RequestsQuerySchema = z.preprocess(
  withoutEmpty,
  z.object({
    api_key: oneText(200).optional(),
    jurisdiction_id: oneText(200).optional(),
    service_request_id: commaList('service_request_id', 1000).optional(),
    service_code: commaList('service_code', 200).optional(),
    start_date: one(isoDateTime('start_date')).optional(),
    end_date: one(isoDateTime('end_date')).optional(),
    status: commaList('status', 2)
      .refine((list) => list.every((s) => (OPEN311_STATUSES as readonly string[]).includes(s)), {
        message: 'status must be open, closed or both (comma-separated)',
      })
      .optional(),
    page: one(
      z.coerce.number({ error: 'page must be a number' }).int().min(1, 'page starts at 1').max(100_000),
    ).default(1),
    page_size: one(
      z.coerce.number({ error: 'page_size must be a number' }).int().min(1).max(1000, 'page_size is at most 1000'),
    ).default(1000),
  }),
);
export type TOpen311RequestsQuery = z.infer<typeof ZOpen311RequestsQuerySchema>;

/** Query of the GET routes that take nothing but the optional key and jurisdiction. */
export const ZOpen311BaseQuerySchema = z.preprocess(
  withoutEmpty,
  z.object({ api_key: oneText(200).optional(), jurisdiction_id: oneText(200).optional() }),
);
export type TOpen311BaseQuery = z.infer<typeof ZOpen311BaseQuerySchema>;

// ---------------------------------------------------------------- Open311 outputs
