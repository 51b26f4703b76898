import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'sales-connect.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real binary (built dist/, see test/support/build-dist.js) and waits for it, killing
 * it after `timeoutMs`: a CLI test never hangs the suite.
 */
export const runCli = (args: string[], opts: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sales-connect ${args.join(' ')} did not finish within ${opts.timeoutMs ?? 20000} ms\n${stdout}\n${stderr}`));
    }, opts.timeoutMs ?? 20000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

/**
 * Starts a long-running command (record, mock) and resolves once it printed a line matching
 * `ready`; `stop()` sends SIGTERM and waits for the exit (SIGKILL after 5 s).
 */
export const startCli = (args: string[], ready: RegExp, opts: { timeoutMs?: number } = {}) =>
  new Promise<{ match: RegExpMatchArray; output: () => string; stop: () => Promise<number | null> }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let output = '';
    let done = false;
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const stop = async () => {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sales-connect ${args.join(' ')} was not ready within ${opts.timeoutMs ?? 15000} ms:\n${output}`));
    }, opts.timeoutMs ?? 15000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = output.match(ready);
      if (match && !done) {
        done = true;
        clearTimeout(timer);
        resolve({ match, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      if (!done) {
        clearTimeout(timer);
        reject(new Error(`sales-connect ${args.join(' ')} exited (${code}) before it was ready:\n${output}`));
      }
    });
  });
