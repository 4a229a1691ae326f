import { Command } from 'commander';
import { join } from 'node:path';
import { makeScratchDir } from '../scratch-dir';
import { duplicateMetrics, RaisedFlag } from '../duplicates-eval/duplicate-metrics';
import { readLabelledSet } from '../duplicates-eval/labelled-set';
import { loadLabelledSet } from '../duplicates-eval/load-labelled-set';
import { withInProcessApi } from '../in-process-api';

const DEFAULT_SET = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'duplicates-dev.json');

/**
 * `c2g eval-duplicates [file]`: loads a labelled set into a fresh store through the command
 * API, lets the detector run, and prints precision, recall and F1 per kind, then one JSON line.
 */
export function evalDuplicatesCommand(): Command {
  return new Command('eval-duplicates')
    .description('measure the duplicate detector on a labelled set (format c2g-duplicates/1)')
    .argument('[file]', 'the labelled set', DEFAULT_SET)
    .action(async (file: string) => {
      const set = readLabelledSet(file);
      const scratch = makeScratchDir();
      try {
        const flags = await withInProcessApi(scratch.dir, { service: 'eval-loader', analyst: 'eval-reader' }, async (send) => {
          const position = await loadLabelledSet(set, send('service'));
          const raised: RaisedFlag[] = [];
          let cursor: string | undefined;
          do {
            const response = await send('analyst')('GET', `/duplicate-flags?status=open&limit=200&minPosition=${position}${cursor ? `&cursor=${cursor}` : ''}`);
            if (response.status !== 200) throw new Error(`listing flags failed with ${response.status}: ${response.body}`);
            const page = JSON.parse(response.body);
            raised.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor);
          return raised;
        });
        const result = duplicateMetrics(set, flags);
        for (const [kind, m] of Object.entries(result)) {
          process.stdout.write(
            `${kind.padEnd(10)} precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  f1 ${m.f1.toFixed(3)}  ` +
              `(flagged ${m.flagged}, labelled ${m.labelled}, correct ${m.correct})\n`,
          );
        }
        const { precision, recall, f1 } = result.overall;
        process.stdout.write(`${JSON.stringify({ precision, recall, f1 })}\n`);
      } finally {
        scratch.remove();
      }
    });
}
