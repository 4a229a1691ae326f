import { join } from 'node:path';
import { contentKeys } from '@c2g/projections/duplicate-flags/similarity/concept-lexicon';
import { normalizeText } from '@c2g/projections/duplicate-flags/similarity/normalize';
import { labelledPairs } from './labelled-pairs';
import { readLabelledSet } from './labelled-set';
import { wordingFolds } from './wording-groups';

const DEV_SET = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'duplicates-dev.json');

describe('folds by wording', () => {
  const set = readLabelledSet(DEV_SET);
  const fold = wordingFolds(set, 5);
  const places = set.communities.flatMap((c) => [c.name, c.nameHe ?? '', ...(c.aliases ?? [])]).flatMap((n) => normalizeText(n).split(' '));
  const items = [...set.needs, ...set.plans];

  it('put every item in one of K folds, each holding labelled pairs', () => {
    expect(items.every((i) => [0, 1, 2, 3, 4].includes(fold.get(i.id)!))).toBe(true);
    const perFold = [0, 1, 2, 3, 4].map((f) => labelledPairs(set).filter((p) => fold.get(p.needId) === f).length);
    expect(Math.min(...perFold)).toBeGreaterThanOrEqual(Math.floor(set.duplicates.length / 5) - 2);
  });

  it('never split a wording, or a labelled pair, across folds', () => {
    const foldsOfWording = new Map<string, Set<number>>();
    for (const item of items) {
      const wording = contentKeys(item.title, places).sort().join(' ');
      foldsOfWording.set(wording, (foldsOfWording.get(wording) ?? new Set()).add(fold.get(item.id)!));
    }
    expect([...foldsOfWording.values()].filter((folds) => folds.size > 1)).toEqual([]);
    expect(labelledPairs(set).filter((p) => fold.get(p.needId) !== fold.get(p.otherId))).toEqual([]);
  });
});
