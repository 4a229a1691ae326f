import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { makeTempDir } from '../support/temp-dir';

const run = promisify(execFile);
const ADMIN_KEY = 'readme-tour-admin-key-0123456789';

/** The README's "A tour of the API" shell block, exactly as a reader copies it. */
function readmeTour(readme: string): string {
  const section = readme.slice(readme.indexOf('## A tour of the API'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README: no ```sh block under "A tour of the API"');
  return block[1];
}

/**
 * The tour as this test runs it: against the started server, with every post/get call's answer
 * also written, tagged with its path, to $TOUR_LOG (what the reader sees on stdout is unchanged),
 * and the endless /live feed cut after a second.
 */
function instrumented(tour: string, url: string): string {
  const lines = tour.split('\n').map((line) => {
    if (/^URL=/.test(line)) return `URL=${url}`;
    if (/^ADMIN=/.test(line)) return `ADMIN=${ADMIN_KEY}`;
    const fn = /^(post|get)\(\) \{/.exec(line)?.[1];
    if (fn) {
      // On the same line, so that the tour's line numbers stay those of the README's block.
      return `${line}; eval "_readme_$(declare -f ${fn})"; ${fn}() { local out; out=$(_readme_${fn} "$@"); printf '%s\\n' "$out"; printf '@@ %s %s\\n%s\\n' "\${BASH_LINENO[0]}" "$1" "$out" >> "$TOUR_LOG"; }`;
    }
    return line.replace('--max-time 30', '--max-time 1');
  });
  return lines.join('\n');
}

/** The README's "# → …" claims: the path of the call each documents and the answer it shows. */
function claims(tour: string): { path: RegExp; shown: string; answer: RegExp }[] {
  const lines = tour.split('\n');
  const callPath = (line: string) => /(?:^|\$\()\s*(?:post|get) (?:'([^']+)'|"([^"]+)"|(\S+))/.exec(line);
  return lines.flatMap((line, i) => {
    const claim = /# → (.*?)(?: {2}|$)/.exec(line);
    if (!claim) return [];
    let at = i;
    while (at >= 0 && !callPath(lines[at])) at -= 1;
    const call = callPath(lines[at])!;
    const path = call[1] ?? call[2] ?? call[3];
    const pattern = (text: string, wildcard: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/…/g, wildcard);
    return [{ path: new RegExp(`^${pattern(path, '').replace(/\\\$P/g, '\\d+')}$`), shown: claim[1], answer: new RegExp(`^${pattern(claim[1], '.*?')}$`) }];
  });
}

describe("the README's tour of the API", () => {
  let temp: ReturnType<typeof makeTempDir>;
  let server: ApiProcess;
  beforeAll(async () => {
    temp = makeTempDir();
    server = await startApiProcess({ C2G_DATA_DIR: join(temp.dir, 'data'), C2G_ADMIN_KEY: ADMIN_KEY });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    temp.remove();
  });

  it('runs as written against a fresh server: every call succeeds and every answer it shows is the one given', async () => {
    const tour = readmeTour(readFileSync(join(__dirname, '../../README.md'), 'utf8'));
    const log = join(temp.dir, 'tour.log');
    // The last command, the /live feed cut after a second, exits 28 (curl's "timed out"): the end of the tour.
    const { stdout, stderr } = await run('bash', ['-c', instrumented(tour, server.url)], { cwd: temp.dir, env: { ...process.env, TOUR_LOG: log }, timeout: 60_000 })
      .catch((ended: { code: number; stdout: string; stderr: string }) => (ended.code === 28 ? ended : Promise.reject(ended)));
    expect(stderr).toBe('');
    expect(stdout).toMatch(/\nevent: heartbeat\n/); // the feed answered at once

    const answers = readFileSync(log, 'utf8').split(/^@@ /m).filter(Boolean).map((entry) => {
      const [head, ...body] = entry.trimEnd().split('\n');
      const [line, path] = head.split(' ');
      return { line: Number(line), path, body: body.join('\n') };
    });
    // Every post/get line of the block was run (a tour stopping half-way leaves lines unanswered).
    const callLines = tour.split('\n').flatMap((line, i) => (/(?:^\s*|\$\()(?:post|get) /.test(line) ? [i + 1] : []));
    expect([...new Set(answers.map((a) => a.line))].sort((a, b) => a - b)).toEqual(callLines);
    const failed = answers.filter(({ body }) => {
      try {
        return 'error' in JSON.parse(body);
      } catch {
        return true;
      }
    });
    expect(failed).toEqual([]);

    const documented = claims(tour);
    expect(documented).toHaveLength(tour.split('\n').filter((line) => line.includes('# → ')).length);
    for (const { path, shown, answer } of documented) {
      const given = answers.filter((a) => path.test(a.path)).map((a) => a.body);
      expect([path.source, given.length > 0]).toEqual([path.source, true]);
      expect({ shown, actual: given[given.length - 1] }).toEqual({ shown, actual: expect.stringMatching(answer) });
    }
  }, 90_000);
});
