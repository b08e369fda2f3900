import { ERROR_CODES } from '@hotline/contracts';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { responseComponents, type SchemaObject } from './common/openapi-schema';

/** The body of every error (apps/api/src/common/http-exception.filter.ts), with its code list. */
const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 409 },
    error: { type: 'string', example: 'Conflict' },
    code: { type: 'string', enum: [...ERROR_CODES], example: 'case.version_conflict' },
    message: { type: 'string', example: 'This case was changed by someone else; reload and try again' },
    params: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
    details: {
      description: 'validation.invalid_input: one {path, code, message, minimum?, maximum?, …} per failed field',
    },
    requestId: { type: 'string' },
  },
};

export function buildOpenApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('12345 Hotline API')
    .setDescription(
      'Citizen service hotline: intake, flat dispatch, deadline supervision, follow-up and service-gap analysis. ' +
        'Staff authenticate with a Bearer access token from POST /api/auth/login (or the hl_access cookie). ' +
        'Every error answers an ErrorBody: a stable machine `code` (translate by it; the English `message` may be reworded), ' +
        'its `params`, and for validation failures the failed fields in `details`. Open311 answers GeoReport errors instead.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    // The named response schemas the routes declared (@Route), beside the error body.
    schemas: { ...document.components?.schemas, ...responseComponents(), ErrorBody: ERROR_BODY_SCHEMA },
  };
  return document;
}

/** Swagger UI at /api/docs, the JSON document at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
