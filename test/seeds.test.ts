import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeed, root, seedsMissing } from './helpers/fixtures.ts';

/** The seed tests run beside ../shared/seeds, skip with a reason without them, and fail without them in CI. */
describe('the seed documents', () => {
  const folder = `${mkdtempSync(join(tmpdir(), 'seeds-'))}/`;
  writeFileSync(`${folder}present.txt`, 'Email template 1');

  it('are used when they are there', () => {
    expect(seedsMissing(['present.txt'], folder, {})).toBeUndefined();
    expect(readSeed('present.txt', folder)).toBe('Email template 1');
  });

  it('skip the tests that need them, saying why, when they are not', () => {
    expect(seedsMissing(['present.txt', 'absent.txt'], folder, {})).toMatch(
      /^skipped: \.\.\/shared\/seeds is not beside the repository \(absent\.txt\)/,
    );
  });

  it('fail instead under REQUIRE_SEEDS=1, as in CI', () => {
    expect(seedsMissing(['absent.txt'], folder, { REQUIRE_SEEDS: '1' })).toBeUndefined();
    expect(() => readSeed('absent.txt', folder)).toThrow(/the seed tests need \.\.\/shared\/seeds/);
  });

  it('are required by CI', () => {
    expect(readFileSync(`${root}.ci/run`, 'utf8')).toMatch(/^export REQUIRE_SEEDS=1$/m);
  });
});
