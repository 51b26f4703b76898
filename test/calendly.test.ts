import nock from 'nock';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPinnedClock } from '../src/delivery/clock';
import { zapierRequestFor } from '../src/delivery/delivery';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { specViolations } from './support/contract';
import { expectUnified } from './support/events';

const API = 'https://api.calendly.com';
const AUTH = { reqheaders: { authorization: 'Bearer test-calendly-key' } };
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const ORG = 'https://api.calendly.com/organizations/AAAAAAAAAAAAAAAA';
const ME = {
  resource: {
    uri: 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA',
    name: 'John Doe',
    email: 'test@example.com',
    current_organization: ORG,
  },
};
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/calendly', `${name}.json`), 'utf8'));

/** Requests our app sent, checked against Calendly's own OpenAPI spec at the end of each test. */
let sent: { method: string; path: string; body?: unknown }[] = [];
/** Calendly's API with the Bearer key required; every request it receives is recorded for the spec check. */
const api = (): nock.Scope => {
  const scope = nock(API, AUTH);
  scope.on('request', (req: { method: string; path: string }, _interceptor: unknown, body: string) => {
    sent.push({ method: req.method, path: req.path, body: body ? JSON.parse(body) : undefined });
  });
  return scope;
};

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(async () => {
  for (const req of sent) {
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('calendly', { ...req, headers: { authorization: 'Bearer x' } }) }).toEqual({
      req: `${req.method} ${req.path}`,
      violations: [],
    });
  }
  nock.cleanAll();
});

describe('Calendly connection', () => {
  it('labels the connection with the user from /users/me', async () => {
    api().get('/users/me').reply(200, ME);
    expect(await appTester(App.authentication.test as never, { authData: authFor('calendly') } as never)).toEqual({
      tool_label: 'Calendly',
      account: 'test@example.com',
    });
  });
});

describe('Calendly subscribe / unsubscribe', () => {
  it('subscribes the organisation to invitee.created with a signing key we generate', async () => {
    let body: Record<string, unknown> = {};
    api().get('/users/me').reply(200, ME);
    api()
      .post('/webhook_subscriptions', (b: Record<string, unknown>) => {
        body = b;
        return true;
      })
      .reply(201, { resource: { uri: 'https://api.calendly.com/webhook_subscriptions/WWWWWWWWWWWWWWWW', state: 'active' } });
    const data = (await appTester(op('triggers', 'meeting_booked').performSubscribe, {
      authData: authFor('calendly'),
      inputData: {},
      targetUrl: TARGET,
    } as never)) as Record<string, string>;
    expect(body).toEqual({ url: TARGET, events: ['invitee.created'], organization: ORG, scope: 'organization', signing_key: data.secret });
    expect(data).toEqual({ tool: 'calendly', id: 'WWWWWWWWWWWWWWWW', secret: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
    expectAllCalled();
  });

  it('replaces a leftover hook with the same URL on 409 "Already Exists"', async () => {
    api().get('/users/me').reply(200, ME);
    api()
      .post('/webhook_subscriptions', () => true)
      .reply(409, { title: 'Already Exists', message: 'Hook with this url already exists' });
    api()
      .get('/webhook_subscriptions')
      .query({ organization: ORG, scope: 'organization', count: '100' })
      .reply(200, { collection: [{ uri: 'https://api.calendly.com/webhook_subscriptions/OLDOLDOLDOLDOLDO', callback_url: TARGET }] });
    api().delete('/webhook_subscriptions/OLDOLDOLDOLDOLDO').reply(204);
    api()
      .post('/webhook_subscriptions', () => true)
      .reply(201, { resource: { uri: 'https://api.calendly.com/webhook_subscriptions/NEWNEWNEWNEWNEWN' } });
    const data = await appTester(op('triggers', 'meeting_booked').performSubscribe, { authData: authFor('calendly'), targetUrl: TARGET } as never);
    expect(data).toMatchObject({ id: 'NEWNEWNEWNEWNEWN' });
    expectAllCalled();
  });

  it('fails Reply Received at subscribe, naming what to use instead, before any HTTP call', async () => {
    const err = await appTester(op('triggers', 'reply_received').performSubscribe, { authData: authFor('calendly'), targetUrl: TARGET } as never).catch(
      (e) => e,
    );
    expect(messageOf(err)).toMatch(/Reply Received is not available instantly for Calendly: Calendly only knows about meetings, so it has no reply event/);
  });

  it('deletes the subscription; 404 means already gone', async () => {
    api().delete('/webhook_subscriptions/WWWWWWWWWWWWWWWW').reply(204);
    api().delete('/webhook_subscriptions/GONEGONEGONEGONE').reply(404, { title: 'Resource Not Found', message: 'x' });
    for (const id of ['WWWWWWWWWWWWWWWW', 'GONEGONEGONEGONE']) {
      await appTester(op('triggers', 'meeting_booked').performUnsubscribe, { authData: authFor('calendly'), subscribeData: { tool: 'calendly', id } } as never);
    }
    expectAllCalled();
  });
});

describe('Calendly deliveries', () => {
  const signed = fixture('invitee_created_signed');
  const bundle = () => deliveryBundle('calendly', signed.request, { subscribeData: { id: 'BBBBBBBBBBBBBBBB', secret: signed.subscription.secret } });

  it('verifies Calendly-Webhook-Signature over the raw body and emits the booking', async () => {
    const events = expectUnified(
      await withPinnedClock(new Date(signed.received_at), () => appTester(op('triggers', 'meeting_booked').perform, bundle() as never, true)),
    );
    expect(events.map((e) => [e.id, e.lead.email, e.meeting?.title])).toEqual([
      ['calendly:meeting_booked:AAAAAAAAAAAAAAAA', 'test@example.com', '15 Minute Meeting'],
    ]);
  });

  it('presents headers as Zapier documents for bundle.rawRequest (`X-Time-GMT` → `Http-X-Time-Gmt`)', () => {
    const { rawRequest } = zapierRequestFor({
      headers: { 'X-Time-GMT': '1', 'Content-Type': 'application/json', 'calendly-webhook-signature': 's' },
      body: {},
    });
    expect(rawRequest.headers).toEqual({ 'Http-X-Time-Gmt': '1', 'Content-Type': 'application/json', 'Http-Calendly-Webhook-Signature': 's' });
  });

  it('collapses a redelivery within the window', async () => {
    const run = (clear: boolean) =>
      withPinnedClock(new Date(signed.received_at), () => appTester(op('triggers', 'meeting_booked').perform, bundle() as never, clear));
    expect(await run(true)).toHaveLength(1);
    expect(await run(false)).toEqual([]);
  });

  it('refuses the same delivery when it arrives 10 minutes late (replay)', async () => {
    const late = new Date(new Date(signed.received_at).getTime() + 10 * 60_000);
    const err = await withPinnedClock(late, () => appTester(op('triggers', 'meeting_booked').perform, bundle() as never, true)).catch((e) => e);
    expect(messageOf(err)).toMatch(/Rejected a Calendly webhook delivery: the signature is \d+ s away from now/);
  });

  it('refuses a body signed with another key (HMAC computed independently here)', async () => {
    const t = Math.floor(new Date(signed.received_at).getTime() / 1000);
    const raw = signed.request.rawBody as string;
    const v1 = createHmac('sha256', 'not-the-key').update(`${t}.${raw}`).digest('hex');
    const forged = deliveryBundle(
      'calendly',
      { rawBody: raw, headers: { 'calendly-webhook-signature': `t=${t},v1=${v1}` } },
      { subscribeData: { secret: signed.subscription.secret } },
    );
    const err = await withPinnedClock(new Date(signed.received_at), () => appTester(op('triggers', 'meeting_booked').perform, forged as never, true)).catch(
      (e) => e,
    );
    expect(messageOf(err)).toMatch(/signature does not match the body/);
  });
});

describe('Calendly recent bookings (performList / polling)', () => {
  const scheduled = JSON.parse(fixture('invitee_created_signed').request.rawBody).payload.scheduled_event;
  // Two upcoming meetings: the later one was booked more recently, so it is the newer booking.
  const bookedEarly = {
    ...scheduled,
    uri: 'https://api.calendly.com/scheduled_events/EARLYEARLYEARLY1',
    start_time: '2025-04-10T15:00:00.000000Z',
    created_at: '2025-04-01T09:00:00.000000Z',
  };
  const bookedLate = {
    ...scheduled,
    uri: 'https://api.calendly.com/scheduled_events/LATELATELATELAT2',
    start_time: '2025-04-20T15:00:00.000000Z',
    created_at: '2025-04-03T09:00:00.000000Z',
  };
  const invitee = (id: string, email: string, createdAt: string) => ({
    uri: `https://api.calendly.com/scheduled_events/X/invitees/${id}`,
    email,
    name: 'Ann Lee',
    status: 'active',
    timezone: 'Europe/Paris',
    created_at: createdAt,
    old_invitee: null,
  });
  const serve = () => {
    api().get('/users/me').reply(200, ME);
    api()
      .get('/scheduled_events')
      .query((q: Record<string, unknown>) => {
        const since = Date.parse(String(q.min_start_time));
        return (
          q.organization === ORG &&
          q.status === 'active' &&
          q.sort === 'start_time:asc' &&
          q.count === '100' &&
          Date.now() - since > 23.9 * 3600e3 &&
          Date.now() - since < 24.1 * 3600e3
        );
      })
      .reply(200, { collection: [bookedEarly, bookedLate] });
    api()
      .get('/scheduled_events/LATELATELATELAT2/invitees')
      .query({ count: '10' })
      .reply(200, { collection: [invitee('INVLATE0000000001', 'Bo@Example.com', '2025-04-03T09:00:00.000000Z')] });
    api()
      .get('/scheduled_events/EARLYEARLYEARLY1/invitees')
      .query({ count: '10' })
      .reply(200, { collection: [invitee('INVEARLY000000001', 'ann@example.com', '2025-04-01T09:00:00.000000Z')] });
  };

  it.each([
    ['meeting_booked', 'performList'],
    ['meeting_booked_polling', 'perform'],
  ])('%s.%s lists the newest bookings first (by booking time, not meeting time)', async (key, fn) => {
    serve();
    const events = expectUnified(await appTester(op('triggers', key)[fn], { authData: authFor('calendly'), inputData: {} } as never));
    expect(events.map((e) => [e.id, e.lead.email, e.meeting?.start_time])).toEqual([
      ['calendly:meeting_booked:INVLATE0000000001', 'bo@example.com', '2025-04-20T15:00:00.000Z'],
      ['calendly:meeting_booked:INVEARLY000000001', 'ann@example.com', '2025-04-10T15:00:00.000Z'],
    ]);
    expectAllCalled();
  });
});
