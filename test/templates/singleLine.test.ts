import { describe, expect, it } from 'vitest';
import { fieldsSchema, lineOfText } from '../../src/templates/fields.ts';
import { invisibleCharacters } from '../helpers/names.ts';

const SINGLE_LINE = 'must be a single line of text without control characters';

/** Every code point in the Unicode categories a single line refuses: controls, formats, line and paragraph separators. */
function codePointsOf(category: RegExp): string[] {
  const found: string[] = [];
  for (let point = 0; point <= 0x10ffff; point++) {
    if (point >= 0xd800 && point <= 0xdfff) continue;
    const character = String.fromCodePoint(point);
    if (category.test(character)) found.push(character);
  }
  return found;
}

const hex = (character: string) =>
  `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;

describe('a single line of text', () => {
  const line = lineOfText(100);

  it.each(invisibleCharacters.map((character) => [hex(character), character]))(
    'refuses %s inside a name, with the single-line message',
    (_, character) => {
      const result = line.safeParse(`Mrs${character} Patel`);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(SINGLE_LINE);
    },
  );

  it.each([
    ['control (Cc)', /\p{Cc}/u, 65],
    ['format (Cf)', /\p{Cf}/u, 150],
    ['line separator (Zl)', /\p{Zl}/u, 1],
    ['paragraph separator (Zp)', /\p{Zp}/u, 1],
  ])('refuses every %s character', (_, category, atLeast) => {
    const characters = codePointsOf(category);
    expect(characters.length).toBeGreaterThanOrEqual(atLeast);
    const accepted = characters.filter((character) => line.safeParse(`A${character}B`).success).map(hex);
    expect(accepted).toEqual([]);
  });

  it('refuses invisible characters in every single-line template field', () => {
    for (const field of ['keyLinkName', 'student', 'schoolName', 'coordinatorName'] as const) {
      const result = fieldsSchema.safeParse({ [field]: 'Mrs\u200B Patel' });
      expect(result.success, field).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(SINGLE_LINE);
    }
  });

  it('still takes names in any script, with accents, apostrophes and hyphens', () => {
    for (const name of [
      'Niamh O’Brien',
      'Zoë Łukasiewicz-Ó Briain',
      'محمد علي',
      '王秀英',
      'Mary-Jane Watts',
    ]) {
      expect(line.safeParse(name)).toMatchObject({ success: true, data: name });
    }
  });
});
