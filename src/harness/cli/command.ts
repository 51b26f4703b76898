import { parseArgs } from 'node:util';
import { UsageError } from './errors';

/** One `--name` option of a subcommand; its help line is generated from this. */
export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  /** The placeholder shown in help for a string option (`N`, `DIR`, `URL`). */
  value?: string;
  help: string;
  /** Shown in help; applied by the command itself (kept as text so help and behaviour agree). */
  default?: string;
  required?: boolean;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The positional part of the usage line, e.g. `<file|dir>...`; empty when there is none. */
  args: string;
  positionals: { min: number; max: number };
  options: OptionSpec[];
  /** Paragraphs after the option list: what the command does, what its exit code means. */
  details: string[];
  examples: string[];
  run(positionals: string[], values: OptionValues, io: CommandIo): Promise<number>;
}

const optionLabel = (o: OptionSpec) => (o.type === 'string' ? `--${o.name} ${o.value ?? 'VALUE'}` : `--${o.name}`);

export const usageLine = (cmd: CommandSpec): string => {
  const required = cmd.options.filter((o) => o.required);
  const optional = cmd.options.filter((o) => !o.required);
  return ['sales-connect', cmd.name, cmd.args, ...required.map(optionLabel), ...optional.map((o) => `[${optionLabel(o)}]`)].filter(Boolean).join(' ');
};

/** `sales-connect <command> --help`: generated from the spec, so it cannot drift from the parser. */
export const commandHelp = (cmd: CommandSpec): string => {
  const options = [...cmd.options, { name: 'help', type: 'boolean', help: 'this help' } as OptionSpec];
  const width = Math.max(...options.map((o) => optionLabel(o).length));
  const lines = [
    `usage: ${usageLine(cmd)}`,
    '',
    cmd.summary,
    '',
    'options:',
    ...options.map((o) => `  ${optionLabel(o).padEnd(width)}  ${o.help}${o.default !== undefined ? ` (default ${o.default})` : ''}`),
  ];
  if (cmd.details.length) lines.push('', ...cmd.details);
  if (cmd.examples.length) lines.push('', 'examples:', ...cmd.examples.map((e) => `  ${e}`));
  return lines.join('\n');
};

/**
 * Parses a subcommand's arguments with node's own `util.parseArgs` (stable since Node 20, so the
 * CLI needs no argument-parsing dependency) and turns its errors into one-line usage errors.
 */
export const parseCommandArgs = (cmd: CommandSpec, args: string[]): { positionals: string[]; values: OptionValues; help: boolean } => {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const o of cmd.options) options[o.name] = { type: o.type };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(parseErrorText(err as Error & { code?: string }, cmd), cmd.name);
  }
  const values = parsed.values as OptionValues;
  if (values.help) return { positionals: parsed.positionals, values, help: true };
  const n = parsed.positionals.length;
  if (n < cmd.positionals.min) throw new UsageError(`missing ${cmd.args}`, cmd.name);
  if (n > cmd.positionals.max) {
    throw new UsageError(
      cmd.positionals.max === 0 ? `takes no arguments, got ${JSON.stringify(parsed.positionals[0])}` : `takes ${cmd.args}, got ${n} arguments`,
      cmd.name,
    );
  }
  for (const o of cmd.options) {
    if (o.required && (values[o.name] === undefined || values[o.name] === '')) throw new UsageError(`missing --${o.name} ${o.value ?? ''}`.trim(), cmd.name);
  }
  return { positionals: parsed.positionals, values, help: false };
};

const parseErrorText = (err: Error & { code?: string }, cmd: CommandSpec): string => {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted.split(' ')[0]}; ${cmd.name} takes ${cmd.options.map((o) => `--${o.name}`).join(', ') || 'no options'}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${quoted.split(' ')[0]} ${/missing/.test(err.message) ? 'needs a value' : 'takes no value'}`;
    default:
      return err.message;
  }
};

/** A string option read as a number within bounds; `fallback` when absent. */
export const numberOption = (values: OptionValues, name: string, bounds: { min: number; max?: number; integer?: boolean; fallback?: number }): number => {
  const raw = values[name];
  if (raw === undefined) {
    if (bounds.fallback === undefined) throw new UsageError(`--${name} is required`);
    return bounds.fallback;
  }
  const n = Number(raw);
  const within =
    raw !== '' && Number.isFinite(n) && n >= bounds.min && (bounds.max === undefined || n <= bounds.max) && (!bounds.integer || Number.isInteger(n));
  if (!within) {
    const range = bounds.max === undefined ? `at least ${bounds.min}` : `between ${bounds.min} and ${bounds.max}`;
    throw new UsageError(`--${name} must be ${bounds.integer ? 'a whole number' : 'a number'} ${range}, got ${JSON.stringify(raw)}`);
  }
  return n;
};

export const stringOption = (values: OptionValues, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

/** A string option holding a JSON object (`--subscription '{"id":"42"}'`). */
export const jsonObjectOption = (values: OptionValues, name: string): Record<string, unknown> | undefined => {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UsageError(`--${name} must be a JSON object, e.g. '{"id":"42"}'; got ${JSON.stringify(raw)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--${name} must be a JSON object, got ${raw}`);
  return parsed as Record<string, unknown>;
};
