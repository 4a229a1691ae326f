import { expandSense, WordNetReader } from './wordnet-reader';

/** One sector's file of the bilingual concept layer (concepts/<sector>.json). */
export interface SectorConcepts {
  sector: string;
  source: string;
  reviewedBy: string;
  /** `covers`: a general concept ("household goods") and the concepts it is made of. */
  concepts: { id: string; en: string[]; he: string[]; wordnet: string[]; covers?: string[] }[];
}

export interface WordNetExpansion {
  source: string;
  /** Per concept id, the English lemmas WordNet adds to the ones its file lists. */
  concepts: Record<string, string[]>;
}

/** An added lemma with more noun senses than this is weak evidence of any one of them ("board", "press"). */
const MOST_SENSES_OF_AN_ADDED_WORD = 3;

/**
 * The English lemmas each concept's WordNet senses stand for (synonyms, kinds, parts when
 * asked). Computed once by `npm run concepts:wordnet` and kept as a generated file, so the
 * projector never reads WordNet's 30 MB at start-up.
 */
export function wordNetExpansion(reader: WordNetReader, files: SectorConcepts[], source: string): WordNetExpansion {
  const concepts: Record<string, string[]> = {};
  // A term a reviewer listed under one concept is not added to another ("blanket" is winter clothing, not bedding).
  const listedAnywhere = new Set(files.flatMap((f) => f.concepts.flatMap((c) => c.en.map((term) => term.toLowerCase()))));
  for (const file of files) {
    for (const concept of file.concepts) {
      const added = new Set<string>();
      for (const spec of concept.wordnet) {
        for (const lemma of expandSense(reader, spec)) {
          const head = spec.split('.n.')[0].replace(/_/g, ' ');
          const plain = lemma === head || lemma.includes(' ') || reader.senses(lemma).length <= MOST_SENSES_OF_AN_ADDED_WORD;
          if (plain && !listedAnywhere.has(lemma)) added.add(lemma);
        }
      }
      if (added.size) concepts[concept.id] = [...added].sort();
    }
  }
  return { source, concepts };
}
