import { demoRequests } from '../../apps/cli/src/demo/demo-dataset';
import { loadDemo } from '../../apps/cli/src/demo/load-demo';
import { TestApp } from './test-app';

/** Loads the demo program into a test app through its HTTP command path. */
export async function loadDemoInto(harness: TestApp) {
  const key = await harness.keyFor('service');
  return loadDemo(demoRequests(), async (request, idempotencyKey) => {
    const response = await harness.app.inject({
      method: 'POST',
      url: request.url,
      headers: { authorization: `Bearer ${key}`, 'idempotency-key': idempotencyKey },
      payload: (request.body ?? {}) as object,
    });
    return { status: response.statusCode, body: response.body };
  });
}
