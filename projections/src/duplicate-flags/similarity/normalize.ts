/** Hebrew final letters written as their ordinary forms, so stems match inside words. */
const FINAL_LETTERS: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
const SETTLEMENT_PREFIXES = /\b(kibbutz|kibutz|moshav|city of|kefar|kfar)\b/g;

/**
 * Text as the concept lexicon reads it: lower case, no niqqud or Latin diacritics, Hebrew
 * final letters folded, hyphens and apostrophes as spaces or nothing, one space between words.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u0591-\u05c7]/g, '')
    .toLowerCase()
    .replace(/[ךםןףץ]/g, (letter) => FINAL_LETTERS[letter])
    .replace(/['’`"״׳]/g, '')
    .replace(/[^a-z0-9\u05d0-\u05ea]+/g, ' ')
    .trim();
}

/**
 * A place name folded across romanisations: Kfar Aza / Kfar Azza / Kefar Aza, Be'eri / Beeri,
 * Nahal / Nachal, Tkuma / Tekuma, Ein HaShlosha / Ein Ha-Shlosha, with or without "Kibbutz".
 */
export function placeKey(name: string): string {
  return normalizeText(name)
    .replace(SETTLEMENT_PREFIXES, ' ')
    .replace(/ch/g, 'h')
    .replace(/kh/g, 'h')
    .replace(/t[sz]/g, 'z')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/\bha /g, 'ha')
    .replace(/(.)\1+/g, '$1')
    .replace(/([bcdfghjklmnpqrstvxz])e([bcdfghjklmnpqrstvxz])/g, '$1$2')
    .replace(/y/g, 'i')
    .replace(/\s+/g, '');
}
