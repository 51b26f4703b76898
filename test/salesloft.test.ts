import nock from 'nock';
import { specViolations, type RecordedRequest } from './support/contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { expectUnified } from './support/events';
import { signSalesloft } from '../src/providers/salesloft/signature';
import { withPinnedClock } from '../src/delivery/clock';

const API = 'https://api.salesloft.com';
const KEY = 'test-salesloft-key';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const auth = { authData: authFor('salesloft') };
/** Requests our app sent, checked against Salesloft's own v2 spec after each test (deviations: test/support/contract.ts). */
let sent: RecordedRequest[] = [];
/** Salesloft's API with the Bearer key required; every request it receives is recorded for the spec check. */
const api = () => {
  const scope = nock(API, { reqheaders: { authorization: `Bearer ${KEY}` } });
  scope.on('request', (req: { method: string; path: string; headers: Record<string, string> }, _interceptor: unknown, body: string) => {
    sent.push({ method: req.method, path: req.path, headers: { 'content-type': 'application/json' }, body: body ? JSON.parse(body) : undefined });
  });
  return scope;
};
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/salesloft', `${name}.json`), 'utf8'));
const TOKEN = 'fixture-callback-token-not-a-secret';

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(async () => {
  for (const req of sent) {
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('salesloft', req) }).toEqual({
      req: `${req.method} ${req.path}`,
      violations: [],
    });
  }
  nock.cleanAll();
});

describe('Salesloft connection', () => {
  it('tests the key with GET /v2/me and names the user', async () => {
    api()
      .get('/v2/me')
      .reply(200, { data: { id: 1, guid: 'aaaa', name: 'Rita Rep', email: 'rita@example.com' } });
    expect(await appTester(App.authentication.test as never, auth as never)).toEqual({ tool_label: 'Salesloft', account: 'rita@example.com' });
    expectAllCalled();
  });

  it('a 403 names the missing permission, quoting Salesloft’s {error}', async () => {
    api().get('/v2/cadences').query({ per_page: '100', page: '1' }).reply(403, { error: 'Not authorized to view cadences' });
    const err = await appTester(op('triggers', 'campaign_list').perform, { ...auth, meta: { page: 0 } } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Not authorized to view cadences/);
    expect(messageOf(err)).toMatch(/lacks a permission or the key lacks a scope/);
  });

  it('a 429 without Retry-After waits the one-minute window', async () => {
    api().get('/v2/cadences').query(true).reply(429, { error: 'Rate limit exceeded' });
    const err = await appTester(op('triggers', 'campaign_list').perform, { ...auth, meta: { page: 0 } } as never).catch((e: Error) => e);
    expect((err as Error).name).toBe('ThrottledError');
    expect((err as Error).message).toMatch(/600 cost units per minute/);
  });
});

describe('Salesloft subscribe / unsubscribe', () => {
  it('registers meeting_booked with a generated callback_token (the signing secret)', async () => {
    let token = '';
    api()
      .post('/v2/webhook_subscriptions', (body) => {
        token = body.callback_token;
        return (
          JSON.stringify(Object.keys(body).sort()) === '["callback_token","callback_url","event_type"]' &&
          body.callback_url === TARGET &&
          body.event_type === 'meeting_booked' &&
          typeof body.callback_token === 'string' &&
          body.callback_token.length >= 24
        );
      })
      .reply(200, () => ({ data: { id: 4321, callback_url: TARGET, callback_token: token, event_type: 'meeting_booked', enabled: true } }));
    const data = await appTester(op('triggers', 'meeting_booked').performSubscribe, { ...auth, inputData: {}, targetUrl: TARGET } as never);
    expect(data).toEqual({ tool: 'salesloft', id: '4321', secret: token });
    expectAllCalled();
  });

  it('refuses Reply Received instantly (no Salesloft webhook) and points to polling', async () => {
    const err = await appTester(op('triggers', 'reply_received').performSubscribe, { ...auth, inputData: {}, targetUrl: TARGET } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Salesloft sends no webhook for replies/);
    expect(messageOf(err)).toMatch(/Reply Received \(Polling\)/);
  });

  it('says Lead Interested is not possible, and what to use instead', async () => {
    const err = await appTester(op('triggers', 'lead_interested').performSubscribe, { ...auth, inputData: {}, targetUrl: TARGET } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/no "interested" signal/);
    expect(messageOf(err)).toMatch(/Meeting Booked/);
  });

  it('deletes the subscription; a 404 is success', async () => {
    api().delete('/v2/webhook_subscriptions/4321').reply(204);
    api().delete('/v2/webhook_subscriptions/4322').reply(404, { error: 'Not Found' });
    for (const id of ['4321', '4322']) {
      await appTester(op('triggers', 'meeting_booked').performUnsubscribe, { ...auth, subscribeData: { tool: 'salesloft', id, secret: 's' } } as never);
    }
    expectAllCalled();
  });
});

describe('Salesloft deliveries', () => {
  const signed = fixture('meeting_booked_signed');
  // Delivered when the fixture was (its received_at): a signed delivery older than the dedupe window is a replay (issue 12).
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(signed.received_at)));
  afterEach(() => jest.restoreAllMocks());
  const delivery = (extra: Record<string, unknown> = {}) =>
    deliveryBundle(
      'salesloft',
      { headers: signed.request.headers, rawBody: signed.request.rawBody },
      { subscribeData: { id: '4321', secret: TOKEN }, ...extra },
    );

  it('verifies the signature and emits one Meeting Booked', async () => {
    const events = expectUnified(await appTester(op('triggers', 'meeting_booked').perform, delivery() as never, true));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'salesloft:meeting_booked:1001',
      occurred_at: '2025-04-01T14:00:00.000Z',
      lead: { email: 'jane@example.com', tool_lead_id: '5555' },
      campaign: { id: '77', name: null },
      meeting: { id: '1001', start_time: '2025-04-10T19:00:00.000Z', organizer_email: 'rep@example.com' },
    });
    expect(signed.request.headers['x-salesloft-signature']).toBe(signSalesloft(TOKEN, signed.request.rawBody));
  });

  it('collapses Salesloft’s retry of the same delivery (same id) into one event', async () => {
    const first = await appTester(op('triggers', 'meeting_booked').perform, delivery() as never, true);
    const retry = await appTester(op('triggers', 'meeting_booked').perform, delivery() as never);
    expect(first).toHaveLength(1);
    expect(retry).toEqual([]);
  });

  it('gives the other triggers nothing for a meeting', async () => {
    for (const key of ['reply_received', 'lead_interested', 'email_bounced', 'lead_unsubscribed']) {
      expect(await appTester(op('triggers', key).perform, delivery() as never, true)).toEqual([]);
    }
  });

  it('filters by the cadence input', async () => {
    expect(await appTester(op('triggers', 'meeting_booked').perform, delivery({ inputData: { campaign_id: '78' } }) as never, true)).toEqual([]);
  });

  it('rejects a bad or missing signature', async () => {
    const bad = deliveryBundle(
      'salesloft',
      { headers: { ...signed.request.headers, 'x-salesloft-signature': 'deadbeef' }, rawBody: signed.request.rawBody },
      { subscribeData: { secret: TOKEN } },
    );
    expect(messageOf(await appTester(op('triggers', 'meeting_booked').perform, bad as never, true).catch((e) => e))).toMatch(
      /Rejected a Salesloft webhook delivery: the signature does not match/,
    );
    const missing = deliveryBundle(
      'salesloft',
      { headers: { 'x-salesloft-event': 'meeting_booked' }, rawBody: signed.request.rawBody },
      { subscribeData: { secret: TOKEN } },
    );
    expect(messageOf(await appTester(op('triggers', 'meeting_booked').perform, missing as never, true).catch((e) => e))).toMatch(
      /x-salesloft-signature header is missing/,
    );
  });

  it('reports an unknown event name and a body without the event header', async () => {
    const unknown = deliveryBundle('salesloft', { headers: { 'x-salesloft-event': 'meeting.booked' }, body: { id: 1 } }, { subscribeData: {} });
    expect(messageOf(await appTester(op('triggers', 'meeting_booked').perform, unknown as never, true).catch((e) => e))).toMatch(
      /did not recognise this Salesloft webhook delivery \(top-level keys: id\): unknown event meeting\.booked/,
    );
    const none = deliveryBundle('salesloft', { body: { id: 1 } }, { subscribeData: {} });
    expect(messageOf(await appTester(op('triggers', 'meeting_booked').perform, none as never, true).catch((e) => e))).toMatch(/no x-salesloft-event header/);
  });
});

describe('Salesloft recent items, polling and dropdown', () => {
  const meeting = fixture('meeting_booked_signed');

  it('lists booked meetings for the editor with the webhook’s ids', async () => {
    const m = JSON.parse(meeting.request.rawBody);
    api()
      .get('/v2/meetings')
      .query({ status: 'booked', include_meetings_settings: 'true', sort_by: 'created_at', sort_direction: 'DESC', per_page: '100' })
      .reply(200, { data: [{ ...m, id: 999, created_at: '2025-03-01T10:00:00.000000Z' }, m] });
    const events = expectUnified(await appTester(op('triggers', 'meeting_booked').performList, { ...auth, inputData: {} } as never));
    expect(events.map((e) => e.id)).toEqual(['salesloft:meeting_booked:1001', 'salesloft:meeting_booked:999']);
    expectAllCalled();
  });

  const email = (over: Record<string, unknown>) => ({
    id: 2002,
    updated_at: '2025-04-03T11:12:13.000000Z',
    sent_at: '2025-04-02T09:05:00.000000Z',
    recipient_email_address: 'Bo@Example.com',
    bounced: false,
    subject: 'Quick question',
    counts: { replies: 0, views: 1, clicks: 0 },
    recipient: { id: 6666 },
    cadence: { id: 77 },
    ...over,
  });

  /** Polling runs at this (pinned) time: emails updated in the 7 days before it. */
  const POLL_AT = new Date('2025-04-05T12:00:00.000Z');
  const SINCE = '2025-03-29T12:00:00.000Z';
  const poll = (key: string, inputData: Record<string, unknown> = {}) =>
    withPinnedClock(POLL_AT, () => appTester(op('triggers', key).perform, { ...auth, inputData } as never));

  it('polls replies from emails updated in the last 7 days (counts.replies > 0), cadence filter passed through', async () => {
    api()
      .get('/v2/activities/emails')
      .query({ 'updated_at[gt]': SINCE, 'cadence_id[]': '77', sort_by: 'updated_at', sort_direction: 'DESC', per_page: '100', page: '1' })
      .reply(200, {
        data: [
          email({ id: 1 }),
          email({ id: 2002, counts: { replies: 1 } }),
          email({ id: 3, counts: { replies: 2 }, updated_at: '2025-04-04T00:00:00.000000Z' }),
        ],
      });
    const events = expectUnified(await poll('reply_received_polling', { campaign_id: '77' }));
    expect(events.map((e) => e.id)).toEqual(['salesloft:reply_received:3', 'salesloft:reply_received:2002']);
    expect(events[1]).toMatchObject({
      lead: { email: 'bo@example.com', tool_lead_id: '6666' },
      message: { from_email: 'bo@example.com', subject: 'Quick question' },
    });
    expectAllCalled();
  });

  it('polls bounces with bounced=true', async () => {
    api()
      .get('/v2/activities/emails')
      .query({ 'updated_at[gt]': SINCE, bounced: 'true', sort_by: 'updated_at', sort_direction: 'DESC', per_page: '100', page: '1' })
      .reply(200, { data: [email({ bounced: true })] });
    const events = expectUnified(await poll('email_bounced_polling'));
    expect(events[0]).toMatchObject({ id: 'salesloft:email_bounced:2002', message: { to_email: 'bo@example.com', sent_at: '2025-04-02T09:05:00.000Z' } });
    expectAllCalled();
  });

  it('follows next_page through the window (more than the 100 most recently updated emails), bounded at 5 pages', async () => {
    const emails = (page: number, count: number) =>
      Array.from({ length: count }, (_, i) => email({ id: page * 1000 + i, counts: { replies: i === 0 ? 1 : 0, views: 3 } }));
    const paging = (page: number, next: number | null) => ({
      paging: { per_page: 100, current_page: page, next_page: next, prev_page: page > 1 ? page - 1 : null },
    });
    const at = (page: number) =>
      api()
        .get('/v2/activities/emails')
        .query({ 'updated_at[gt]': SINCE, sort_by: 'updated_at', sort_direction: 'DESC', per_page: '100', page: String(page) });
    // Opens and clicks fill page 1; a reply further down is still seen.
    at(1).reply(200, { metadata: paging(1, 2), data: emails(1, 100) });
    at(2).reply(200, { metadata: paging(2, 3), data: emails(2, 100) });
    at(3).reply(200, { metadata: paging(3, null), data: emails(3, 100) });
    expect(expectUnified(await poll('reply_received_polling')).map((e) => e.id)).toEqual([
      'salesloft:reply_received:1000',
      'salesloft:reply_received:2000',
      'salesloft:reply_received:3000',
    ]);
    expectAllCalled();
    for (let page = 1; page <= 5; page += 1) at(page).reply(200, { metadata: paging(page, page + 1), data: emails(page, 100) });
    expect(expectUnified(await poll('reply_received_polling'))).toHaveLength(5);
    expectAllCalled(); // and no sixth page: nock would refuse it
  });

  it('fills the cadence dropdown (1-based pages)', async () => {
    api()
      .get('/v2/cadences')
      .query({ per_page: '100', page: '1' })
      .reply(200, {
        data: [
          { id: 77, name: 'Q2 outbound', archived_at: null },
          { id: 78, name: 'Old', archived_at: '2024-01-01T00:00:00Z' },
        ],
      });
    const out = await appTester(op('triggers', 'campaign_list').perform, { ...auth, meta: { page: 0 } } as never);
    expect(out).toEqual([
      { id: '77', name: 'Q2 outbound' },
      { id: '78', name: 'Old (archived)' },
    ]);
    expectAllCalled();
  });
});
