import { commandHelp, parseCommandArgs, usageLine, type CommandIo, type CommandSpec } from './cli/command';
import { describeError, EXIT_CHECK_FAILED, EXIT_USAGE, isArgumentProblem, UsageError } from './cli/errors';
import { packageVersion } from './cli/packageRoot';

/*
 * Each command loads on demand: `replay` loads the app, `mock` every tool mock, `advise` the
 * providers; `--help` and a usage error should not wait for any of it.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => CommandSpec> = {
  replay: () => (require('./commands/replay') as typeof import('./commands/replay')).replayCommand,
  record: () => (require('./commands/record') as typeof import('./commands/record')).recordCommand,
  send: () => (require('./commands/send') as typeof import('./commands/send')).sendCommand,
  mock: () => (require('./commands/mock') as typeof import('./commands/mock')).mockCommand,
  advise: () => (require('./commands/advise') as typeof import('./commands/advise')).adviseCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const io: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export const mainHelp = (): string => {
  const specs = Object.values(COMMANDS).map((load) => load());
  const width = Math.max(...specs.map((s) => s.name.length));
  return [
    'usage: sales-connect <command> [options]      (sales-connect <command> --help for its options)',
    '',
    'commands:',
    ...specs.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    '',
    'usage lines:',
    ...specs.map((s) => `  ${usageLine(s)}`),
    '',
    'global options: --help, --version, --debug (show the stack trace of an error)',
    'exit codes: 0 ok, 1 a check failed, 2 usage error (bad arguments, missing file, busy port)',
    'docs: README.md (Local harness), docs/ARCHITECTURE.md',
  ].join('\n');
};

/** One line on stderr for an error; the stack only when asked for. */
const report = (err: unknown, command: string | undefined, debug: boolean): number => {
  const usage = err instanceof UsageError || isArgumentProblem(err);
  const prefix = command ? `sales-connect ${command}: ` : 'sales-connect: ';
  const suffix = err instanceof UsageError ? helpHint(err.command ?? command) : usage || debug ? '' : ' (--debug shows where)';
  io.err(`${prefix}${describeError(err)}${suffix}`);
  if (debug && err instanceof Error && !(err instanceof UsageError)) io.err(err.stack ?? String(err));
  return usage ? EXIT_USAGE : EXIT_CHECK_FAILED;
};

const helpHint = (command: string | undefined) => ` — see: sales-connect ${command ? `${command} ` : ''}--help`;

export const main = async (argv: string[]): Promise<number> => {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [first, ...rest] = args;
  if (first === undefined) {
    io.err(mainHelp());
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic && !COMMANDS[topic])
      return report(new UsageError(`unknown command ${JSON.stringify(topic)}; commands: ${Object.keys(COMMANDS).join(', ')}`), undefined, debug);
    io.out(topic ? commandHelp((COMMANDS[topic] as () => CommandSpec)()) : mainHelp());
    return 0;
  }
  if (first === '--version' || first === '-V') {
    io.out(packageVersion());
    return 0;
  }
  const load = COMMANDS[first];
  if (!load) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command ${JSON.stringify(first)}`;
    return report(new UsageError(`${what}; commands: ${Object.keys(COMMANDS).join(', ')}`), undefined, debug);
  }
  const spec = load();
  try {
    const { positionals, values, help } = parseCommandArgs(spec, rest);
    if (help) {
      io.out(commandHelp(spec));
      return 0;
    }
    return await spec.run(positionals, values, io);
  } catch (err) {
    return report(err, spec.name, debug);
  }
};
