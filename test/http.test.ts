import nock from 'nock';
import { callJson } from '../src/http/client';
import { smartlead } from '../src/providers/smartlead';
import { calendly } from '../src/providers/calendly';
import { retryAfterHeaderSeconds } from '../src/app/middleware';
import { messageOf, resetNock, runWith } from './support/app';

beforeEach(resetNock);
afterEach(() => {
  nock.cleanAll();
  delete process.env.SALES_CONNECT_CALENDLY_BASE_URL;
});

describe('credentials go only to the connected tool', () => {
  it('adds the Smartlead key to Smartlead requests only', async () => {
    nock('https://server.smartlead.ai').get('/api/v1/campaigns').query({ api_key: 'test-smartlead-key' }).reply(200, []);
    nock('https://elsewhere.example.com')
      .get('/x')
      .query((q) => !('api_key' in q))
      .reply(200, {});
    await runWith('smartlead', async ({ z }) => {
      await z.request({ url: 'https://server.smartlead.ai/api/v1/campaigns' });
      await z.request({ url: 'https://elsewhere.example.com/x' });
    });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('sends no Authorization header to a host other than Calendly', async () => {
    nock('https://api.calendly.com', { reqheaders: { authorization: 'Bearer test-calendly-key' } })
      .get('/users/me')
      .reply(200, {});
    nock('https://elsewhere.example.com', { badheaders: ['authorization'] })
      .get('/x')
      .reply(200, {});
    await runWith('calendly', async ({ z }) => {
      await z.request({ url: 'https://api.calendly.com/users/me' });
      await z.request({ url: 'https://elsewhere.example.com/x' });
    });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('follows SALES_CONNECT_<TOOL>_BASE_URL at request time, and the key follows the override', async () => {
    process.env.SALES_CONNECT_CALENDLY_BASE_URL = 'http://127.0.0.1:9/calendly';
    nock('http://127.0.0.1:9', { reqheaders: { authorization: 'Bearer test-calendly-key' } })
      .get('/calendly/users/me')
      .reply(200, { resource: {} });
    nock('https://api.calendly.com', { badheaders: ['authorization'] })
      .get('/users/me')
      .reply(200, {});
    await runWith('calendly', async (ctx) => {
      await callJson(ctx, calendly, { method: 'GET', path: '/users/me' });
      await ctx.z.request({ url: 'https://api.calendly.com/users/me' });
    });
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('error policy (docs/ARCHITECTURE.md, "Error policy")', () => {
  const base = 'https://server.smartlead.ai';
  const call = () => runWith('smartlead', (ctx) => callJson(ctx, smartlead, { method: 'GET', path: '/campaigns' }));

  it('401 → ExpiredAuthError asking to reconnect', async () => {
    nock(base).get('/api/v1/campaigns').query(true).reply(401, { error: 'Invalid API Key' });
    const err = await call().catch((e) => e);
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/Reconnect your Smartlead account/);
    expect(err.message).not.toMatch(/test-smartlead-key/);
  });

  it('403 → says which permission is missing', async () => {
    nock(base).get('/api/v1/campaigns').query(true).reply(403, { error: 'Forbidden' });
    expect(messageOf(await call().catch((e) => e))).toMatch(/refused access \(403: Forbidden\)/);
  });

  // Smartlead's documented limits and 429 (api.smartlead.ai guides/rate-limits): 60/min, 1,000/h,
  // 10/s burst; the 429 body is {error: {code, message, retry_after}} with a Retry-After header.
  it('429 → ThrottledError honouring Retry-After', async () => {
    nock(base)
      .get('/api/v1/campaigns')
      .query(true)
      .reply(
        429,
        { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests. Please retry after 30 seconds.', retry_after: 30 } },
        { 'Retry-After': '30' },
      );
    const err = await call().catch((e) => e);
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.message)).toEqual({
      message:
        'Smartlead rate limit reached (60 requests per minute and 1,000 per hour per API key (bursts up to 10 per second)): Too many requests. Please retry after 30 seconds. Zapier will retry in 30 s.',
      delay: 30,
    });
  });

  it('429 without Retry-After waits the tool’s documented window (the minute)', async () => {
    nock(base).get('/api/v1/campaigns').query(true).reply(429, 'slow down');
    expect(JSON.parse((await call().catch((e) => e)).message).delay).toBe(60);
  });

  it('5xx is retried with backoff, then succeeds', async () => {
    nock(base).get('/api/v1/campaigns').query(true).times(2).reply(502, 'bad gateway');
    nock(base)
      .get('/api/v1/campaigns')
      .query(true)
      .reply(200, [{ id: 1 }]);
    expect((await call()).data).toEqual([{ id: 1 }]);
  });

  it('5xx four times (1 try + 3 retries) → an error quoting the tool', async () => {
    nock(base).get('/api/v1/campaigns').query(true).times(4).reply(500, { error: 'database unavailable' });
    const err = await call().catch((e) => e);
    expect(messageOf(err)).toMatch(/Smartlead answered 500: database unavailable\. Tried 4 times/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a network failure is retried like a 5xx', async () => {
    nock(base).get('/api/v1/campaigns').query(true).replyWithError('socket hang up');
    nock(base).get('/api/v1/campaigns').query(true).reply(200, []);
    expect((await call()).data).toEqual([]);
  });

  it('a network failure that persists → an error without the key from the URL', async () => {
    nock(base).get('/api/v1/campaigns').query(true).times(4).replyWithError('socket hang up');
    const message = messageOf(await call().catch((e) => e));
    expect(message).toMatch(/could not reach Smartlead \(request to https:\/\/server\.smartlead\.ai\/api\/v1\/campaigns failed, reason: socket hang up\)/);
    expect(message).not.toMatch(/test-smartlead-key/);
  });

  it('a redirect is not followed (the key must not travel to another host)', async () => {
    nock(base).get('/api/v1/campaigns').query(true).reply(302, '', { Location: 'https://elsewhere.example.com/steal?api_key=x' });
    // Nothing is mocked for elsewhere.example.com: following the redirect would fail differently.
    expect(messageOf(await call().catch((e) => e))).toBe(
      'Smartlead answered with a redirect (302) to https://elsewhere.example.com/steal; not followed. Check SALES_CONNECT_SMARTLEAD_BASE_URL if you set it.',
    );
  });

  it('other 4xx → an error quoting the tool’s message', async () => {
    nock(base).get('/api/v1/campaigns').query(true).reply(404, { error: 'Campaign not found - Invalid campaign_id.' });
    expect(messageOf(await call().catch((e) => e))).toBe('Smartlead rejected the request (404): Campaign not found - Invalid campaign_id.');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterHeaderSeconds('7')).toBe(7);
    expect(retryAfterHeaderSeconds('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30);
    expect(retryAfterHeaderSeconds('soon')).toBeNull();
    expect(retryAfterHeaderSeconds(null)).toBeNull();
  });
});
