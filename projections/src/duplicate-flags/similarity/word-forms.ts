import { englishBases } from './english-morphology';
import { hebrewEndingForms, hebrewStems } from './hebrew-morphology';

/** Whether a word or text is written in Hebrew letters. */
export const isHebrew = (text: string) => /[\u05d0-\u05ea]/.test(text);

/** The forms under which a word of running text may be found in the lexicon. */
export function textWordForms(word: string): string[] {
  return isHebrew(word) ? hebrewStems(word) : englishBases(word);
}

/** The forms of a word as the lexicon writes it (a Hebrew term keeps its first letters). */
export function termWordForms(word: string): string[] {
  return isHebrew(word) ? hebrewEndingForms(word) : englishBases(word);
}

/** Words that say nothing about what an effort is (English and Hebrew function words, program boilerplate). */
export const STOPWORDS = new Set(
  ('a an the and or of for to in on at by with from into our their its this that these those as is are be new all per ' +
    'families family residents community communities kibbutz moshav village city town need needs support program programme plan project ' +
    'של את על עם עבור אל כל זה זו או גם תוכנית פרויקט משפחות תושבים קהילה הקהילה קיבוץ מושב ישוב יישוב')
    .split(' '),
);
