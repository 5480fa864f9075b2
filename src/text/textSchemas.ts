import { z } from 'zod';
import { parseIsoDate } from './dates.ts';

/** Schemas for text a person types, shared by the template fields, the directory and the action plan. */

// Characters that have no place in a name or an identifier: controls (Cc, including newlines, which would break
// the email's layout), line and paragraph separators (Zl, Zp) and every format character (Cf): zero-width
// spaces and joiners, bidi marks, embeddings and overrides, the BOM, soft hyphens, tags. They are invisible, so
// they make text read differently from what it is ("J\u200DS" looks like "JS"). The cost: scripts that use a
// zero-width joiner or non-joiner inside words (Persian, some Indic names) are typed without it.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
// No name, school or identifier needs angle brackets; refusing them keeps markup out of subjects and plain
// text too (the HTML is escaped regardless). Quotes and ampersands are real in names and are escaped.
const MARKUP = /[<>]/;

/** Single-line text typed by a person: trimmed, NFC-normalised, 1 to `max` characters, no invisible characters. */
export function lineOfText(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'expected text') })
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `at most ${max} characters`)
        .refine((value) => !FORBIDDEN.test(value), 'must be a single line of text without control characters')
        .refine((value) => !MARKUP.test(value), 'must not contain < or >'),
    );
}

export const isoDate = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .refine(
    (value) => parseIsoDate(value) !== undefined,
    'expected a real date as YYYY-MM-DD, e.g. 2026-11-20',
  );
