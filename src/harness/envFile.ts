import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * The block `sales-connect mock --dotenv .env` adds to a dotenv file, which
 * `zapier-platform invoke` loads (with override) before running a step. Markers let the mock
 * take out exactly what it put in, even if the file was edited meanwhile (`invoke auth start`
 * appends to it), and let a later start replace the block of a mock that was killed.
 */
const BEGIN = '# >>> sales-connect mock';
const END = '# <<< sales-connect mock';

export interface MockEnvBlock {
  pid: number;
  port: number;
  env: Record<string, string>;
}

const withoutBlock = (text: string): string => {
  const lines = text.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (line.startsWith(BEGIN)) inside = true;
    else if (inside && line.startsWith(END)) inside = false;
    else if (!inside) out.push(line);
  }
  return out.join('\n');
};

/** The block a running (or killed) mock left in the file, or null. */
export const readMockBlock = (file: string): MockEnvBlock | null => {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const header = text.split('\n').find((l) => l.startsWith(BEGIN));
  const match = header ? /pid (\d+) port (\d+)/.exec(header) : null;
  if (!header || !match) return null;
  const env: Record<string, string> = {};
  const body = text.slice(text.indexOf(header) + header.length, text.indexOf(END) >= 0 ? text.indexOf(END) : undefined);
  for (const line of body.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && !line.startsWith('#')) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { pid: Number(match[1]), port: Number(match[2]), env };
};

/**
 * Appends the mock's `SALES_CONNECT_<TOOL>_BASE_URL` lines (replacing an earlier mock's block).
 * Returns the function that takes them out again, deleting the file if the mock created it and
 * nothing else was added since.
 */
export const writeMockBlock = (file: string, block: MockEnvBlock): (() => void) => {
  const existed = existsSync(file);
  const before = existed ? withoutBlock(readFileSync(file, 'utf8')) : '';
  const lines = [
    `${BEGIN} (pid ${block.pid} port ${block.port}): the app's API base URLs point at the local mock; removed when it stops`,
    ...Object.entries(block.env).map(([name, value]) => `${name}=${value}`),
    END,
  ];
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  writeFileSync(file, `${before}${separator}${lines.join('\n')}\n`);
  return () => removeMockBlock(file, !existed);
};

/** Takes the mock's block out of the file; `deleteIfEmpty` when the mock had created the file. */
export const removeMockBlock = (file: string, deleteIfEmpty: boolean): void => {
  if (!existsSync(file)) return;
  const rest = withoutBlock(readFileSync(file, 'utf8'));
  if (deleteIfEmpty && rest.trim() === '') unlinkSync(file);
  else writeFileSync(file, rest);
};
