import nock from 'nock';
import { format } from 'node:util';
import { loadFixtures } from './fixture';
import { replayFixture } from './replay';
import { startRecorder } from './record';
import { sendFixtures } from './send';
import { MOCKS } from './mock';
import { startMock } from './mock/server';
import { EVENT_TYPES, TOOL_IDS } from '../model/tools';
import { ToolId } from '../model/schemas';

const USAGE = `usage: sales-connect <command> ...

  replay <file|dir>... [--trigger KEY] [--json]
           run webhook fixtures through the real triggers and print the unified events;
           exit 0 only when every fixture was handled and every expectation matched
           --trigger KEY   only this trigger (e.g. reply_received); default: all five
           --json          one unified event per line on stdout, nothing else
  record --port N --out DIR --tool TOOL
           receive webhook deliveries on 127.0.0.1:N and save each as a fixture
           (credentials and shared secrets redacted; write its "expect" by hand)
  send <file|dir>... --to URL [--rate R] [--concurrency C]
           POST fixtures' deliveries to URL (R per second, C at a time) and report statuses
  mock --port N [--tool T] [--latency MS] [--fail-rate P]
           a local fake of each tool's API (the endpoints the app calls) on 127.0.0.1:N,
           enforcing each tool's documented rate limit (429 + Retry-After) and failing a
           fraction P of requests with 503; prints the SALES_CONNECT_<TOOL>_BASE_URL lines to use`;

/** --name value / --name=value options; everything else is positional. */
const parseArgs = (args: string[], valued: string[]) => {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const [name, inline] = arg.split(/=(.*)/s) as [string, string | undefined];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (valued.includes(name.slice(2))) options[name.slice(2)] = inline ?? args[++i] ?? '';
    else unknown.push(arg);
  }
  return { options, positional, unknown };
};

const replay = async (args: string[]): Promise<number> => {
  const paths: string[] = [];
  let trigger: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--trigger') trigger = args[++i];
    else if (arg.startsWith('--trigger=')) trigger = arg.slice('--trigger='.length);
    else if (arg.startsWith('--')) {
      process.stderr.write(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0 || (args.includes('--trigger') && !trigger)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (trigger !== undefined && !(EVENT_TYPES as readonly string[]).includes(trigger)) {
    process.stderr.write(`--trigger must be one of ${EVENT_TYPES.join(', ')} (the instant triggers a delivery reaches)\n`);
    return 2;
  }
  // The app is loaded here, after any SALES_CONNECT_* variables are set, and no real HTTP leaves.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../index') as Parameters<typeof replayFixture>[0];
  nock.disableNetConnect();
  // --json promises nothing but events on stdout: logs the app writes (z.console) go to stderr.
  const restoreConsole = json ? routeConsoleToStderr() : () => undefined;
  try {
    return await replayAll(app, paths, trigger, json);
  } finally {
    restoreConsole();
  }
};

const routeConsoleToStderr = () => {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  return () => Object.assign(console, saved);
};

const replayAll = async (app: Parameters<typeof replayFixture>[0], paths: string[], trigger: string | undefined, json: boolean): Promise<number> => {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const info = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
  let failed = 0;
  let count = 0;
  let loaded: ReturnType<typeof loadFixtures>;
  try {
    loaded = loadFixtures(paths);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  for (const { path, fixture, error } of loaded) {
    count += 1;
    if (!fixture) {
      failed += 1;
      process.stderr.write(`FAIL ${path}: ${error}\n`);
      continue;
    }
    const result = await replayFixture(app, fixture, trigger);
    if (result.problems.length) {
      failed += 1;
      process.stderr.write(`FAIL ${path}\n${result.problems.map((p) => `    ${p}`).join('\n')}\n`);
    } else {
      const what = fixture.expect_error !== undefined ? 'refused as expected' : `${result.events.length} event(s)`;
      info(`ok   ${path} (${what})`);
    }
    for (const event of result.events) {
      if (json) out(JSON.stringify(event));
      else info(`       ${event.event} ${event.id} lead=${event.lead.email ?? '-'} campaign=${event.campaign?.id ?? '-'} at ${event.occurred_at}`);
    }
  }
  info(`${count - failed} passed, ${failed} failed`);
  return failed === 0 && count > 0 ? 0 : 1;
};

const record = async (args: string[]): Promise<number> => {
  const { options, unknown } = parseArgs(args, ['port', 'out', 'tool']);
  const tool = ToolId.safeParse(options.tool);
  const port = Number(options.port);
  if (unknown.length || !options.out || !tool.success || !Number.isInteger(port) || port < 0) {
    process.stderr.write(`record needs --port N --out DIR --tool (${TOOL_IDS.join('|')})\n${USAGE}\n`);
    return 2;
  }
  const server = await startRecorder({ port, out: options.out, tool: tool.data, onSaved: (p) => process.stdout.write(`saved ${p}\n`) });
  const address = server.address();
  process.stdout.write(`recording ${tool.data} deliveries on http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/ into ${options.out} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => server.close(() => resolve()));
    process.once('SIGTERM', () => server.close(() => resolve()));
  });
  return 0;
};

const send = async (args: string[]): Promise<number> => {
  const { options, positional, unknown } = parseArgs(args, ['to', 'rate', 'concurrency']);
  const rate = Number(options.rate ?? 10);
  const concurrency = Number(options.concurrency ?? 1);
  if (unknown.length || !positional.length || !options.to || !(rate > 0) || !(concurrency >= 1)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const loaded = loadFixtures(positional);
  const bad = loaded.filter((f) => !f.fixture);
  for (const f of bad) process.stderr.write(`FAIL ${f.path}: ${f.error}\n`);
  const report = await sendFixtures(loaded.flatMap((f) => (f.fixture ? [f.fixture] : [])), options.to, rate, concurrency);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return bad.length === 0 && Object.keys(report.byStatus).every((s) => /^2\d\d$/.test(s)) ? 0 : 1;
};

const mock = async (args: string[]): Promise<number> => {
  const { options, unknown } = parseArgs(args, ['port', 'tool', 'latency', 'fail-rate']);
  const port = Number(options.port);
  const latencyMs = Number(options.latency ?? 0);
  const failRate = Number(options['fail-rate'] ?? 0);
  const mocks = options.tool ? MOCKS.filter((m) => m.tool === options.tool) : MOCKS;
  if (unknown.length || !Number.isInteger(port) || port < 0 || !(latencyMs >= 0) || !(failRate >= 0 && failRate <= 1) || mocks.length === 0) {
    process.stderr.write(`mock needs --port N; --tool one of ${MOCKS.map((m) => m.tool).join('|')}; --fail-rate between 0 and 1\n${USAGE}\n`);
    return 2;
  }
  const running = await startMock({ port, mocks, latencyMs, failRate });
  for (const [name, value] of Object.entries(running.env)) process.stdout.write(`export ${name}=${value}\n`);
  process.stderr.write(`mock of ${mocks.map((m) => m.tool).join(', ')} on 127.0.0.1:${running.port} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => running.server.close(() => resolve()));
    process.once('SIGTERM', () => running.server.close(() => resolve()));
  });
  return 0;
};

export const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  switch (command) {
    case 'replay':
      return replay(rest);
    case 'record':
      return record(rest);
    case 'send':
      return send(rest);
    case 'mock':
      return mock(rest);
    default:
      process.stderr.write(`${USAGE}\n`);
      return command ? 2 : 0;
  }
};
