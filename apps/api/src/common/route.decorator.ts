import { ZErrorBody } from '@hotline/contracts';
import type { StaffRole } from '@hotline/database';
import {
  All,
  applyDecorators,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  RequestMethod,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { Public, Roles } from './access.decorator';
import { openApiSchemaOf } from './openapi-schema';

/** The zod schema of a route's success answer; ResponseSchemaInterceptor checks answers against it. */
export const RESPONSE_SCHEMA_KEY = 'hotline:response-schema';

export interface RouteSpec {
  /** Who may call it: staff roles, or 'public'. Omitted only where the controller declares it (Open311). */
  access?: readonly StaffRole[] | 'public';
  summary: string;
  description?: string;
  /** The success answer (libs/contracts *.responses.ts); null for 204 No Content. */
  response: z.ZodType | null;
  /**
   * Only where it differs from Nest's default (201 for POST, 200 otherwise); 404 for a route
   * that only ever refuses (Open311's catch-all), whose `response` is then its error document.
   */
  status?: 200 | 201 | 204 | 404;
  /** Other spellings of the same answer: format=csv (analytics) or .xml (Open311). */
  alsoAs?: 'text/csv' | 'text/xml';
}

const VERB = {
  [RequestMethod.GET]: Get,
  [RequestMethod.POST]: Post,
  [RequestMethod.PUT]: Put,
  [RequestMethod.PATCH]: Patch,
  [RequestMethod.DELETE]: Delete,
  [RequestMethod.ALL]: All,
} as const;
type Verb = keyof typeof VERB;

/** Every staff route's `default` answer: the one error body (a named component). */
const ERROR_BODY = openApiSchemaOf(ZErrorBody);

/** The answer's schema per content type: JSON, plus the same document as CSV or XML text. */
export function responseContent(schema: z.ZodType, alsoAs?: RouteSpec['alsoAs']) {
  const content: Record<string, { schema: object }> = { 'application/json': { schema: openApiSchemaOf(schema) } };
  if (alsoAs) content[alsoAs] = { schema: { type: 'string' } };
  return content;
}

/**
 * One route in one decorator: verb and path ('' for the controller's own), who may call it,
 * its OpenAPI summary, its status and its answer's schema (which the document references by
 * name and test runs enforce).
 */
function route(verb: Verb, path: string, spec: RouteSpec) {
  const status = spec.status ?? (verb === RequestMethod.POST ? 201 : 200);
  const decorators = [
    VERB[verb](path),
    ApiOperation({ summary: spec.summary, description: spec.description }),
    SetMetadata(RESPONSE_SCHEMA_KEY, spec.response),
  ];
  if (spec.status !== undefined && spec.status < 300) decorators.push(HttpCode(spec.status));
  if (spec.response === null) {
    decorators.push(ApiResponse({ status, description: 'No content' }));
  } else {
    const content = responseContent(spec.response, spec.alsoAs);
    decorators.push(ApiResponse({ status, description: status < 300 ? 'Success' : 'Refused', content }));
  }
  // Open311 answers its own error documents (Open311Error): its controller declares them.
  if (spec.access !== undefined) {
    decorators.push(ApiResponse({ status: 'default', description: 'Error (see `code`)', schema: ERROR_BODY }));
  }
  if (spec.access === 'public') decorators.push(Public());
  else if (spec.access) decorators.push(Roles(...spec.access), ApiBearerAuth());
  return applyDecorators(...decorators);
}

export const Route = {
  get: (path: string, spec: RouteSpec) => route(RequestMethod.GET, path, spec),
  post: (path: string, spec: RouteSpec) => route(RequestMethod.POST, path, spec),
  put: (path: string, spec: RouteSpec) => route(RequestMethod.PUT, path, spec),
  patch: (path: string, spec: RouteSpec) => route(RequestMethod.PATCH, path, spec),
  delete: (path: string, spec: RouteSpec) => route(RequestMethod.DELETE, path, spec),
  all: (path: string, spec: RouteSpec) => route(RequestMethod.ALL, path, spec),
};
