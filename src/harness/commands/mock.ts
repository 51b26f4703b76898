import { spawn } from 'node:child_process';
import { MOCKS } from '../../../dev/mock';
import { startMock } from '../../../dev/mock/server';
import { readMockBlock, removeMockBlock, writeMockBlock } from '../envFile';
import { binPath } from '../cli/packageRoot';
import { describeError, UsageError } from '../cli/errors';
import { numberOption, stringOption, type CommandIo, type CommandSpec, type OptionValues } from '../cli/command';

/** How long `--background` waits for its copy to listen, and `--stop` for a mock to take its lines out. */
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

type ChildMessage = { ready: true; port: number; env: Record<string, string> } | { error: string; usage: boolean };

const untilSignal = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `--stop`: ends the mock recorded in the env file (by its pid) and makes sure its lines are gone. */
const stop = async (file: string, io: CommandIo): Promise<number> => {
  const block = readMockBlock(file);
  if (!block) {
    io.err(`no running mock recorded in ${file}`);
    return 1;
  }
  if (isAlive(block.pid)) {
    process.kill(block.pid, 'SIGTERM');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (Date.now() < deadline && readMockBlock(file) && isAlive(block.pid)) await new Promise((r) => setTimeout(r, 50));
  }
  // A mock killed without its handler (kill -9) leaves its block behind: take it out here.
  if (readMockBlock(file)) removeMockBlock(file, false);
  io.out(`stopped the mock on 127.0.0.1:${block.port} (pid ${block.pid}); its lines are out of ${file}`);
  return 0;
};

/** `--background`: starts a copy of this command detached, waits until it listens, then returns. */
const background = (args: string[], envFile: string | undefined, io: CommandIo): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath(), 'mock', ...args], {
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the mock did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock exited (code ${code}) before it was ready`));
    });
    child.once('message', (msg: ChildMessage) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.disconnect();
      child.unref();
      if ('error' in msg) {
        if (msg.usage) reject(new UsageError(msg.error, 'mock'));
        else reject(new Error(msg.error));
        return;
      }
      if (envFile) {
        io.out(`mock running in the background on 127.0.0.1:${msg.port} (pid ${child.pid}); base URLs written to ${envFile}`);
        io.out(`stop it with: sales-connect mock --stop --dotenv ${envFile}`);
      } else {
        for (const [name, value] of Object.entries(msg.env)) io.out(`export ${name}=${value}`);
        io.err(`mock running in the background on 127.0.0.1:${msg.port} (pid ${child.pid}); stop it with: kill ${child.pid}`);
      }
      resolve(0);
    });
  });

const serve = async (values: OptionValues, io: CommandIo): Promise<number> => {
  const port = numberOption(values, 'port', { min: 0, max: 65535, integer: true });
  const latencyMs = numberOption(values, 'latency', { min: 0, fallback: 0 });
  const failRate = numberOption(values, 'fail-rate', { min: 0, max: 1, fallback: 0 });
  const tool = stringOption(values, 'tool');
  const mocks = tool ? MOCKS.filter((m) => m.tool === tool) : MOCKS;
  if (mocks.length === 0) throw new UsageError(`--tool must be one of ${MOCKS.map((m) => m.tool).join(', ')}; got ${JSON.stringify(tool)}`, 'mock');
  const envFile = stringOption(values, 'dotenv');
  // A copy started by --background reports to its parent instead of printing.
  const report = process.send ? (msg: ChildMessage) => process.send?.(msg) : undefined;
  let running: Awaited<ReturnType<typeof startMock>>;
  try {
    running = await startMock({ port, mocks, latencyMs, failRate });
  } catch (err) {
    if (!report) throw err;
    report({ error: describeError(err), usage: true });
    return 2;
  }
  const removeEnv = envFile ? writeMockBlock(envFile, { pid: process.pid, port: running.port, env: running.env }) : () => undefined;
  try {
    if (report) {
      report({ ready: true, port: running.port, env: running.env });
      process.disconnect?.();
    } else {
      for (const [name, value] of Object.entries(running.env)) io.out(`export ${name}=${value}`);
      const where = envFile ? `; base URLs written to ${envFile} (removed on stop)` : '';
      io.err(`mock of ${mocks.map((m) => m.tool).join(', ')} on 127.0.0.1:${running.port}${where} (Ctrl-C to stop)`);
    }
    await untilSignal();
  } finally {
    removeEnv();
    await new Promise((resolve) => running.server.close(resolve));
  }
  return 0;
};

export const mockCommand: CommandSpec = {
  name: 'mock',
  summary: "A local fake of each tool's API (the endpoints the app calls) on 127.0.0.1, for offline `zapier-platform invoke`.",
  args: '',
  positionals: { min: 0, max: 0 },
  options: [
    { name: 'port', type: 'string', value: 'N', help: 'port on 127.0.0.1 (0 = any free port); needed to start a mock' },
    { name: 'tool', type: 'string', value: 'TOOL', help: `only this tool's mock: ${MOCKS.map((m) => m.tool).join(', ')}`, default: 'all' },
    { name: 'latency', type: 'string', value: 'MS', help: 'added to every answer', default: '0' },
    { name: 'fail-rate', type: 'string', value: 'P', help: 'fraction (0-1) of requests answered 503 in the tool’s error shape', default: '0' },
    // Not --env-file: Node 20 reads that flag from anywhere on the command line, even after the script.
    {
      name: 'dotenv',
      type: 'string',
      value: 'FILE',
      help: 'also write the SALES_CONNECT_<TOOL>_BASE_URL lines into this dotenv file (e.g. .env, which `zapier-platform invoke` reads) and take them out on stop',
    },
    { name: 'background', type: 'boolean', help: 'start the mock detached, return once it listens' },
    { name: 'stop', type: 'boolean', help: 'stop the mock recorded in --dotenv and remove its lines (no --port needed)' },
  ],
  details: [
    'Each tool is served under /<tool><its API base path>, with its documented rate limit (429 + Retry-After)',
    'and error body shape. The API key "revoked" answers 401. Seed data: README.md, "Local harness".',
    'Without --dotenv, paste the printed export lines into the shell that runs `zapier-platform invoke`;',
    'without them, invoke calls the real vendor.',
  ],
  examples: [
    'sales-connect mock --port 9000 --dotenv .env --background',
    'npx zapier-platform invoke create enroll_lead --inputData \'{"campaign_id":"1001","email":"new.lead@example.com"}\'',
    'sales-connect mock --stop --dotenv .env',
  ],
  async run(_positionals, values, io) {
    const envFile = stringOption(values, 'dotenv');
    if (values.stop) {
      if (!envFile) throw new UsageError('--stop needs --dotenv FILE (the file the mock wrote its lines into)', 'mock');
      return stop(envFile, io);
    }
    if (values.port === undefined) throw new UsageError('missing --port N (0 picks a free one)', 'mock');
    if (values.background) {
      numberOption(values, 'port', { min: 0, max: 65535, integer: true });
      const args = Object.entries(values).flatMap(([name, v]) =>
        name === 'background' || v === undefined || v === false ? [] : v === true ? [`--${name}`] : [`--${name}`, v],
      );
      return background(args, envFile, io);
    }
    return serve(values, io);
  },
};
