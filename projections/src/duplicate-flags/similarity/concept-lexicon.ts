import { normalizeText } from './normalize';

/**
 * The recovery program's vocabulary: what a need or a plan is about, in English and Hebrew.
 * Each concept lists word stems (matched inside normalized text, so Hebrew prefixes such as
 * ה/ל/ו and plural endings still match). Two items share a concept when they describe the
 * same concrete thing in any wording or language. Extend it as new kinds of work appear.
 */
export const CONCEPTS: Record<string, string[]> = {
  'temporary housing': ['temporary', 'modular', 'prefab', 'caravan', 'interim', 'יביל', 'זמני', 'קרווילה'],
  'rebuilding homes': ['residential', 'houses', 'homes destroyed', 'reconstruction of home', 'בתים', 'דירות'],
  'new neighbourhood': ['neighbourhood', 'neighborhood', 'young famil', 'שכונ'],
  irrigation: ['irrigat', 'השקיה', 'השקייה'],
  greenhouses: ['greenhouse', 'חממ'],
  'dairy and cowsheds': ['cowshed', 'dairy', 'milking', 'רפת', 'חליבה'],
  'emergency power': ['generator', 'solar', 'batter', 'backup', 'emergency power', 'גנרטור', 'חשמל'],
  roads: ['road', 'sidewalk', 'repave', 'כביש', 'מדרכ'],
  'water supply': ['water', 'מים'],
  'perimeter fence': ['fence', 'perimeter', 'camera', 'גדר'],
  'emergency squad': ['squad', 'konenut', 'radios', 'vests', 'helmet', 'כוננות'],
  shelters: ['shelter', 'מקלט', 'ממד', 'מרחב מוגן'],
  'protected classrooms': ['classroom', 'ממוגנ'],
  'after-school activities': ['after school', 'afternoon', 'enrichment', 'צהרונ', 'העשרה'],
  computers: ['laptop', 'computer', 'tablet', 'מחשב'],
  'early childhood': ['kindergarten', 'daycare', 'early childhood', 'nursery', 'גן הילדים', 'גן ילדים', 'פעוטונ', 'מעונ'],
  'pool and sports': ['swimming', 'pool', 'sports field', 'בריכה', 'ספורט'],
  'summer camp': ['summer', 'קייטנ'],
  'youth activities': ['youth movement', 'counsellors', 'teen', 'תנועת הנוער', 'תנועת נוער', 'נוער'],
  'community hall': ['community hall', 'community center', 'community centre', 'moadon', 'מועדונ'],
  'dining hall': ['dining hall', 'חדר האוכל', 'חדר אוכל'],
  'resilience coordination': ['resilience coordinator', 'resilience team', 'רכז חוסנ', 'חוסנ קהילתי'],
  commemoration: ['commemorat', 'memorial', 'הנצחה', 'זיכרונ'],
  'business grants': ['business', 'עסקים', 'עסק'],
  'vocational training': ['vocational', 'job training', 'retraining', 'training course', 'הכשרה מקצועית', 'מובטל'],
  'social workers': ['social worker', 'סוציאלי'],
  'elderly care': ['elderly', 'senior', 'קשיש', 'ותיק'],
  clinics: ['clinic', 'מרפא'],
  'trauma care': ['trauma', 'counselling', 'counseling', 'therapy', 'טראומה'],
  'mattresses and bedding': ['mattress', 'bedding', 'beds', 'מזרונ'],
  kitchenware: ['kitchen', 'מטבח'],
  'winter clothing': ['winter', 'coat', 'blanket', 'clothing', 'ביגוד', 'שמיכ'],
};

/**
 * A stem matches at the start of a word ("houses" is not in "greenhouses"); a Hebrew stem may
 * follow up to two one-letter prefixes (ה, ו, ל, ב, מ, ש, כ), as in ההשקיה or למשפחות.
 */
function stemPattern(stem: string): RegExp {
  const normalized = normalizeText(stem);
  const hebrew = /[\u05d0-\u05ea]/.test(normalized);
  return new RegExp(`(?:^| )${hebrew ? '[הובלמשכ]{0,2}' : ''}${normalized}`);
}

const PATTERNS = Object.entries(CONCEPTS).map(([concept, stems]) => [concept, stems.map(stemPattern)] as const);

/** Titles recur across candidates: remember recent answers (cleared when full, so memory stays bounded). */
const remembered = new Map<string, ReadonlySet<string>>();
const REMEMBER_AT_MOST = 10_000;

/** The concepts a text is about. */
export function conceptsOf(text: string): ReadonlySet<string> {
  const known = remembered.get(text);
  if (known) return known;
  const normalized = normalizeText(text);
  const concepts = new Set(PATTERNS.filter(([, patterns]) => patterns.some((pattern) => pattern.test(normalized))).map(([concept]) => concept));
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(text, concepts);
  return concepts;
}
