import { MOCKS } from '../dev/mock';
import { useMockApi } from './support/mockApi';
import { PROVIDERS } from '../src/providers';
import { smartleadMock } from '../dev/mock/smartlead';
import { ActionOutcome } from '../src/model/lead';
import { appTester, authFor, messageOf, op } from './support/app';
import { startMock } from '../dev/mock/server';
import { json, type ToolMock } from '../dev/mock/types';

/**
 * Every action, run offline against the local mock of the tool's API (what `sales-connect
 * mock` serves), through the real app — base URLs pointed at the mock with
 * SALES_CONNECT_<TOOL>_BASE_URL, exactly as a developer would.
 */
const api = useMockApi('smartlead');
const { start } = api;
const run = (kind: 'creates' | 'searches', key: string, tool: Parameters<typeof authFor>[0], inputData: Record<string, unknown>, apiKey?: string) =>
  appTester(op(kind, key).perform, { authData: authFor(tool, apiKey), inputData } as never);

describe('Smartlead against its mock', () => {
  it('enroll → find → enroll again → stop → stop again', async () => {
    await start();
    const lead = { campaign_id: '9181', email: 'ann@example.com', first_name: 'Ann' };
    expect(ActionOutcome.parse(await run('creates', 'enroll_lead', 'smartlead', lead)).outcome).toBe('enrolled');
    expect(await run('searches', 'find_lead', 'smartlead', { email: 'ANN@example.com' })).toMatchObject([
      { email: 'ann@example.com', campaigns: [{ id: '9181', name: 'Q2 outbound' }] },
    ]);
    expect(await run('creates', 'enroll_lead', 'smartlead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    expect(await run('creates', 'enroll_lead', 'smartlead', { ...lead, campaign_id: '9200' })).toMatchObject({ outcome: 'skipped_in_other_campaign' });
    await new Promise((r) => setTimeout(r, 1100)); // stay under Smartlead's burst limit of 10 requests per second
    // The status in the campaign comes from the campaign's lead search: a paused lead is not paused again.
    expect(await run('creates', 'stop_sequence', 'smartlead', { email: 'ann@example.com' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('creates', 'stop_sequence', 'smartlead', { email: 'ann@example.com' })).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('creates', 'enroll_lead', 'smartlead', { ...lead, email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    await new Promise((r) => setTimeout(r, 1100));
    // Paused in the campaign: skipped by default, resumed with re-enroll, then running again.
    expect(await run('creates', 'enroll_lead', 'smartlead', lead)).toMatchObject({ outcome: 'skipped_previously_contacted' });
    expect(await run('creates', 'enroll_lead', 'smartlead', { ...lead, if_previously_contacted: 're_enroll' })).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'enroll_lead', 'smartlead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    // Removing from a campaign the lead is not in: Smartlead answers {} → already stopped.
    expect(await run('creates', 'stop_sequence', 'smartlead', { email: 'ann@example.com', campaign_id: '9200', mode: 'remove' })).toMatchObject({
      outcome: 'already_stopped',
    });
    expect(api.mock.log.every((l) => l.status < 500)).toBe(true);
    expect(api.mock.log.some((l) => l.status === 429)).toBe(false);
  });

  it('the mock enforces Smartlead’s burst limit of 10 requests per second: the app answers ThrottledError with Retry-After', async () => {
    await start();
    const calls = Array.from({ length: 11 }, () => run('searches', 'find_lead', 'smartlead', { email: 'nobody@example.com' }).catch((e) => e));
    const results = await Promise.all(calls);
    const throttled = results.filter((r) => r instanceof Error && r.name === 'ThrottledError');
    expect(throttled).toHaveLength(1);
    expect(JSON.parse((throttled[0] as Error).message)).toMatchObject({ delay: expect.any(Number) });
    expect(api.mock.log.filter((l) => l.status === 429)).toHaveLength(1);
  });

  it('injected 503s are retried with backoff; a persistent outage ends in an error quoting the tool', async () => {
    let n = 0;
    await start({ failRate: 0.5, random: () => (n++ < 2 ? 0 : 1) }); // the first two requests fail
    expect(await run('searches', 'find_lead', 'smartlead', { email: 'nobody@example.com' })).toEqual([]);
    expect(api.mock.log.map((l) => l.status)).toEqual([503, 503, 200]);
    await new Promise((r) => api.mock.server.close(r));
    await start({ failRate: 1 });
    expect(messageOf(await run('searches', 'find_lead', 'smartlead', { email: 'x@example.com' }).catch((e) => e))).toMatch(
      /Smartlead answered 503: Service temporarily unavailable \(injected fault\)\. Tried 4 times/,
    );
  });

  it('a revoked key → reconnect message', async () => {
    await start();
    const err = (await run('searches', 'find_lead', 'smartlead', { email: 'x@example.com' }, 'revoked').catch((e) => e)) as Error;
    expect(err.name).toBe('ExpiredAuthError');
  });
});

describe('mock rate limits with several windows (Smartlead: 10/s, 60/min, 1,000/h)', () => {
  it('every window must have room; a full longer window answers 429 with its own Retry-After', async () => {
    const fake: ToolMock<null> = {
      tool: 'smartlead',
      basePath: '',
      rateLimit: { requests: 3, windowMs: 500 },
      moreRateLimits: [{ requests: 4, windowMs: 60_000 }],
      apiKeyOf: ({ query }) => query.get('k'),
      error: (status, message) => json(status, { error: message }),
      initialState: () => null,
      routes: [{ method: 'GET', path: '/ping', handle: () => json(200, { ok: true }) }],
    };
    const m = await startMock({ port: 0, mocks: [fake] });
    try {
      const get = () => fetch(`http://127.0.0.1:${m.port}/smartlead/ping?k=a`);
      const burst = await Promise.all([get(), get(), get(), get()]);
      expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 429]);
      await new Promise((r) => setTimeout(r, 600)); // the burst window has room again
      expect((await get()).status).toBe(200); // 4th request of the minute
      const limited = await get();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    } finally {
      await new Promise((r) => m.server.close(r));
    }
  });

  it('Smartlead’s mock declares the documented windows', () => {
    expect([smartleadMock.rateLimit, ...(smartleadMock.moreRateLimits ?? [])]).toEqual([
      { requests: 10, windowMs: 1000 },
      { requests: 60, windowMs: 60_000 },
      { requests: 1000, windowMs: 3_600_000 },
    ]);
  });
});

describe('mock registry', () => {
  it('has one mock per supported tool, each with a rate limit', () => {
    expect(MOCKS.map((m) => m.tool).sort()).toEqual(Object.keys(PROVIDERS).sort());
    expect(MOCKS).toContain(smartleadMock);
    for (const m of MOCKS) expect(m.rateLimit.requests).toBeGreaterThan(0);
  });
});
