import { CAPABILITIES } from '../src/providers/capabilityTable';
import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mixmax } from '../src/providers/mixmax';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { expectUnified } from './support/events';

const API = 'https://api.mixmax.com';
const KEY = 'test-mixmax-key';
const TOKEN = { reqheaders: { 'x-api-token': KEY }, badheaders: ['authorization'] };
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/mixmax', `${name}.json`), 'utf8'));
/** Normalize Webhook and manual rule deliveries: no subscription. */
const delivery = (body: unknown, extra: Record<string, unknown> = {}) => ({ ...deliveryBundle('mixmax', { body }), subscribeData: undefined, ...extra });

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Mixmax connection', () => {
  it('tests the token with GET /v1/users/me (X-API-Token) and labels the connection', async () => {
    nock(API, TOKEN).get('/v1/users/me').reply(200, { _id: 'T3STUS3R1D', email: 'rep@acme.com', name: 'Rep One' });
    const result = await appTester(App.authentication.test as never, { authData: authFor('mixmax') } as never);
    expect(result).toEqual({ tool_label: 'Mixmax', account: 'rep@acme.com' });
    expectAllCalled();
  });

  it('says the token was not accepted on 401', async () => {
    nock(API).get('/v1/users/me').reply(401, { message: 'Invalid API token' });
    await expect(appTester(App.authentication.test as never, { authData: authFor('mixmax') } as never)).rejects.toThrow(/Mixmax did not accept this API token/);
  });

  it('explains the plan requirement on 403', async () => {
    nock(API).get('/v1/users/me').reply(403, { message: 'API access requires a Growth plan' });
    const err = await appTester(App.authentication.test as never, { authData: authFor('mixmax') } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/API access requires a Growth plan.*Growth\+ or Enterprise/);
  });
});

describe('Mixmax triggers: no API subscription', () => {
  it('declares every event type "none", pointing to Normalize Webhook and the rule to create', () => {
    for (const cap of Object.values(CAPABILITIES.mixmax.events)) expect([cap.instant, cap.polling]).toEqual([null, null]);
    const reply = CAPABILITIES.mixmax.events.reply_received;
    expect(reply.why).toMatch(/Rules.*"Email received" \(event message:received\).*Normalize Webhook/);
    expect(mixmax.events.subscribe).toBeUndefined();
  });

  it('refuses to subscribe, before any HTTP call, with that message', async () => {
    const err = await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('mixmax'),
      inputData: {},
      targetUrl: TARGET,
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Reply Received is not available instantly for Mixmax: .*Normalize Webhook/);
    expectAllCalled();
  });

  it('unsubscribe with nothing registered is a no-op', async () => {
    expect(await appTester(op('triggers', 'reply_received').performUnsubscribe, { authData: authFor('mixmax'), subscribeData: {} } as never)).toEqual({});
  });
});

describe('Mixmax rule payloads', () => {
  it('turns the documented message:received into a reply from the prospect', async () => {
    const body = fixture('message_received_reply').request.body;
    const events = expectUnified(await appTester(op('triggers', 'reply_received').perform, delivery(body) as never, true));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'mixmax:reply_received:16ac8cc837d1b304',
      occurred_at: '2016-12-14T19:52:15.403Z',
      lead: { email: 'engtestuser3@mixmax.com', full_name: 'Test User3' },
      message: { from_email: 'engtestuser3@mixmax.com', to_email: 'engtestuser2@mixmax.com', thread_id: '16008541212e8a32' },
    });
  });

  it('does not count our own mailbox as a reply, nor message:sent / opened / clicked', async () => {
    for (const name of ['message_received_own_mailbox', 'message_sent_ignored', 'opened_ignored', 'clicked_ignored']) {
      expect(await appTester(op('triggers', 'reply_received').perform, delivery(fixture(name).request.body) as never, true)).toEqual([]);
    }
  });

  it('reads a mailer-daemon message as a bounce of the address it names', async () => {
    const body = fixture('bounce_as_received_message').request.body;
    expect(await appTester(op('triggers', 'reply_received').perform, delivery(body) as never, true)).toEqual([]);
    const events = expectUnified(await appTester(op('triggers', 'email_bounced').perform, delivery(body) as never, true));
    expect(events[0]).toMatchObject({ event: 'email_bounced', lead: { email: 'nobody@example.com' } });
  });

  it('a bounce without "sent" / "id" (the tracking shape) uses timestamp and messageId instead of being refused', async () => {
    const body = fixture('bounce_tracking_shape').request.body;
    const events = expectUnified(await appTester(op('triggers', 'email_bounced').perform, delivery(body) as never, true));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event: 'email_bounced',
      id: 'mixmax:email_bounced:BncQNJX4bY95SauarLt',
      occurred_at: '2016-12-14T20:21:56.300Z',
      lead: { email: 'nobody@example.com', full_name: 'No Body' },
      message: { id: 'BncQNJX4bY95SauarLt', subject: 'Please join me' },
    });
  });

  it('an empty-string id is no id: two messages with id "" but different rfc822Id get different event ids', async () => {
    const base = fixture('message_received_reply').request.body;
    const one = expectUnified(
      await appTester(op('triggers', 'reply_received').perform, delivery({ ...base, id: '', rfc822Id: '<a@mail.example.com>' }) as never, true),
    );
    const two = expectUnified(
      await appTester(op('triggers', 'reply_received').perform, delivery({ ...base, id: '', rfc822Id: '<b@mail.example.com>' }) as never, true),
    );
    expect(one[0]?.id).not.toBe(two[0]?.id);
    expect(one[0]?.message?.id).toBe('<a@mail.example.com>');
    const bounce = fixture('bounce_named_event').request.body;
    const b1 = expectUnified(await appTester(op('triggers', 'email_bounced').perform, delivery({ ...bounce, id: '  ', rfc822Id: '<x@mx>' }) as never, true));
    const b2 = expectUnified(await appTester(op('triggers', 'email_bounced').perform, delivery({ ...bounce, id: '  ', rfc822Id: '<y@mx>' }) as never, true));
    expect(b1[0]?.id).not.toBe(b2[0]?.id);
  });

  it('reports an unrecognised payload with its keys, and an unknown eventName', async () => {
    const err = await appTester(op('triggers', 'reply_received').perform, delivery({ foo: 1 }) as never, true).catch((e) => e);
    expect(messageOf(err)).toMatch(/did not recognise this Mixmax webhook delivery \(top-level keys: foo\)/);
    const err2 = await appTester(op('triggers', 'reply_received').perform, delivery({ eventName: 'meeting:teleported' }) as never, true).catch((e) => e);
    expect(messageOf(err2)).toMatch(/unknown eventName meeting:teleported/);
  });
});

describe('Mixmax sequence dropdown', () => {
  it('lists sequences, following the cursor for later pages', async () => {
    nock(API, TOKEN)
      .get('/v1/sequences')
      .query({ limit: '50' })
      .times(2)
      .reply(200, { results: [{ _id: 'seq1', name: 'Onboarding' }], next: 'CURSOR1', hasNext: true });
    nock(API, TOKEN)
      .get('/v1/sequences')
      .query({ limit: '50', next: 'CURSOR1' })
      .reply(200, { results: [{ _id: 'seq2', name: 'Follow-up' }], next: null, hasNext: false });
    const page0 = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mixmax'), meta: { page: 0 } } as never);
    const page1 = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mixmax'), meta: { page: 1 } } as never);
    expect(page0).toEqual([{ id: 'seq1', name: 'Onboarding' }]);
    expect(page1).toEqual([{ id: 'seq2', name: 'Follow-up' }]);
    expectAllCalled();
  });
});
