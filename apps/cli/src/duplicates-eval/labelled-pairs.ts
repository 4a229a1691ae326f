import { isHebrew } from '@c2g/projections/duplicate-flags/similarity/word-forms';
import { LabelledSet } from './labelled-set';

export type PairKind = 'need-plan' | 'need-need';

/** A need and a plan, or two needs: labelled, flagged, or both. */
export interface Pair {
  kind: PairKind;
  needId: string;
  otherId: string;
  key: string;
}

/** Pairs are unordered for two needs; a need always comes first for a need and a plan. */
export function pair(kind: PairKind, needId: string, otherId: string): Pair {
  const [a, b] = kind === 'need-need' ? [needId, otherId].sort() : [needId, otherId];
  return { kind, needId: a, otherId: b, key: `${kind}|${a}|${b}` };
}

export const labelledPairs = (set: LabelledSet): Pair[] => set.duplicates.map((d) => pair(d.kind, d.a, d.b));

export type Language = 'en' | 'he';
export const languageOf = (text: string): Language => (isHebrew(text) ? 'he' : 'en');

/** What a pair is, for reporting: its kind, the languages of its two titles, its sector. */
export interface PairFacts {
  kind: PairKind;
  languages: 'en–en' | 'he–he' | 'en–he';
  sector: string;
  titles: [string, string];
}

export function factsOf(set: LabelledSet): (p: Pair) => PairFacts {
  const items = new Map<string, { title: string; sector: string }>([...set.needs, ...set.plans].map((i) => [i.id, i]));
  return (p) => {
    const [a, b] = [items.get(p.needId), items.get(p.otherId)];
    const titles: [string, string] = [a?.title ?? '?', b?.title ?? '?'];
    const langs = titles.map(languageOf).sort().join('–');
    return { kind: p.kind, languages: langs as PairFacts['languages'], sector: a?.sector ?? '?', titles };
  };
}
