import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeBackup } from '../../apps/cli/src/backup/take-backup';
import { alternate } from './measure';
import { fillStore } from './replay.bench';

/**
 * `c2g backup` of a large log vs a plain file copy of the same database while nothing writes to it
 * (store closed, WAL checkpointed: the only moment a plain copy is safe). The backup does more:
 * SQLite's online backup under a read snapshot, the switch to a self-contained file, the snapshot
 * check and SHA-256 of the copy. Standalone: node -r @swc-node/register test/bench/backup.bench.ts [--quick]
 */
export async function backupScenario(quick: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'c2g-bench-backup-'));
  try {
    const dataDir = join(dir, 'data');
    const file = join(dataDir, 'events.sqlite');
    const events = Number(await fillStore(file, quick ? 50_000 : 1_000_000));
    let round = 0;
    const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
    const { baseline, subject } = await alternate(
      3,
      async () => {
        const started = process.hrtime.bigint();
        copyFileSync(file, join(dir, `plain-${round}.sqlite`));
        const s = seconds(started);
        rmSync(join(dir, `plain-${round}.sqlite`));
        return events / s;
      },
      async () => {
        const to = join(dir, `backup-${round++}`);
        const started = process.hrtime.bigint();
        await takeBackup(dataDir, to);
        const s = seconds(started);
        rmSync(to, { recursive: true });
        return events / s;
      },
    );
    return {
      name: `backup of ${events.toLocaleString('en')} events (quiesced database)`,
      rows: [
        ['plain file copy (cp, nothing writing)', `${Math.round(baseline)} events/s (${(events / baseline).toFixed(2)} s)`],
        ['c2g backup (online backup + SHA-256)', `${Math.round(subject)} events/s (${(events / subject).toFixed(2)} s)`],
      ] as [string, string][],
      ratio: { key: 'backupRatio', value: subject / baseline, target: 'informational' },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  backupScenario(process.argv.includes('--quick'))
    .then((result) => {
      process.stdout.write(`${result.name}\n`);
      for (const [label, value] of result.rows) process.stdout.write(`  ${label.padEnd(40)} ${value}\n`);
      process.stdout.write(`  ratio ${result.ratio.key} = ${result.ratio.value.toFixed(2)}\n`);
    })
    .catch((error: Error) => {
      process.stderr.write(`bench failed: ${error.message}\n`);
      process.exit(1);
    });
}
