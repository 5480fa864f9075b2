import { describe, expect, it } from 'vitest';
import { newCaseSchema } from '../../src/cases/case.ts';
import { defaultIdentifierRule, identifierRule, obviousNames } from '../../src/cases/identifier.ts';
import { seeded } from '../helpers/random.ts';
import { generatedIdentifier, generatedName } from '../helpers/names.ts';

const REFUSAL =
  'Use initials and/or a reference, such as "J.S.", "JS 2291" or "REF-0042" — not the student’s name.';
const SINGLE_LINE = 'must be a single line of text without control characters';

/** The student identifier as a new case checks it: what is stored, or the first message. */
function checked(student: string, rule = defaultIdentifierRule) {
  const result = newCaseSchema(rule).shape.student.safeParse(student);
  return result.success ? { stored: result.data } : { refused: result.error.issues[0]?.message };
}

describe('the student identifier grammar (default rule)', () => {
  it.each([
    'J.S.',
    'JS',
    'J. S.',
    'J.S',
    'J S',
    'JS.',
    'J.',
    'J',
    'JMS',
    'J.M.S.T.',
    'J. M. S. T.',
    'JS 2291',
    'JS-2291',
    'JS/2291',
    'JS - 2291',
    'JS2291',
    'J.S. 2291',
    'J.S. (ref 2291)',
    'J.S.(ref 2291)',
    'JS (Ref. 2291)',
    'JS (REF: 2291)',
    'JS (2291)',
    'J.S. REF-0042',
    'REF-0042',
    'REF0042',
    '2291',
    'ref-0042',
    'REF 0042',
    '  J.S.  ',
  ])('accepts %j', (student) => {
    expect(checked(student)).toEqual({ stored: student.trim() });
  });

  it.each([
    // The bypasses found in issue 12.
    ['john smith', REFUSAL],
    ['JOHN SMITH', REFUSAL],
    ['Smith, John', REFUSAL],
    ['John Smith 2', REFUSAL],
    ['Sean McDonald', REFUSAL],
    ["Niamh O'Brien", REFUSAL],
    ['Mary-Jane Watts', REFUSAL],
    // More forms of a name.
    ['John Smith', REFUSAL],
    ['JOHN SMITH 2', REFUSAL],
    ['JOHN SMITH2', REFUSAL],
    ['JOHN-2', REFUSAL],
    ['JOHN2', REFUSAL],
    ['SMITH 2291', REFUSAL],
    ['J. Smith', REFUSAL],
    ['J SMITH', REFUSAL],
    ['John S.', REFUSAL],
    ['JOHN', REFUSAL],
    ['Jo', REFUSAL],
    ['js', REFUSAL],
    ['j.s.', REFUSAL],
    ['js 2291', REFUSAL],
    // A date of birth, an NHS number or a telephone number identifies a child as well as a name does.
    ['JS 14/05/2009', REFUSAL],
    ['2001-04-05', REFUSAL],
    ['NHS 9434765919', REFUSAL],
    ['ROY 07700900123', REFUSAL],
    ['9434765919', REFUSAL],
    ['TOM LEE-1', REFUSAL],
    ['AMY ZOE1', REFUSAL],
    ['M1-3', REFUSAL],
    ['2291/07', REFUSAL],
    ['JS (John Smith)', REFUSAL],
    ['JS 2291 Smith', REFUSAL],
    ['2291-SMITH', REFUSAL],
    ['J.S.M.T.X.', REFUSAL],
    ['JS  2291', REFUSAL],
    ['J.S. (2291', REFUSAL],
    // Look-alikes: fullwidth letters, Cyrillic Je and Dze, Greek capitals, accented initials, a no-break space.
    ['ＪＳ', REFUSAL],
    ['ＪＳ ２２９１', REFUSAL],
    ['\u0408\u0405', REFUSAL],
    ['\u0391\u0392', REFUSAL],
    ['É.Ó.', REFUSAL],
    ['JS\u00A02291', REFUSAL],
    // Invisible characters: refused as not a single line, before the grammar is asked.
    ['J\u200DS', SINGLE_LINE],
    ['J\u200BS', SINGLE_LINE],
    ['JS\u20282291', SINGLE_LINE],
    ['JS\u20292291', SINGLE_LINE],
    ['\u202EJS', SINGLE_LINE],
    ['J\u00ADS', SINGLE_LINE],
    ['J\uFEFFS', SINGLE_LINE],
    ['JS\n2291', SINGLE_LINE],
  ])('refuses %j with %j', (student, message) => {
    expect(checked(student)).toEqual({ refused: message });
  });

  it('trims a BOM or a line separator at either end, like any white space, so it is not stored', () => {
    expect(checked('\uFEFFJS\u2028')).toEqual({ stored: 'JS' });
  });

  it('accepts short names in capitals, a known limit: up to three capitals read as initials', () => {
    for (const student of ['AMY', 'TOM', 'JO', 'AMY2', 'TOM 12'])
      expect(checked(student)).toEqual({ stored: student });
  });

  it('refuses every obvious name it checks configured rules against', () => {
    expect(obviousNames.filter((name) => defaultIdentifierRule.accepts(name))).toEqual([]);
  });

  it('accepts every example it shows', () => {
    expect(
      defaultIdentifierRule.examples.filter((example) => !defaultIdentifierRule.accepts(example)),
    ).toEqual([]);
  });

  it('refuses thousands of generated names and accepts thousands of generated identifiers', () => {
    const random = seeded(20261212);
    for (let i = 0; i < 3000; i++) {
      const name = generatedName(random);
      expect(checked(name), name).toHaveProperty('refused');
      const identifier = generatedIdentifier(random);
      expect(checked(identifier), identifier).toEqual({ stored: identifier });
    }
  });
});

describe('a deployment’s own referencing scheme', () => {
  it('takes initials and the deployment’s references, and says so with its example', () => {
    const rule = identifierRule('LCC[0-9]{6}', 'LCC004211');
    if (!rule.ok) throw new Error(rule.error.message);
    expect(checked('LCC004211', rule.value)).toEqual({ stored: 'LCC004211' });
    expect(checked('J.S. (ref LCC004211)', rule.value)).toEqual({ stored: 'J.S. (ref LCC004211)' });
    expect(checked('J.S.', rule.value)).toEqual({ stored: 'J.S.' });
    expect(checked('REF-0042', rule.value)).toEqual({
      refused:
        'Use initials and/or a reference, such as "J.S.", "JS LCC004211" or "LCC004211" — not the student’s name.',
    });
  });

  it('says why it refuses a pattern, naming the names it would accept', () => {
    expect(identifierRule('[0-9', '2291')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^not a regular expression \(.+\)$/) },
    });
    expect(identifierRule('[0-9]{4}', 'REF-0042')).toEqual({
      ok: false,
      error: { reason: 'exampleNotAReference', message: '"REF-0042" does not match the reference pattern' },
    });
    expect(identifierRule('[A-Z]+ ?[0-9]+', 'REF 2291')).toEqual({
      ok: false,
      error: {
        reason: 'acceptsNames',
        message:
          'accepts names as identifiers ("SMITH 2291"): make the reference need digits or a fixed prefix',
      },
    });
    expect(identifierRule('[A-Z]+', 'SMITH')).toMatchObject({
      error: {
        message:
          'accepts names as identifiers ("J SMITH", "JOHN" or "SMITH"): make the reference need digits or a fixed prefix',
      },
    });
  });

  it('reads the pattern as Unicode, as documented', () => {
    const rule = identifierRule('[0-9]{4}\\p{Lu}', '2291A');
    if (!rule.ok) throw new Error(rule.error.message);
    expect(rule.value.accepts('JS 2291B')).toBe(true);
    expect(rule.value.accepts('JS 2291b')).toBe(false);
  });

  it('reads digits straight after initials as a reference, but not a prefixed one', () => {
    expect(defaultIdentifierRule.accepts('JS2291')).toBe(true);
    expect(defaultIdentifierRule.accepts('JS REF-2291')).toBe(true);
    expect(defaultIdentifierRule.accepts('JSREF2291')).toBe(false);
  });

  it.each([
    ['[0-9', '2291', 'invalidReferencePattern'],
    ['2291)|(.*', '2291', 'invalidReferencePattern'],
    ['[0-9]{4}', 'REF-0042', 'exampleNotAReference'],
    ['.*', '2291', 'acceptsNames'],
    ['[A-Za-z ]+[0-9]*', 'Ref 2', 'acceptsNames'],
    ['[A-Z]+', 'SMITH', 'acceptsNames'],
    ['[A-Z]+ ?[0-9]+', 'REF 2291', 'acceptsNames'],
  ])('refuses the pattern %j with example %j: %s', (pattern, example, reason) => {
    const rule = identifierRule(pattern, example);
    expect(rule).toMatchObject({ ok: false, error: { reason } });
  });
});
