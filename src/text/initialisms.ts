/**
 * Initialisms the cards and the task pane use, spelt out for a reader who does not know them, and the article
 * each takes ("an HBEP school", "a SLIP school": an initialism read letter by letter takes the article of its
 * first letter's name; one read as a word, such as SLIP or SENA, that of the word).
 */
export const initialisms: Readonly<Record<string, string>> = {
  IF: 'Inclusion Forum',
  AP: 'alternative provision',
  APs: 'alternative providers',
  PSP: 'Pastoral Support Plan',
  PSP2b: 'Pastoral Support Plan 2b meeting (City)',
  PSP3: 'Pastoral Support Plan 3 meeting (City)',
  BAP: 'Behaviour and Attendance Partnership (City)',
  LPS: 'Leicester Partnership School',
  PEx: 'permanent exclusion',
  QA: 'quality assurance',
  SENA: 'Special Educational Needs Assessment Service',
  EHCP: 'Education, Health and Care Plan',
  SEND: 'special educational needs and disabilities',
  SENCOP: 'Special Educational Needs Code of Practice',
};

/** Initialisms read as words, which take the article of the word. */
const readAsWords = new Set(['SLIP', 'SENA', 'SEND', 'SENCOP']);
/** Letters whose names begin with a vowel sound: "an F", "an H", "an L", "an M", … */
const vowelLetters = new Set('AEFHILMNORSX');

/** "an HBEP", "a SLIP", "an LPS", "a PSP3". */
export function withArticle(term: string): string {
  const first = term[0] ?? '';
  const initialism = /^[A-Z][A-Za-z0-9]*[A-Z]/.test(term) && !readAsWords.has(term);
  const vowel = initialism ? vowelLetters.has(first) : /^[aeiou]/i.test(term);
  return `${vowel ? 'an' : 'a'} ${term}`;
}

const pattern = new RegExp(`(?<![A-Za-z0-9])(${Object.keys(initialisms).join('|')})(?![A-Za-z0-9])`, 'g');

/** The initialisms used in these texts, in the order they first appear, with their meaning. */
export function initialismsIn(texts: readonly string[]): [string, string][] {
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const term = match[1] ?? '';
      const meaning = initialisms[term];
      if (meaning && !found.has(term)) found.set(term, meaning);
    }
  }
  return [...found];
}
