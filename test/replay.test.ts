import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/harness/cli';
import { matchExpectations } from '../src/harness/match';
import { expectUnified } from './support/events';

const FIXTURES = join(__dirname, 'fixtures');

/** Every fixture folder has its replay suite (test/replay.<tool>.test.ts). */
describe('bundled webhook fixtures', () => {
  it('each tool folder is replayed by its own test file', () => {
    for (const dir of readdirSync(FIXTURES)) {
      expect([dir, existsSync(join(__dirname, `replay.${dir}.test.ts`))]).toEqual([dir, true]);
    }
  });
});

describe('expectation matching', () => {
  it('fails on a wrong field, a missing event and an extra event', () => {
    const events = [{ event: 'reply_received', lead: { email: 'a@example.com' } }];
    expect(matchExpectations([{ lead: { email: 'a@example.com' } }], events)).toEqual([]);
    expect(matchExpectations([{ lead: { email: 'b@example.com' } }], events)).toEqual(['expect[0]: lead.email: expected "b@example.com", got "a@example.com"']);
    expect(matchExpectations([], events)).toEqual(['expected 0 event(s), got 1']);
    expect(matchExpectations([{}, {}], events)[0]).toBe('expected 2 event(s), got 1');
  });
});

describe('sales-connect replay (CLI)', () => {
  const capture = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      const code = await main(argv);
      return { code, stdout: out.join(''), stderr: err.join('') };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  };

  it('--json prints one unified event per line and nothing else', async () => {
    const { code, stdout } = await capture(['replay', join(FIXTURES, 'smartlead/email_reply_documented.json'), join(FIXTURES, 'calendly'), '--json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const events = expectUnified(lines.map((l) => JSON.parse(l)));
    // One line per event the Calendly folder's fixtures expect (bookings, incl. the location cases, and
    // cancellations), plus the Smartlead reply.
    const calendlyBookings = readdirSync(join(FIXTURES, 'calendly'))
      .map((f) => JSON.parse(readFileSync(join(FIXTURES, 'calendly', f), 'utf8')) as { expect?: { event: string }[] })
      .flatMap((f) => (f.expect ?? []).map((e) => e.event));
    // Calendly's unsigned delivery to a subscription without a signing key is refused (fail-closed).
    expect(calendlyBookings).toHaveLength(11);
    expect(calendlyBookings.filter((e) => e === 'meeting_canceled')).toHaveLength(2);
    expect(events.map((e) => e.event).sort()).toEqual([...calendlyBookings, 'reply_received'].sort());
  });

  it('--json keeps the app’s own log lines off stdout (Woodpecker logs the items of a batch it skips)', async () => {
    const { code, stdout, stderr } = await capture(['replay', join(FIXTURES, 'woodpecker'), '--json']);
    expect(code).toBe(0);
    expectUnified(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    );
    expect(stderr).toMatch(/skipped item 2 of 2/);
  });

  it('--trigger runs one trigger and checks only that trigger’s expectations', async () => {
    const reply = join(FIXTURES, 'smartlead/email_reply_documented.json');
    const viaReply = await capture(['replay', reply, '--trigger', 'reply_received', '--json']);
    expect(viaReply.code).toBe(0);
    expect(
      expectUnified(
        viaReply.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).map((e) => e.event),
    ).toEqual(['reply_received']);
    // Through Lead Interested the reply yields nothing, and nothing is expected of that trigger.
    const viaInterested = await capture(['replay', reply, '--trigger', 'lead_interested', '--json']);
    expect(viaInterested).toMatchObject({ code: 0, stdout: '' });
  });

  it('--trigger accepts only the five instant trigger keys', async () => {
    const { code, stderr } = await capture(['replay', FIXTURES, '--trigger', 'meeting_booked_polling']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--trigger must be one of reply_received, lead_interested/);
  });

  it('exits 1 naming the fixture and the field when an expectation fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const fx = JSON.parse(readFileSync(join(FIXTURES, 'smartlead/email_reply_documented.json'), 'utf8'));
    fx.expect[0].lead.email = 'someone.else@example.com';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(fx));
    const { code, stderr } = await capture(['replay', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/FAIL .*bad\.json\n.*lead\.email: expected "someone\.else@example\.com", got "james\.parker@example\.com"/);
  });

  it('rejects unknown options with usage', async () => {
    expect((await capture(['replay', FIXTURES, '--nope'])).code).toBe(2);
  });
});
