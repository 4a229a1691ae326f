import { conceptsOf } from './concept-lexicon';
import { scoreDuplicate } from './duplicate-score';
import { normalizeText, placeKey } from './normalize';

describe('place names across romanisations', () => {
  it.each([
    ['Kfar Aza', 'Kfar Azza'],
    ['Kfar Aza', 'Kibbutz Kefar Aza'],
    ["Be'eri", 'Beeri'],
    ['Ein HaShlosha', 'Ein Ha-Shlosha'],
    ['Netiv HaAsara', "Netiv Ha'asara"],
    ['Nahal Oz', 'Nachal Oz'],
    ['Tekuma', 'Tkuma'],
    ['Kfar Maimon', 'Kfar Maymon'],
    ['Holit', 'Cholit'],
  ])('%s and %s fold to one key', (a, b) => {
    expect(placeKey(a)).toBe(placeKey(b));
  });

  it('keeps different places apart', () => {
    expect(placeKey('Nir Oz')).not.toBe(placeKey('Nir Am'));
    expect(placeKey('Kissufim')).not.toBe(placeKey('Sufa'));
  });
});

describe('what a text is about, in English or Hebrew', () => {
  it('finds the same concept in both languages, through Hebrew prefixes and final letters', () => {
    expect(conceptsOf('Mattresses for evacuated families')).toEqual(new Set(['mattresses and bedding']));
    expect(conceptsOf('מזרונים למשפחות המפונות')).toEqual(new Set(['mattresses and bedding']));
    expect(conceptsOf('שיקום מערכות ההשקיה במטעים')).toEqual(new Set(['irrigation', 'orchards and fields']));
    expect(conceptsOf('Restore irrigation infrastructure for farmland')).toEqual(new Set(['irrigation', 'orchards and fields']));
  });

  it('tells apart different things of one sector', () => {
    expect(conceptsOf('Rebuild damaged greenhouses')).toEqual(new Set(['greenhouses']));
    expect(conceptsOf('Prefab caravans as interim homes')).not.toContain('rebuilding homes');
  });

  it('normalizes niqqud, punctuation and case', () => {
    expect(normalizeText('Re’im: SHELTERS—now!')).toBe('reim shelters now');
    expect(normalizeText('מִקְלָט')).toBe('מקלט');
  });
});

describe('scoring a pair', () => {
  const context = { communityName: 'Erez', sector: 'employment', placeWords: ['erez'], rates: { USD: 1, ILS: 0.27 } };
  const item = (title: string, from: string, to: string, amount: number, currency = 'USD') => ({
    title, description: '', window: { from, to }, money: { amount, currency },
  });

  it('flags the same effort in two languages and says why', () => {
    const result = scoreDuplicate(item('Grants for small businesses to reopen', '2024-12-19', '2026-03-18', 43_250_000), item('מענקים לעסקים קטנים', '2025-01-04', '2026-01-23', 137_070_000, 'ILS'), context);
    expect(result.duplicate).toBe(true);
    expect(result.reasons).toEqual([
      'same community: Erez', 'same sector: employment', 'windows overlap 2025-01-04..2026-01-23', 'same thing: business grants', 'budget within 14%',
    ]);
    expect(result.score).toBeGreaterThan(0.8);
  });

  it('does not flag different things of the same sector, or the same thing in another period', () => {
    expect(scoreDuplicate(item('Vocational retraining for residents', '2025-01-01', '2025-12-31', 1), item('Grants for small businesses', '2025-01-01', '2025-12-31', 1), context).duplicate).toBe(false);
    const later = scoreDuplicate(item('Grants for small businesses', '2024-01-01', '2024-06-30', 1), item('Grants for small businesses', '2025-01-01', '2025-06-30', 1), context);
    expect(later).toMatchObject({ duplicate: false, reasons: expect.arrayContaining(['windows do not overlap']) });
  });

  it('takes titles with the same content words in another order and inflection as the same thing, saying which', () => {
    const a = item('Renovation of the village synagogues', '2025-01-01', '2025-12-31', 100);
    const b = item('Synagogue renovation', '2025-03-01', '2025-09-30', 100);
    expect(scoreDuplicate(a, b, context)).toMatchObject({ duplicate: true, reasons: expect.arrayContaining(['same words: renovation, synagogues']) });
    const c = item('Torah scrolls for the synagogue', '2025-03-01', '2025-09-30', 100);
    expect(scoreDuplicate(b, c, context).duplicate).toBe(false);
  });

  it('falls back on title likeness when the vocabulary knows neither text, ignoring the place name', () => {
    const a = item('Erez bakery oven replacement', '2025-01-01', '2025-12-31', 100);
    const b = item('Bakery oven replacement', '2025-03-01', '2025-09-30', 100);
    const c = item('Library book drive', '2025-03-01', '2025-09-30', 100);
    expect(scoreDuplicate(a, b, context).duplicate).toBe(true);
    expect(scoreDuplicate(a, c, context).duplicate).toBe(false);
  });
});
