import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { issueKey, postJson, startServer } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * `c2g replay` deletes and rebuilds the read-model files: while a server feeds them it
 * refuses, naming the server's pid, and the server goes on serving; once the server has
 * stopped, replay runs.
 */
describe('c2g replay while a server runs', () => {
  it('refuses, naming the server, and runs once the server is gone', async () => {
    const temp = makeTempDir();
    const server = await startServer(temp.dir);
    try {
      const key = await issueKey(server.url, 'service');
      const registered = await postJson(`${server.url}/communities`, key, { id: 'boston', name: 'CJP Boston', kind: 'global', settlementType: 'federation', country: 'US' });
      expect(registered.status).toBe(201);

      const refused = await runCli(['replay', '--data-dir', temp.dir]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`in use by a running c2g server (pid ${server.child.pid}); stop it first`);
      expect(existsSync(join(temp.dir, 'read-models', 'communities.v1.sqlite'))).toBe(true);
      const analyst = await issueKey(server.url, 'analyst');
      const read = await fetch(`${server.url}/communities?minPosition=${registered.body.position}`, { headers: { authorization: `Bearer ${analyst}` } });
      expect(read.status).toBe(200);

      await server.kill();
      const replayed = await runCli(['replay', '--data-dir', temp.dir]);
      expect(replayed.code).toBe(0);
      expect(replayed.stdout).toMatch(/^replayed \d+ events into \d+ read models/);
    } finally {
      await server.kill();
      temp.remove();
    }
  }, 90_000);
});
