import { Pair, PairFacts } from './labelled-pairs';

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  flagged: number;
  labelled: number;
  correct: number;
}

export function metrics(flagged: number, labelled: number, correct: number): Metrics {
  const precision = flagged ? correct / flagged : 1;
  const recall = labelled ? correct / labelled : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, flagged, labelled, correct };
}

/** Precision and recall overall, per kind, per language pair (en–en, he–he, en–he) and per sector. */
export function breakdown(flagged: Pair[], labelled: Pair[], facts: (p: Pair) => PairFacts): [string, Metrics][] {
  const labelledKeys = new Set(labelled.map((p) => p.key));
  const groups = new Map<string, { flagged: number; labelled: number; correct: number }>();
  const count = (p: Pair, field: 'flagged' | 'labelled' | 'correct') => {
    const f = facts(p);
    for (const name of ['overall', `kind ${f.kind}`, `languages ${f.languages}`, `sector ${f.sector}`]) {
      const group = groups.get(name) ?? { flagged: 0, labelled: 0, correct: 0 };
      group[field] += 1;
      groups.set(name, group);
    }
  };
  for (const p of flagged) count(p, 'flagged');
  for (const p of labelled) count(p, 'labelled');
  for (const p of flagged) if (labelledKeys.has(p.key)) count(p, 'correct');
  const order = (name: string) => ['overall', 'kind', 'languages', 'sector'].indexOf(name.split(' ')[0]);
  return [...groups.entries()]
    .sort(([x], [y]) => order(x) - order(y) || x.localeCompare(y))
    .map(([name, g]) => [name, metrics(g.flagged, g.labelled, g.correct)]);
}

export function formatMetrics(name: string, m: Metrics): string {
  return `${name.padEnd(36)} precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  f1 ${m.f1.toFixed(3)}  (flagged ${m.flagged}, labelled ${m.labelled}, correct ${m.correct})`;
}
