import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * dev/ (the tool mocks, the fixture generators) is not part of the app Zapier runs: Zapier's build
 * ships what index.js requires, so nothing the app loads may import from dev/. Only the harness
 * (src/harness/, the sales-connect CLI, run from a repository checkout) may, for `sales-connect mock`.
 */
const ROOT = join(__dirname, '..');

const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });

/** Every module specifier a file names: import / export … from, side-effect import, import(), require(). */
const specifiers = (file: string): string[] => {
  const text = readFileSync(file, 'utf8');
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
};

/** The repository folders a file's relative imports reach, as `file -> target` for those under `folder`. */
const importsInto = (files: string[], folder: string): string[] =>
  files.flatMap((file) =>
    specifiers(file)
      .filter((s) => s.startsWith('.'))
      .map((s) =>
        relative(ROOT, resolve(dirname(file), s))
          .split(sep)
          .join('/'),
      )
      .filter((target) => target === folder || target.startsWith(`${folder}/`))
      .map((target) => `${relative(ROOT, file).split(sep).join('/')} -> ${target}`),
  );

const rel = (file: string) => relative(ROOT, file).split(sep).join('/');
const srcFiles = tsFiles(join(ROOT, 'src'));
const harness = srcFiles.filter((f) => rel(f).startsWith('src/harness/'));
const app = [...srcFiles.filter((f) => !rel(f).startsWith('src/harness/')), ...['triggers', 'creates', 'searches'].flatMap((d) => tsFiles(join(ROOT, d)))];

describe('dev/ stays out of the app', () => {
  it('the scan sees imports: the harness mock command imports the mocks from dev/', () => {
    expect(importsInto(harness, 'dev')).toEqual(expect.arrayContaining(['src/harness/commands/mock.ts -> dev/mock']));
  });

  it('nothing under src/ imports from dev/ except src/harness/ (nor triggers/, creates/, searches/)', () => {
    expect(app.length).toBeGreaterThan(50);
    expect(importsInto(app, 'dev')).toEqual([]);
  });

  it('the app does not import the harness, so dev/ cannot reach it through the harness either', () => {
    expect(importsInto(app, 'src/harness')).toEqual([]);
  });
});
