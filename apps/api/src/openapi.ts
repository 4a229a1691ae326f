import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI document generated from the controllers and DTOs, served at /docs (JSON at /docs-json). */
export function mountOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('c2g — Communities2Gether coordination API')
      .setDescription(
        'Commands (role service) append events; queries (analyst) read projections; audit (auditor) ' +
          'inspects streams. Errors: { error, code, message, details? }. Money is { amount: integer minor ' +
          'units, currency: ISO-4217 }.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key: c2g_<keyId>_<secret>' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
