// Part of `npm run mutate`: prints the mutation score per folder from Stryker's JSON report
// (reports/mutation/mutation.json, the mutation-testing-report-schema). The score is what the README quotes:
// killed + timed out over killed + timed out + survived + no coverage. Mutants Stryker ignored (static ones, and
// those disabled by a `// Stryker disable` comment with its reason) and those that do not compile are left out.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { projectRoot } from '../bot/paths.ts';

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

const detected = new Set(['Killed', 'Timeout']);
const counted = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

export interface FolderScore {
  folder: string;
  detected: number;
  undetected: number;
  score: number;
}

/** The score of every folder holding a mutated file, of each top-level folder, and of them all. */
export function scoresByFolder(report: Report): FolderScore[] {
  const tally = new Map<string, { detected: number; undetected: number }>();
  const add = (folder: string, status: string) => {
    const entry = tally.get(folder) ?? { detected: 0, undetected: 0 };
    if (detected.has(status)) entry.detected++;
    else entry.undetected++;
    tally.set(folder, entry);
  };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = dirname(file.replace(/\\/g, '/'));
    for (const { status } of mutants) {
      if (!counted.has(status)) continue;
      add(folder, status);
      if (folder.includes('/')) add(`${folder.split('/')[0]}/ (all)`, status);
      add('all', status);
    }
  }
  return [...tally.entries()]
    .map(([folder, { detected, undetected }]) => ({
      folder,
      detected,
      undetected,
      score: detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected),
    }))
    .sort((a, b) => (a.folder === 'all' ? 1 : b.folder === 'all' ? -1 : a.folder.localeCompare(b.folder)));
}

if (import.meta.main) {
  const report = JSON.parse(readFileSync(`${projectRoot}/reports/mutation/mutation.json`, 'utf8')) as Report;
  const rows = scoresByFolder(report);
  const width = Math.max(...rows.map((row) => row.folder.length));
  process.stdout.write(`${'folder'.padEnd(width)}  score   detected  undetected\n`);
  for (const row of rows)
    process.stdout.write(
      `${row.folder.padEnd(width)}  ${row.score.toFixed(1).padStart(5)}%  ${String(row.detected).padStart(8)}  ${String(row.undetected).padStart(10)}\n`,
    );
}
