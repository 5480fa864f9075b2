import { describe, expect, it } from 'vitest';

describe('the runtime', () => {
  it('is the Node.js 24 the project brings, not the machine’s own', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
