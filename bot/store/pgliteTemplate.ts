import { createHash } from 'node:crypto';
import {
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { projectRoot } from '../paths.ts';
import { migrations } from './migrate.ts';

/**
 * A new embedded store used to start with PostgreSQL's initdb, run in WebAssembly by a second PGlite instance,
 * then every migration: about 4 s and 700 MiB on a newcomer's very first `npm start`. The result depends only
 * on the PGlite release and the migrations, so it is made once for each pair (by `npm run build`, or by the
 * first store that needs it) and kept outside the repository, in node_modules/.cache; a new store starts as
 * a copy of it. A template holds the schema and nothing else (migrations insert no rows), and its name
 * carries a hash of the migrations, so one added later gets a new template; `migrate` would apply it anyway.
 */

export const pgliteVersion: string = (
  JSON.parse(
    readFileSync(join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  ) as { version: string }
).version;

/** Where the templates are kept: one folder per PGlite version and set of migrations. */
export const defaultTemplateCache = join(projectRoot, 'node_modules', '.cache', 'inclusion-partnerships');

export interface PgliteTemplate {
  /** A migrated data directory, copied into a new data directory on disk. */
  readonly dataDir: string;
  /** The same as a tarball, loaded into an in-memory store. */
  readonly tarball: string;
}

const templateIn = (folder: string): PgliteTemplate => ({
  dataDir: join(folder, 'pgdata'),
  tarball: join(folder, 'pgdata.tar'),
});

/** The template's folder name: the PGlite version and a hash of every migration's name and text. */
export function templateName(): string {
  const hash = createHash('sha256');
  for (const migration of migrations()) hash.update(`${migration.version}\n${migration.sql}\n`);
  return `pglite-${pgliteVersion}-${hash.digest('hex').slice(0, 12)}`;
}

/**
 * The template for the installed PGlite and the current migrations, made now if there is none (`prepare`
 * migrates the fresh store); undefined when it cannot be made (a read-only installation), in which case a new
 * store runs initdb as before.
 */
export async function pgliteTemplate(
  prepare: (db: PGlite) => Promise<void>,
  cache = defaultTemplateCache,
): Promise<PgliteTemplate | undefined> {
  const name = templateName();
  const folder = join(cache, name);
  if (existsSync(join(folder, 'complete'))) return templateIn(folder);
  // One process makes it while the others wait (each making its own would cost each of them 700 MiB); a
  // maker that died leaves a lock older than a few minutes, which is ignored.
  const lock = join(cache, `.${name}.lock`);
  try {
    mkdirSync(cache, { recursive: true });
    mkdirSync(lock);
  } catch {
    const lockedAt = (() => {
      try {
        return statSync(lock).mtimeMs;
      } catch {
        return 0;
      }
    })();
    if (Date.now() - lockedAt < 180_000) {
      for (let waited = 0; waited < 120_000 && existsSync(lock); waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      if (existsSync(join(folder, 'complete'))) return templateIn(folder);
    }
  }
  let scratch: string | undefined;
  try {
    // Made aside and renamed into place whole, so a reader never sees half a template and two processes
    // making one at once do not collide (the second rename fails and its copy is thrown away).
    scratch = mkdtempSync(join(cache, `.${name}-`));
    const made = templateIn(scratch);
    const db = await PGlite.create(made.dataDir);
    try {
      await prepare(db);
      await db.exec('CHECKPOINT');
      const tar = await db.dumpDataDir('none');
      writeFileSync(made.tarball, Buffer.from(await tar.arrayBuffer()));
    } finally {
      await db.close();
    }
    writeFileSync(join(scratch, 'complete'), `${name}\n`);
    try {
      renameSync(scratch, folder);
      scratch = undefined;
    } catch (error) {
      if (!existsSync(join(folder, 'complete'))) throw error;
    }
    // Templates of another PGlite release can never be used again with this node_modules.
    for (const old of readdirSync(cache))
      if (old.startsWith('pglite-') && !old.startsWith(`pglite-${pgliteVersion}-`))
        rmSync(join(cache, old), { recursive: true, force: true });
    return templateIn(folder);
  } catch {
    return undefined;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Makes `dataDir` a new store from the template, when it holds no store yet; true if it did. */
export function copyTemplate(template: PgliteTemplate, dataDir: string): boolean {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return false;
  // A copy-on-write clone where the file system can (btrfs, XFS, APFS), else a plain copy.
  cpSync(template.dataDir, dataDir, { recursive: true, mode: constants.COPYFILE_FICLONE });
  return true;
}
