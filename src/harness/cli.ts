import nock from 'nock';
import { loadFixtures } from './fixture';
import { replayFixture } from './replay';

const USAGE = `usage: sales-connect replay <file|dir>... [--trigger KEY] [--json]

  replay   run webhook fixtures through the real triggers and print the unified events;
           exit 0 only when every fixture was handled and every expectation matched
           --trigger KEY   only this trigger (e.g. reply_received); default: all five
           --json          one unified event per line on stdout, nothing else`;

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
  // The app is loaded here, after any SALES_CONNECT_* variables are set, and no real HTTP leaves.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../index') as Parameters<typeof replayFixture>[0];
  nock.disableNetConnect();
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

export const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  switch (command) {
    case 'replay':
      return replay(rest);
    default:
      process.stderr.write(`${USAGE}\n`);
      return command ? 2 : 0;
  }
};
