import { z as zod } from 'zod';
import type { UnifiedEvent } from '../src/model/event';
import { PROVIDERS } from '../src/providers';
import { entry, NoTimestamp, readDelivery, Rejected, Unrecognised } from '../src/providers/shared/webhook';
import type { SubscribeData, WebhookSpec } from '../src/providers/types';
import { messageOf, runWith } from './support/app';

/**
 * The shared webhook pipeline (src/providers/shared/webhook.ts), driven by a small made-up spec:
 * what every provider's table relies on. The providers' own deliveries are covered by their
 * replay fixtures and provider tests.
 */

const input = { campaign_id: null, interested_categories: ['Interested'], meeting_categories: ['Meeting Booked'] };
const SECRET = 's3cret-for-tests';
const sub: SubscribeData = { tool: 'smartlead', id: 'hook-1', secret: SECRET };

const eventOf = (id: string, at: string): UnifiedEvent => ({ id, event: 'reply_received', tool: 'smartlead', occurred_at: at }) as unknown as UnifiedEvent;

const Ping = zod.object({ kind: zod.string(), id: zod.string(), at: zod.string().optional() });

const spec = (over: Partial<WebhookSpec> = {}): WebhookSpec => ({
  label: 'Testtool',
  verify: { by: 'url-secret' },
  typeOf: (body) => (typeof body.kind === 'string' ? body.kind : null),
  noType: 'no kind',
  unknownType: (t) => `unknown kind ${t}`,
  events: {
    ping: entry({
      schema: Ping,
      normalize: (p) => {
        if (!p.at) throw new NoTimestamp();
        return eventOf(p.id, p.at);
      },
    }),
    odd: entry({
      schema: Ping,
      normalize: () => {
        throw new Unrecognised('odd pings are never readable');
      },
    }),
  },
  ignored: ['pong'],
  timestamp: 'usable "at"',
  ...over,
});

const delivery = (body: unknown, extra: { query?: Record<string, string>; receivedAt?: Date } = {}) => ({
  headers: {},
  rawBody: JSON.stringify(body),
  body,
  query: extra.query ?? {},
  receivedAt: extra.receivedAt ?? new Date('2026-01-01T12:00:00Z'),
});

const read = (s: WebhookSpec, body: unknown, extra: Parameters<typeof delivery>[1] = {}, subscription: SubscribeData | null = null) =>
  runWith('smartlead', (ctx) => readDelivery(ctx, s, delivery(body, extra), subscription, input));

const failure = async (p: Promise<unknown>): Promise<{ code?: string; message: string }> => {
  try {
    await p;
  } catch (err) {
    // Zapier errors travel as JSON text {message, code} (core's AppError).
    let code: string | undefined;
    try {
      code = (JSON.parse((err as Error).message) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    return { code, message: messageOf(err) };
  }
  throw new Error('expected a failure');
};

describe('readDelivery: one table, the same rules for every tool', () => {
  const good = { kind: 'ping', id: 'p1', at: '2026-01-01T11:59:00Z' };

  it('reads a table entry into its events', async () => {
    expect(await read(spec(), good)).toEqual([eventOf('p1', '2026-01-01T11:59:00Z')]);
  });

  it('an ignored type is recognised and gives no event; an unknown one is an error naming it', async () => {
    expect(await read(spec(), { kind: 'pong', id: 'x' })).toEqual([]);
    expect(await failure(read(spec(), { kind: 'teleport', id: 'x' }))).toEqual({
      code: 'UnrecognisedPayload',
      message: expect.stringMatching(/did not recognise this Testtool webhook delivery \(top-level keys: kind, id\): unknown kind teleport/),
    });
    expect((await failure(read(spec(), { id: 'x' }))).message).toMatch(/: no kind\./);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a type named %s selects no entry (own keys only)', async (kind) => {
    expect(await failure(read(spec(), { kind, id: 'x' }))).toMatchObject({
      code: 'UnrecognisedPayload',
      message: expect.stringContaining(`unknown kind ${kind}`),
    });
  });

  it('a pattern family reads names the table does not list; a listed name wins', async () => {
    const s = spec({ patterns: [{ match: /^ping:/, entry: spec().events.ping! }] });
    expect(await read(s, { ...good, kind: 'ping:v2' })).toHaveLength(1);
    expect((await failure(read(s, { ...good, kind: 'pong:v2' }))).message).toMatch(/unknown kind pong:v2/);
  });

  it('fields that do not match the schema, a missing time and a normaliser’s own reason are unrecognised payloads', async () => {
    expect((await failure(read(spec(), { kind: 'ping', id: 42 }))).message).toMatch(/ping fields do not match: id: /);
    expect((await failure(read(spec(), { kind: 'ping', id: 'p1' }))).message).toMatch(/ping carries no usable "at"/);
    expect((await failure(read(spec(), { kind: 'odd', id: 'p1' }))).message).toMatch(/odd pings are never readable/);
  });

  it('a body that is not a JSON object is refused with its shape', async () => {
    expect((await failure(read(spec(), [good]))).message).toMatch(/top-level keys: array of 1\)/);
    expect((await failure(read(spec(), null))).message).toMatch(/top-level keys: no JSON body\)/);
  });

  it('secret fields never reach the normaliser', async () => {
    const seen: unknown[] = [];
    const s = spec({
      secretFields: ['secret_key'],
      events: { ping: entry({ schema: Ping.passthrough(), normalize: (_p, raw) => (seen.push(raw), null) }) },
    });
    await read(s, { ...good, secret_key: 'k' });
    expect(seen).toEqual([good]);
  });

  it('a bug in a table entry is not dressed up as an unrecognised payload', async () => {
    const s = spec({
      typeOf: () => {
        throw new TypeError('boom');
      },
    });
    await expect(read(s, good)).rejects.toThrow(TypeError);
  });
});

describe('readDelivery: verification, fail-closed', () => {
  const good = { kind: 'ping', id: 'p1', at: '2026-01-01T11:59:00Z' };

  it('URL secret: a subscription’s delivery must carry it; a delivery by hand (no subscription) is not checked', async () => {
    expect(await read(spec(), good, { query: { sc_secret: SECRET } }, sub)).toHaveLength(1);
    expect(await failure(read(spec(), good, { query: { sc_secret: 'wrong' } }, sub))).toEqual({
      code: 'InvalidSignature',
      message: expect.stringContaining('Rejected a Testtool webhook delivery: the webhook URL secret is missing or wrong'),
    });
    expect(await read(spec(), good)).toHaveLength(1);
  });

  it('a subscription without a stored secret refuses every delivery', async () => {
    const result = await failure(read(spec(), good, { query: { sc_secret: SECRET } }, { tool: 'smartlead', id: 'h' }));
    expect(result).toMatchObject({ code: 'InvalidSignature', message: expect.stringContaining('no stored secret') });
  });

  it('body secret: missing and wrong are told apart', async () => {
    const s = spec({ verify: { by: 'body-secret', field: 'secret' } });
    expect(await read(s, { ...good, secret: SECRET }, {}, sub)).toHaveLength(1);
    expect((await failure(read(s, good, {}, sub))).message).toMatch(/the body's "secret" field is missing/);
    expect((await failure(read(s, { ...good, secret: 'nope' }, {}, sub))).message).toMatch(/the body's "secret" field is wrong/);
  });

  it('signature: the tool’s check decides, and its reason is said', async () => {
    const s = spec({ verify: { by: 'signature', check: (d, secret) => (d.headers['x-sig'] === secret ? { ok: true } : { ok: false, reason: 'bad x-sig' }) } });
    expect((await failure(read(s, good, {}, sub))).message).toMatch(/Rejected a Testtool webhook delivery: bad x-sig/);
  });

  it('a verified delivery of a refuseStale entry older than the dedupe window is refused as a replay; by hand it is read', async () => {
    const s = spec({ verify: { by: 'none' }, events: { ping: { ...spec().events.ping!, refuseStale: true } } });
    const old = { ...good, at: '2025-01-01T00:00:00Z' };
    expect((await failure(read(s, old, {}, sub))).code).toBe('InvalidSignature');
    expect(await read(s, old)).toHaveLength(1);
  });
});

describe('readDelivery: batches and pushed resources', () => {
  const item = (id: string, kind = 'ping') => ({ kind, id, at: '2026-01-01T11:59:00Z' });

  it('partial batches keep the good items and log the others; a batch with none is refused naming each', async () => {
    const s = spec({
      items: (b) => (Array.isArray(b) && b.length ? b : { why: 'expected a JSON array' }),
      partialBatches: true,
      notAnObject: 'not an event object',
    });
    const logged: string[] = [];
    const out = await runWith('smartlead', async (ctx) => {
      jest.spyOn(ctx.z.console, 'log').mockImplementation((line: string) => void logged.push(line));
      return readDelivery(ctx, s, delivery([item('a'), item('b', 'teleport'), 7]), null, input);
    });
    expect(out.map((e) => e.id)).toEqual(['a']);
    expect(logged).toEqual([
      'Testtool webhook delivery: skipped item 2 of 3 (index 1): unknown kind teleport; the other items were processed.',
      'Testtool webhook delivery: skipped item 3 of 3 (index 2): not an event object; the other items were processed.',
    ]);
    expect((await failure(read(s, [item('b', 'teleport'), 7]))).message).toMatch(
      /item 1 of 2 \(index 0\): unknown kind teleport; item 2 of 2 \(index 1\): not an event object/,
    );
    expect((await failure(read(s, {}))).message).toMatch(/expected a JSON array/);
  });

  it('strict batches refuse the whole delivery for one unreadable item, naming that item’s keys', async () => {
    const s = spec({ items: (b) => (Array.isArray(b) ? b : [b]) });
    expect(await read(s, [item('a'), item('b')])).toHaveLength(2);
    expect((await failure(read(s, [item('a'), { id: 'b' }]))).message).toMatch(/top-level keys: id\): no kind/);
  });

  it('resolve fetches what a push names before it is read; its refusals keep their kind', async () => {
    const resolve = async (_ctx: unknown, body: unknown) => {
      const url = (body as { url?: string }).url;
      if (!url) throw new Unrecognised('a push carries a url');
      if (!url.startsWith('https://api.test/')) throw new Rejected('its url is not the API');
      return item(url.slice('https://api.test/'.length));
    };
    const s = spec({ verify: { by: 'none' }, resolve });
    expect((await read(s, { url: 'https://api.test/r1' }))[0]?.id).toBe('r1');
    expect(await failure(read(s, {}))).toMatchObject({ code: 'UnrecognisedPayload', message: expect.stringMatching(/a push carries a url/) });
    expect(await failure(read(s, { url: 'https://evil.test/x' }))).toMatchObject({ code: 'InvalidSignature' });
  });
});

describe('every provider declares its deliveries as a table', () => {
  it.each(Object.keys(PROVIDERS))('%s: its webhook table is labelled with the tool’s name and every entry has a schema', (tool) => {
    const provider = PROVIDERS[tool as keyof typeof PROVIDERS]!;
    const hook = provider.events.webhook;
    expect(hook.label).toBe(provider.label);
    for (const e of [...Object.values(hook.events), ...(hook.patterns ?? []).map((p) => p.entry)]) {
      expect(typeof e.schema.safeParse).toBe('function');
      expect(typeof e.normalize).toBe('function');
    }
  });
});
