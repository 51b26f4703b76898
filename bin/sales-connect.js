#!/usr/bin/env node
// The local harness (replay, record, send, mock, advise). Built by `npm run build` (run on install).
// zapier-platform-core prints per-invocation memory lines unless it knows it runs under test;
// the harness is a test runner, and --json promises nothing but events on stdout.
process.env.NODE_ENV = 'test';
// `sales-connect replay … --json | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
let cli;
try {
  cli = require('../dist/src/harness/cli.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/src/harness/cli.js')) {
    console.error('sales-connect: not built yet; run `npm run build` (npm ci builds it too)');
    process.exit(1);
  }
  throw err;
}
// main() reports every error itself (one line; the stack with --debug); this catch is the last resort.
cli
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    const debug = process.argv.includes('--debug');
    console.error(`sales-connect: ${err && err.message ? err.message : String(err)}${debug ? '' : ' (--debug shows where)'}`);
    if (debug && err && err.stack) console.error(err.stack);
    process.exitCode = 1;
  });
