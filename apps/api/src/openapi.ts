import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DEFAULT_SECTORS } from '@c2g/domain';
import { completeDocument } from './openapi/complete-document';
import { routeAccessOf } from './openapi/route-access';

/**
 * OpenAPI document generated from the controllers and DTOs, served at /docs (JSON at /docs-json),
 * completed with each route's role from the guard's metadata (openapi/complete-document.ts).
 * `test/e2e/openapi.e2e.spec.ts` lints it with @redocly/cli and matches it with the served routes.
 */
export function mountOpenApi(app: NestFastifyApplication, sectors: readonly string[] = DEFAULT_SECTORS): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('c2g — Communities2Gether coordination API')
      .setDescription(
        'Commands (role service) append events and answer { id, streamId, revision, position, eventIds }; queries ' +
          '(analyst) read projections and say the log position they reflect; audit (auditor) inspects streams; admin ' +
          'manages keys; operator scrapes /metrics. Each operation states its role (also as x-required-role). Errors ' +
          'are always { error, code, message, details? }. Money is { amount: integer minor units, currency: ISO-4217 }.',
      )
      .setVersion('0.1.0')
      .addServer('http://127.0.0.1:3000', 'a local server with the default PORT and HOST')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'c2g API key',
        description: 'an API key c2g_<keyId>_<secret>, issued by POST /admin/api-keys (not a JWT)',
      })
      .build(),
  );
  document.info.license = { name: 'UNLICENSED (proprietary, see package.json)' };
  SwaggerModule.setup('docs', app, completeDocument(document, routeAccessOf(app), sectors), { jsonDocumentUrl: 'docs-json' });
}
