import nock from 'nock';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Fixture, loadFixtures } from '../src/harness/fixture';
import { REDACTED, startRecorder } from '../src/harness/record';
import { replayFixture } from '../src/harness/replay';
import { sendFixtures } from '../src/harness/send';
import { App } from './support/app';

const FIXTURES = join(__dirname, 'fixtures');

describe('record + send (loopback only)', () => {
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterAll(() => nock.disableNetConnect());

  it('saves each delivery as a fixture with credentials and shared secrets redacted', async () => {
    const out = mkdtempSync(join(tmpdir(), 'record-'));
    const server = await startRecorder({ port: 0, out, tool: 'smartlead' });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?sc_secret=abc&campaign=1`;
      const [reply] = loadFixtures([join(FIXTURES, 'smartlead/email_reply_documented.json')]);
      const withAuth = { ...reply!.fixture!, request: { ...reply!.fixture!.request, headers: { authorization: 'Bearer live-key', 'x-trace': 't1' } } };
      const report = await sendFixtures([withAuth as Fixture], url, 50, 1);
      expect(report).toMatchObject({ sent: 1, byStatus: { 200: 1 } });
    } finally {
      await new Promise((r) => server.close(r));
    }
    const [file] = readdirSync(out);
    const saved = Fixture.parse(JSON.parse(readFileSync(join(out, file as string), 'utf8')));
    expect(saved.request.headers).toMatchObject({ authorization: REDACTED, 'x-trace': 't1' });
    expect(saved.request.querystring).toEqual({ sc_secret: REDACTED, campaign: '1' });
    expect((saved.request.body as Record<string, unknown>).secret_key).toBe(REDACTED);
    expect(JSON.stringify(saved)).not.toMatch(/live-key|4f7c8d23-a619/);
    expect(saved.source).toBe('recorded');
  });

  it('keeps the exact bytes of a body with no secret, so a recorded signed delivery still verifies', async () => {
    const out = mkdtempSync(join(tmpdir(), 'record-'));
    const server = await startRecorder({ port: 0, out, tool: 'calendly' });
    const [signed] = loadFixtures([join(FIXTURES, 'calendly/invitee_created_signed.json')]);
    try {
      await sendFixtures([signed!.fixture!], `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, 50, 1);
    } finally {
      await new Promise((r) => server.close(r));
    }
    const saved = Fixture.parse(JSON.parse(readFileSync(join(out, readdirSync(out)[0] as string), 'utf8')));
    expect(saved.request.rawBody).toBe(signed!.fixture!.request.rawBody);
    // Replayed with the subscription's key and the original arrival time, it verifies again.
    const result = await replayFixture(App as never, {
      ...saved,
      received_at: signed!.fixture!.received_at,
      subscription: signed!.fixture!.subscription,
      expect: [{ event: 'meeting_booked', lead: { email: 'test@example.com' } }],
    });
    expect(result.problems).toEqual([]);
  });
});
