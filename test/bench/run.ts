/**
 * npm run bench [-- --quick] [-- --only <name>[,<name>…]]: each scenario measures its baseline
 * and c2g alternately in this run, prints a table, and the last line is JSON with every ratio.
 * Names: http, peer, peer-postgres, appends, replay, asof, mixed, duplicates, backup, observability, transparency, claims.
 * Never part of npm test.
 */
import { asOfScenario } from './as-of.bench';
import { backupScenario } from './backup.bench';
import { removeBenchLogs } from './bench-log';
import { duplicateDetectionScenario } from './duplicate-detection.bench';
import { eventStoreDbClaimsScenario } from './eventstoredb-claims.bench';
import { httpCommandScenario } from './http-commands.bench';
import { mixedScenario } from './mixed.bench';
import { observabilityScenario } from './observability.bench';
import { peerCommandPathScenario, peerPostgresCommandPathScenario } from './peer-command-path.bench';
import { replayScenario } from './replay.bench';
import { storeAppendScenario } from './store-appends.bench';
import { transparencyScenario } from './transparency.bench';

interface ScenarioResult {
  name: string;
  rows: string[][];
  ratio: { key: string; value: number; target: string };
}

const SCENARIOS: Record<string, (quick: boolean) => Promise<ScenarioResult>> = {
  http: httpCommandScenario,
  mixed: mixedScenario,
  peer: peerCommandPathScenario,
  'peer-postgres': peerPostgresCommandPathScenario,
  appends: storeAppendScenario,
  replay: replayScenario,
  asof: asOfScenario,
  duplicates: duplicateDetectionScenario,
  backup: backupScenario,
  observability: observabilityScenario,
  transparency: transparencyScenario,
  claims: eventStoreDbClaimsScenario,
};

function selected(): string[] {
  const at = process.argv.indexOf('--only');
  if (at < 0) return Object.keys(SCENARIOS);
  const names = (process.argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(name in SCENARIOS));
  if (names.length === 0 || unknown.length) throw new Error(`--only takes scenario names among ${Object.keys(SCENARIOS).join(', ')}; got "${process.argv[at + 1] ?? ''}"`);
  return names;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const ratios: Record<string, number> = {};
  const lines: string[] = [];
  try {
    for (const name of selected()) {
      const result = await SCENARIOS[name](quick);
      process.stdout.write(`\n${result.name}\n`);
      for (const [label, value] of result.rows) process.stdout.write(`  ${label.padEnd(40)} ${value}\n`);
      const line = `ratio ${result.ratio.key} = ${result.ratio.value.toFixed(result.ratio.value < 0.1 ? 3 : 2)} (target ${result.ratio.target})`;
      process.stdout.write(`  ${line}\n`);
      lines.push(line);
      ratios[result.ratio.key] = Math.round(result.ratio.value * 1000) / 1000;
    }
  } finally {
    removeBenchLogs();
  }
  process.stdout.write(`\n${lines.join('\n')}\n${JSON.stringify(ratios)}\n`);
}

main().catch((error) => {
  removeBenchLogs();
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
