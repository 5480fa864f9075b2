import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every bot the tests start logs into one folder (harness/teams.ts and harness/process.ts write there). After the
 * whole suite, this scans everything logged for the student identifiers, names and email wording the tests
 * use, and fails the run if any appears: logs must carry ids and outcomes only.
 */
export const LOG_DIR = join(tmpdir(), `inclusion-test-logs-${process.pid}`);

const forbidden: [string, RegExp][] = [
  [
    'a student identifier',
    /\b(?:JS|AG|API|FZ|KIL|OUT|PR|AN|FB|RS|NEW|LST|KB|AX|XP|OK|V|OLD|REF)-\d+\b|J\.S\. \(ref/,
  ],
  [
    'a person’s name',
    /Sam Lee|Jo Hart|Mrs Patel|Alex Wilber|Jordan Smith|Member \d+|Visiting Guest|Mr Whittingham/,
  ],
  ['email wording', /Dear |Leicester Partnership School|Information Passport/],
];

export function setup() {
  mkdirSync(LOG_DIR, { recursive: true });
  process.env.TEST_LOG_DIR = LOG_DIR;
}

export function teardown() {
  const files = readdirSync(LOG_DIR);
  const lines = files.flatMap((file) => readFileSync(join(LOG_DIR, file), 'utf8').split('\n'));
  const leaks = lines.flatMap((line) =>
    forbidden.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${what}: ${line.slice(0, 200)}`),
  );
  rmSync(LOG_DIR, { recursive: true, force: true });
  // A focused run (`vitest run test/flow`) may start no bot: each bot makes its log file as it starts.
  if (files.length === 0) {
    process.stdout.write('Log scan: no bot was started in this run, so there were no logs to scan.\n');
    return;
  }
  if (lines.filter(Boolean).length === 0)
    throw new Error(
      `The log scan found no logs at all: ${files.length} bots started, but their logs did not reach it.`,
    );
  if (leaks.length > 0)
    throw new Error(`The logs contain children's data:\n${leaks.slice(0, 20).join('\n')}`);
  process.stdout.write(
    `Log scan: ${lines.filter(Boolean).length} log lines from ${files.length} bots, no identifiers, names or email text.\n`,
  );
}
