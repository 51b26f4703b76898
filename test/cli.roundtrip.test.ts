import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadFixtures, type Fixture } from '../src/harness/fixture';
import { RECORDED_SECRET, SIGNING_TOOLS } from '../src/harness/record';
import { runCli, startCli } from './support/cli';

const FIXTURES = join(__dirname, 'fixtures');

/**
 * The bundled fixtures that can go through send → record → replay: all but those whose trigger
 * calls out while handling the delivery (`http`, Mailshake's resource_url), which a recorder
 * cannot see. Grouped by what the receiving Zap registered (tool, subscription, trigger inputs):
 * one recorder per Zap, as in real use.
 */
const zaps = () => {
  const groups = new Map<string, { path: string; fixture: Fixture }[]>();
  for (const { path, fixture } of loadFixtures([FIXTURES])) {
    if (!fixture || fixture.http.length) continue;
    const key = JSON.stringify([fixture.tool, fixture.subscription, fixture.inputData]);
    groups.set(key, [...(groups.get(key) ?? []), { path, fixture }]);
  }
  return [...groups.values()];
};

/** The recorder options that tell it what this Zap registered. */
const recorderArgs = (fixture: Fixture): string[] => {
  const { secret, ...rest } = fixture.subscription as { secret?: string };
  const args = ['--tool', fixture.tool];
  if (typeof secret === 'string') args.push(SIGNING_TOOLS.includes(fixture.tool) ? '--signing-key' : '--secret', secret);
  if (Object.keys(rest).length) args.push('--subscription', JSON.stringify(rest));
  if (Object.keys(fixture.inputData).length) args.push('--input', JSON.stringify(fixture.inputData));
  return args;
};

/** Runs `fn` over `items`, `limit` at a time (the machine is small and shared). */
const inBatches = async <T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> => {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map((item, j) => fn(item, i + j)))));
  return out;
};

describe('send → record → replay round trip of the bundled fixtures (the real binary, loopback only)', () => {
  const root = mkdtempSync(join(tmpdir(), 'roundtrip-'));
  const recorded: { original: { path: string; fixture: Fixture }; file: string }[] = [];

  beforeAll(async () => {
    await inBatches(zaps(), 4, async (group, i) => {
      const out = join(root, 'recorded', `${group[0]!.fixture.tool}-${i}`);
      const recorder = await startCli(['record', '--port', '0', '--out', out, ...recorderArgs(group[0]!.fixture)], /on http:\/\/127\.0\.0\.1:(\d+)\//);
      try {
        const sent = await runCli(['send', ...group.map((g) => g.path), '--to', `http://127.0.0.1:${recorder.match[1]}/hook`, '--rate', '500']);
        expect(sent.stderr).toBe('');
        expect(JSON.parse(sent.stdout)).toMatchObject({ sent: group.length, byStatus: { 200: group.length } });
      } finally {
        expect(await recorder.stop()).toBe(0);
      }
      // Sent one at a time, saved numbered in arrival order: the n-th file is the n-th fixture.
      const files = readdirSync(out).sort();
      expect(files).toHaveLength(group.length);
      files.forEach((file, n) => recorded.push({ original: group[n]!, file: join(out, file) }));
    });
  }, 60000);

  it('records every delivery without "expect", with the subscription replay needs and no clear-text secret', () => {
    expect(recorded.length).toBeGreaterThan(100);
    for (const { original, file } of recorded) {
      const text = readFileSync(file, 'utf8');
      const saved = JSON.parse(text) as Record<string, unknown> & { subscription: Record<string, unknown>; received_at: string };
      expect([file, 'expect' in saved, 'expect_error' in saved]).toEqual([file, false, false]);
      expect(saved.received_at).toBe(original.fixture.received_at);
      expect(saved.inputData).toEqual(original.fixture.inputData);
      const secret = (original.fixture.subscription as { secret?: string }).secret;
      if (secret === undefined) continue;
      if (SIGNING_TOOLS.includes(original.fixture.tool)) {
        // A signing key never travels with a delivery; the fixture must carry it to verify.
        expect(saved.subscription.secret).toBe(secret);
        expect(saved.request).toMatchObject({ rawBody: original.fixture.request.rawBody });
      } else {
        expect(saved.subscription.secret).toBe(RECORDED_SECRET);
        expect([basename(file), text.includes(secret)]).toEqual([basename(file), false]);
      }
    }
  });

  it("replays every recording exactly as its original's expectations say (refusals stay refused)", async () => {
    const checked = join(root, 'checked');
    for (const { original, file } of recorded) {
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      const { expect: expected, expect_error: expectedError } = original.fixture;
      const dir = join(checked, original.fixture.tool);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, basename(original.path)),
        JSON.stringify({ ...saved, ...(expected ? { expect: expected } : {}), ...(expectedError !== undefined ? { expect_error: expectedError } : {}) }),
      );
    }
    const run = await runCli(['replay', checked], { timeoutMs: 90000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`\\n${recorded.length} passed, 0 failed\\n$`));
  }, 100000);

  it('replays the accepted recordings as they are: unchecked, their events shown, exit 0', async () => {
    const accepted = recorded.filter(
      (r) => r.original.fixture.expect_error === undefined && ['calendly', 'salesloft', 'lemlist'].includes(r.original.fixture.tool),
    );
    const run = await runCli(['replay', ...accepted.map((r) => r.file)], { timeoutMs: 60000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`\\n0 passed, 0 failed, ${accepted.length} unchecked\\n$`));
    expect(run.stdout).toMatch(/ {7}meeting_booked calendly:meeting_booked:/);
  }, 60000);
});
