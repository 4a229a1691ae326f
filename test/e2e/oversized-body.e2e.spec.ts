import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, TestApp } from '../support/test-app';

const LIMIT = 16 * 1024;
/** Four times the limit, sent in small pieces with pauses: a client still sending when refused. */
const BODY_BYTES = 4 * LIMIT;
const PIECE = 2 * 1024;
const PAUSE_MS = 5;

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Every byte of the upload was written without the connection failing. */
  sentEverything: boolean;
  socketError?: string;
}

/** Reads one HTTP/1.1 response (with content-length) from what arrived on a raw socket. */
function parseResponse(received: string): { status: number; headers: Record<string, string>; body: string; rest: string } | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = received.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const length = Number(headers['content-length']);
  const body = received.slice(end + 4, end + 4 + length);
  if (Buffer.byteLength(body) < length) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body, rest: received.slice(end + 4 + length) };
}

/**
 * Sends a request head, then its body piece by piece with pauses, reading the socket all the
 * while, as curl or a browser does; reports whether the whole upload went through.
 */
async function slowUpload(port: number, head: string, pieces: Buffer[]): Promise<Exchange & { socket: Socket; received: () => string }> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  let socketError: string | undefined;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', (error: NodeJS.ErrnoException) => (socketError = error.code ?? error.message));
  await once(socket, 'connect');
  socket.write(head);
  let sentEverything = true;
  for (const piece of pieces) {
    if (socketError || socket.destroyed) {
      sentEverything = false;
      break;
    }
    await new Promise<void>((resolve) => socket.write(piece, () => resolve()));
    await sleep(PAUSE_MS);
  }
  // Give a reset for the last pieces time to arrive.
  await sleep(100);
  if (socketError) sentEverything = false;
  const deadline = Date.now() + 5_000;
  while (!parseResponse(received) && Date.now() < deadline && !socket.destroyed) await sleep(10);
  const response = parseResponse(received);
  return {
    status: response?.status ?? 0,
    headers: response?.headers ?? {},
    body: response?.body ?? received,
    sentEverything,
    socketError,
    socket,
    received: () => received,
  };
}

const pieces = (total: number, wrap: (piece: Buffer) => Buffer = (piece) => piece) =>
  Array.from({ length: Math.ceil(total / PIECE) }, (_, i) => wrap(Buffer.alloc(Math.min(PIECE, total - i * PIECE), i === 0 ? '{"name":"' : 'x')));

/**
 * A body over C2G_BODY_LIMIT_BYTES is answered 413 in the error shape, and a client that is
 * still sending reads it: the server does not reset the connection under the upload.
 */
describe('an oversized body on a real listening server', () => {
  let harness: TestApp;
  let port: number;
  let service: string;
  const head = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition as string;

  beforeAll(async () => {
    harness = await startTestApp({ C2G_BODY_LIMIT_BYTES: String(LIMIT), C2G_RATE_LIMIT_PER_MINUTE: '1000000' });
    await harness.app.listen(0, '127.0.0.1');
    port = (harness.app.getHttpServer().address() as AddressInfo).port;
    service = await harness.keyFor('service');
  });
  afterAll(() => harness.stop());

  /** The rest of the upload was read and dropped: the next request on the same connection is answered. */
  async function expectConnectionReusable(exchange: Awaited<ReturnType<typeof slowUpload>>) {
    const answered = exchange.received().length;
    exchange.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const deadline = Date.now() + 5_000;
    while (!parseResponse(exchange.received().slice(answered)) && Date.now() < deadline) await sleep(10);
    expect(parseResponse(exchange.received().slice(answered))?.status).toBe(200);
    exchange.socket.destroy();
  }

  const requestHead = (headers: string) =>
    `POST /communities HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${service}\r\nContent-Type: application/json\r\n${headers}\r\n`;

  it('answers 413 to a declared length over the limit, lets the upload finish, and keeps the connection usable', async () => {
    const before = await head();
    const exchange = await slowUpload(port, requestHead(`Content-Length: ${BODY_BYTES}\r\n`), pieces(BODY_BYTES));
    expect({ status: exchange.status, sentEverything: exchange.sentEverything, socketError: exchange.socketError }).toEqual({ status: 413, sentEverything: true, socketError: undefined });
    expect(JSON.parse(exchange.body)).toEqual({ error: 'payload-too-large', code: 'payload-too-large', message: `the body is larger than the limit of ${LIMIT} bytes` });
    await expectConnectionReusable(exchange);
    expect(await head()).toBe(before);
  });

  it('answers 413 to a chunked upload that grows past the limit while the client keeps sending', async () => {
    const chunk = (piece: Buffer) => Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
    const exchange = await slowUpload(port, requestHead('Transfer-Encoding: chunked\r\n'), [...pieces(BODY_BYTES, chunk), Buffer.from('0\r\n\r\n')]);
    expect({ status: exchange.status, sentEverything: exchange.sentEverything, socketError: exchange.socketError }).toEqual({ status: 413, sentEverything: true, socketError: undefined });
    expect(JSON.parse(exchange.body)).toMatchObject({ error: 'payload-too-large', code: 'payload-too-large' });
    await expectConnectionReusable(exchange);
  });

  it('closes after the drained upload when the client asked for Connection: close', async () => {
    const exchange = await slowUpload(port, requestHead(`Content-Length: ${BODY_BYTES}\r\nConnection: close\r\n`), pieces(BODY_BYTES));
    expect({ status: exchange.status, sentEverything: exchange.sentEverything, socketError: exchange.socketError }).toEqual({ status: 413, sentEverything: true, socketError: undefined });
    const closed = exchange.socket.readableEnded ? Promise.resolve() : once(exchange.socket, 'end');
    await expect(Promise.race([closed.then(() => 'closed'), sleep(5_000).then(() => 'still open')])).resolves.toBe('closed');
    exchange.socket.destroy();
  });

  it('lets a node:http client that streams a body too large read the 413', async () => {
    const result = await new Promise<{ status?: number; body: string; error?: string }>((resolve) => {
      const outcome: { status?: number; body: string; error?: string } = { body: '' };
      const request = httpRequest({
        host: '127.0.0.1', port, method: 'POST', path: '/communities',
        headers: { authorization: `Bearer ${service}`, 'content-type': 'application/json', 'content-length': BODY_BYTES },
      });
      request.on('response', (response) => {
        outcome.status = response.statusCode;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (outcome.body += chunk));
        response.on('end', () => resolve(outcome));
      });
      request.on('error', (error: NodeJS.ErrnoException) => resolve({ ...outcome, error: error.code ?? error.message }));
      void (async () => {
        for (const piece of pieces(BODY_BYTES)) {
          if (request.destroyed) return;
          request.write(piece);
          await sleep(PAUSE_MS);
        }
        request.end();
      })();
    });
    expect({ status: result.status, error: result.error }).toEqual({ status: 413, error: undefined });
    expect(JSON.parse(result.body)).toMatchObject({ error: 'payload-too-large', code: 'payload-too-large' });
  });

  it('answers 415 to a large body of another media type while it is still being sent', async () => {
    const exchange = await slowUpload(
      port,
      `POST /communities HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${service}\r\nContent-Type: text/plain\r\nContent-Length: ${BODY_BYTES}\r\n\r\n`,
      pieces(BODY_BYTES),
    );
    expect({ status: exchange.status, sentEverything: exchange.sentEverything }).toEqual({ status: 415, sentEverything: true });
    expect(JSON.parse(exchange.body)).toEqual({
      error: 'unsupported-media-type', code: 'unsupported-media-type',
      message: 'content-type text/plain is not accepted here: send the body with content-type: application/json',
    });
    await expectConnectionReusable(exchange);
  });
});
