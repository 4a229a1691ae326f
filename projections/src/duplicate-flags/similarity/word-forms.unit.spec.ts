import { conceptsOf, contentWords, sharedWords } from './concept-lexicon';
import { englishBases } from './english-morphology';
import { hebrewStems } from './hebrew-morphology';
import { normalizeText } from './normalize';

describe('Hebrew morphology', () => {
  const stems = (word: string) => hebrewStems(normalizeText(word));

  it('takes off up to two prefix letters and plural, construct and feminine endings', () => {
    expect(stems('ולמשפחות')).toContain('משפח');
    expect(stems('ההשקיה')).toContain('השקי');
    expect(stems('מועדונים')).toContain('מועדונ');
    expect(stems('שכונת')).toContain('שכונ');
    expect(stems('חממות')).toContain('חממ');
  });

  it('folds final letters, so a word and its plural share a stem', () => {
    expect(stems('מזרון')).toContain('מזרונ');
    expect(stems('מזרונים')).toContain('מזרונ');
  });

  it('keeps at least two letters', () => {
    expect(stems('מים')).toEqual(['מימ', 'ימ']);
  });
});

describe('English morphology (WordNet detachment rules)', () => {
  it('finds the base of plurals and past forms', () => {
    expect(englishBases('greenhouses')).toContain('greenhouse');
    expect(englishBases('batteries')).toContain('battery');
    expect(englishBases('benches')).toContain('bench');
    expect(englishBases('damaged')).toContain('damage');
  });

  it('leaves -ing alone, so housing is not a house', () => {
    expect(englishBases('housing')).toEqual(['housing']);
  });
});

describe('the concept layer', () => {
  it('meets a general term and its kinds through WordNet (not listed in the sector file)', () => {
    expect(conceptsOf('Bunk beds and duvets for the evacuees')).toEqual(new Set(['mattresses and bedding']));
    expect(conceptsOf('New hothouse for the farm')).toEqual(new Set(['greenhouses']));
    expect(conceptsOf('Replace the alternator at the pumping station')).toContain('emergency power');
  });

  it('finds multi-word Hebrew terms through prefixes and construct forms', () => {
    expect(conceptsOf('שיפוץ חדרי האוכל')).toEqual(new Set(['dining hall']));
    expect(conceptsOf('ציוד לכיתת הכוננות')).toEqual(new Set(['emergency squad']));
  });

  it('gives the words of a longer term to its concept only', () => {
    expect(conceptsOf('After-school club for the kids')).toEqual(new Set(['after-school activities']));
  });

  it('reads content words without function words or place names', () => {
    expect(contentWords('Repairs to the Beeri bakery ovens', ['beeri']).map((forms) => forms[0])).toEqual(['repairs', 'bakery', 'ovens']);
    expect(sharedWords(contentWords('Synagogue renovation'), contentWords('Renovation of the synagogues'))).toEqual({ share: 1, common: ['synagogue', 'renovation'] });
  });
});
