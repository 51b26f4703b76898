import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/harness/cli';
import { loadFixtures } from '../src/harness/fixture';
import { matchExpectations } from '../src/harness/match';
import { replayFixture } from '../src/harness/replay';
import { App } from './support/app';
import { expectUnified } from './support/events';

const FIXTURES = join(__dirname, 'fixtures');

/** Every bundled fixture, through the real app, must meet its documented expectations. */
describe('bundled webhook fixtures', () => {
  const all = loadFixtures([FIXTURES]);
  it('are all valid fixtures', () => {
    expect(all.filter((f) => f.error).map((f) => `${f.path}: ${f.error}`)).toEqual([]);
  });
  it.each(all.filter((f) => f.fixture).map((f) => [f.path.slice(FIXTURES.length + 1), f.fixture!] as const))('%s', async (_name, fixture) => {
    const result = await replayFixture(App as never, fixture);
    expect(result.problems).toEqual([]);
    expectUnified(result.events);
  });
});

describe('expectation matching', () => {
  it('fails on a wrong field, a missing event and an extra event', () => {
    const events = [{ event: 'reply_received', lead: { email: 'a@example.com' } }];
    expect(matchExpectations([{ lead: { email: 'a@example.com' } }], events)).toEqual([]);
    expect(matchExpectations([{ lead: { email: 'b@example.com' } }], events)).toEqual([
      'expect[0]: lead.email: expected "b@example.com", got "a@example.com"',
    ]);
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
    expect(events.map((e) => e.event).sort()).toEqual(['meeting_booked', 'meeting_booked', 'meeting_booked', 'meeting_booked', 'reply_received']);
  });

  it('--trigger limits the run to one trigger', async () => {
    const { code, stdout } = await capture(['replay', join(FIXTURES, 'smartlead/email_reply_documented.json'), '--trigger', 'lead_interested', '--json']);
    // The reply fixture expects a reply event; through Lead Interested alone it yields none → mismatch.
    expect(code).toBe(1);
    expect(stdout).toBe('');
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
