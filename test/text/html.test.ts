import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/text/html.ts';

describe('escaping text for HTML', () => {
  it('escapes every character that could end an element or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('leaves other text as it is, and escapes an ampersand once', () => {
    expect(escapeHtml('J.S. (ref 2291) – Year 9')).toBe('J.S. (ref 2291) – Year 9');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
