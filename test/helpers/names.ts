import type { seeded } from './random.ts';

type Random = ReturnType<typeof seeded>;

/**
 * Invisible characters that make text read differently from what it is: zero-width space, non-joiner and
 * joiner, word joiner, BOM, soft hyphen, left-to-right and right-to-left marks, the bidi embeddings, overrides
 * and isolates, the line and paragraph separators, and a Mongolian vowel separator and a tag character.
 */
export const invisibleCharacters = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u2028',
  '\u2029',
  '\u180E',
  '\u{E0041}',
] as const;

// Forenames and surnames of four letters or more: three capitals on their own read as initials, a known limit
// of the identifier grammar that test/cases/identifier.test.ts shows separately.
const forenames = [
  'John',
  'Mary',
  'Sean',
  'Niamh',
  'Aoife',
  'Priya',
  'Mohammed',
  'Oliver',
  'Amelia',
  'Zainab',
  'Kacper',
  'Chloe',
  'Jordan',
  'Siobhan',
  'Mary-Jane',
  'Anne-Marie',
  'Zoë',
  'Łukasz',
];
const surnames = [
  'Smith',
  'McDonald',
  "O'Brien",
  'O’Neill',
  'Watts',
  'Patel',
  'Kowalski',
  'Nguyen',
  'MacLeod',
  'Fitzgerald',
  'Smith-Jones',
  "D'Souza",
  'Van Dyke',
  'Ó Briain',
];

const cases = [
  (text: string) => text,
  (text: string) => text.toLowerCase(),
  (text: string) => text.toUpperCase(),
];

/** A child's name in one of the forms people type it in, in lower, upper or title case, with or without a number. */
export function generatedName(random: Random): string {
  const first = random.pick(forenames);
  const last = random.pick(surnames);
  const number = String(1 + Math.floor(random.next() * 9999));
  const form = random.pick([
    `${first} ${last}`,
    `${last}, ${first}`,
    `${last} ${first}`,
    `${first} ${last} ${number}`,
    `${first} ${last}${number}`,
    `${first} ${last} (${number})`,
    `${first[0]}. ${last}`,
    `${first} ${last[0]}.`,
    `${last} ${number}`,
    `${first}-${number}`,
    first,
    last,
  ]);
  return random.pick(cases)(form);
}

/** `text` with an invisible character inserted at a random place (after the first character). */
export function withInvisible(random: Random, text: string): string {
  const at = 1 + Math.floor(random.next() * Math.max(1, text.length - 1));
  return `${text.slice(0, at)}${random.pick(invisibleCharacters)}${text.slice(at)}`;
}

const capital = (random: Random) => String.fromCharCode(65 + Math.floor(random.next() * 26));
const digits = (random: Random, most: number) =>
  String(Math.floor(random.next() * 10 ** (1 + Math.floor(random.next() * most)))).padStart(2, '0');

/** A valid identifier under the default rule: initials, a reference, or both, in the forms the README lists. */
export function generatedIdentifier(random: Random): string {
  const letters = Array.from({ length: 1 + Math.floor(random.next() * 3) }, () => capital(random));
  const initials = random.pick([
    letters.join(''),
    letters.map((letter) => `${letter}.`).join(''),
    letters.map((letter) => `${letter}.`).join(' '),
  ]);
  const prefix = random.pick(['', '', 'REF', 'Ref', 'ref']);
  const reference = `${prefix}${prefix ? random.pick(['', '-', ':', ' ']) : ''}${digits(random, 6)}`;
  return random.pick([
    initials,
    reference,
    `${initials} ${reference}`,
    `${initials}-${reference}`,
    `${initials} (ref ${reference})`,
  ]);
}
