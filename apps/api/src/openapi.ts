import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { responseComponents } from './common/openapi-schema';

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
    // The named schemas the routes answer (@Route), ErrorBody among them.
    schemas: { ...document.components?.schemas, ...responseComponents() },
  };
  return document;
}

/** Swagger UI at /api/docs, the JSON document at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
