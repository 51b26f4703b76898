import nock from 'nock';
import { MOCKS } from '../../dev/mock';
import { startMock, type MockOptions, type RunningMock } from '../../dev/mock/server';
import type { ToolId } from '../../src/model/tools';
import { appTester, authFor, op } from './app';

/**
 * Runs a test file's actions through the real app against the local tool mocks (what
 * `sales-connect mock` serves): starts them on a free loopback port, points every
 * SALES_CONNECT_<TOOL>_BASE_URL at them, and undoes both after each test.
 */
export const useMockApi = (tool: ToolId, defaults: Partial<Omit<MockOptions, 'port' | 'mocks'>> = {}) => {
  const saved = { ...process.env };
  let current: RunningMock | null = null;
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterAll(() => nock.disableNetConnect());
  afterEach(async () => {
    process.env = { ...saved };
    const server = current?.server;
    current = null;
    if (server) await new Promise((r) => server.close(r));
  });
  return {
    /** Starts the mocks (closing a previous start of this test, if any). */
    start: async (opts: Partial<Omit<MockOptions, 'port' | 'mocks'>> = {}): Promise<RunningMock> => {
      const previous = current?.server;
      if (previous) await new Promise((r) => previous.close(r));
      current = await startMock({ port: 0, mocks: MOCKS, ...defaults, ...opts });
      Object.assign(process.env, current.env);
      return current;
    },
    get mock(): RunningMock {
      if (!current) throw new Error('start() the mock first');
      return current;
    },
    /**
     * The tool's rate limit, end to end: with the window one request short of full, two
     * concurrent Find Lead runs (one API call each for an unknown email) → exactly one 429,
     * which the app turns into a ThrottledError with a delay. Returns that error.
     */
    async expectRateLimitSurfaced(): Promise<Error> {
      const mock = MOCKS.find((m) => m.tool === tool);
      if (!current || !mock) throw new Error('start() the mock first');
      current.fillRateWindow(tool, authFor(tool).api_key, mock.rateLimit.requests - 1);
      const results = await Promise.all(
        [0, 1].map(() =>
          appTester(op('searches', 'find_lead').perform, { authData: authFor(tool), inputData: { email: 'nobody@example.com' } } as never).catch(
            (e: Error) => e,
          ),
        ),
      );
      const throttled = results.filter((r): r is Error => r instanceof Error && r.name === 'ThrottledError');
      expect(throttled).toHaveLength(1);
      expect(JSON.parse((throttled[0] as Error).message)).toMatchObject({ delay: expect.any(Number) });
      expect(current.log.filter((l) => l.status === 429)).toHaveLength(1);
      return throttled[0] as Error;
    },
    /** A create / search of the app, with a connection to this tool (key `revoked` → 401). */
    run: (kind: 'creates' | 'searches', key: string, inputData: Record<string, unknown>, apiKey?: string) =>
      appTester(op(kind, key).perform, { authData: authFor(tool, apiKey), inputData } as never),
  };
};
