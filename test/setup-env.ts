import nock from 'nock';

// Backoff waits 1 ms instead of 1 s so retry tests are fast; the schedule (1, 2, 4 units) is unchanged.
process.env.SALES_CONNECT_BACKOFF_UNIT_MS = '1';
nock.disableNetConnect();
