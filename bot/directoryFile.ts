import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';
import { parseDirectory, type Directory } from '../src/directory/directory.ts';

/** The directory shipped with the app; DIRECTORY_FILE points elsewhere for a partnership's own copy. */
export const defaultDirectoryFile = join(projectRoot, 'config', 'directory.json');

/** Reads and validates a directory file, or throws an Error whose message lists every problem. */
export function readDirectoryFile(path: string): Directory {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`cannot read the directory ${path}: ${detail}`, { cause: error });
  }
  const parsed = parseDirectory(raw);
  if (!parsed.ok) {
    const problems = parsed.error.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
    throw new Error(`the directory ${path} is not valid: ${problems}`);
  }
  return parsed.value;
}
