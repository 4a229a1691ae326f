import { DemoRequest } from './demo-dataset';

/** Sends one command; returns the HTTP status and body. */
export type SendCommand = (request: DemoRequest, idempotencyKey: string) => Promise<{ status: number; body: string }>;

export interface DemoOutcome {
  alreadyLoaded: boolean;
  position: number;
}

/**
 * Sends the demo through the command API in order, each request with an Idempotency-Key so
 * a retried request is never applied twice. When the first command changes nothing (the
 * demo's first community is already registered), the demo is already there: stop.
 */
export async function loadDemo(requests: DemoRequest[], send: SendCommand, onProgress?: (done: number) => void): Promise<DemoOutcome> {
  let position = 0;
  for (const [index, request] of requests.entries()) {
    const { status, body } = await send(request, `c2g-demo-v1-${index}`);
    if (status >= 300) throw new Error(`demo request ${index} (POST ${request.url}) was refused with ${status}: ${body}`);
    const answer = JSON.parse(body) as { position: number; eventIds: string[] };
    if (index === 0 && answer.eventIds.length === 0) return { alreadyLoaded: true, position: answer.position };
    position = Math.max(position, answer.position);
    onProgress?.(index + 1);
  }
  return { alreadyLoaded: false, position };
}
