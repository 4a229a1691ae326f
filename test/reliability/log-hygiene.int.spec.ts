import { join } from 'node:path';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { issueKey, postJson, SERVER_ADMIN_KEY, startServer } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

describe('server logs', () => {
  it('carry no API keys and no personal data, even at the most verbose level and on errors', async () => {
    const temp = makeTempDir();
    const server = await startServer(join(temp.dir, 'data'), { LOG_LEVEL: 'verbose' });
    try {
      const key = await issueKey(server.url, 'service');
      await postJson(`${server.url}/communities`, key, kfarAza);
      await postJson(`${server.url}/communities`, key, boston);
      await postJson(`${server.url}/pairings`, key, kfarAzaBoston);
      const person = { name: 'Yael Secret-Person', email: 'yael.private@example.org', phone: '+972-50-123-4567' };
      await postJson(`${server.url}/pairings/kfar-aza-boston/team-members`, key, { side: 'israeli', role: 'coordinator', person });
      await postJson(`${server.url}/pairings/kfar-aza-boston/team-members`, key, { side: 'martian', role: 'x', person });
      await postJson(`${server.url}/pairings/kfar-aza-boston/team-members`, `${key}tampered`, { side: 'israeli', role: 'x', person });
    } finally {
      await server.kill();
      temp.remove();
    }
    const output = server.output();
    expect(output).toMatch(/Mapped \{\/pairings\/:id\/team-members, POST\} route/);
    for (const secret of [SERVER_ADMIN_KEY, 'Yael Secret-Person', 'yael.private@example.org', '123-4567']) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/c2g_[a-z0-9]{16}_[A-Za-z0-9_-]{43}/);
  }, 60_000);
});
