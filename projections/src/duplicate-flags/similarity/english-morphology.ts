/**
 * WordNet's detachment rules ("morphy"): the base forms an inflected English noun or verb may
 * have. Without its exception lists (children, geese), which the program's texts rarely need,
 * and without -ing, which without WordNet's word list would make "housing" a "house" and
 * "building" a "build" (gerunds that name things are listed as terms instead).
 */
const DETACHMENTS: [string, string][] = [
  ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'], ['ves', 'f'],
  ['s', ''], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''],
];
const SHORTEST_BASE = 3;

export function englishBases(word: string): string[] {
  const bases = [word];
  for (const [suffix, replacement] of DETACHMENTS) {
    if (word.endsWith(suffix) && !word.endsWith('ss')) {
      const base = word.slice(0, -suffix.length) + replacement;
      if (base.length >= SHORTEST_BASE) bases.push(base);
    }
  }
  return [...new Set(bases)];
}
