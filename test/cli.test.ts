import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCli } from './support/cli';
import { version } from '../package.json';

/** One line, no stack trace: what every user error must look like. */
const oneCleanLine = (text: string) => {
  expect(text.trim().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at |Error: |node:internal/);
};

/** A port nothing listens on: bound by the OS, then released. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
};

describe('sales-connect help, version and exit codes (the real binary)', () => {
  it('--help prints the commands on stdout and exits 0; no arguments is a usage error (exit 2)', async () => {
    const [help, bare] = await Promise.all([runCli(['--help']), runCli([])]);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const command of ['replay', 'record', 'send', 'mock', 'advise']) expect(help.stdout).toContain(`  ${command} `);
    expect(help.stdout).toMatch(/exit codes: 0 ok, 1 a check failed, 2 usage error/);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^usage: sales-connect <command>/);
  });

  it('each command has its own help, generated from its options, on stdout with exit 0', async () => {
    const runs = await Promise.all(['replay', 'record', 'send', 'mock', 'advise'].map((c) => runCli([c, '--help'])));
    for (const [i, command] of ['replay', 'record', 'send', 'mock', 'advise'].entries()) {
      expect(runs[i]).toMatchObject({ code: 0, stderr: '' });
      expect(runs[i]?.stdout).toMatch(new RegExp(`^usage: sales-connect ${command}`));
    }
    expect(runs[0]?.stdout).toMatch(/--trigger KEY +only this trigger: reply_received/);
    expect(runs[1]?.stdout).toMatch(/--signing-key K/);
    expect(runs[3]?.stdout).toMatch(/--dotenv FILE/);
    expect((await runCli(['help', 'send'])).stdout).toBe(runs[2]?.stdout);
  });

  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('an unknown command or option is named, in one line, exit 2', async () => {
    const [command, option, value] = await Promise.all([
      runCli(['frobnicate']),
      runCli(['replay', 'test/fixtures', '--nope']),
      runCli(['replay', 'test/fixtures', '--trigger']),
    ]);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command "frobnicate"; commands: replay, record, send, mock, advise/);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/unknown option --nope; replay takes --trigger, --json — see: sales-connect replay --help/);
    expect(value.code).toBe(2);
    expect(value.stderr).toMatch(/--trigger needs a value/);
    for (const run of [command, option, value]) oneCleanLine(run.stderr);
  });
});

describe('user errors are one clean line (the real binary)', () => {
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => busy.close(r)));

  it('mock and record on a busy port say so, exit 2, no stack trace', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-record-'));
    const [mock, record] = await Promise.all([
      runCli(['mock', '--port', String(busyPort), '--tool', 'smartlead']),
      runCli(['record', '--port', String(busyPort), '--out', out, '--tool', 'lemlist']),
    ]);
    for (const run of [mock, record]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`port ${busyPort} on 127.0.0.1 is already in use; choose another --port (0 picks a free one)`);
      oneCleanLine(run.stderr);
    }
  });

  it('send: a bad URL and a missing path are usage errors; a closed port names the cause', async () => {
    const port = await closedPort();
    const fixture = 'test/fixtures/smartlead/email_bounce.json';
    const [badUrl, missing, closed] = await Promise.all([
      runCli(['send', fixture, '--to', 'not a url']),
      runCli(['send', 'test/fixtures/nope.json', '--to', `http://127.0.0.1:${port}/`]),
      runCli(['send', fixture, '--to', `http://127.0.0.1:${port}/`]),
    ]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--to must be an http:\/\/ or https:\/\/ URL, got "not a url"/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/test\/fixtures\/nope\.json: no such file or directory/);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain(`not delivered: 1 × connection refused by 127.0.0.1:${port} (nothing is listening there)`);
    expect(JSON.parse(closed.stdout)).toMatchObject({ sent: 1 });
    for (const run of [badUrl, missing, closed]) oneCleanLine(run.stderr);
  });

  it('--debug adds the stack trace to an unexpected error', async () => {
    const port = await closedPort();
    const dir = mkdtempSync(join(tmpdir(), 'cli-debug-'));
    // A file where the recorder's output folder should be: mkdir fails in a way no check foresees.
    writeFileSync(join(dir, 'taken'), 'x');
    const plain = await runCli(['record', '--port', String(port), '--out', join(dir, 'taken', 'sub'), '--tool', 'smartlead']);
    const debug = await runCli(['record', '--port', String(port), '--out', join(dir, 'taken', 'sub'), '--tool', 'smartlead', '--debug']);
    expect(plain.code).toBe(1);
    oneCleanLine(plain.stderr);
    expect(plain.stderr).toMatch(/ENOTDIR.*\(--debug shows where\)/);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('replay says why (the real binary)', () => {
  it('a file that is not JSON, an empty folder and a missing path each give the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-replay-'));
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const [text, empty, broken, missing] = await Promise.all([
      runCli(['replay', join(dir, 'notes.txt')]),
      runCli(['replay', join(dir, 'empty')]),
      runCli(['replay', join(dir, 'broken.json')]),
      runCli(['replay', join(dir, 'gone')]),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/gone: no such file or directory/);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/notes\.txt: not a fixture \(fixtures are \.json files/);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty: no \.json fixtures in this folder or below it/);
    for (const run of [text, empty, missing]) oneCleanLine(run.stderr);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/FAIL .*broken\.json: not JSON: /);
    expect(broken.stdout).toMatch(/0 passed, 1 failed\n$/);
  });

  it("the README's own example, replay test/fixtures --trigger reply_received, is green", async () => {
    const run = await runCli(['replay', 'test/fixtures', '--trigger', 'reply_received'], { timeoutMs: 60000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
  });

  it('an expected refusal and the app’s log lines show once, in the result line, not as loose warnings', async () => {
    const run = await runCli(['replay', 'test/fixtures/woodpecker']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.match(/skipped item 2 of 2/g)).toHaveLength(1);
    expect(run.stdout).toMatch(
      /^ok {3}test\/fixtures\/woodpecker\/batch_one_malformed\.json \(1 event; app log: "Woodpecker webhook delivery: skipped item 2 of 2/m,
    );
    expect(run.stdout).toMatch(
      /^ok {3}test\/fixtures\/woodpecker\/wrong_url_secret\.json \(refused as expected: ".*the webhook URL secret is missing or wrong/m,
    );
    // Every line is a result, an event under it, a summary or blank: nothing stray.
    for (const line of run.stdout.split('\n')) expect(line).toMatch(/^(ok {3}|FAIL |- {4}| {7}\S|woodpecker +\d+ fixtures: |\d+ passed, |$)/);
  });

  it('ends with one summary line per tool and the total', async () => {
    const run = await runCli(['replay', 'test/fixtures/calendly', 'test/fixtures/salesloft/meeting_booked_signed.json']);
    expect(run.code).toBe(0);
    const tail = run.stdout.trim().split('\n').slice(-3);
    const calendly = readdirSync(join(__dirname, 'fixtures', 'calendly')).filter((f) => f.endsWith('.json')).length;
    // 7 refused: the 6 signature cases and the unsigned delivery refused fail-closed (issue 12).
    expect(tail[0]).toMatch(new RegExp(`^calendly +${calendly} fixtures: ${calendly} passed \\(\\d+ events, 7 refused as expected\\)$`));
    expect(tail[1]).toMatch(/^salesloft +1 fixture: 1 passed \(1 event\)$/);
    expect(tail[2]).toBe(`${calendly + 1} passed, 0 failed`);
  });
});

describe('a fixture without "expect" is unchecked; "expect": [] still means none (the real binary)', () => {
  it('shows the events, counts the fixture as unchecked and exits 0; the same delivery with [] fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-unchecked-'));
    const fx = JSON.parse(readFileSync(join(__dirname, 'fixtures/smartlead/email_reply_documented.json'), 'utf8'));
    delete fx.expect;
    writeFileSync(join(dir, 'unchecked.json'), JSON.stringify(fx));
    mkdirSync(join(dir, 'none'));
    writeFileSync(join(dir, 'none', 'expect-none.json'), JSON.stringify({ ...fx, expect: [] }));
    const [unchecked, none] = await Promise.all([runCli(['replay', join(dir, 'unchecked.json')]), runCli(['replay', join(dir, 'none')])]);
    expect(unchecked.code).toBe(0);
    expect(unchecked.stdout).toMatch(/^- {4}.*unchecked\.json \(unchecked: 1 event; no "expect" key\)\n {7}reply_received smartlead:reply_received:/m);
    expect(unchecked.stdout).toMatch(/smartlead +1 fixture: 0 passed, 1 unchecked \(1 event\)\n0 passed, 0 failed, 1 unchecked\n$/);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/FAIL .*expect-none\.json\n {4}expected 0 event\(s\), got 1/);
  });

  it('an unchecked fixture whose delivery the app refuses fails, with the reason once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-unchecked-'));
    const fx = JSON.parse(readFileSync(join(__dirname, 'fixtures/smartlead/email_reply_url_secret_wrong.json'), 'utf8'));
    delete fx.expect_error;
    writeFileSync(join(dir, 'refused.json'), JSON.stringify(fx));
    const run = await runCli(['replay', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^FAIL .*refused\.json \(no "expect" key, but the app raised an error\)\n {4}reply_received, lead_interested, meeting_booked, email_bounced, lead_unsubscribed, meeting_canceled, sequence_finished: .*secret is missing or wrong/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('record says what replay will need (the real binary)', () => {
  it('a delivery carrying a secret the recorder was not given is saved with a note to pass --secret', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-record-note-'));
    const recorder = await startCli(['record', '--port', '0', '--out', out, '--tool', 'smartlead'], /on http:\/\/127\.0\.0\.1:(\d+)\//);
    let output: string;
    try {
      const sent = await runCli(['send', 'test/fixtures/smartlead/email_reply_url_secret_ok.json', '--to', `http://127.0.0.1:${recorder.match[1]}/hook`]);
      expect(sent.code).toBe(0);
    } finally {
      expect(await recorder.stop()).toBe(0);
      output = recorder.output();
    }
    expect(output).toMatch(
      /saved .*smartlead-0001-.*\.json\n {2}note: it carries a secret \(query sc_secret\) the recorder was not given; start it with --secret so replay verifies it\n/,
    );
  });
});
