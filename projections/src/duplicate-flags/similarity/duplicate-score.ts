import { distance } from 'fastest-levenshtein';
import { conceptsOf, contentWords, sharedConcepts, sharedWords, WORDED_ALIKE } from './concept-lexicon';
import { normalizeText } from './normalize';

export interface Money {
  amount: number;
  currency: string;
}

/** A need or a plan, as far as comparing them goes. */
export interface Comparable {
  title: string;
  description: string;
  window: { from: string; to: string };
  money: Money;
}

/** Value of one unit of each currency in a common unit (e.g. USD), for comparing budgets only. */
export type RateTable = Record<string, number>;

export interface DuplicateScore {
  duplicate: boolean;
  score: number;
  reasons: string[];
}

/** Titles without shared concepts count as the same thing from this similarity up. */
const TITLE_SIMILARITY_THRESHOLD = 0.8;

function titleSimilarity(a: string, b: string, placeWords: string[]): number {
  const strip = (text: string) => {
    let normalized = ` ${normalizeText(text)} `;
    for (const word of placeWords) normalized = normalized.split(` ${word} `).join(' ');
    return normalized.replace(/\s+/g, ' ').trim();
  };
  const [x, y] = [strip(a), strip(b)];
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 0 : 1 - distance(x, y) / longest;
}

function overlap(a: Comparable['window'], b: Comparable['window']): { from: string; to: string } | undefined {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : undefined;
}

function budgetGap(a: Money, b: Money, rates: RateTable): number | undefined {
  const [ra, rb] = [rates[a.currency], rates[b.currency]];
  if (ra === undefined || rb === undefined) return undefined;
  const [x, y] = [a.amount * ra, b.amount * rb];
  return Math.abs(x - y) / Math.max(x, y, 1);
}

/**
 * Two items of one community and sector: are they the same concrete effort? They must
 * overlap in time and be about the same thing — shared concepts of the program's vocabulary
 * (any language, any wording) or, failing those, near-identical titles — unless a reviewer
 * decided a pair worded like them (`learned`: linked, or told apart, which also halves the
 * text score). Budget proximity only raises the score. Every step is said in the reasons.
 */
export function scoreDuplicate(
  a: Comparable,
  b: Comparable,
  context: { communityName: string; sector: string; placeWords: string[]; rates: RateTable; learned?: { effect: 'link' | 'separate'; reason: string } },
): DuplicateScore {
  const reasons = [`same community: ${context.communityName}`, `same sector: ${context.sector}`];
  const window = overlap(a.window, b.window);
  if (!window) return { duplicate: false, score: 0, reasons: [...reasons, 'windows do not overlap'] };
  reasons.push(`windows overlap ${window.from}..${window.to}`);

  const found = sameThingIn(a, b, context.placeWords);
  reasons.push(found.reason);
  // A reviewer's decision on a pair worded like this one outweighs the vocabulary.
  if (context.learned) reasons.push(context.learned.reason);
  const sameThing = context.learned ? context.learned.effect === 'link' : found.sameThing;
  const textScore = context.learned?.effect === 'link' ? 1 : context.learned?.effect === 'separate' ? found.textScore / 2 : found.textScore;

  const gap = budgetGap(a.money, b.money, context.rates);
  if (gap !== undefined) reasons.push(`budget within ${Math.round(gap * 100)}%`);
  const windowScore = 1;
  const budgetScore = gap === undefined ? 0 : Math.max(0, 1 - gap);
  const score = Math.round((0.7 * textScore + 0.15 * windowScore + 0.15 * budgetScore) * 100) / 100;
  return { duplicate: sameThing, score, reasons };
}


/** Shared concepts of the titles decide; without any, shared concepts of the texts; then shared words or title likeness. */
function sameThingIn(a: Comparable, b: Comparable, placeWords: string[]): { sameThing: boolean; textScore: number; reason: string } {
  const [ta, tb] = [conceptsOf(a.title), conceptsOf(b.title)];
  if (ta.size > 0 && tb.size > 0) {
    const shared = sharedConcepts(ta, tb);
    const reason = shared.length ? `same thing: ${shared.join(', ')}` : `different things: ${[...ta].join(', ')} / ${[...tb].join(', ')}`;
    return { sameThing: shared.length > 0, textScore: Math.min(1, shared.length / new Set([...ta, ...tb]).size), reason };
  }
  const [ca, cb] = [conceptsOf(`${a.title} ${a.description}`), conceptsOf(`${b.title} ${b.description}`)];
  const shared = sharedConcepts(ca, cb);
  if (shared.length) return { sameThing: true, textScore: Math.min(1, shared.length / new Set([...ca, ...cb]).size), reason: `same thing: ${shared.join(', ')}` };
  const words = sharedWords(contentWords(a.title, placeWords), contentWords(b.title, placeWords));
  if (words.share >= WORDED_ALIKE) return { sameThing: true, textScore: words.share, reason: `same words: ${words.common.join(', ')}` };
  const similarity = titleSimilarity(a.title, b.title, placeWords);
  return { sameThing: similarity >= TITLE_SIMILARITY_THRESHOLD, textScore: similarity, reason: `title similarity ${similarity.toFixed(2)}` };
}
