import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATRICES, renderReadme } from '../scripts/readme-matrices';

/** The README's matrices are the capability tables: an edit to either side alone fails here. */
describe('README matrices', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  it('carries every capabilities block', () => {
    for (const name of Object.keys(MATRICES)) expect(readme).toContain(`<!-- capabilities:${name} -->`);
  });

  it('equals what the capability tables render (run `npm run generate` after changing a table)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });
});
