/**
 * Details that identify a child or their family as surely as a name does, for free text that is stored and
 * emailed (an action plan's advice and actions): the app keeps an identifier, never these. Names cannot be told
 * from other words, so the forms ask for none; these can, so they are refused.
 */
const details: readonly { what: string; pattern: RegExp }[] = [
  { what: 'an email address', pattern: /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i },
  // UK numbers: 0 then 9 or 10 more digits, or +44, with spaces, dashes or brackets between.
  {
    what: 'a telephone number',
    pattern: /(?:\+44[\s-]?(?:\(0\)[\s-]?)?|(?<![\d])0)\d(?:[\s-]?\d){8,9}(?![\d])/,
  },
  // Ten digits, as written 3-3-4 or run together.
  { what: 'an NHS number', pattern: /(?<![\d])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d])/ },
  // A full postcode (outward and inward code) in capitals, as addresses are written.
  { what: 'a postcode', pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/ },
  { what: 'a date of birth', pattern: /\b(?:DOB|D\.O\.B|date of birth|born on)\b/i },
];

/** What the text holds that identifies a family ("a telephone number"), or undefined. */
export function contactDetailIn(text: string): string | undefined {
  return details.find(({ pattern }) => pattern.test(text))?.what;
}

/** The refusal for such text, naming what was found. */
export const contactDetailRefusal = (what: string) =>
  `this looks like ${what}: the plan is emailed and kept for years, so it holds no names, addresses or contact details of the child or family (the school has them)`;
