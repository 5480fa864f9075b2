import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/fixtures.ts';

/** src/ is the core that the bot, the add-in and the tools share: it may import only itself and zod. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : [],
  );
}

describe('the core imports no platform', () => {
  const files = sourceFiles(join(root, 'src'));

  it.each(files.map((file) => [relative(root, file), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [
      ...text.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g),
    ].map((match) => match[1] ?? match[2]);
    const outside = imports.filter((specifier) => !specifier?.startsWith('.') && specifier !== 'zod');
    expect(outside).toEqual([]);
    // A relative import must stay inside src/ too: '../../bot/…' is a platform by another name.
    const escaping = imports.filter(
      (specifier) =>
        specifier?.startsWith('.') &&
        relative(join(root, 'src'), resolve(dirname(file), specifier)).startsWith('..'),
    );
    expect(escaping).toEqual([]);
    expect(text).not.toMatch(/\bprocess\.|\brequire\(|\bOffice\.|\bmicrosoftTeams\b/);
  });
});
