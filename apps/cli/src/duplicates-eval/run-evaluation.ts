import { makeScratchDir } from '../scratch-dir';
import { withInProcessApi } from '../in-process-api';
import { explain, openFlags, review } from './evaluation-round';
import { Pair, labelledPairs } from './labelled-pairs';
import { LabelledSet } from './labelled-set';
import { loadLabelledSet } from './load-labelled-set';

export interface RoundResult {
  /** Flagged pairs with at least one item under test (so no false flag hides in the training side). */
  flagged: Pair[];
  /** Labelled pairs with both items under test. */
  labelled: Pair[];
  misses: { pair: Pair; reasons: string[] }[];
  falseFlags: { pair: Pair; reasons: string[] }[];
  reviewed?: { pairs: number; decisions: number; refused: number };
}

/**
 * One measurement on a fresh store: the set goes in through the command API, the pairs whose
 * two items are all `reviewed` are resolved as a reviewer would, and what the detector then
 * says about the items `underTest` is measured, with the reasons behind every miss.
 */
export async function runRound(set: LabelledSet, underTest: (id: string) => boolean, reviewed?: (id: string) => boolean): Promise<RoundResult> {
  const scratch = makeScratchDir();
  try {
    return await withInProcessApi(scratch.dir, { service: 'eval-reviewer', analyst: 'eval-reader' }, async (send) => {
      let position = await loadLabelledSet(set, send('service'));
      const labels = labelledPairs(set);
      let summary: RoundResult['reviewed'];
      if (reviewed) {
        const flagged = await openFlags(send('analyst'), position);
        const both = (p: Pair) => reviewed(p.needId) && reviewed(p.otherId);
        const mine = { labelled: labels.filter(both), flagged: new Map([...flagged].filter(([, f]) => both(f.pair))) };
        const done = await review(send('service'), position, mine);
        position = done.position;
        summary = { pairs: mine.labelled.length + [...mine.flagged.keys()].filter((k) => !mine.labelled.some((p) => p.key === k)).length, decisions: done.decisions, refused: done.refused };
      }
      const flags = await openFlags(send('analyst'), position);
      const flagged = [...flags.values()].filter((f) => underTest(f.pair.needId) || underTest(f.pair.otherId));
      const labelled = labels.filter((p) => underTest(p.needId) && underTest(p.otherId));
      const labelledKeys = new Set(labelled.map((p) => p.key));
      const misses = [];
      for (const p of labelled) if (!flags.has(p.key)) misses.push({ pair: p, reasons: await explain(send('analyst'), p, position) });
      const falseFlags = flagged.filter((f) => !labelledKeys.has(f.pair.key)).map((f) => ({ pair: f.pair, reasons: f.reasons }));
      return { flagged: flagged.map((f) => f.pair), labelled, misses, falseFlags, ...(summary ? { reviewed: summary } : {}) };
    });
  } finally {
    scratch.remove();
  }
}
