import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { expectUnified } from './support/events';

const API = 'https://api.reply.io';
const KEY = 'test-replyio-key';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const BEARER = { reqheaders: { authorization: `Bearer ${KEY}` }, badheaders: ['x-api-key'] };
const LEGACY = { reqheaders: { 'x-api-key': KEY }, badheaders: ['authorization'] };
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/replyio', `${name}.json`), 'utf8'));

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Reply.io connection', () => {
  it('tests the key with GET /v3/whoami (Bearer) and labels the connection with the username', async () => {
    nock(API, BEARER).get('/v3/whoami').reply(200, { userId: 123, username: 'jane@acme.com' });
    const result = await appTester(App.authentication.test as never, { authData: authFor('replyio') } as never);
    expect(result).toEqual({ tool_label: 'Reply.io', account: 'jane@acme.com' });
    expectAllCalled();
  });

  it('falls back to the user id when whoami has no username', async () => {
    nock(API, BEARER).get('/v3/whoami').reply(200, { userId: 12345 });
    const result = await appTester(App.authentication.test as never, { authData: authFor('replyio') } as never);
    expect(result).toEqual({ tool_label: 'Reply.io', account: 'user 12345' });
  });

  it('says the key was not accepted on a 401 with an empty body', async () => {
    nock(API).get('/v3/whoami').reply(401, '', { 'WWW-Authenticate': 'Bearer' });
    await expect(appTester(App.authentication.test as never, { authData: authFor('replyio') } as never)).rejects.toThrow(
      /Reply.io did not accept this API key/,
    );
  });
});

describe('Reply.io subscribe / unsubscribe', () => {
  it('registers one Team-scope v3 webhook for email_replied with a secret in the URL', async () => {
    let sent: Record<string, unknown> = {};
    nock(API, BEARER)
      .post('/v3/webhooks', (body) => {
        sent = body;
        return true;
      })
      .reply(201, (_uri, body) => ({ id: 1823, ...(body as object), createdAt: '2026-04-17T12:00:00+00:00' }));
    const data = (await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('replyio'),
      inputData: {},
      targetUrl: TARGET,
    } as never)) as Record<string, string>;
    expect(data).toMatchObject({ tool: 'replyio', id: '1823', event_type: 'email_replied' });
    expect(sent).toEqual({
      eventType: 'email_replied',
      url: `${TARGET}?sc_secret=${data.secret}`,
      scope: 'Team',
      enabled: true,
      payloadConfig: { includeEmailUrl: false, includeEmailText: true, includeProspectCustomFields: true },
    });
    expectAllCalled();
  });

  // The v3 catalogue (docs.reply.io/webhook-events) names the opt-out event contact_opted_out;
  // email_unsubscribed and meeting_booked are only on the legacy page (docs.reply.io/essentials/webhook-events).
  it.each([
    ['lead_interested', 'reply_categorized'],
    ['email_bounced', 'email_bounced'],
    ['lead_unsubscribed', 'contact_opted_out'],
  ])('subscribes %s to exactly the %s event', async (trigger, eventType) => {
    nock(API, BEARER)
      .post('/v3/webhooks', (body) => body.eventType === eventType && body.scope === 'Team')
      .reply(201, { id: 77, eventType });
    const data = await appTester(op('triggers', trigger).performSubscribe, { authData: authFor('replyio'), inputData: {}, targetUrl: TARGET } as never);
    expect(data).toMatchObject({ id: '77', event_type: eventType });
    expectAllCalled();
  });

  it('subscribes Lead Unsubscribed to contact_opted_out in one call (no email_unsubscribed attempt)', async () => {
    const sent: string[] = [];
    nock(API, BEARER)
      .post('/v3/webhooks', (body) => {
        sent.push(body.eventType);
        return body.eventType === 'contact_opted_out';
      })
      .reply(201, { id: 78, eventType: 'contact_opted_out' });
    const data = await appTester(op('triggers', 'lead_unsubscribed').performSubscribe, {
      authData: authFor('replyio'),
      inputData: {},
      targetUrl: TARGET,
    } as never);
    expect(data).toMatchObject({ id: '78', event_type: 'contact_opted_out' });
    expect(sent).toEqual(['contact_opted_out']);
    expectAllCalled();
  });

  it('refuses Meeting Booked before any request: the v3 catalogue has no meeting event, and says what to use instead', async () => {
    // nock allows no request here: a subscribe call would fail with a different error.
    const err = await appTester(op('triggers', 'meeting_booked').performSubscribe, {
      authData: authFor('replyio'),
      inputData: {},
      targetUrl: TARGET,
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Meeting Booked is not available instantly for Reply.io: Reply.io's webhooks \(v3\) have no meeting event/);
    expect(messageOf(err)).toMatch(/Calendly/);
  });

  it('surfaces a problem+json refusal (e.g. the team-owner rule) in Reply.io’s words', async () => {
    nock(API, BEARER)
      .post('/v3/webhooks')
      .reply(
        400,
        { title: 'Only the team owner may create team subscriptions', status: 400, code: 'webHook.teamScopeForbidden' },
        { 'Content-Type': 'application/problem+json' },
      );
    const err = await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('replyio'),
      inputData: {},
      targetUrl: TARGET,
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Reply.io rejected the request \(400\): Only the team owner may create team subscriptions \(webHook.teamScopeForbidden\)/);
  });

  it('deletes the webhook with DELETE /v3/webhooks/{id}; a 404 is success', async () => {
    nock(API, BEARER).delete('/v3/webhooks/1823').reply(204);
    nock(API, BEARER).delete('/v3/webhooks/1824').reply(404, { title: 'Not Found', status: 404, code: 'webHook.notFound' });
    for (const id of ['1823', '1824']) {
      await appTester(op('triggers', 'reply_received').performUnsubscribe, {
        authData: authFor('replyio'),
        subscribeData: { tool: 'replyio', id, secret: 's' },
      } as never);
    }
    expectAllCalled();
  });
});

describe('Reply.io deliveries', () => {
  const a = fixture('email_replied_shape_a');
  const withSecret = (f: { request: { body: unknown; querystring: Record<string, string> }; subscription: Record<string, unknown> }, extra = {}) =>
    deliveryBundle('replyio', { body: f.request.body, querystring: f.request.querystring }, { subscribeData: f.subscription, ...extra });

  it('turns the documented email_replied (shape A) into one reply event', async () => {
    const events = expectUnified(await appTester(op('triggers', 'reply_received').perform, withSecret(a) as never, true));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'replyio:reply_received:4c1b9e74-5ac3-4b0f-9a60-2a37a9b4a2d1',
      occurred_at: '2026-04-21T09:30:00.000Z',
      lead: { email: 'prospect@example.com', tool_lead_id: '12345' },
      campaign: { id: '555', name: 'Q2 outbound' },
      message: { from_email: 'prospect@example.com' },
    });
  });

  it('reads shape B (event/subscription/payload/attempt) the same way', async () => {
    const b = fixture('email_replied_shape_b');
    const events = expectUnified(await appTester(op('triggers', 'reply_received').perform, withSecret(b) as never, true));
    expect(events[0]).toMatchObject({ lead: { email: 'jane@example.com', company: 'Example Inc' }, message: { id: 'msg-7f3a' } });
  });

  it('accepts numbers where the docs show strings (event.date as epoch seconds, a numeric phone) in shape A', async () => {
    const numeric = fixture('numeric_scalars');
    const events = expectUnified(await appTester(op('triggers', 'reply_received').perform, withSecret(numeric) as never, true));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ occurred_at: '2026-04-21T09:30:00.000Z', lead: { phone: '15550100' } });
  });

  it('accepts numbers in shape B too (event.timestamp in milliseconds, numeric phone and name)', async () => {
    const b = fixture('email_replied_shape_b');
    const body = {
      ...b.request.body,
      event: { ...b.request.body.event, timestamp: 1776763800000 },
      payload: { ...b.request.body.payload, contact: { ...b.request.body.payload.contact, phone: 15550100, title: 42 } },
    };
    const events = expectUnified(
      await appTester(op('triggers', 'reply_received').perform, withSecret({ ...b, request: { ...b.request, body } }) as never, true),
    );
    expect(events[0]).toMatchObject({ occurred_at: '2026-04-21T09:30:00.000Z', lead: { phone: '15550100', title: '42' } });
  });

  it('gives the other triggers nothing for a reply', async () => {
    for (const key of ['lead_interested', 'meeting_booked', 'email_bounced', 'lead_unsubscribed']) {
      expect(await appTester(op('triggers', key).perform, withSecret(a) as never, true)).toEqual([]);
    }
  });

  it('maps reply_categorized to Lead Interested only for the interested categories', async () => {
    const yes = fixture('reply_categorized_interested');
    const no = fixture('reply_categorized_not_interested');
    expect(expectUnified(await appTester(op('triggers', 'lead_interested').perform, withSecret(yes) as never, true))[0]?.category).toBe('Interested');
    expect(await appTester(op('triggers', 'lead_interested').perform, withSecret(no) as never, true)).toEqual([]);
    const custom = await appTester(
      op('triggers', 'lead_interested').perform,
      withSecret(no, { inputData: { interested_categories: ['not interested'] } }) as never,
      true,
    );
    expect(custom).toHaveLength(1);
  });

  it('filters by the campaign input', async () => {
    expect(await appTester(op('triggers', 'reply_received').perform, withSecret(a, { inputData: { campaign_id: '999' } }) as never, true)).toEqual([]);
    expect(await appTester(op('triggers', 'reply_received').perform, withSecret(a, { inputData: { campaign_id: '555' } }) as never, true)).toHaveLength(1);
  });

  it('collapses a redelivery of the same event id', async () => {
    const first = await appTester(op('triggers', 'reply_received').perform, withSecret(a) as never, true);
    const again = await appTester(op('triggers', 'reply_received').perform, withSecret(a) as never);
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
  });

  it('refuses a delivery without the URL secret of the subscription', async () => {
    const bundle = deliveryBundle('replyio', { body: a.request.body }, { subscribeData: { secret: 'expected' } });
    await expect(appTester(op('triggers', 'reply_received').perform, bundle as never, true)).rejects.toThrow(/URL secret is missing or wrong/);
  });

  it('reports an unrecognised payload with its keys', async () => {
    const err = await appTester(op('triggers', 'reply_received').perform, deliveryBundle('replyio', { body: { foo: 1, bar: 2 } }) as never, true).catch(
      (e) => e,
    );
    expect(messageOf(err)).toMatch(/did not recognise this Reply.io webhook delivery \(top-level keys: foo, bar\)/);
  });

  it('answers a documented event without a unified counterpart (email_opened) with no events', async () => {
    const opened = fixture('email_opened_ignored');
    for (const key of ['reply_received', 'lead_interested', 'email_bounced']) {
      expect(await appTester(op('triggers', key).perform, withSecret(opened) as never, true)).toEqual([]);
    }
  });
});

describe('Reply.io base URL override', () => {
  afterEach(() => {
    delete process.env.SALES_CONNECT_REPLYIO_BASE_URL;
  });

  it('keeps the per-path auth header when the whole base is replaced (mock server)', async () => {
    process.env.SALES_CONNECT_REPLYIO_BASE_URL = 'http://localhost:4010/replyio';
    nock('http://localhost:4010', BEARER).get('/replyio/v3/whoami').reply(200, { userId: 1, username: 'mock' });
    nock('http://localhost:4010', LEGACY).get('/replyio/v1/campaigns').reply(200, []);
    expect(await appTester(App.authentication.test as never, { authData: authFor('replyio') } as never)).toEqual({ tool_label: 'Reply.io', account: 'mock' });
    expect(await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('replyio'), meta: { page: 0 } } as never)).toEqual([]);
    expectAllCalled();
  });
});

describe('Reply.io recent items and dropdown', () => {
  it('has no account-wide activity list: performList returns nothing (Zapier shows its static sample) without any call', async () => {
    const events = expectUnified(await appTester(op('triggers', 'reply_received').performList, { authData: authFor('replyio'), inputData: {} } as never));
    expect(events).toEqual([]);
    expectAllCalled();
  });

  it('fills the sequence dropdown from GET /v1/campaigns with X-Api-Key', async () => {
    nock(API, LEGACY)
      .get('/v1/campaigns')
      .reply(200, [
        { id: 51155, name: 'Q2 outbound', status: 2 },
        { id: 51156, name: 'Re-engage', status: 4 },
      ]);
    const out = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('replyio'), meta: { page: 0 } } as never);
    expect(out).toEqual([
      { id: '51155', name: 'Q2 outbound' },
      { id: '51156', name: 'Re-engage' },
    ]);
    expectAllCalled();
    expect(await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('replyio'), meta: { page: 1 } } as never)).toEqual([]);
  });
});
