import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { expectUnified } from './support/events';

const ORIGIN = 'https://api.mailshake.com';
const KEY = 'test-mailshake-key';
const BASIC = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/mailshake', `${name}.json`), 'utf8'));
const ms = () => nock(ORIGIN, { reqheaders: { authorization: BASIC } });

beforeEach(resetNock);
afterEach(() => {
  nock.cleanAll();
  delete process.env.SALES_CONNECT_MAILSHAKE_BASE_URL;
});

/** Serves a fixture's `http` entries with the Basic auth header required, and delivers its push. */
const deliver = async (name: string, trigger: string, extra: { inputData?: Record<string, unknown> } = {}) => {
  const f = fixture(name);
  for (const call of f.http) {
    const url = new URL(call.url);
    ms().get(url.pathname).query(Object.fromEntries(url.searchParams)).reply(call.status, call.body);
  }
  return appTester(
    op('triggers', trigger).perform,
    deliveryBundle('mailshake', { body: f.request.body, querystring: f.request.querystring }, { subscribeData: f.subscription, ...extra }) as never,
    true,
  );
};

describe('Mailshake connection', () => {
  it('tests the key with /me (Basic auth, key as user) and names user and team', async () => {
    ms()
      .post('/2017-04-01/me', {})
      .reply(200, { user: { object: 'user', id: 1, teamID: 1, teamName: 'My Team', emailAddress: 'me@example.com', fullName: 'Jane Doe' } });
    const result = await appTester(App.authentication.test as never, { authData: authFor('mailshake') } as never);
    expect(result).toMatchObject({ account: 'me@example.com (My Team)' });
    expectAllCalled();
  });

  it('maps invalid_api_key (whatever the status) to a reconnect error', async () => {
    ms().post('/2017-04-01/me').reply(400, { code: 'invalid_api_key', error: 'Invalid api key', time: '2017-08-21T13:23:11.814Z' });
    const err = await appTester(App.authentication.test as never, { authData: authFor('mailshake') } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Mailshake|API key/);
  });

  it('turns limit_reached into a ThrottledError with the wait its message gives', async () => {
    const at = new Date(Date.now() + 120_000).toISOString();
    ms().post('/2017-04-01/me').reply(429, { code: 'limit_reached', error: `You have exceeded your quota. Try again at ${at}`, time: at });
    ms().post('/2017-04-01/campaigns/list').reply(400, { code: 'limit_reached', error: 'Quota exhausted, try again in 15 minutes', time: at });
    const err = await appTester(App.authentication.test as never, { authData: authFor('mailshake') } as never).catch((e) => e);
    expect((err as Error).name).toBe('ThrottledError');
    const err2 = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 0 } } as never).catch((e) => e);
    expect((err2 as Error).name).toBe('ThrottledError');
    expect(messageOf(err2)).toMatch(/retry in 900 s/);
  });
});

describe('Mailshake subscribe / unsubscribe', () => {
  it('subscribes Reply Received to Replied with a secret URL and the campaign filter', async () => {
    let sent: Record<string, unknown> = {};
    ms()
      .post('/2017-04-01/push/create', (body) => {
        sent = body;
        return body.event === 'Replied' && JSON.stringify(body.filter) === '{"campaignID":12345}' && String(body.targetUrl).startsWith(`${TARGET}?sc_secret=`);
      })
      .reply(200, {});
    const data = (await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('mailshake'),
      inputData: { campaign_id: '12345' },
      targetUrl: TARGET,
    } as never)) as Record<string, string>;
    expect(sent.targetUrl).toBe(`${TARGET}?sc_secret=${data.secret}`);
    expect(data).toMatchObject({ tool: 'mailshake', event: 'Replied', target_url: sent.targetUrl });
    expectAllCalled();
  });

  it.each([
    ['email_bounced', 'Replied'],
    ['lead_unsubscribed', 'Replied'],
    ['lead_interested', 'LeadCreated'],
  ])('%s subscribes the %s push (no filter without a campaign)', async (trigger, event) => {
    ms().post('/2017-04-01/push/create', (body) => body.event === event && !('filter' in body)).reply(200, {});
    await appTester(op('triggers', trigger).performSubscribe, { authData: authFor('mailshake'), inputData: {}, targetUrl: TARGET } as never);
    expectAllCalled();
  });

  it('deletes by the stored targetUrl; not_found is success', async () => {
    const stored = `${TARGET}?sc_secret=abc`;
    ms().post('/2017-04-01/push/delete', { targetUrl: stored }).reply(200, {});
    ms().post('/2017-04-01/push/delete', { targetUrl: stored }).reply(404, { code: 'not_found', error: 'No such push', time: 'x' });
    for (let i = 0; i < 2; i += 1) {
      await appTester(op('triggers', 'reply_received').performUnsubscribe, {
        authData: authFor('mailshake'),
        subscribeData: { tool: 'mailshake', id: 'Replied@x', event: 'Replied', target_url: stored, secret: 'abc' },
      } as never);
    }
    expectAllCalled();
  });
});

describe('Mailshake pushes', () => {
  it('fetches resource_url with the key and emits the reply', async () => {
    const events = expectUnified(await deliver('replied_reply', 'reply_received'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: 'mailshake:reply_received:101', lead: { email: 'john@doe.com' }, message: { from_email: 'john@doe.com' } });
    expectAllCalled();
  });

  it('routes reply types: bounce and unsubscribe to their triggers, out-of-office to none', async () => {
    expect(expectUnified(await deliver('replied_bounce', 'email_bounced')).map((e) => e.event)).toEqual(['email_bounced']);
    expect(await deliver('replied_bounce', 'reply_received')).toEqual([]);
    expect(expectUnified(await deliver('replied_unsubscribe', 'lead_unsubscribed')).map((e) => e.event)).toEqual(['lead_unsubscribed']);
    for (const key of ['reply_received', 'email_bounced', 'lead_unsubscribed']) {
      expect(await deliver('replied_out_of_office_documented', key)).toEqual([]);
    }
  });

  it('LeadCreated → Lead Interested', async () => {
    expect(expectUnified(await deliver('lead_created_documented', 'lead_interested'))[0]).toMatchObject({ id: 'mailshake:lead_interested:1', category: 'open' });
  });

  it('filters by campaign on receipt', async () => {
    expect(await deliver('replied_reply', 'reply_received', { inputData: { campaign_id: '2' } })).toEqual([]);
  });

  it.each(['foreign_resource_url', 'lookalike_resource_url', 'http_resource_url'])(
    '%s: refused and NO request goes out (nothing intercepted, net closed, nothing recorded)',
    async (name) => {
      const seen: string[] = [];
      const onRequest = (req: { host?: string; path?: string }) => seen.push(`${req.host}${req.path}`);
      nock.emitter.on('no match', onRequest);
      const err = await deliver(name, 'reply_received').catch((e) => e);
      nock.emitter.removeListener('no match', onRequest);
      expect(messageOf(err)).toMatch(/resource_url does not point at Mailshake's API/);
      expect(seen).toEqual([]);
    },
  );

  it('honours SALES_CONNECT_MAILSHAKE_BASE_URL: that origin is fetched, the real one refused', async () => {
    process.env.SALES_CONNECT_MAILSHAKE_BASE_URL = 'http://127.0.0.1:4010/2017-04-01';
    const f = fixture('replied_reply');
    nock('http://127.0.0.1:4010', { reqheaders: { authorization: BASIC } }).get('/2017-04-01/activity/replies').query({ replyID: '101' }).reply(200, f.http[0].body);
    const ok = await appTester(
      op('triggers', 'reply_received').perform,
      deliveryBundle('mailshake', { body: { resource_url: 'http://127.0.0.1:4010/2017-04-01/activity/replies?replyID=101' } }) as never,
      true,
    );
    expect(ok).toHaveLength(1);
    const err = await appTester(
      op('triggers', 'reply_received').perform,
      deliveryBundle('mailshake', { body: f.request.body }) as never,
      true,
    ).catch((e) => e);
    expect(messageOf(err)).toMatch(/does not point at Mailshake's API \(http:\/\/127.0.0.1:4010\)/);
    expectAllCalled();
  });

  it('a not_found resource is an error saying the item is gone', async () => {
    expect(messageOf(await deliver('resource_not_found', 'reply_received').catch((e) => e))).toMatch(/no longer has the item/);
  });

  it('refuses a push without the URL secret before fetching', async () => {
    expect(messageOf(await deliver('wrong_url_secret', 'reply_received').catch((e) => e))).toMatch(/URL secret is missing or wrong/);
  });

  it('reports a body that is not a push with its keys', async () => {
    expect(messageOf(await deliver('push_without_resource_url', 'reply_received').catch((e) => e))).toMatch(/top-level keys: event, data/);
  });
});

describe('Mailshake recent items and dropdown', () => {
  it('lists recent replies of type reply from activity/replies', async () => {
    const reply = fixture('replied_reply').http[0].body;
    ms()
      .post('/2017-04-01/activity/replies', { perPage: 25, campaignID: 1, replyType: 'reply' })
      .reply(200, { results: [reply, { ...reply, id: 100, actionDate: '2017-04-05T10:00:00.000Z' }], nextToken: null });
    const events = expectUnified(
      await appTester(op('triggers', 'reply_received').performList, { authData: authFor('mailshake'), inputData: { campaign_id: '1' } } as never),
    );
    expect(events.map((e) => e.id)).toEqual(['mailshake:reply_received:101', 'mailshake:reply_received:100']);
    expectAllCalled();
  });

  it('lists recent leads from activity/created-leads', async () => {
    ms().post('/2017-04-01/activity/created-leads', { perPage: 25 }).reply(200, { results: [fixture('lead_created_documented').http[0].body] });
    const events = expectUnified(await appTester(op('triggers', 'lead_interested').performList, { authData: authFor('mailshake'), inputData: {} } as never));
    expect(events[0]?.id).toBe('mailshake:lead_interested:1');
    expectAllCalled();
  });

  it('pages the campaign dropdown with nextToken', async () => {
    ms().post('/2017-04-01/campaigns/list', { perPage: 100 }).reply(200, { results: [{ object: 'campaign', id: 1, title: 'My campaign' }], nextToken: 't2' });
    ms().post('/2017-04-01/campaigns/list', { perPage: 100, nextToken: 't2' }).reply(200, { results: [{ object: 'campaign', id: 2, title: 'Second' }], nextToken: null });
    const out = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 1 } } as never);
    expect(out).toEqual([{ id: '2', name: 'Second' }]);
    expectAllCalled();
  });
});
