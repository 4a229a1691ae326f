import { SECTOR_CONCEPT_FILES, WORDNET_EXPANSION } from '../concepts/concept-files';
import { normalizeText } from './normalize';
import { STOPWORDS, termWordForms, textWordForms } from './word-forms';

interface Term {
  concept: string;
  /** Per word of the term, the forms it may be found under. */
  words: ReadonlySet<string>[];
}

/**
 * The bilingual concept layer as one index: every English and Hebrew term of the sector files
 * (concepts/<sector>.json) and the English lemmas WordNet adds, keyed by the forms of their
 * first word. Built once per process from data; no rule about any particular text is in code.
 */
function buildIndex(): Map<string, Term[]> {
  const index = new Map<string, Term[]>();
  const add = (concept: string, text: string) => {
    const words = normalizeText(text).split(' ').filter(Boolean);
    if (!words.length) return;
    const term: Term = { concept, words: words.map((word) => new Set(termWordForms(word))) };
    for (const form of term.words[0]) {
      const list = index.get(form) ?? [];
      list.push(term);
      index.set(form, list);
    }
  };
  for (const file of SECTOR_CONCEPT_FILES) {
    for (const concept of file.concepts) {
      for (const text of [...concept.en, ...concept.he, ...(WORDNET_EXPANSION.concepts[concept.id] ?? [])]) add(concept.id, text);
    }
  }
  return index;
}

let index: Map<string, Term[]> | undefined;

/** General concepts and the concepts they are made of (the sector files' `covers`). */
const COVERS = new Map(SECTOR_CONCEPT_FILES.flatMap((f) => f.concepts.filter((c) => c.covers?.length).map((c) => [c.id, c.covers!] as const)));

/**
 * Concepts two texts share, a general one meeting one of its parts ("household goods" covers
 * kitchenware) when its text names none of its parts itself (a list of parts says what it is).
 */
export function sharedConcepts(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const shared = [...a].filter((c) => b.has(c));
  const viaGeneral = (x: ReadonlySet<string>, y: ReadonlySet<string>) =>
    [...x].flatMap((general) => {
      const parts = COVERS.get(general) ?? [];
      return parts.some((p) => x.has(p)) ? [] : parts.filter((p) => y.has(p) && !shared.includes(p)).map((p) => `${general} covers ${p}`);
    });
  return [...shared, ...viaGeneral(a, b), ...viaGeneral(b, a)];
}

/** Titles recur across candidates: remember recent answers (cleared when full, so memory stays bounded). */
const remembered = new Map<string, ReadonlySet<string>>();
const REMEMBER_AT_MOST = 10_000;

/** The concepts a text is about, found through its words' English or Hebrew forms. */
export function conceptsOf(text: string): ReadonlySet<string> {
  const known = remembered.get(text);
  if (known) return known;
  index ??= buildIndex();
  const words = normalizeText(text).split(' ').filter(Boolean);
  const forms = words.map(textWordForms);
  const matches: { concept: string; from: number; to: number }[] = [];
  forms.forEach((first, at) => {
    for (const form of first) {
      for (const term of index!.get(form) ?? []) {
        if (at + term.words.length > words.length) continue;
        if (term.words.every((wanted, k) => k === 0 || forms[at + k].some((f) => wanted.has(f)))) {
          matches.push({ concept: term.concept, from: at, to: at + term.words.length });
        }
      }
    }
  });
  // The longest term wins its words: "after school" is about activities, not about a school building.
  const inside = (m: (typeof matches)[number]) =>
    matches.some((o) => o.concept !== m.concept && o.from <= m.from && o.to >= m.to && o.to - o.from > m.to - m.from);
  const concepts = new Set(matches.filter((m) => !inside(m)).map((m) => m.concept));
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(text, concepts);
  return concepts;
}

/** A text's content words, each with the forms it may take (its first form is the word as written); no function words, no place words. */
export type ContentWords = string[][];

export function contentWords(text: string, placeWords: readonly string[] = []): ContentWords {
  const words = normalizeText(text)
    .split(' ')
    .filter((word) => word.length > 1 && !STOPWORDS.has(word) && !placeWords.includes(word));
  return [...new Set(words)].map(textWordForms);
}

/**
 * How much two texts say in the same words (Jaccard over words; two words are one when a form
 * is shared, so "synagogues" is "synagogue" and ולמשפחות is משפחות), and which of x's words.
 */
export function sharedWords(x: ContentWords, y: ContentWords): { share: number; common: string[] } {
  const forms = new Set(y.flat());
  const common = x.filter((word) => word.some((form) => forms.has(form))).map((word) => word[0]);
  const union = x.length + y.length - common.length;
  return { share: union ? common.length / union : 0, common };
}

/**
 * Two texts are worded alike when they share at least this share of their content words: the
 * detector's "same words" and a reviewer's decision applying to a pair ("grants for small
 * businesses" and "loans for small businesses" share half, and are not).
 */
export const WORDED_ALIKE = 0.6;

export function wordedAlike(a: ContentWords, b: ContentWords): boolean {
  return sharedWords(a, b).share >= WORDED_ALIKE;
}

/** A text's content words, each as its shortest form: a key for grouping identical wordings. */
export function contentKeys(text: string, placeWords: readonly string[] = []): string[] {
  const keys = contentWords(text, placeWords).map((forms) => forms.reduce((shortest, form) => (form.length < shortest.length ? form : shortest)));
  return [...new Set(keys)];
}
