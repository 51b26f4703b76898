#!/usr/bin/env node
// `npm install` / `npm ci` build dist/ so `npx sales-connect` and Zapier's loader find the app.
// A production-only install (Zapier's own build step installs without dev dependencies) has no
// TypeScript compiler: it ships the dist/ built beforehand, so there is nothing to do.
const { spawnSync } = require('node:child_process');

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.log('prepare: no TypeScript compiler (production install); using the prebuilt dist/.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
