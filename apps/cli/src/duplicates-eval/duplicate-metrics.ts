import { LabelledSet } from './labelled-set';

export interface RaisedFlag {
  kind: string;
  needId: string;
  planId?: string;
  otherNeedId?: string;
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  flagged: number;
  labelled: number;
  correct: number;
}

const pairKey = (kind: string, a: string, b: string) => (kind === 'need-need' ? `${kind}|${[a, b].sort().join('|')}` : `${kind}|${a}|${b}`);

function metrics(flagged: Set<string>, labelled: Set<string>): Metrics {
  const correct = [...flagged].filter((key) => labelled.has(key)).length;
  const precision = flagged.size ? correct / flagged.size : 1;
  const recall = labelled.size ? correct / labelled.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, flagged: flagged.size, labelled: labelled.size, correct };
}

/** Precision, recall and F1 per kind and overall (over-funding flags are not labelled, so not counted). */
export function duplicateMetrics(set: LabelledSet, flags: RaisedFlag[]): Record<'need-plan' | 'need-need' | 'overall', Metrics> {
  const raised = flags
    .filter((f) => f.kind === 'need-plan' || f.kind === 'need-need')
    .map((f) => ({ kind: f.kind, key: pairKey(f.kind, f.needId, (f.planId ?? f.otherNeedId)!) }));
  const labels = set.duplicates.map((d) => ({ kind: d.kind, key: pairKey(d.kind, d.a, d.b) }));
  const of = (kind?: string) => [
    new Set(raised.filter((f) => !kind || f.kind === kind).map((f) => f.key)),
    new Set(labels.filter((l) => !kind || l.kind === kind).map((l) => l.key)),
  ] as const;
  return {
    'need-plan': metrics(...of('need-plan')),
    'need-need': metrics(...of('need-need')),
    overall: metrics(...of()),
  };
}
