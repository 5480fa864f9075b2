import { describe, expect, it } from 'vitest';
import { cssString, pageStyle } from '../../addin/teams/record/RecordPage.tsx';

describe('the printable record’s page header', () => {
  it('writes any partnership name as one CSS string that nothing can break out of', () => {
    const hostile = 'X"; } body { display: none } @page { content: "\\';
    const quoted = cssString(hostile);
    // Only the two quotes that open and close the string are left; every other mark is an escape.
    expect(quoted.slice(1, -1)).not.toMatch(/["{};\\]\s*(?![0-9a-f])/);
    expect(quoted.match(/"/g)).toHaveLength(2);
    expect(pageStyle('SLIP – South Leicestershire')).toBe(
      '@page { @top-left { content: "SLIP \\2013  South Leicestershire"; } }',
    );
  });
});
