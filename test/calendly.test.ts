import nock from 'nock';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPinnedClock } from '../src/delivery/clock';
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
const record = (method: string, path: string) => (body: unknown) => {
  sent.push({ method, path, body });
  return true;
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
    nock(API, AUTH).get('/users/me').reply(200, ME);
    expect(await appTester(App.authentication.test as never, { authData: authFor('calendly') } as never)).toEqual({
      tool_label: 'Calendly',
      account: 'test@example.com',
    });
  });
});

describe('Calendly subscribe / unsubscribe', () => {
  it('subscribes the organisation to invitee.created with a signing key we generate', async () => {
    let body: Record<string, unknown> = {};
    nock(API, AUTH).get('/users/me').reply(200, ME);
    nock(API, AUTH)
      .post('/webhook_subscriptions', (b) => {
        body = b;
        sent.push({ method: 'POST', path: '/webhook_subscriptions', body: b });
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
    nock(API, AUTH).get('/users/me').reply(200, ME);
    nock(API, AUTH).post('/webhook_subscriptions', record('POST', '/webhook_subscriptions')).reply(409, { title: 'Already Exists', message: 'Hook with this url already exists' });
    nock(API, AUTH)
      .get('/webhook_subscriptions')
      .query({ organization: ORG, scope: 'organization', count: '100' })
      .reply(200, { collection: [{ uri: 'https://api.calendly.com/webhook_subscriptions/OLDOLDOLDOLDOLDO', callback_url: TARGET }] });
    nock(API, AUTH).delete('/webhook_subscriptions/OLDOLDOLDOLDOLDO').reply(204);
    nock(API, AUTH).post('/webhook_subscriptions', record('POST', '/webhook_subscriptions')).reply(201, { resource: { uri: 'https://api.calendly.com/webhook_subscriptions/NEWNEWNEWNEWNEWN' } });
    const data = await appTester(op('triggers', 'meeting_booked').performSubscribe, { authData: authFor('calendly'), targetUrl: TARGET } as never);
    expect(data).toMatchObject({ id: 'NEWNEWNEWNEWNEWN' });
    sent.push({ method: 'GET', path: `/webhook_subscriptions?organization=${encodeURIComponent(ORG)}&scope=organization&count=100` });
    sent.push({ method: 'DELETE', path: '/webhook_subscriptions/OLDOLDOLDOLDOLDO' });
    expectAllCalled();
  });

  it('fails Reply Received at subscribe, naming what to use instead, before any HTTP call', async () => {
    const err = await appTester(op('triggers', 'reply_received').performSubscribe, { authData: authFor('calendly'), targetUrl: TARGET } as never).catch(
      (e) => e,
    );
    expect(messageOf(err)).toMatch(/Reply Received is not available instantly for Calendly: Calendly only knows about meetings, so it has no reply event/);
  });

  it('deletes the subscription; 404 means already gone', async () => {
    nock(API, AUTH).delete('/webhook_subscriptions/WWWWWWWWWWWWWWWW').reply(204);
    nock(API, AUTH).delete('/webhook_subscriptions/GONEGONEGONEGONE').reply(404, { title: 'Resource Not Found', message: 'x' });
    for (const id of ['WWWWWWWWWWWWWWWW', 'GONEGONEGONEGONE']) {
      await appTester(op('triggers', 'meeting_booked').performUnsubscribe, { authData: authFor('calendly'), subscribeData: { tool: 'calendly', id } } as never);
      sent.push({ method: 'DELETE', path: `/webhook_subscriptions/${id}` });
    }
    expectAllCalled();
  });
});

describe('Calendly deliveries', () => {
  const signed = fixture('invitee_created_signed');
  const bundle = () =>
    deliveryBundle('calendly', signed.request, { subscribeData: { id: 'BBBBBBBBBBBBBBBB', secret: signed.subscription.secret } });

  it('verifies Calendly-Webhook-Signature over the raw body and emits the booking', async () => {
    const events = expectUnified(
      await withPinnedClock(new Date(signed.received_at), () => appTester(op('triggers', 'meeting_booked').perform, bundle() as never, true)),
    );
    expect(events.map((e) => [e.id, e.lead.email, e.meeting?.title])).toEqual([
      ['calendly:meeting_booked:AAAAAAAAAAAAAAAA', 'test@example.com', '15 Minute Meeting'],
    ]);
  });

  it('reads the header as Zapier presents it (Http-Calendly-Webhook-Signature)', () => {
    expect(Object.keys(bundle().rawRequest.headers as object)).toContain('Http-Calendly-Webhook-Signature');
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
  it('lists the newest scheduled events and their invitees as meeting_booked events', async () => {
    nock(API, AUTH).get('/users/me').reply(200, ME);
    nock(API, AUTH)
      .get('/scheduled_events')
      .query({ organization: ORG, status: 'active', sort: 'start_time:desc', count: '3' })
      .reply(200, { collection: [fixture('invitee_created_signed') && JSON.parse(fixture('invitee_created_signed').request.rawBody).payload.scheduled_event] });
    nock(API, AUTH)
      .get('/scheduled_events/AAAAAAAAAAAAAAAA/invitees')
      .query({ count: '10' })
      .reply(200, {
        collection: [
          {
            uri: 'https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/EEEEEEEEEEEEEEEE',
            email: 'Ann@Example.com',
            name: 'Ann Lee',
            status: 'active',
            timezone: 'Europe/Paris',
            created_at: '2020-11-24T09:00:00.000000Z',
            old_invitee: null,
          },
        ],
      });
    for (const key of ['meeting_booked', 'meeting_booked_polling']) {
      const fn = key === 'meeting_booked' ? op('triggers', key).performList : op('triggers', key).perform;
      if (key === 'meeting_booked_polling') {
        nock(API, AUTH).get('/users/me').reply(200, ME);
        nock(API, AUTH)
          .get('/scheduled_events')
          .query(true)
          .reply(200, { collection: [JSON.parse(fixture('invitee_created_signed').request.rawBody).payload.scheduled_event] });
        nock(API, AUTH)
          .get('/scheduled_events/AAAAAAAAAAAAAAAA/invitees')
          .query(true)
          .reply(200, { collection: [{ uri: 'https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/EEEEEEEEEEEEEEEE', email: 'ann@example.com', name: 'Ann Lee', created_at: '2020-11-24T09:00:00.000000Z' }] });
      }
      const events = expectUnified(await appTester(fn, { authData: authFor('calendly'), inputData: {} } as never));
      expect(events.map((e) => [e.id, e.lead.email, e.lead.first_name, e.meeting?.start_time])).toEqual([
        ['calendly:meeting_booked:EEEEEEEEEEEEEEEE', 'ann@example.com', 'Ann', '2019-08-24T14:15:22.123Z'],
      ]);
    }
    sent.push({ method: 'GET', path: `/scheduled_events?organization=${encodeURIComponent(ORG)}&status=active&sort=start_time%3Adesc&count=3` });
    sent.push({ method: 'GET', path: '/scheduled_events/AAAAAAAAAAAAAAAA/invitees?count=10' });
    sent.push({ method: 'GET', path: '/users/me' });
    expectAllCalled();
  });
});
