import { describe, expect, it } from 'vitest';
import { initialismsIn, withArticle } from '../../src/text/initialisms.ts';

describe('initialisms', () => {
  it.each([
    ['HBEP', 'an HBEP'],
    ['LIP', 'an LIP'],
    ['MSCIP', 'an MSCIP'],
    ['NWLLIP', 'an NWLLIP'],
    ['SLIP', 'a SLIP'],
    ['LPS', 'an LPS'],
    ['PSP3', 'a PSP3'],
    ['SENA', 'a SENA'],
    ['EHCP', 'an EHCP'],
    ['school', 'a school'],
  ])('%s takes its article: %s', (term, expected) => {
    expect(withArticle(term)).toBe(expected);
  });

  it('finds each initialism once, in order, and not inside other words', () => {
    expect(
      initialismsIn([
        'Advise the school to set up a City PSP2b meeting',
        'the AP provision; the LPS; APs and AP',
        'SPAP IFS',
      ]),
    ).toEqual([
      ['PSP2b', 'Pastoral Support Plan 2b meeting (City)'],
      ['AP', 'alternative provision'],
      ['LPS', 'Leicester Partnership School'],
      ['APs', 'alternative providers'],
    ]);
  });
});
