import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';

/** How long, and how much, c2g keeps reading a refused body before it drops the connection. */
export interface DrainLimits {
  maxBytes: number;
  maxMs: number;
}

/**
 * A body refused before it was read (413 over the limit, 415) is still on its way. Closing the
 * socket while the client sends makes its kernel answer the data with a reset, which can
 * discard the 413 before the client reads it. So the answer goes out on a connection that
 * stays open, the rest of the upload is read and dropped (up to `limits`), and only then is
 * the connection closed (when the client asked for that) or kept for its next request.
 */
export function drainRefusedBodies(app: NestFastifyApplication, limits: DrainLimits): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    // Fastify asks for `connection: close` after a parser error; Node would then destroy the socket.
    if (request.raw.complete === false) void reply.header('connection', 'keep-alive');
    return payload;
  });
  fastify.addHook('onResponse', async (request) => {
    if (request.raw.complete === false) drain(request.raw, limits);
  });
}

function drain(request: IncomingMessage, { maxBytes, maxMs }: DrainLimits): void {
  const socket = request.socket;
  const closeWhenDone = /\bclose\b/i.test(request.headers.connection ?? '');
  let received = 0;
  const drop = () => socket.destroy();
  const timer = setTimeout(drop, maxMs).unref();
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) {
      clearTimeout(timer);
      drop();
    }
  });
  request.once('end', () => {
    clearTimeout(timer);
    if (closeWhenDone) socket.end();
  });
  request.once('error', () => clearTimeout(timer));
  request.resume();
}
