// The scenario runner: `npm run --silent flow -- FILE` (or `-` for standard input). One JSON case in, one JSON
// object out; invalid input exits 1 with a single line on standard error naming what is wrong.
import { readFileSync } from 'node:fs';
import { runScenarioText } from '../src/scenario/scenario.ts';
import { defaultDirectoryFile, readDirectoryFile } from '../bot/directoryFile.ts';

const EXIT_INVALID_INPUT = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;

/** A failure to report as one line, never a stack trace. */
class Stop extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

function readInput(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new Stop(EXIT_INVALID_INPUT, `cannot read ${source}: ${why}`);
  }
}

function main(args: readonly string[]): string {
  const [source] = args;
  if (args.length !== 1 || source === undefined || source === '--help' || source === '-h') {
    throw new Stop(
      EXIT_USAGE,
      'usage: npm run --silent flow -- FILE   (FILE is a JSON case, or - for standard input)',
    );
  }
  const text = readInput(source);
  let directory;
  try {
    directory = readDirectoryFile(process.env.DIRECTORY_FILE ?? defaultDirectoryFile);
  } catch (error) {
    throw new Stop(EXIT_INTERNAL, (error as Error).message);
  }
  const result = runScenarioText(text, directory);
  if (!result.ok) throw new Stop(EXIT_INVALID_INPUT, `${result.error.path}: ${result.error.message}`);
  return `${JSON.stringify(result.value, null, 2)}\n`;
}

try {
  process.stdout.write(main(process.argv.slice(2)));
} catch (error) {
  const stop =
    error instanceof Stop
      ? error
      : new Stop(EXIT_INTERNAL, `internal error: ${String((error as Error)?.message ?? error)}`);
  process.stderr.write(`flow: ${stop.message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = stop.code;
}
