import { Command, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { breakdown, formatMetrics, Metrics, metrics } from '../duplicates-eval/breakdown';
import { factsOf, Pair } from '../duplicates-eval/labelled-pairs';
import { LabelledSet, readLabelledSet } from '../duplicates-eval/labelled-set';
import { RoundResult, runRound } from '../duplicates-eval/run-evaluation';
import { wordingFolds } from '../duplicates-eval/wording-groups';

const DEFAULT_SET = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'duplicates-dev.json');

const whole = (value: string) => {
  const k = Number(value);
  if (!Number.isInteger(k) || k < 2 || k > 20) throw new InvalidArgumentError('--folds takes a whole number from 2 to 20');
  return k;
};
const fraction = (value: string) => {
  const f = Number(value);
  if (!(f > 0 && f <= 0.5)) throw new InvalidArgumentError('--feedback takes a fraction above 0 and at most 0.5, e.g. 0.2');
  return f;
};

interface Options {
  folds?: number;
  feedback?: number;
  ids?: boolean;
}

/**
 * `c2g eval-duplicates [file]`: loads a labelled set into a fresh store through the command
 * API, lets the detector run, and prints precision and recall per kind, language pair and
 * sector, each miss and false flag with the detector's reasons, then one JSON line.
 * `--folds K` measures on wordings never seen in the reviewed part; `--feedback F` measures the
 * rest before and after a reviewer resolved a fraction F of the pairs.
 */
export function evalDuplicatesCommand(): Command {
  return new Command('eval-duplicates')
    .description('measure the duplicate detector on a labelled set (format c2g-duplicates/1)')
    .argument('[file]', 'the labelled set', DEFAULT_SET)
    .option('--folds <k>', 'split items into K folds by wording; review the others, measure each fold, average', whole)
    .option('--feedback <fraction>', 'resolve this fraction of the pairs (by wording group) as a reviewer would; measure the rest before and after', fraction)
    .option('--ids', 'name misses and false flags by their ids (left out by default, so a report can be shared)')
    .action(async (file: string, options: Options) => {
      const set = readLabelledSet(file);
      const out = (line = '') => process.stdout.write(`${line}\n`);
      if (options.folds && options.feedback) throw new Error('--folds and --feedback are separate measurements: give one');
      if (options.folds) return void (await byFolds(set, options.folds, options, out));
      if (options.feedback) return void (await withFeedback(set, options.feedback, options, out));
      const result = await runRound(set, () => true);
      const table = report(set, result, options, out);
      const { precision, recall, f1 } = table;
      out(JSON.stringify({ precision, recall, f1 }));
    });
}

/** Prints a round's breakdown, misses and false flags; returns its overall figures. */
function report(set: LabelledSet, result: RoundResult, options: Options, out: (line?: string) => void): Metrics {
  const facts = factsOf(set);
  const rows = breakdown(result.flagged, result.labelled, facts);
  for (const [name, m] of rows) out(formatMetrics(name, m));
  const describe = (p: Pair) => {
    const f = facts(p);
    return `${p.kind} ${f.languages} ${f.sector}${options.ids ? ` [${p.needId} / ${p.otherId}]` : ''}: "${f.titles[0]}" / "${f.titles[1]}"`;
  };
  for (const miss of result.misses) out(`miss ${describe(miss.pair)} — ${miss.reasons.join('; ')}`);
  for (const flag of result.falseFlags) out(`false flag ${describe(flag.pair)} — ${flag.reasons.join('; ')}`);
  return rows.find(([name]) => name === 'overall')?.[1] ?? metrics(0, 0, 0);
}

async function byFolds(set: LabelledSet, k: number, options: Options, out: (line?: string) => void): Promise<void> {
  const fold = wordingFolds(set, k);
  const rounds: RoundResult[] = [];
  for (let f = 0; f < k; f += 1) {
    const result = await runRound(set, (id) => fold.get(id) === f, (id) => fold.get(id) !== f);
    rounds.push(result);
    const m = metrics(result.flagged.length, result.labelled.length, result.flagged.filter((p) => result.labelled.some((l) => l.key === p.key)).length);
    out(formatMetrics(`fold ${f + 1}/${k} (reviewed ${result.reviewed?.decisions ?? 0} pairs)`, m));
  }
  const perFold = rounds.map((r) => breakdown(r.flagged, r.labelled, factsOf(set)).find(([n]) => n === 'overall')![1]);
  const mean = (field: 'precision' | 'recall' | 'f1') => perFold.reduce((sum, m) => sum + m[field], 0) / perFold.length;
  out(`mean over ${k} folds: precision ${mean('precision').toFixed(3)}  recall ${mean('recall').toFixed(3)}  f1 ${mean('f1').toFixed(3)}`);
  out('all folds together:');
  const pooled: RoundResult = {
    flagged: rounds.flatMap((r) => r.flagged), labelled: rounds.flatMap((r) => r.labelled),
    misses: rounds.flatMap((r) => r.misses), falseFlags: rounds.flatMap((r) => r.falseFlags),
  };
  report(set, pooled, options, out);
  out(JSON.stringify({ folds: k, precision: mean('precision'), recall: mean('recall'), f1: mean('f1') }));
}

async function withFeedback(set: LabelledSet, share: number, options: Options, out: (line?: string) => void): Promise<void> {
  // The reviewed share is one of round(1 / share) folds by wording, so the rest is worded otherwise.
  const fold = wordingFolds(set, Math.round(1 / share));
  const rest = (id: string) => fold.get(id) !== 0;
  out('before feedback (the rest):');
  const before = report(set, await runRound(set, rest), options, out);
  const result = await runRound(set, rest, (id) => fold.get(id) === 0);
  out(`after feedback: ${result.reviewed?.decisions ?? 0} decisions on ${result.reviewed?.pairs ?? 0} reviewed pairs (${result.reviewed?.refused ?? 0} refused), the rest:`);
  const after = report(set, result, options, out);
  const figures = (m: Metrics) => ({ precision: m.precision, recall: m.recall, f1: m.f1 });
  out(JSON.stringify({ feedback: share, decisions: result.reviewed?.decisions ?? 0, before: figures(before), after: figures(after), ...figures(after) }));
}
