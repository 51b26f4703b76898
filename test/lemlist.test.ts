import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { specViolations, type RecordedRequest } from './support/contract';
import { expectUnified } from './support/events';
import { eventTypeOfActivity } from '../src/providers/lemlist/normalize';
import { HOOK_TYPE, IGNORED_TYPES, INTERESTED_TYPES } from '../src/providers/lemlist/payloads';

const ORIGIN = 'https://api.lemlist.com';
const KEY = 'test-lemlist-key';
// HTTP Basic, empty user name, the key as password (curl --user ":KEY").
const BASIC = `Basic ${Buffer.from(`:${KEY}`).toString('base64')}`;
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/lemlist', `${name}.json`), 'utf8'));

/** Every request the provider sends, as the vendor spec sees it (paths relative to /api). */
let sent: RecordedRequest[] = [];
const api = () => {
  const scope = nock(ORIGIN, { reqheaders: { authorization: BASIC } });
  scope.on('request', (req: { method: string; path: string; headers: Record<string, string> }, _i: unknown, body: string) => {
    sent.push({
      method: req.method,
      path: req.path.replace(/^\/api/, ''),
      headers: req.headers,
      body: body ? JSON.parse(body) : undefined,
    });
  });
  return scope;
};
const expectSpecValid = async () => {
  expect(sent.length).toBeGreaterThan(0);
  for (const req of sent)
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('lemlist', req) }).toEqual({
      req: `${req.method} ${req.path}`,
      violations: [],
    });
};

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(() => nock.cleanAll());

describe('lemlist connection', () => {
  it('tests the key with GET /team (Basic auth, empty user) and labels the connection with the team', async () => {
    api().get('/api/team').reply(200, { _id: 'tea_b4rMsi2trBhahaha', name: 'lemlist', userIds: [] });
    const result = await appTester(App.authentication.test as never, { authData: authFor('lemlist') } as never);
    expect(result).toEqual({ tool_label: 'lemlist', account: 'lemlist' });
    expectAllCalled();
    await expectSpecValid();
  });

  it('says the key was not accepted on a text/plain 401', async () => {
    api().get('/api/team').reply(401, 'The authentication you supplied is incorrect', { 'content-type': 'text/plain' });
    await expect(appTester(App.authentication.test as never, { authData: authFor('lemlist') } as never)).rejects.toThrow(/lemlist did not accept this API key/);
  });

  it('names the blocked user on a text/plain 403, verbatim', async () => {
    api().get('/api/team').reply(403, 'User linked to this API key is blocked', { 'content-type': 'text/plain' });
    const err = await appTester(App.authentication.test as never, { authData: authFor('lemlist') } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/403: User linked to this API key is blocked\)/);
  });
});

describe('lemlist subscribe / unsubscribe', () => {
  const subscribeWith = (key: string, inputData: Record<string, unknown>) =>
    appTester(op('triggers', key).performSubscribe, { authData: authFor('lemlist'), inputData, targetUrl: TARGET } as never) as Promise<Record<string, string>>;

  it('registers an emailsReplied hook for the campaign (campaignId in the query) with a generated secret', async () => {
    let sentBody: Record<string, unknown> = {};
    api()
      .post('/api/hooks', (body) => {
        sentBody = body;
        return true;
      })
      .query({ campaignId: 'cam_UBbMt30jHq0vNJKJr' })
      .reply(200, { _id: 'hoo_GvYkkWIcdPf2WsBDY', targetUrl: TARGET, createdAt: '2025-10-29T00:47:42.035Z', type: 'emailsReplied' });
    const data = await subscribeWith('reply_received', { campaign_id: 'cam_UBbMt30jHq0vNJKJr' });
    expect(Object.keys(sentBody).sort()).toEqual(['secret', 'targetUrl', 'type']);
    expect(sentBody).toMatchObject({ targetUrl: TARGET, type: 'emailsReplied' });
    expect(typeof sentBody.secret).toBe('string');
    expect((sentBody.secret as string).length).toBeGreaterThanOrEqual(24);
    expect(data).toEqual({ tool: 'lemlist', id: 'hoo_GvYkkWIcdPf2WsBDY', secret: sentBody.secret, campaign_id: 'cam_UBbMt30jHq0vNJKJr' });
    expectAllCalled();
    await expectSpecValid();
  });

  it.each([
    ['lead_interested', 'interested'],
    ['email_bounced', 'emailsBounced'],
    ['lead_unsubscribed', 'emailsUnsubscribed'],
  ])('subscribes %s to the hook type %s, team-wide without a campaign (no query)', async (key, type) => {
    api()
      .post('/api/hooks', (body) => body.type === type && body.targetUrl === TARGET && typeof body.secret === 'string')
      .query((q) => Object.keys(q).length === 0)
      .reply(200, { _id: 'hoo_1', targetUrl: TARGET, type });
    const data = await subscribeWith(key, {});
    expect(data).toMatchObject({ tool: 'lemlist', id: 'hoo_1' });
    expect(data).not.toHaveProperty('campaign_id');
    expectAllCalled();
    await expectSpecValid();
  });

  it('refuses Meeting Booked before any HTTP call, saying what to use instead', async () => {
    const err = await subscribeWith('meeting_booked', {}).catch((e) => e);
    expect(messageOf(err)).toMatch(/Meeting Booked is not available instantly for lemlist: lemlist has no webhook for booked meetings/);
    expect(messageOf(err)).toMatch(/Calendly/);
    const polling = await appTester(op('triggers', 'meeting_booked_polling').perform, { authData: authFor('lemlist'), inputData: {} } as never).catch((e) => e);
    expect(messageOf(polling)).toMatch(/not available for lemlist/);
  });

  it('surfaces a text/plain 400 verbatim', async () => {
    api().post('/api/hooks').reply(400, 'Bad team', { 'content-type': 'text/plain' });
    const err = await subscribeWith('reply_received', {}).catch((e) => e);
    expect(messageOf(err)).toBe('lemlist rejected the request (400): Bad team');
  });

  it("maps a 429 to a throttle with lemlist's Retry-After", async () => {
    api().post('/api/hooks').reply(429, 'Too Many Requests', { 'content-type': 'text/plain', 'retry-after': '1' });
    const err = await subscribeWith('reply_received', {}).catch((e) => e);
    expect(err.name).toBe('ThrottledError');
    expect(messageOf(err)).toMatch(/20 requests per 2 seconds/);
  });

  it('deletes the hook by id; a 404 "Webhook not found" is success', async () => {
    api()
      .delete('/api/hooks/hoo_fmpVMoBhrEHtw3cgy')
      .reply(200, { _id: 'hoo_fmpVMoBhrEHtw3cgy', targetUrl: TARGET, type: 'emailsReplied', campaignId: 'cam_A1B2C3D4E5F6G7H8I9' });
    api().delete('/api/hooks/hoo_gone').reply(404, 'Webhook not found', { 'content-type': 'text/plain' });
    for (const id of ['hoo_fmpVMoBhrEHtw3cgy', 'hoo_gone']) {
      await appTester(op('triggers', 'reply_received').performUnsubscribe, {
        authData: authFor('lemlist'),
        subscribeData: { tool: 'lemlist', id, secret: 's' },
      } as never);
    }
    expectAllCalled();
    await expectSpecValid();
  });
});

describe('lemlist deliveries', () => {
  const replyFx = fixture('emails_replied_union');
  const SECRET = replyFx.subscription.secret as string;
  const deliver = (key: string, body: unknown, subscribeData: Record<string, unknown> = { secret: SECRET }, inputData: Record<string, unknown> = {}) =>
    appTester(op('triggers', key).perform, deliveryBundle('lemlist', { body }, { subscribeData, inputData }) as never, true);

  it('turns an emailsReplied activity into one reply event; the prospect wrote it', async () => {
    const events = expectUnified(await deliver('reply_received', replyFx.request.body));
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.id).toBe('lemlist:reply_received:act_HXQTqg6L29jdy3b6K');
    expect(e.occurred_at).toBe('2024-12-03T10:10:45.000Z');
    expect(e.lead).toMatchObject({ email: 'alex@example.com', tool_lead_id: 'lea_lzfQLRbKAZdKvjCwg' });
    expect(e.campaign).toEqual({ id: 'cam_UBbMt30jHq0vNJKJr', name: 'Meet me campaign' });
    expect(e.message).toMatchObject({ subject: 'Re: Meet me !', from_email: 'alex@example.com', to_email: 'jordan.doe@example.com' });
    // the shared secret does not travel on into the Zap
    expect(e.raw).not.toHaveProperty('secret');
    expect((e.raw as Record<string, unknown>)._id).toBe('act_HXQTqg6L29jdy3b6K');
  });

  it('gives the other triggers nothing for a reply', async () => {
    for (const key of ['lead_interested', 'meeting_booked', 'email_bounced', 'lead_unsubscribed']) {
      expect(await deliver(key, replyFx.request.body)).toEqual([]);
    }
  });

  it('refuses a delivery whose body secret is wrong or missing', async () => {
    const wrong = await deliver('reply_received', { ...replyFx.request.body, secret: 'guess' }).catch((e) => e);
    expect(messageOf(wrong)).toMatch(/Rejected a lemlist webhook delivery: the body's "secret" field is wrong/);
    const { secret: _s, ...bare } = replyFx.request.body;
    const missing = await deliver('reply_received', bare).catch((e) => e);
    expect(messageOf(missing)).toMatch(/"secret" field is missing/);
  });

  it('ignores an emailsOpened activity from an all-events hook (no type) on the reply trigger', async () => {
    expect(await deliver('reply_received', fixture('all_events_emails_opened').request.body)).toEqual([]);
  });

  it('maps emailsInterested and manualInterested to Lead Interested, with the activity type as category', async () => {
    for (const [name, type] of [
      ['emails_interested', 'emailsInterested'],
      ['manual_interested', 'manualInterested'],
    ]) {
      const events = expectUnified(await deliver('lead_interested', fixture(name!).request.body));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ event: 'lead_interested', category: type, lead: { email: 'support@lemlist.com', title: 'Growth Engineer' } });
    }
  });

  it('maps emailsBounced and emailsUnsubscribed', async () => {
    expect(expectUnified(await deliver('email_bounced', fixture('emails_bounced').request.body))[0]?.event).toBe('email_bounced');
    expect(expectUnified(await deliver('lead_unsubscribed', fixture('emails_unsubscribed').request.body))[0]?.event).toBe('lead_unsubscribed');
  });

  it('filters by the campaign input', async () => {
    expect(await deliver('reply_received', replyFx.request.body, { secret: SECRET }, { campaign_id: 'cam_other' })).toEqual([]);
    expect(await deliver('reply_received', replyFx.request.body, { secret: SECRET, id: 'sub-9' }, { campaign_id: 'cam_UBbMt30jHq0vNJKJr' })).toHaveLength(1);
  });

  it('reports an unrecognised payload with its keys, and an undocumented activity type by name', async () => {
    const err = await deliver('reply_received', { foo: 1, bar: 2, secret: SECRET }).catch((e) => e);
    expect(messageOf(err)).toMatch(/did not recognise this lemlist webhook delivery \(top-level keys: foo, bar\)/);
    const unknown = await deliver('reply_received', { ...fixture('unknown_activity_type').request.body, secret: SECRET }).catch((e) => e);
    expect(messageOf(unknown)).toMatch(/unknown activity type somethingNew/);
  });
});

describe('lemlist recent items and dropdown', () => {
  const replyActivity = (() => {
    const { secret: _s, ...rest } = fixture('emails_replied_union').request.body;
    return rest;
  })();

  it('lists recent replies from GET /activities with the same ids as the webhook path, newest first', async () => {
    const older = { ...replyActivity, _id: 'act_older000000000001', createdAt: '2024-11-01T08:00:00.000Z' };
    api()
      .get('/api/activities')
      .query({ version: 'v2', type: 'emailsReplied', campaignId: 'cam_UBbMt30jHq0vNJKJr', limit: '25' })
      .reply(200, [older, replyActivity]);
    const events = expectUnified(
      await appTester(op('triggers', 'reply_received').performList, {
        authData: authFor('lemlist'),
        inputData: { campaign_id: 'cam_UBbMt30jHq0vNJKJr' },
      } as never),
    );
    expect(events.map((e) => e.id)).toEqual(['lemlist:reply_received:act_HXQTqg6L29jdy3b6K', 'lemlist:reply_received:act_older000000000001']);
    expectAllCalled();
    await expectSpecValid();
  });

  it('polls Lead Interested across every activity type the webhook path maps to lead_interested', async () => {
    const interested = fixture('emails_interested').request.body;
    const asType = (type: string, n: number) => ({ ...interested, _id: `act_${type}${n}`, type });
    api()
      .get('/api/activities')
      .query({ version: 'v2', type: 'interested', limit: '25' })
      .reply(200, [asType('interested', 1)]);
    api().get('/api/activities').query({ version: 'v2', type: 'emailsInterested', limit: '25' }).reply(200, [interested]);
    api().get('/api/activities').query({ version: 'v2', type: 'linkedinInterested', limit: '25' }).reply(200, []);
    api()
      .get('/api/activities')
      .query({ version: 'v2', type: 'manualInterested', limit: '25' })
      .reply(200, [fixture('manual_interested').request.body]);
    api()
      .get('/api/activities')
      .query({ version: 'v2', type: 'aircallInterested', limit: '25' })
      .reply(200, [asType('aircallInterested', 2)]);
    api()
      .get('/api/activities')
      .query({ version: 'v2', type: 'apiInterested', limit: '25' })
      .reply(200, [asType('apiInterested', 3)]);
    const events = expectUnified(await appTester(op('triggers', 'lead_interested_polling').perform, { authData: authFor('lemlist'), inputData: {} } as never));
    expect(events.map((e) => e.category).sort()).toEqual(['aircallInterested', 'apiInterested', 'emailsInterested', 'interested', 'manualInterested']);
    expect(events.every((e) => !('secret' in (e.raw as object)))).toBe(true);
    expectAllCalled();
    await expectSpecValid();
  });

  it.each(['reply_received', 'lead_interested', 'email_bounced', 'lead_unsubscribed'] as const)(
    'polling %s asks for exactly the activity types parse maps to it',
    async (event) => {
      const known = [...Object.values(HOOK_TYPE), ...INTERESTED_TYPES, ...IGNORED_TYPES];
      const mapped = [...new Set(known.filter((t) => eventTypeOfActivity(t) === event))].sort();
      const asked: string[] = [];
      api()
        .persist()
        .get('/api/activities')
        .query((q) => {
          asked.push(String(q.type));
          return true;
        })
        .reply(200, []);
      await appTester(op('triggers', `${event}_polling`).perform, { authData: authFor('lemlist'), inputData: {} } as never);
      expect(asked.sort()).toEqual(mapped);
    },
  );

  it('fills the campaign dropdown a page of 100 at a time', async () => {
    api()
      .get('/api/campaigns')
      .query({ version: 'v2', limit: '100', offset: '0', sortBy: 'createdAt', sortOrder: 'desc' })
      .reply(200, [
        { _id: 'cam_4HrZbi8xsez4QlrnL', name: 'Product Launch Campaign', status: 'running' },
        { _id: 'cam_yZXeC6q3SXs3ha1FI', name: 'Customer Onboarding' },
      ]);
    api().get('/api/campaigns').query({ version: 'v2', limit: '100', offset: '100', sortBy: 'createdAt', sortOrder: 'desc' }).reply(200, []);
    const first = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('lemlist'), meta: { page: 0 } } as never);
    const second = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('lemlist'), meta: { page: 1 } } as never);
    expect(first).toEqual([
      { id: 'cam_4HrZbi8xsez4QlrnL', name: 'Product Launch Campaign (running)' },
      { id: 'cam_yZXeC6q3SXs3ha1FI', name: 'Customer Onboarding' },
    ]);
    expect(second).toEqual([]);
    expectAllCalled();
    await expectSpecValid();
  });
});
