import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eventually } from '../support/eventually';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { issueKey, postJson, SERVER_ADMIN_KEY, startServer } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

type LogObject = Record<string, unknown>;

/** Every line the server printed, each of which must be one JSON object (stdout is a pipe here, not a terminal). */
function jsonLines(output: string): LogObject[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogObject;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

const person = { name: 'Yael Secret-Person', email: 'yael.private@example.org', phone: '+972-50-123-4567' };

function expectNoSecrets(output: string, keys: string[]): void {
  for (const secret of [SERVER_ADMIN_KEY, ...keys, person.name, person.email, '123-4567']) expect(output).not.toContain(secret);
  expect(output).not.toMatch(/c2g_[a-z0-9]{16}_[A-Za-z0-9_-]{43}/);
}

describe('structured logs', () => {
  it('are one JSON object per line off a terminal; a command\'s line carries its correlation id and no key or e-mail', async () => {
    const temp = makeTempDir();
    const server = await startServer(join(temp.dir, 'data'), { LOG_LEVEL: 'debug' });
    let key = '';
    try {
      key = await issueKey(server.url, 'service');
      const correlated = { 'x-correlation-id': 'corr-logs-42' };
      await postJson(`${server.url}/communities`, key, kfarAza, correlated);
      await postJson(`${server.url}/communities`, key, boston, correlated);
      await postJson(`${server.url}/pairings`, key, kfarAzaBoston, correlated);
      await postJson(`${server.url}/pairings/kfar-aza-boston/team-members`, key, { side: 'israeli', role: 'coordinator', person }, correlated);
      await eventually(() => expect(server.output()).toContain('AssignTeamMember accepted'));
    } finally {
      await server.kill();
      temp.remove();
    }
    const lines = jsonLines(server.output());
    const listening = lines.find((l) => typeof l.message === 'string' && l.message.includes('listening on'));
    expect(listening).toMatchObject({ level: 'info', context: 'c2g', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const command = lines.find((l) => l.context === 'Commands' && String(l.message).startsWith('AssignTeamMember accepted'));
    expect(command).toMatchObject({ level: 'debug', correlationId: 'corr-logs-42', commandId: expect.any(String) });
    expect(lines.filter((l) => l.context === 'Commands').every((l) => l.correlationId === 'corr-logs-42')).toBe(true);
    expectNoSecrets(server.output(), [key]);
  }, 60_000);

  it('with OTLP on: log lines carry trace and span ids, and both threads export their spans to the collector', async () => {
    const received: { name: string; traceId: string; spanId: string; parentSpanId?: string; thread?: string }[] = [];
    const collector: Server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/v1/traces') {
          for (const resourceSpans of JSON.parse(body).resourceSpans ?? []) {
            const thread = resourceSpans.resource?.attributes?.find((a: { key: string }) => a.key === 'c2g.thread')?.value?.stringValue;
            for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) received.push({ ...span, thread });
          }
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const temp = makeTempDir();
    // JSON here so that the spans can be read; the default encoding, protobuf, is the next test's.
    const server = await startServer(join(temp.dir, 'data'), { LOG_LEVEL: 'debug', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '50' });
    let key = '';
    try {
      key = await issueKey(server.url, 'service');
      await postJson(`${server.url}/communities`, key, kfarAza, { 'x-correlation-id': 'corr-otlp-7' });
      await eventually(() => {
        const command = received.find((s) => s.name === 'command RegisterCommunity');
        expect(command).toBeDefined();
        expect(received.some((s) => s.name === 'project batch' && s.thread === 'projector' && s.traceId === command?.traceId)).toBe(true);
      }, 15_000);
    } finally {
      await server.kill();
      temp.remove();
      collector.close();
    }
    const command = received.find((s) => s.name === 'command RegisterCommunity')!;
    expect(received.find((s) => s.name === 'POST /communities')?.traceId).toBe(command.traceId);
    const line = jsonLines(server.output()).find((l) => l.context === 'Commands' && String(l.message).startsWith('RegisterCommunity accepted'));
    expect(line).toMatchObject({ correlationId: 'corr-otlp-7', traceId: command.traceId, spanId: command.spanId });
    expectNoSecrets(server.output(), [key]);
  }, 60_000);

  it('exports OTLP/HTTP as protobuf unless told otherwise (the specification\'s default)', async () => {
    const bodies: { type?: string; body: Buffer }[] = [];
    const collector: Server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces') bodies.push({ type: request.headers['content-type'], body: Buffer.concat(chunks) });
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const temp = makeTempDir();
    const server = await startServer(join(temp.dir, 'data'), {
      LOG_LEVEL: 'debug', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`, OTEL_BSP_SCHEDULE_DELAY: '50',
    });
    const all = () => Buffer.concat(bodies.map((b) => b.body));
    try {
      const key = await issueKey(server.url, 'service');
      await postJson(`${server.url}/communities`, key, kfarAza);
      await eventually(() => {
        expect(all().includes('command RegisterCommunity')).toBe(true);
        expect(all().includes('project batch')).toBe(true);
      }, 15_000);
    } finally {
      await server.kill();
      temp.remove();
      collector.close();
    }
    expect(new Set(bodies.map((b) => b.type))).toEqual(new Set(['application/x-protobuf']));
    // Protobuf carries ids as raw bytes: the trace id the command's log line names is in there, whole.
    const line = jsonLines(server.output()).find((l) => l.context === 'Commands' && String(l.message).startsWith('RegisterCommunity accepted'))!;
    expect(all().includes(Buffer.from(String(line.traceId), 'hex'))).toBe(true);
    expect(all().includes(String(line.traceId))).toBe(false);
  }, 60_000);
});
