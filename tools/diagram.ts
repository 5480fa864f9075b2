// Writes the Mermaid pictures of the flows into README.md between the diagram markers.
// `npm run diagram` updates the README; `npm run diagram -- --check` fails if it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readmeWithDiagrams } from './readmeDiagrams.ts';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const current = readFileSync(readmePath, 'utf8');
const updated = readmeWithDiagrams(current);

if (process.argv.includes('--check')) {
  if (updated !== current) {
    process.stderr.write(
      'diagram: README.md is out of date with the flow definitions; run `npm run diagram`\n',
    );
    process.exitCode = 1;
  }
} else if (updated !== current) {
  writeFileSync(readmePath, updated);
  process.stdout.write('diagram: README.md updated\n');
} else {
  process.stdout.write('diagram: README.md already current\n');
}
