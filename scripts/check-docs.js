#!/usr/bin/env node
// Part of `npm run lint`: the design the code cites must be in the repository and must say what
// is cited. Checks that
//   - every docs/<NAME>.md a source file, test or doc mentions exists,
//   - every `docs/<NAME>.md, "Section"` citation names a heading of that file,
//   - every relative link in README.md and docs/*.md points at a file that exists,
//   - no comment outside src/providers cites `DESIGN §…` (a file outside the repository);
//     those left in src/providers are listed as warnings until their owners reword them.
// Exit 1 with one line per problem.
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const root = join(__dirname, '..');
const SOURCE_DIRS = ['src', 'triggers', 'creates', 'searches', 'bench', 'bin', 'scripts', 'dev', 'test', 'docs'];
const SKIP = new Set(['node_modules', 'dist', 'build', 'fixtures', '.git']);

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|js|md)$/.test(name) ? [path] : [];
  });

const files = [join(root, 'README.md'), ...SOURCE_DIRS.filter((d) => existsSync(join(root, d))).flatMap((d) => walk(join(root, d)))];
const headings = (doc) =>
  readFileSync(doc, 'utf8')
    .split('\n')
    .filter((l) => /^#{1,4} /.test(l))
    .map((l) => l.replace(/^#+ /, '').trim());

const errors = [];
const warnings = [];
for (const file of files) {
  const rel = relative(root, file);
  if (rel === 'scripts/check-docs.js') continue;
  const text = readFileSync(file, 'utf8');
  text.split('\n').forEach((line, i) => {
    const where = `${rel}:${i + 1}`;
    for (const m of line.matchAll(/docs\/([A-Za-z-]+\.md)(?:, "([^"]+)")?/g)) {
      const doc = join(root, 'docs', m[1]);
      if (!existsSync(doc)) errors.push(`${where}: cites docs/${m[1]}, which does not exist`);
      else if (m[2] && !headings(doc).includes(m[2])) errors.push(`${where}: docs/${m[1]} has no section "${m[2]}"`);
    }
    if (/DESIGN §/.test(line)) {
      (rel.startsWith('src/providers/') ? warnings : errors).push(
        `${where}: cites DESIGN §, which is outside the repository; cite docs/ARCHITECTURE.md instead`,
      );
    }
    if (rel.endsWith('.md')) {
      for (const m of line.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(m[1])) continue;
        if (!existsSync(join(dirname(file), m[1]))) errors.push(`${where}: link to ${m[1]}, which does not exist`);
      }
    }
  });
}

// Warnings go to stdout: they are not failures, and a clean stderr means a clean check.
for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.error(e);
console.log(`check-docs: ${files.length} files, ${errors.length} problem(s), ${warnings.length} warning(s)`);
process.exitCode = errors.length ? 1 : 0;
