/** One-letter prefixes that attach to a Hebrew word: and, the, in, to, from, that, as (ו ה ב ל מ ש כ). */
const PREFIX_LETTERS = 'והבלמשכ';
/** Endings of plural (ים, ות, יות), construct (י, ת) and feminine (ה) forms, longest first, final letters folded as the text is. */
const ENDINGS = ['יות', 'ימ', 'ות', 'י', 'ת', 'ה'];
const SHORTEST_STEM = 2;

/** Forms of a (normalized) Hebrew word without its endings: מועדונים → מועדונ, שכונת → שכונ. */
export function hebrewEndingForms(word: string): string[] {
  const forms = [word];
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= SHORTEST_STEM) forms.push(word.slice(0, -ending.length));
  }
  return forms;
}

/**
 * The stems a word of running Hebrew text may have: up to two prefix letters off (ולמשפחות,
 * ההשקיה), then plural, construct or feminine endings off. A lexicon term is not stripped of
 * prefixes (מקלט begins with מ), only of endings, and matches a word when one form is shared.
 */
export function hebrewStems(word: string): string[] {
  const bases = [word];
  for (let i = 0; i < 2 && i < word.length - SHORTEST_STEM && PREFIX_LETTERS.includes(word[i]); i += 1) bases.push(word.slice(i + 1));
  return [...new Set(bases.flatMap(hebrewEndingForms))];
}
