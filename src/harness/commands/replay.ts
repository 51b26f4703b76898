import nock from 'nock';
import { format } from 'node:util';
import { loadFixtures, whyNoFixtures } from '../fixture';
import type { ReplayResult } from '../replay';
import { UsageError } from '../cli/errors';
import { stringOption, type CommandIo, type CommandSpec } from '../cli/command';
import { EVENT_TYPES } from '../../model/tools';
import type { UnifiedEvent } from '../../model/event';

type App = Parameters<typeof import('../replay').replayFixture>[0];

/** What one fixture came to, for its result line and its tool's summary line. */
type Verdict = { tool: string; status: 'passed' | 'failed' | 'unchecked'; events: number; refused: boolean };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A message quoted in a result line, shortened: it explains the result, it is not the result. */
const quoted = (text: string) => JSON.stringify(text.length > 160 ? `${text.slice(0, 157)}...` : text);

const notesText = (notes: string[]) => notes.map((n) => `app log: ${quoted(n)}`);

const resultLine = (path: string, result: ReplayResult, refusal: string | undefined): { line: string; status: Verdict['status'] } => {
  if (result.problems.length) {
    return {
      line: `FAIL ${path}${result.checked ? '' : ' (no "expect" key, but the app raised an error)'}\n${result.problems.map((p) => `    ${p}`).join('\n')}`,
      status: 'failed',
    };
  }
  const what = refusal !== undefined ? [`refused as expected: ${quoted(refusal)}`] : [plural(result.events.length, 'event')];
  if (!result.checked) return { line: `-    ${path} (unchecked: ${[...what, 'no "expect" key', ...notesText(result.notes)].join('; ')})`, status: 'unchecked' };
  return { line: `ok   ${path} (${[...what, ...notesText(result.notes)].join('; ')})`, status: 'passed' };
};

const eventLine = (event: UnifiedEvent) =>
  `       ${event.event} ${event.id} lead=${event.lead.email ?? '-'} campaign=${event.campaign?.id ?? '-'} at ${event.occurred_at}`;

/** `smartlead   18 fixtures: 18 passed (15 events, 1 refused as expected)` — the per-tool closing lines. */
const toolSummaries = (verdicts: Verdict[]): string[] => {
  const tools = [...new Set(verdicts.map((v) => v.tool))].sort();
  const width = Math.max(...tools.map((t) => t.length));
  return tools.map((tool) => {
    const mine = verdicts.filter((v) => v.tool === tool);
    const count = (s: Verdict['status']) => mine.filter((v) => v.status === s).length;
    const parts = [`${count('passed')} passed`];
    if (count('failed')) parts.push(`${count('failed')} failed`);
    if (count('unchecked')) parts.push(`${count('unchecked')} unchecked`);
    const events = mine.reduce((n, v) => n + v.events, 0);
    const refused = mine.filter((v) => v.refused).length;
    const detail = [plural(events, 'event'), ...(refused ? [`${refused} refused as expected`] : [])].join(', ');
    return `${tool.padEnd(width)}  ${plural(mine.length, 'fixture')}: ${parts.join(', ')} (${detail})`;
  });
};

/** With --json, stdout carries events only: the app's stray console output goes to stderr. */
const routeConsoleToStderr = () => {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);
  Object.assign(console, { log: toStderr, info: toStderr, debug: toStderr });
  return () => Object.assign(console, saved);
};

const replayAll = async (paths: string[], trigger: string | undefined, json: boolean, io: CommandIo): Promise<number> => {
  const info = json ? io.err : io.out;
  // The app is loaded here, after any SALES_CONNECT_* variables are set, and no real HTTP leaves.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../../index') as App;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { replayFixture } = require('../replay') as typeof import('../replay');
  nock.disableNetConnect();
  const verdicts: Verdict[] = [];
  for (const { path, fixture, error } of loadFixtures(paths)) {
    if (!fixture) {
      io.err(`FAIL ${path}: ${error}`);
      verdicts.push({ tool: path.split(/[\\/]/).slice(-2, -1)[0] ?? '?', status: 'failed', events: 0, refused: false });
      continue;
    }
    const result = await replayFixture(app, fixture, trigger);
    const refusal = fixture.expect_error !== undefined ? result.errors.find((e) => e.message.includes(fixture.expect_error as string))?.message : undefined;
    const { line, status } = resultLine(path, result, refusal);
    (status === 'failed' ? io.err : info)(line);
    for (const event of result.events) (json ? io.out : info)(json ? JSON.stringify(event) : eventLine(event));
    verdicts.push({ tool: fixture.tool, status, events: result.events.length, refused: refusal !== undefined });
  }
  const failed = verdicts.filter((v) => v.status === 'failed').length;
  const unchecked = verdicts.filter((v) => v.status === 'unchecked').length;
  info('');
  for (const line of toolSummaries(verdicts)) info(line);
  info(`${verdicts.length - failed - unchecked} passed, ${failed} failed${unchecked ? `, ${unchecked} unchecked` : ''}`);
  return failed === 0 ? 0 : 1;
};

export const replayCommand: CommandSpec = {
  name: 'replay',
  summary: 'Run webhook fixtures through the real triggers and print the unified events.',
  args: '<file|dir>...',
  positionals: { min: 1, max: Infinity },
  options: [
    { name: 'trigger', type: 'string', value: 'KEY', help: `only this trigger: ${EVENT_TYPES.join(', ')}`, default: 'all five' },
    { name: 'json', type: 'boolean', help: 'one unified event per line on stdout and nothing else (results go to stderr)' },
  ],
  details: [
    'Each fixture runs through the app exactly as Zapier hands a delivery to a hook; outbound calls',
    'are served from the fixture\'s "http" list and nothing else leaves the machine.',
    'A fixture with "expect" must produce exactly those events (partial match, any order; [] = none);',
    'with "expect_error" it must be refused with that text; with neither (a fresh recording) it is',
    'unchecked: its events are printed and it fails only if the app raised an error.',
    'Exit 0 when nothing failed, 1 when a fixture failed, 2 for a usage error.',
  ],
  examples: ['sales-connect replay test/fixtures', 'sales-connect replay test/fixtures/smartlead --trigger reply_received --json'],
  async run(positionals, values, io) {
    const trigger = stringOption(values, 'trigger');
    if (trigger !== undefined && !(EVENT_TYPES as readonly string[]).includes(trigger)) {
      throw new UsageError(`--trigger must be one of ${EVENT_TYPES.join(', ')} (the instant triggers a delivery reaches)`, 'replay');
    }
    const empty = positionals.map(whyNoFixtures).filter((why): why is string => why !== null);
    if (empty.length) throw new UsageError(`nothing to replay: ${empty.join('; ')}`, 'replay');
    const json = values.json === true;
    const restoreConsole = json ? routeConsoleToStderr() : () => undefined;
    try {
      return await replayAll(positionals, trigger, json, io);
    } finally {
      restoreConsole();
    }
  },
};
