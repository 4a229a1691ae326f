import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** dist/console of the checkout, found from this file in the sources (ts) or in dist (js). */
export function defaultConsoleDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'console');
}

/**
 * Serves the console (a static single-page app built by `npm run build`) at /console/. Its
 * files hold no data: every answer it shows comes from the API with the user's own key, so
 * the files need no key. When it was never built, /console says how to build it.
 */
export async function mountConsole(app: NestFastifyApplication, dir: string = defaultConsoleDir()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!existsSync(join(dir, 'index.html'))) {
    fastify.get('/console*', async (_request, reply) =>
      reply.status(404).send({ error: 'not-found', code: 'console-not-built', message: `the console is not built in ${dir}: run npm run build` }),
    );
    return;
  }
  // /docs already registered @fastify/static, so this instance must not decorate the reply again.
  await app.register(fastifyStatic, { root: dir, prefix: '/console/', decorateReply: false, index: 'index.html' });
  fastify.get('/console', async (_request, reply) => reply.redirect('/console/'));
}
