import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/fixtures.ts';

/**
 * Which folder may import which (the README's "How it is built"): run-time code lives in src/ (the pure core),
 * bot/ and addin/; harness/ is what the tests and the bench share; tools/ holds entry points, which nothing
 * imports; test/ may import anything and nothing outside it imports test/. Inside addin/ the two front ends,
 * the Outlook task pane (outlook/) and the Teams pages (teams/), share addin/shared/ and never import each
 * other; the sign-in window (dialog/) answers through either host, and nothing imports it.
 */
const addin = ['addin/shared', 'addin/outlook', 'addin/teams', 'addin/dialog', 'addin/bench'];

export const mayImport: Record<string, readonly string[]> = {
  src: ['src'],
  bot: ['bot', 'src'],
  'addin/shared': ['addin/shared', 'src'],
  'addin/outlook': ['addin/outlook', 'addin/shared', 'src'],
  'addin/teams': ['addin/teams', 'addin/shared', 'src'],
  'addin/dialog': ['addin/dialog', 'addin/outlook', 'addin/teams', 'addin/shared', 'src'],
  'addin/bench': [],
  harness: ['harness', 'bot', 'src'],
  tools: ['tools', 'harness', 'bot', ...addin, 'src'],
  test: ['test', 'harness', 'tools', 'bot', ...addin, 'src'],
};

const folders = Object.keys(mayImport);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === 'node_modules'
        ? []
        : sourceFiles(join(folder, entry.name))
      : /\.(ts|tsx|js|mjs)$/.test(entry.name)
        ? [join(folder, entry.name)]
        : [],
  );
}

/**
 * The database calls in a source text (`db.query(…)`, `tx.query<…>(…)`, `db.exec(…)`), as found: SQL in any
 * case, and a template literal's SQL on the line after its backtick too.
 */
export function sqlIn(text: string): string[] {
  return [
    ...text.matchAll(/\b(?:query|exec)\s*(?:<|\(\s*['"`]\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\b)/gi),
  ].map((match) => match[0]);
}

/** Every module a file imports, re-exports or loads dynamically, as written. */
export function importsOf(text: string): string[] {
  return [
    ...text.matchAll(
      /(?:^|[;\s])(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/**
 * The folder a path (relative to the root) is in, as `mayImport` names it: its top folder, or for addin/ the
 * part of it ('addin/outlook'); '' for the project's root or outside it.
 */
function partOf(path: string): string {
  if (path.startsWith('..')) return '';
  const [top = '', part] = path.split(sep);
  return top === 'addin' && part !== undefined ? `addin/${part}` : top;
}

/** The folder a relative import from `file` lands in. */
const folderOf = (file: string, specifier: string) =>
  partOf(relative(root, resolve(dirname(file), specifier)));

/** The imports of `file` (in the top folder `from`) that go the wrong way: "specifier → folder". */
export function wrongWay(from: string, file: string, text: string): string[] {
  return importsOf(text)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => ({ specifier, to: folderOf(file, specifier) }))
    .filter(({ to }) => !(mayImport[from] ?? []).includes(to))
    .map(({ specifier, to }) => `${specifier} → ${to || 'outside the folders'}`);
}

describe('imports go the right way between folders', () => {
  const files = folders.flatMap((folder) =>
    sourceFiles(join(root, folder)).map((file) => [relative(root, file), folder, file] as const),
  );

  it('knows every part of addin/', () => {
    const parts = readdirSync(join(root, 'addin'), { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && sourceFiles(join(root, 'addin', entry.name)).length > 0,
    );
    expect(parts.map((entry) => `addin/${entry.name}`).sort()).toEqual([...addin].sort());
  });

  it.each(files)('%s', (_name, folder, file) => {
    expect(wrongWay(folder, file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('catches a wrong-way import of each kind', () => {
    const at = (path: string) => join(root, path);
    expect(wrongWay('src', at('src/flow/x.ts'), "import { a } from '../../bot/config.ts';")).toEqual([
      '../../bot/config.ts → bot',
    ]);
    expect(wrongWay('bot', at('bot/x.ts'), "export * from '../tools/zip.ts';")).toEqual([
      '../tools/zip.ts → tools',
    ]);
    expect(wrongWay('bot', at('bot/x.ts'), "const m = await import('../test/helpers/teams.ts');")).toEqual([
      '../test/helpers/teams.ts → test',
    ]);
    expect(wrongWay('tools', at('tools/x.ts'), "import type { T } from '../test/helpers/teams.ts';")).toEqual(
      ['../test/helpers/teams.ts → test'],
    );
    expect(wrongWay('addin/teams', at('addin/teams/a/x.tsx'), "import '../../../bot/logger.ts';")).toEqual([
      '../../../bot/logger.ts → bot',
    ]);
    expect(
      wrongWay('harness', at('harness/x.ts'), "import { y } from '../addin/shared/api/client.ts';"),
    ).toEqual(['../addin/shared/api/client.ts → addin/shared']);
  });

  it('keeps the two front ends apart: the Outlook task pane and the Teams pages share only addin/shared', () => {
    const at = (path: string) => join(root, path);
    expect(
      wrongWay(
        'addin/teams',
        at('addin/teams/admin/x.tsx'),
        "import { Shell } from '../../outlook/taskpane/Shell.tsx';",
      ),
    ).toEqual(['../../outlook/taskpane/Shell.tsx → addin/outlook']);
    expect(
      wrongWay(
        'addin/outlook',
        at('addin/outlook/taskpane/x.tsx'),
        "export { createTeamsHost } from '../../teams/teamsHost.ts';",
      ),
    ).toEqual(['../../teams/teamsHost.ts → addin/teams']);
    expect(
      wrongWay(
        'addin/shared',
        at('addin/shared/api/x.ts'),
        "import type { MailHost } from '../../outlook/office/mailHost.ts';",
      ),
    ).toEqual(['../../outlook/office/mailHost.ts → addin/outlook']);
    expect(
      wrongWay(
        'addin/teams',
        at('addin/teams/admin/x.tsx'),
        "import { Shell } from '../../shared/Shell.tsx';",
      ),
    ).toEqual([]);
    expect(wrongWay('test', at('test/x.test.ts'), "import { y } from '../tools/bench.ts';")).toEqual([]);
  });
});

describe('the HTTP layer parses, authorises, calls the store and shapes the reply', () => {
  const http = sourceFiles(join(root, 'bot/http'));

  it.each(http.map((file) => [relative(root, file), file] as const))('%s has no SQL', (_name, file) => {
    expect(sqlIn(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('catches a query written in a route', () => {
    expect(sqlIn("await tx.query('UPDATE cases SET updated_at = now() WHERE id = $1', [id]);")).toEqual([
      "query('UPDATE",
    ]);
    expect(sqlIn('const rows = await services.db.query<{ id: string }>(`SELECT id FROM cases`);')).toEqual([
      'query<',
    ]);
    expect(sqlIn('await services.db.query(`\n  SELECT id FROM cases`, []);')).toHaveLength(1);
    expect(sqlIn("await services.db.query('select id from cases');")).toHaveLength(1);
    expect(sqlIn("await services.db.exec('DELETE FROM cases');")).toHaveLength(1);
  });
});
