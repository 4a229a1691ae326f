import { Role } from '../../apps/api/src/auth/role';
import { TestApp } from './test-app';

export interface Sent {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, unknown>;
}

/** Thin helpers over Fastify inject, with a key of the chosen role (service by default). */
export function apiClient(harness: TestApp) {
  async function send(method: 'GET' | 'POST', url: string, payload?: unknown, options: { role?: Role; headers?: Record<string, string> } = {}): Promise<Sent> {
    const key = await harness.keyFor(options.role ?? (method === 'GET' ? 'analyst' : 'service'));
    const response = await harness.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}`, ...options.headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined, headers: response.headers };
  }
  return {
    post: (url: string, payload?: unknown, options?: { role?: Role; headers?: Record<string, string> }) => send('POST', url, payload, options),
    get: (url: string, options?: { role?: Role; headers?: Record<string, string> }) => send('GET', url, undefined, options),
  };
}
