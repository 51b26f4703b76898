#!/usr/bin/env node
// The local harness (replay, record, mock, send). Built by `npm run build` (run on install).
// zapier-platform-core prints per-invocation memory lines unless it knows it runs under test;
// the harness is a test runner, and --json promises nothing but events on stdout.
process.env.NODE_ENV = 'test';
// `sales-connect replay … --json | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
require('../dist/src/harness/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exitCode = 1;
  });
