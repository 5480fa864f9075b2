import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeWithDiagrams } from '../tools/readmeDiagrams.ts';
import { root } from './helpers/fixtures.ts';

describe('the README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('shows the flow diagrams generated from the current definitions (run `npm run diagram` if not)', () => {
    expect(readme).toBe(readmeWithDiagrams(readme));
  });

  it('has a diagram with every outcome of the city-address flow', () => {
    for (const outcome of [
      'A.countyRoute',
      'A.cityBap',
      'A.countyTier3',
      'B.reconsider',
      'B.psp2b',
      'C.psp3AfterPsp2b',
      'C.psp3NoPsp2b',
      'D.convinced',
      'D.notConvinced',
    ]) {
      expect(readme).toContain(`"${outcome}: `);
    }
  });

  it('documents the test command that CI runs', () => {
    expect(readme).toContain('npm test');
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
