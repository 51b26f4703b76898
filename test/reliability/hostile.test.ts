/**
 * Issue 12 findings 1–8, each through the real app definition: hostile and broken input gives an
 * event, no event, or a typed error with a short message — never a 500, a stack overflow, a
 * minutes-long step, a multi-megabyte message or a key in an error.
 */
import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToolId } from '../../src/model/tools';
import { PROVIDERS } from '../../src/providers';
import { App, appTester, authFor, deliveryBundle, messageOf, op, resetNock, TEST_SUBSCRIPTION_SECRET } from '../support/app';
import { expectUnified } from '../support/events';

const fixture = (tool: string, name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', tool, `${name}.json`), 'utf8'));
const smartleadReply = () => fixture('smartlead', 'email_reply_documented').request.body as Record<string, unknown>;
const deliver = (tool: ToolId, trigger: string, body: unknown, extra: Parameters<typeof deliveryBundle>[2] = {}) =>
  appTester(op('triggers', trigger).perform, deliveryBundle(tool, { body }, extra) as never, true);
/** What a run ended with: its events, or its error's name / code / message. */
const settle = async (run: Promise<unknown>) =>
  run.then(
    (out) => ({ out: out as unknown[], name: null, code: null, message: '' }),
    (err: Error) => {
      const message = messageOf(err);
      let code: string | null = null;
      try {
        code = (JSON.parse(err.message) as { code?: string }).code ?? null;
      } catch {
        /* not a z.errors.Error */
      }
      return { out: null, name: err.name, code, message };
    },
  );

beforeEach(resetNock);
afterEach(() => {
  nock.cleanAll();
  jest.restoreAllMocks();
});

describe('1. free text is scanned in linear time, over a bounded prefix', () => {
  const bounce = () => {
    const body = fixture('mixmax', 'bounce_as_received_message').request.body as Record<string, unknown>;
    delete body.recipientEmail;
    return body;
  };
  const viaNormalize = (body: unknown) =>
    appTester(op('creates', 'normalize_event').perform, { authData: authFor('mixmax'), inputData: { raw_body: JSON.stringify(body) } } as never);

  it('a Mixmax bounce notice of 300,000 address characters without an @ is read in well under a second', async () => {
    const body = { ...bounce(), plaintextBody: `${'a'.repeat(300_000)} Delivery failed for lost.person@example.com` };
    const started = Date.now();
    const result = await settle(viaNormalize(body));
    expect(Date.now() - started).toBeLessThan(1500);
    // Past the scanned prefix: the address is not looked for, so the bounce has no lead email.
    expect(result.out).toMatchObject({ event: 'email_bounced', lead: { email: null } });
  });

  it('still finds the bounced address in an ordinary notice (the first that is neither daemon nor ours)', async () => {
    const body = { ...bounce(), plaintextBody: 'Your message to <Lost.Person@Example.com>. could not be delivered.' };
    expect(await viaNormalize(body)).toMatchObject({ event: 'email_bounced', lead: { email: 'lost.person@example.com' } });
  });
});

describe('2. error messages stay a few KB, and batch logging is capped', () => {
  it('a Woodpecker batch of 30,000 unusable items: one error of at most 4 KB that counts the rest', async () => {
    const items = Array.from({ length: 30_000 }, (_, i) => ({ method: 'prospect_replied', prospect: `not an object ${i}` }));
    const result = await settle(deliver('woodpecker', 'reply_received', items));
    expect(result.code).toBe('UnrecognisedPayload');
    expect(result.message.length).toBeLessThan(4096);
    expect(result.message).toMatch(/and 29997 more item\(s\) skipped/);
  });

  it('1 good and 5,000 bad Woodpecker items: the good event comes out, and at most 11 log lines', async () => {
    const good = fixture('woodpecker', 'prospect_replied_documented').request.body as unknown[];
    const bad = Array.from({ length: 5_000 }, () => ({ method: 'prospect_replied', prospect: 7 }));
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = (await deliver('woodpecker', 'reply_received', [...good, ...bad])) as unknown[];
    expect(out).toHaveLength(1);
    const skipped = log.mock.calls.filter((c) => String(c[0]).includes('skipped'));
    expect(skipped.length).toBeLessThanOrEqual(11);
    expect(skipped.length).toBeGreaterThan(0);
  });

  it('a Mixmax message with 50,000 malformed recipients: a short error naming the first issues', async () => {
    const body = { ...fixture('mixmax', 'message_received_reply').request.body, to: Array.from({ length: 50_000 }, () => 5) };
    const result = await settle(
      appTester(op('creates', 'normalize_event').perform, { authData: authFor('mixmax'), inputData: { raw_body: JSON.stringify(body) } } as never),
    );
    expect(result.code).toBe('UnrecognisedPayload');
    expect(result.message.length).toBeLessThan(4096);
    expect(result.message).toMatch(/more issue\(s\)/);
  });

  it('a body with 100,000 top-level keys lists 20 of them', async () => {
    const body = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`key_${i}`, i]));
    const result = await settle(deliver('lemlist', 'reply_received', body));
    expect(result.code).toBe('UnrecognisedPayload');
    expect(result.message.length).toBeLessThan(4096);
    expect(result.message).toMatch(/key_19, … 99980 more/);
  });
});

describe('3. Object.prototype names never select a table entry', () => {
  it('a Woodpecker item with "method": "constructor" is skipped; the batch’s good item still comes out', async () => {
    const good = fixture('woodpecker', 'prospect_replied_documented').request.body as Record<string, unknown>[];
    const hostile = { ...(good[0] as object), method: 'constructor' };
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = expectUnified((await deliver('woodpecker', 'reply_received', [...good, hostile])) as unknown[]);
    expect(out).toHaveLength(1);
    expect(log.mock.calls.some((c) => /unknown event constructor/.test(String(c[0])))).toBe(true);
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'a Woodpecker delivery whose only item has method %s is refused as unknown (400), not a 500',
    async (name) => {
      const good = fixture('woodpecker', 'prospect_replied_documented').request.body as Record<string, unknown>[];
      const result = await settle(deliver('woodpecker', 'reply_received', [{ ...(good[0] as object), method: name }]));
      expect(result).toMatchObject({ code: 'UnrecognisedPayload' });
      expect(result.message).toMatch(new RegExp(`unknown event ${name}`, 'i'));
    },
  );

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a connection whose tool is %s: subscribe says the tool is unsupported (no TypeError)',
    async (tool) => {
      const result = await settle(
        appTester(op('triggers', 'reply_received').performSubscribe, {
          authData: { tool, api_key: 'k' },
          inputData: {},
          targetUrl: 'https://hooks.zapier.com/x',
        } as never),
      );
      expect(result).toMatchObject({ name: 'AppError', code: 'UnsupportedTool' });
    },
  );

  it('a Mailshake reply whose type is "constructor" is no event for any trigger, not a 500', async () => {
    const fx = fixture('mailshake', 'replied_reply');
    for (const call of fx.http) {
      const url = new URL(call.url);
      nock(url.origin)
        .persist()
        .intercept(url.pathname + url.search, call.method)
        .reply(call.status, { ...call.body, type: 'constructor' });
    }
    for (const trigger of ['reply_received', 'email_bounced', 'lead_unsubscribed']) {
      const bundle = deliveryBundle('mailshake', { body: fx.request.body, querystring: fx.request.querystring }, { subscribeData: fx.subscription });
      expect(await appTester(op('triggers', trigger).perform, bundle as never, true)).toEqual([]);
    }
  });
});

describe('4. one timestamp reader: impossible and out-of-range instants are "no usable timestamp"', () => {
  it.each([
    ['an impossible date', '2025-02-30T10:00:00Z'],
    ['epoch milliseconds past year 9999', 253402300800000],
    ['an offset that crosses year 9999', '9999-12-31T23:30:00-01:00'],
    ['a time before 1970', '1969-07-20T20:17:00Z'],
  ])('%s → a 400 naming the missing timestamp, never our own 500', async (_what, value) => {
    const body = { ...smartleadReply(), time_replied: value, event_timestamp: value };
    const result = await settle(deliver('smartlead', 'reply_received', body));
    expect(result).toMatchObject({ code: 'UnrecognisedPayload' });
    expect(result.message).toMatch(/carries no usable timestamp/);
  });

  it('the last valid instant is read as written', async () => {
    const body = { ...smartleadReply(), time_replied: '9999-12-31T23:59:59Z', event_timestamp: '9999-12-31T23:59:59Z' };
    const [event] = expectUnified((await deliver('smartlead', 'reply_received', body)) as unknown[]);
    expect(event?.occurred_at).toBe('9999-12-31T23:59:59.000Z');
  });
});

describe('5. absurd nesting is refused before anything walks it', () => {
  const nested = (levels: number): unknown => {
    let v: unknown = 'bottom';
    for (let i = 0; i < levels; i += 1) v = { k: v };
    return v;
  };
  it.each([100, 2_500, 4_000])('a delivery nested %d levels: a typed 400, quoting no secret and no bundle', async (levels) => {
    const result = await settle(deliver('smartlead', 'reply_received', { ...smartleadReply(), metadata: nested(levels) }));
    expect(result).toMatchObject({ name: 'AppError', code: 'PayloadTooDeep' });
    expect(result.message).not.toContain(TEST_SUBSCRIPTION_SECRET);
    expect(result.message).not.toMatch(/What happened/);
  });

  it('64 levels is still an ordinary payload', async () => {
    const out = await deliver('smartlead', 'reply_received', { ...smartleadReply(), metadata: nested(60) });
    expect(out).toHaveLength(1);
  });

  it('a 401 while a trigger handles a delivery never appends the bundle (with the per-Zap secret) to the error', async () => {
    const fx = fixture('mailshake', 'replied_reply');
    for (const call of fx.http) {
      const url = new URL(call.url);
      nock(url.origin)
        .intercept(url.pathname + url.search, call.method)
        .reply(401, { error: 'Invalid API key', code: 'invalid_api_key' });
    }
    const bundle = deliveryBundle('mailshake', { body: fx.request.body, querystring: fx.request.querystring }, { subscribeData: fx.subscription });
    const result = await settle(appTester(op('triggers', 'reply_received').perform, bundle as never, true));
    expect(result.name).toBe('ExpiredAuthError');
    expect(result.message).toMatch(/Reconnect your Mailshake account/);
    expect(result.message).not.toContain(fx.subscription.secret);
    expect(result.message).not.toMatch(/What happened/);
  });

  it('should a bug of ours throw while a trigger reads a delivery, the error names it without the bundle or its secret', async () => {
    const smartlead = PROVIDERS.smartlead!;
    jest.spyOn(smartlead.events.webhook, 'typeOf').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const result = await settle(deliver('smartlead', 'reply_received', smartleadReply()));
    expect(result).toMatchObject({ name: 'AppError', code: 'InternalError' });
    expect(result.message).toMatch(/failed while reading this Smartlead delivery \(TypeError: Cannot read properties/);
    expect(result.message).not.toContain(TEST_SUBSCRIPTION_SECRET);
    expect(result.message).not.toMatch(/What happened/);
  });

  it('Normalize Webhook refuses a raw body nested 3,000 levels, before parsing it', async () => {
    const raw = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const result = await settle(appTester(op('creates', 'normalize_event').perform, { authData: authFor('smartlead'), inputData: { raw_body: raw } } as never));
    expect(result).toMatchObject({ name: 'AppError', code: 'PayloadTooDeep' });
  });
});

describe('6. the API key never appears in an error, whatever the status', () => {
  const TOOLS = Object.keys(PROVIDERS) as ToolId[];
  const STATUSES = [400, 401, 403, 404, 409, 422, 429, 500];
  it.each(TOOLS)('%s: a body that echoes the key is quoted without it (connection test, every status)', async (tool) => {
    const key = `live-${tool}-key-0123456789abcdef`;
    const origin = new URL(PROVIDERS[tool]!.defaultBaseUrl).origin;
    const quoted: boolean[] = [];
    for (const status of STATUSES) {
      nock.cleanAll();
      const echo = `invalid request for key ${key} (Basic ${Buffer.from(`:${key}`).toString('base64')}, ${encodeURIComponent(key)})`;
      const body = JSON.stringify({ message: echo, error: echo, errors: [echo], title: echo });
      nock(origin)
        .persist()
        .get(() => true)
        .query(true)
        .reply(status, body, { 'content-type': 'application/json', 'retry-after': '1' });
      nock(origin)
        .persist()
        .post(() => true)
        .query(true)
        .reply(status, body, { 'content-type': 'application/json', 'retry-after': '1' });
      const result = await settle(appTester(App.authentication.test as never, { authData: authFor(tool, key) } as never));
      expect([tool, status, result.out === null]).toEqual([tool, status, true]);
      expect([tool, status, result.message.includes(key)]).toEqual([tool, status, false]);
      expect(result.message).not.toContain(Buffer.from(`:${key}`).toString('base64'));
      quoted.push(result.message.includes('[redacted]'));
    }
    // Where the tool's words are quoted at all (not every status quotes them), the key is redacted in them.
    expect(quoted).toContain(true);
  });
});

describe('7. ids are validated before they go into a URL path', () => {
  it.each(['..', '.', 'a/b', '..%2f', 'x\u0000y', 'a\\b'])('Enroll Lead with Campaign %p is refused before any request', async (campaign) => {
    const result = await settle(
      appTester(op('creates', 'enroll_lead').perform, {
        authData: authFor('smartlead'),
        inputData: { email: 'jane@example.com', campaign_id: campaign },
      } as never),
    );
    if (campaign === '..%2f') {
      // Not a dot segment: percent-encoded as one opaque segment; the (blocked) network is reached.
      expect(result.code).not.toBe('InvalidId');
      return;
    }
    expect(result).toMatchObject({ name: 'AppError', code: 'InvalidId' });
    expect(result.message).toMatch(/Campaign/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('subscribing a Smartlead trigger to Campaign ".." never resolves /campaigns/../webhooks to /webhooks', async () => {
    const result = await settle(
      appTester(op('triggers', 'reply_received').performSubscribe, {
        authData: authFor('smartlead'),
        inputData: { campaign_id: '..' },
        targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/',
      } as never),
    );
    expect(result).toMatchObject({ name: 'AppError', code: 'InvalidId' });
  });
});

describe('8. lead.email is one parsed address, or the event is refused naming the field', () => {
  it('"Jane <JANE@Example.com>" is read as jane@example.com', async () => {
    const [event] = expectUnified(
      (await deliver('smartlead', 'reply_received', { ...smartleadReply(), sl_lead_email: ' Jane <JANE@Example.com> ' })) as unknown[],
    );
    expect(event?.lead.email).toBe('jane@example.com');
  });

  it.each(['0', 'a@b@c.com', 'jane @x.com', 'jane@', '@x.com'])('%p is refused with an error naming lead.email', async (address) => {
    const result = await settle(deliver('smartlead', 'reply_received', { ...smartleadReply(), sl_lead_email: address }));
    expect(result).toMatchObject({ name: 'AppError', code: 'UnusableLeadEmail' });
    expect(result.message).toMatch(/lead\.email ".*" is not an email address/);
  });

  it('a Woodpecker batch keeps its good item when another item’s email is not an address', async () => {
    const good = fixture('woodpecker', 'prospect_replied_documented').request.body as Record<string, { email: string }>[];
    const bad = { ...(good[0] as object), prospect: { ...(good[0]!.prospect as object), id: 42, email: 'a@b@c.com' } };
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = expectUnified((await deliver('woodpecker', 'reply_received', [...good, bad])) as unknown[]);
    expect(out.map((e) => e.lead.email)).toEqual([good[0]!.prospect.email.toLowerCase()]);
    expect(log.mock.calls.some((c) => /lead\.email "a@b@c\.com" is not an email address/.test(String(c[0])))).toBe(true);
  });
});
