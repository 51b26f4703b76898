import nock from 'nock';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readMockBlock, removeMockBlock, writeMockBlock } from '../src/harness/envFile';
import { runCli } from './support/cli';

const ENV = { SALES_CONNECT_SMARTLEAD_BASE_URL: 'http://127.0.0.1:9000/smartlead/api/v1' };

describe('the mock block in a dotenv file', () => {
  it('is added after what the file holds and taken out again, leaving the file as it was', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'envfile-')), '.env');
    writeFileSync(file, 'authData_tool=smartlead\nauthData_api_key=mock-key');
    const remove = writeMockBlock(file, { pid: 123, port: 9000, env: ENV });
    expect(readFileSync(file, 'utf8')).toMatch(
      /^authData_tool=smartlead\nauthData_api_key=mock-key\n# >>> sales-connect mock \(pid 123 port 9000\).*\nSALES_CONNECT_SMARTLEAD_BASE_URL=http:\/\/127\.0\.0\.1:9000\/smartlead\/api\/v1\n# <<< sales-connect mock\n$/,
    );
    expect(readMockBlock(file)).toEqual({ pid: 123, port: 9000, env: ENV });
    // `zapier-platform invoke auth start` appends while the mock runs: that stays.
    writeFileSync(file, `${readFileSync(file, 'utf8')}authData_extra=1\n`);
    remove();
    expect(readFileSync(file, 'utf8')).toBe('authData_tool=smartlead\nauthData_api_key=mock-key\nauthData_extra=1\n');
    expect(readMockBlock(file)).toBeNull();
  });

  it('replaces the block a killed mock left behind, and deletes a file only the mock wrote', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'envfile-')), '.env');
    writeMockBlock(file, { pid: 1, port: 1111, env: ENV });
    const remove = writeMockBlock(file, { pid: 2, port: 2222, env: ENV });
    expect(readFileSync(file, 'utf8').match(/# >>> sales-connect mock/g)).toHaveLength(1);
    expect(readMockBlock(file)?.port).toBe(2222);
    remove();
    expect(existsSync(file)).toBe(true);
    removeMockBlock(file, true);
    expect(existsSync(file)).toBe(false);
  });
});

describe('sales-connect mock --dotenv (the real binary)', () => {
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterAll(() => nock.disableNetConnect());

  it('--background writes the base URLs where zapier-platform invoke reads them; --stop ends the mock and takes them out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'authData_tool=lemlist\nauthData_api_key=mock-key\n');
    const start = await runCli(['mock', '--port', '0', '--tool', 'lemlist', '--dotenv', file, '--background']);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    const block = readMockBlock(file);
    expect(block?.env).toEqual({ SALES_CONNECT_LEMLIST_BASE_URL: `http://127.0.0.1:${block?.port}/lemlist/api` });
    expect(start.stdout).toContain(`mock running in the background on 127.0.0.1:${block?.port} (pid ${block?.pid}); base URLs written to ${file}`);
    try {
      // The mock answers as lemlist does, at the URL the file names.
      const res = await fetch(`${block?.env.SALES_CONNECT_LEMLIST_BASE_URL}/team`, {
        headers: { authorization: `Basic ${Buffer.from(':mock-key').toString('base64')}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ name: 'Mock Sales Team' });
    } finally {
      const stop = await runCli(['mock', '--stop', '--dotenv', file]);
      expect(stop).toMatchObject({ code: 0, stderr: '' });
    }
    expect(readFileSync(file, 'utf8')).toBe('authData_tool=lemlist\nauthData_api_key=mock-key\n');
    // The mock is gone (its pid may linger as a zombie where nothing reaps orphans): the port is closed.
    await expect(fetch(`${block?.env.SALES_CONNECT_LEMLIST_BASE_URL}/team`)).rejects.toThrow();
  });

  it('--stop without a running mock, and --background on a busy port, say so in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-env-'));
    const none = await runCli(['mock', '--stop', '--dotenv', join(dir, '.env')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`no running mock recorded in ${join(dir, '.env')}\n`);
    const noFile = await runCli(['mock', '--stop']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/--stop needs --dotenv FILE/);
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const { port } = busy.address() as AddressInfo;
    try {
      const taken = await runCli(['mock', '--port', String(port), '--dotenv', join(dir, '.env'), '--background']);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toBe(
        `sales-connect mock: port ${port} on 127.0.0.1 is already in use; choose another --port (0 picks a free one) — see: sales-connect mock --help\n`,
      );
      expect(existsSync(join(dir, '.env'))).toBe(false);
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });
});
