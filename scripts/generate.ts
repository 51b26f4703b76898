/**
 * `npm run generate`: rewrites what is rendered from declared data — the README's capability
 * matrices (from the capability tables) and src/app/outputFields.ts (from the published zod
 * schemas). `--check` only reports, exit 1 when a file is out of date. Tests check the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOutputFieldsModule } from './output-fields';
import { renderReadme } from './readme-matrices';

const root = join(__dirname, '..', '..');
const targets: [path: string, render: (current: string) => string][] = [
  [join(root, 'README.md'), renderReadme],
  [join(root, 'src', 'app', 'outputFields.ts'), () => renderOutputFieldsModule()],
];

let stale = 0;
for (const [path, render] of targets) {
  const before = (() => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  })();
  const after = render(before);
  if (after === before) continue;
  stale += 1;
  if (process.argv.includes('--check')) console.error(`${path} is out of date: run \`npm run generate\`.`);
  else writeFileSync(path, after);
}
process.exit(process.argv.includes('--check') && stale ? 1 : 0);
