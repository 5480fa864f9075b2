import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultDirectoryFile, readDirectoryFile } from '../../bot/directoryFile.ts';

/** The directory shipped in config/directory.json, validated. */
export const directory = readDirectoryFile(defaultDirectoryFile);

/** The project's root folder. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The shared reference material sits beside the repository (../shared); tests may read it, the app never. */
const sharedSeeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

export function readSeed(name: string): string {
  const path = `${sharedSeeds}${name}`;
  if (!existsSync(path))
    throw new Error(`The seed ${path} is missing: the tests expect ../shared beside the repository`);
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
