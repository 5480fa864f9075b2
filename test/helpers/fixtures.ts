import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultDirectoryFile, readDirectoryFile } from '../../bot/directoryFile.ts';

/** The directory shipped in config/directory.json, validated. */
export const directory = readDirectoryFile(defaultDirectoryFile);

/** The project's root folder. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The seed documents (the coordinators' own wording and the partnership agreement) sit beside the repository in
 * ../shared/seeds when the project is worked on with them; a clone of the repository alone has none. Tests that
 * compare with them run when they are there and are skipped, naming why, when they are not. CI sets
 * REQUIRE_SEEDS=1 (.ci/run), under which a missing seed fails instead. The app never reads them.
 */
export const seedsFolder = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** Why the seed tests cannot run here, or undefined when they can (or must: a missing seed then fails). */
export function seedsMissing(
  names: string[],
  folder = seedsFolder,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (env.REQUIRE_SEEDS === '1') return undefined;
  const absent = names.filter((name) => !existsSync(`${folder}${name}`));
  return absent.length === 0
    ? undefined
    : `skipped: ../shared/seeds is not beside the repository (${absent.join(', ')}); REQUIRE_SEEDS=1 makes this a failure`;
}

export function readSeed(name: string, folder = seedsFolder): string {
  const path = `${folder}${name}`;
  if (!existsSync(path))
    throw new Error(
      `The seed ${path} is missing: the seed tests need ../shared/seeds beside the repository (REQUIRE_SEEDS=1)`,
    );
  return readFileSync(path, 'utf8');
}

/** A complete set of fields for rendering, to be overridden per test. */
export const completeFields = {
  keyLinkName: 'Mrs Patel',
  student: 'J.S. (ref 2291)',
  schoolName: 'Beauchamp College',
  meetingType: 'inclusionForum',
  meetingDate: '2026-11-20',
  passportAction: 'complete',
  attendee: 'one of my team',
  partnership: 'SLIP',
  coordinatorName: 'Sam Lee',
} as const;
