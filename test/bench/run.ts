/**
 * npm run bench [-- --quick]: each scenario measures its baseline and c2g alternately in this
 * run, prints a table, and the last line is JSON with every ratio. Never part of npm test.
 */
import { duplicateDetectionScenario } from './duplicate-detection.bench';
import { httpCommandScenario } from './http-commands.bench';
import { peerCommandPathScenario } from './peer-command-path.bench';
import { replayScenario } from './replay.bench';
import { storeAppendScenario } from './store-appends.bench';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const ratios: Record<string, number> = {};
  for (const scenario of [httpCommandScenario, peerCommandPathScenario, storeAppendScenario, replayScenario, duplicateDetectionScenario]) {
    const result = await scenario(quick);
    process.stdout.write(`\n${result.name}\n`);
    for (const [label, value] of result.rows) process.stdout.write(`  ${label.padEnd(40)} ${value}\n`);
    process.stdout.write(`  ratio ${result.ratio.key} = ${result.ratio.value.toFixed(2)} (target ${result.ratio.target})\n`);
    ratios[result.ratio.key] = Math.round(result.ratio.value * 100) / 100;
  }
  process.stdout.write(`${JSON.stringify(ratios)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
