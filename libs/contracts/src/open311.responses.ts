import { z } from 'zod';
import { OPEN311_STATUSES } from './open311.schemas';

// Open311 GeoReport v2 answers in their JSON spelling (the XML variant has the same fields,
// lists wrapped in their element names). Field names follow the spec, not this API's camelCase.

const instant = z.iso.datetime({ offset: true });

export const ZApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The first characters of the secret, to tell keys apart; never enough to use one. */
    prefix: z.string(),
    rateLimitPerMinute: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: instant,
    revokedAt: instant.nullable(),
    lastUsedAt: instant.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type TApiKey = z.infer<typeof ZApiKey>;
export const ZApiKeyList = z.array(ZApiKey);

/** The secret `key` appears in this answer only. */
export const ZApiKeyCreated = ZApiKey.extend({ key: z.string() }).meta({ id: 'ApiKeyCreated' });
export type TApiKeyCreated = z.infer<typeof ZApiKeyCreated>;

export const ZOpen311Endpoint = z.object({
  specification: z.string(),
  url: z.string(),
  changeset: z.string(),
  type: z.enum(['production', 'test']),
  formats: z.array(z.string()),
});
export type TOpen311Endpoint = z.infer<typeof ZOpen311Endpoint>;

export const ZOpen311Discovery = z
  .object({
    changeset: z.string(),
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(ZOpen311Endpoint),
  })
  .meta({ id: 'Open311Discovery' });
export type TOpen311Discovery = z.infer<typeof ZOpen311Discovery>;

export const ZOpen311Service = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string(),
    group: z.string(),
  })
  .meta({ id: 'Open311Service' });
export type TOpen311Service = z.infer<typeof ZOpen311Service>;
export const ZOpen311ServiceList = z.array(ZOpen311Service);

export const ZOpen311AttributeValue = z.object({ key: z.string(), name: z.string() });
export type TOpen311AttributeValue = z.infer<typeof ZOpen311AttributeValue>;

export const ZOpen311Attribute = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(ZOpen311AttributeValue),
});
export type TOpen311Attribute = z.infer<typeof ZOpen311Attribute>;

export const ZOpen311ServiceDefinition = z
  .object({ service_code: z.string(), attributes: z.array(ZOpen311Attribute) })
  .meta({ id: 'Open311ServiceDefinition' });
export type TOpen311ServiceDefinition = z.infer<typeof ZOpen311ServiceDefinition>;

export const ZOpen311ServiceRequest = z
  .object({
    service_request_id: z.string(),
    status: z.enum(OPEN311_STATUSES),
    status_notes: z.string().nullable(),
    service_name: z.string().nullable(),
    service_code: z.string().nullable(),
    description: z.string(),
    agency_responsible: z.string().nullable(),
    service_notice: z.string().nullable(),
    requested_datetime: instant,
    updated_datetime: instant,
    expected_datetime: instant.nullable(),
    address: z.string().nullable(),
    address_id: z.string().nullable(),
    zipcode: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.string().nullable(),
  })
  .meta({ id: 'Open311ServiceRequest' });
export type TOpen311ServiceRequest = z.infer<typeof ZOpen311ServiceRequest>;
export const ZOpen311ServiceRequestList = z.array(ZOpen311ServiceRequest);

export const ZOpen311CreatedRequest = z
  .object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() })
  .meta({ id: 'Open311CreatedRequest' });
export type TOpen311CreatedRequest = z.infer<typeof ZOpen311CreatedRequest>;
/** POST requests.json answers a one-element list, as the spec shows. */
export const ZOpen311CreatedRequestList = z.array(ZOpen311CreatedRequest);

export const ZOpen311Token = z
  .object({ service_request_id: z.string(), token: z.string() })
  .meta({ id: 'Open311Token' });
export type TOpen311Token = z.infer<typeof ZOpen311Token>;
export const ZOpen311TokenList = z.array(ZOpen311Token);

export const ZOpen311Error = z.object({ code: z.number().int(), description: z.string() }).meta({ id: 'Open311Error' });
export type TOpen311Error = z.infer<typeof ZOpen311Error>;
export const ZOpen311ErrorList = z.array(ZOpen311Error);
