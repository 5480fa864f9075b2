import { describe, expect, it } from 'vitest';
import { schoolNameOf } from '../../src/cases/schoolName.ts';
import { directory } from '../helpers/fixtures.ts';

describe('the name a case’s school goes by', () => {
  it('is the directory’s, then the City school’s name the case was started with, then its id', () => {
    expect(
      schoolNameOf(directory, { schoolId: 'beauchamp-college', fields: { schoolName: 'Old name' } }),
    ).toBe('Beauchamp College');
    expect(
      schoolNameOf(directory, {
        schoolId: 'city:beaumont-leys',
        fields: { schoolName: 'Beaumont Leys School' },
      }),
    ).toBe('Beaumont Leys School');
    expect(schoolNameOf(directory, { schoolId: 'gone-school', fields: {} })).toBe('gone-school');
  });
});
