import nock from 'nock';

// Backoff waits 1 ms instead of 1 s so retry tests are fast; the schedule (1, 2, 4 units) is unchanged.
process.env.SALES_CONNECT_BACKOFF_UNIT_MS = '1';
nock.disableNetConnect();

// Jest gives every test file a fresh module registry, so each file loads its own nock, which
// patches Node's http again on top of the previous file's patch. Undo ours when the file ends,
// or the next file in this worker sees requests refused by a stale nock.
afterAll(() => {
  nock.cleanAll();
  nock.restore();
});
