import { contentKeys } from '@c2g/projections/duplicate-flags/similarity/concept-lexicon';
import { normalizeText } from '@c2g/projections/duplicate-flags/similarity/normalize';
import { LabelledSet } from './labelled-set';
import { labelledPairs } from './labelled-pairs';

/**
 * Splits a set's needs and plans into `k` folds so that a wording seen in one fold appears in
 * no other: items with the same wording (content words of the title, place names left out)
 * always share a fold, and so do the two items of a labelled pair. Groups are dealt, largest
 * first, to the fold with the fewest labelled pairs so far. Depends on no id or text of any
 * particular file: only on which items share words and labels.
 */
export function wordingFolds(set: LabelledSet, k: number): Map<string, number> {
  const placeWords = set.communities.flatMap((c) => [c.name, c.nameHe ?? '', ...(c.aliases ?? [])]).flatMap((n) => normalizeText(n).split(' '));
  const items = [...set.needs, ...set.plans];
  const parent = new Map(items.map((i) => [i.id, i.id]));
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at)!;
    parent.set(id, at);
    return at;
  };
  const join = (a: string, b: string) => parent.has(a) && parent.has(b) && parent.set(root(a), root(b));
  const byWording = new Map<string, string>();
  for (const item of items) {
    const wording = contentKeys(item.title, placeWords).sort().join(' ');
    const first = byWording.get(wording);
    if (first === undefined) byWording.set(wording, item.id);
    else join(first, item.id);
  }
  const labels = labelledPairs(set);
  for (const p of labels) join(p.needId, p.otherId);

  const groups = new Map<string, { items: string[]; labels: number }>();
  for (const item of items) {
    const group = groups.get(root(item.id)) ?? { items: [], labels: 0 };
    group.items.push(item.id);
    groups.set(root(item.id), group);
  }
  for (const p of labels) groups.get(root(p.needId))!.labels += 1;
  const ordered = [...groups.values()].sort((x, y) => y.labels - x.labels || y.items.length - x.items.length || (x.items[0] < y.items[0] ? -1 : 1));
  const load = Array.from({ length: k }, () => ({ labels: 0, items: 0 }));
  const fold = new Map<string, number>();
  for (const group of ordered) {
    let best = 0;
    for (let f = 1; f < k; f += 1) {
      if (load[f].labels < load[best].labels || (load[f].labels === load[best].labels && load[f].items < load[best].items)) best = f;
    }
    load[best].labels += group.labels;
    load[best].items += group.items.length;
    for (const id of group.items) fold.set(id, best);
  }
  return fold;
}
