// Jest globalSetup: the CLI tests spawn the real bin/sales-connect.js, which runs dist/. Build it
// once, before any worker starts, when it is missing or older than a TypeScript source.
const { readdirSync, statSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..');
const newest = (dir) => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
};

module.exports = async () => {
  const built = join(root, 'dist', 'src', 'harness', 'cli.js');
  const sources = Math.max(...['src', 'triggers', 'creates', 'searches'].map((d) => newest(join(root, d))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: the CLI tests need dist/');
};
