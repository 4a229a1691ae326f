import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Plan lists arrive as text/csv; the body limit still applies. */
export function registerCsvParser(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}
