import nock from 'nock';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { expectUnified } from './support/events';
import { checkResourceUrl } from '../src/providers/mailshake';

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
    ms().post('/2017-04-01/campaigns/list').reply(401, { code: 'invalid_api_key', error: 'Invalid api key', time: '2017-08-21T13:23:11.814Z' });
    ms().post('/2017-04-01/campaigns/list').reply(200, { code: 'invalid_api_key', error: 'Invalid api key', time: '2017-08-21T13:23:11.814Z' });
    // While connecting: the key failed (there is no connection to reconnect yet).
    const err = await appTester(App.authentication.test as never, { authData: authFor('mailshake') } as never).catch((e) => e);
    expect(messageOf(err)).toBe(
      "Mailshake did not accept this API key. Copy it again from https://api-docs.mailshake.com/#Authentication and make sure the connection's Tool is Mailshake.",
    );
    // In a Zap: ExpiredAuthError asking to reconnect, whether the code comes with 401 (middleware) or 200 (msCall).
    const inZap = () => appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 0 } } as never).catch((e) => e);
    const by401 = await inZap();
    expect((by401 as Error).name).toBe('ExpiredAuthError');
    expect(messageOf(by401).split('\n')[0]).toBe(
      'Mailshake rejected the API key (401: Invalid api key (invalid_api_key)). Reconnect your Mailshake account in Zapier with a current API key.',
    );
    const by200 = await inZap();
    expect((by200 as Error).name).toBe('ExpiredAuthError');
    expect(messageOf(by200).split('\n')[0]).toBe(
      'Mailshake rejected the API key (Invalid api key). Reconnect your Mailshake account in Zapier with a current API key.',
    );
    expectAllCalled();
  });

  it('turns limit_reached into a ThrottledError with the wait its message gives', async () => {
    const at = new Date(Date.now() + 120_000).toISOString();
    ms()
      .post('/2017-04-01/me')
      .reply(429, { code: 'limit_reached', error: `You have exceeded your quota. Try again at ${at}`, time: at });
    ms().post('/2017-04-01/campaigns/list').reply(400, { code: 'limit_reached', error: 'Quota exhausted, try again in 15 minutes', time: at });
    const err = await appTester(App.authentication.test as never, { authData: authFor('mailshake') } as never).catch((e) => e);
    expect((err as Error).name).toBe('ThrottledError');
    // A 429 is mapped by the HTTP middleware before msCall sees it: the wait still comes from the body.
    const { delay } = JSON.parse((err as Error).message) as { delay: number };
    expect(delay).toBeGreaterThanOrEqual(110);
    expect(delay).toBeLessThanOrEqual(120);
    const err2 = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 0 } } as never).catch((e) => e);
    expect((err2 as Error).name).toBe('ThrottledError');
    expect(messageOf(err2)).toMatch(/retry in 900 s/);
  });

  it.each([
    ['Quota exhausted, try again in 15 minutes', 900],
    ['You have exceeded your quota', 3600],
  ])('limit_reached as HTTP 429 ("%s") waits %i s', async (error, wait) => {
    ms().post('/2017-04-01/campaigns/list').reply(429, { code: 'limit_reached', error, time: new Date().toISOString() });
    const err = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 0 } } as never).catch((e) => e);
    expect((err as Error).name).toBe('ThrottledError');
    expect(JSON.parse((err as Error).message)).toMatchObject({ delay: wait });
    expect(messageOf(err)).toMatch(new RegExp(`retry in ${wait} s`));
  });

  // docs "Errors": exceeds_monthly_recipients = "You can't add this many recipients because you will pass
  // your monthly quota allowance. You can contact us to request an increase." docs "Limits" > "New
  // recipients / month": cumulative across campaigns, resets monthly (earlier revisions said this
  // limit answered limit_reached). Not an hourly rate limit: a clear error, never a ThrottledError.
  it.each([
    [200, 'exceeds_monthly_recipients', "You can't add this many recipients because you will pass your monthly quota allowance."],
    [400, 'exceeds_monthly_recipients', 'Monthly recipient limit exceeded'],
    [429, 'exceeds_monthly_recipients', 'Monthly recipient limit exceeded'],
    [429, 'limit_reached', 'You have reached your monthly limit of new recipients'],
    [400, 'limit_reached', 'You have reached your monthly limit of new recipients'],
  ])('recipients/add answering %i %s (monthly recipients) → a clear error, not a ThrottledError', async (code, errorCode, error) => {
    ms()
      .post('/2017-04-01/recipients/add', { campaignID: 1, addAsNewList: false, addresses: [{ emailAddress: 'john@doe.com', fullName: 'John Doe' }] })
      .reply(code, { code: errorCode, error, time: '2017-08-21T13:23:11.814Z' });
    const err = await appTester(op('creates', 'enroll_lead').perform, {
      authData: authFor('mailshake'),
      inputData: {
        email: 'john@doe.com',
        first_name: 'John',
        last_name: 'Doe',
        campaign_id: '1',
        if_in_other_campaign: 'add_anyway',
        if_previously_contacted: 're_enroll',
      },
    } as never).catch((e) => e);
    expect((err as Error).name).not.toBe('ThrottledError');
    expect(messageOf(err)).toContain('Mailshake refused to add john@doe.com: your team reached its monthly allowance of recipients added through the API');
    expect(messageOf(err)).toMatch(/resets every month.*request an increase.*Extensions > API/);
    expect(messageOf(err)).toContain(error);
    expectAllCalled();
  });

  it('a Retry-After header still wins over the body', async () => {
    ms().post('/2017-04-01/campaigns/list').reply(429, { code: 'limit_reached', error: 'try again in 15 minutes' }, { 'Retry-After': '42' });
    const err = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 0 } } as never).catch((e) => e);
    expect(JSON.parse((err as Error).message)).toMatchObject({ delay: 42 });
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
    ms()
      .post('/2017-04-01/push/create', (body) => body.event === event && !('filter' in body))
      .reply(200, {});
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
    expect(expectUnified(await deliver('lead_created_documented', 'lead_interested'))[0]).toMatchObject({
      id: 'mailshake:lead_interested:1',
      category: 'open',
    });
  });

  it('a Lead without a status has category null, not a guessed "open"', async () => {
    expect(expectUnified(await deliver('lead_created_without_status', 'lead_interested'))[0]).toMatchObject({
      id: 'mailshake:lead_interested:2',
      category: null,
    });
  });

  it('the lead id of an event is the lower-cased email (recipient ids are per campaign), as in Find / Create', async () => {
    const [event] = expectUnified(await deliver('replied_reply', 'reply_received'));
    expect(event?.lead).toMatchObject({ email: 'john@doe.com', tool_lead_id: 'john@doe.com' });
  });

  it('fixtures serving a Reply or Lead from a guessed resource_url say the URL format is UNCONFIRMED', () => {
    const dir = join(__dirname, 'fixtures/mailshake');
    const guessed = readdirSync(dir)
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
      .filter((f) => /[?&](replyID|leadID)=/.test(String(f.request.body?.resource_url ?? '')) && f.http.length > 0);
    expect(guessed.length).toBeGreaterThan(5);
    for (const f of guessed) {
      expect([f.description, f.source]).toEqual([f.description, expect.stringMatching(/resource_url path .* is NOT taken from the docs.*UNCONFIRMED/)]);
    }
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

  const refusedWrites = [
    'refused_recipients_unsubscribe',
    'refused_push_delete',
    'refused_dot_segments',
    'refused_recipients_pause',
    'refused_recipients_add',
    'refused_campaigns_unpause',
    'refused_leads_create',
    'refused_outside_base_path',
    'refused_api_key_param',
  ];

  it.each(refusedWrites)('%s: refused before any request (the trigger, with its URL secret)', async (name) => {
    const seen: string[] = [];
    const onRequest = (req: { host?: string; path?: string }) => seen.push(`${req.host}${req.path}`);
    nock.emitter.on('no match', onRequest);
    const err = await deliver(name, 'reply_received').catch((e) => e);
    nock.emitter.removeListener('no match', onRequest);
    expect((err as Error).name).not.toBe('ThrottledError');
    expect(messageOf(err)).toMatch(/^Rejected a Mailshake webhook delivery: its resource_url .*so it was not fetched/);
    expect(messageOf(err)).toContain(fixture(name).expect_error);
    expect(seen).toEqual([]);
  });

  it.each(refusedWrites)('%s: refused before any request through Normalize Webhook (no secret to check)', async (name) => {
    // An interceptor for every endpoint named: a request would be answered, and caught here.
    const hit = jest.fn();
    nock(ORIGIN)
      .persist()
      .get(/.*/)
      .reply(200, () => (hit(), {}))
      .post(/.*/)
      .reply(200, () => (hit(), {}));
    const raw = JSON.stringify(fixture(name).request.body);
    const err = await appTester(op('creates', 'normalize_event').perform, { authData: authFor('mailshake'), inputData: { raw_body: raw } } as never).catch(
      (e) => e,
    );
    expect(messageOf(err)).toContain(fixture(name).expect_error);
    expect(hit).not.toHaveBeenCalled();
  });

  // The resource_url format is undocumented: any read under the API base is fetched (the per-Zap URL
  // secret already authenticates the push), every operation that changes data is refused — Mailshake
  // accepts GET on every endpoint, so a GET of a write endpoint would write.
  it('fetches any read under the API base (list / get / activity / status reads, or a verb-less path) and sends the normalised URL', () => {
    const base = 'https://api.mailshake.com/2017-04-01';
    for (const read of [
      'activity/replies?replyID=1',
      'activity/created-leads?leadID=1',
      'activity/lead-status-changes?leadID=1',
      'activity/lead-assignments?leadID=1',
      'activity/sent?messageID=1',
      'activity/opens',
      'activity/clicks',
      'activity/replies?nextToken=abc',
      'leads/get?leadID=1',
      'leads/list',
      'recipients/get?recipientID=1',
      'recipients/list?campaignID=1',
      'recipients/add-status?statusID=1',
      'campaigns/get?campaignID=1',
      'campaigns/list',
      'campaigns/export-status?statusID=1',
      'team/list-members',
      'senders/list',
      'me',
      'replies/101',
    ]) {
      expect([read, checkResourceUrl(`${base}/${read}`, base)]).toEqual([read, { url: `${base}/${read}` }]);
    }
    expect(checkResourceUrl(`${base}/activity/replies?replyID=1#x`, base)).toEqual({ url: `${base}/activity/replies?replyID=1` });
  });

  it('refuses every operation that changes data, whatever its form, and anything outside the API base', () => {
    const base = 'https://api.mailshake.com/2017-04-01';
    for (const [write, verb] of [
      ['recipients/add?campaignID=1', 'add'],
      ['recipients/pause?campaignID=1&emailAddress=a@b.co', 'pause'],
      ['recipients/unpause?campaignID=1&emailAddress=a@b.co', 'unpause'],
      ['recipients/unsubscribe?emailAddresses=a@b.co', 'unsubscribe'],
      ['campaigns/create?title=x', 'create'],
      ['campaigns/pause?campaignID=1', 'pause'],
      ['campaigns/unpause?campaignID=1', 'unpause'],
      ['campaigns/export?campaignIDs=1', 'export'],
      ['leads/create?emailAddresses=a@b.co', 'create'],
      ['leads/close?leadID=1', 'close'],
      ['leads/ignore?leadID=1', 'ignore'],
      ['leads/reopen?leadID=1', 'reopen'],
      ['push/create?targetUrl=x', 'create'],
      ['push/delete?targetUrl=x', 'delete'],
      ['Recipients/Unsubscribe?emailAddresses=a@b.co', 'unsubscribe'],
      ['recipients/bulk-unsubscribe', 'unsubscribe'],
      ['recipients/addRecipients', 'add'],
      ['replies/101/delete', 'delete'],
      ['leads/1/update', 'update'],
      ['activity/replies/../../2017-04-01/recipients/unsubscribe', 'unsubscribe'],
    ]) {
      expect([write, checkResourceUrl(`${base}/${write}`, base)]).toEqual([write, { refused: expect.stringContaining(`changes data (${verb})`) }]);
    }
    for (const bad of [
      `${base}/activity%2Freplies?replyID=1`,
      `${base}/activity/replies/`,
      `${base}`,
      `${base}/`,
      `${base}/activity/replies?replyID=1&api_key=x`,
      `${base}/activity/replies?replyID=1&token=x`,
      'https://me:pw@api.mailshake.com/2017-04-01/activity/replies?replyID=1',
      'https://api.mailshake.com/activity/replies?replyID=1',
    ]) {
      expect([bad, checkResourceUrl(bad, base)]).toEqual([bad, { refused: expect.any(String) }]);
    }
  });

  it.each([['recipients_get_read_fetched', 'reply_received', /the pushed resource is a recipient/]])(
    '%s: a read endpoint is fetched with the key (not refused)',
    async (name, trigger, error) => {
      const err = await deliver(name, trigger).catch((e) => e);
      expect(messageOf(err)).toMatch(error);
      expect(messageOf(err)).not.toMatch(/so it was not fetched/);
      expectAllCalled();
    },
  );

  it('reads a single model wrapped as {results: {...}} as well as a bare model or a page', async () => {
    const f = fixture('replied_reply');
    ms()
      .get('/2017-04-01/leads/get')
      .query({ leadID: '7' })
      .reply(200, { results: { ...fixture('lead_created_documented').http[0].body, id: 7 } });
    const events = expectUnified(
      await appTester(
        op('triggers', 'lead_interested').perform,
        deliveryBundle(
          'mailshake',
          { body: { resource_url: 'https://api.mailshake.com/2017-04-01/leads/get?leadID=7' }, querystring: f.request.querystring },
          { subscribeData: f.subscription },
        ) as never,
        true,
      ),
    );
    expect(events.map((e) => e.id)).toEqual(['mailshake:lead_interested:7']);
    expectAllCalled();
  });

  it.each([
    ['lead_status_changes_read_fetched', 'lead_interested', 'mailshake:lead_interested:1'],
    ['rest_style_reply_read_fetched', 'reply_received', 'mailshake:reply_received:101'],
  ])('%s: a read in another path form is fetched and emits its event', async (name, trigger, id) => {
    const events = expectUnified(await deliver(name, trigger));
    expect(events.map((e) => e.id)).toEqual([id]);
    expectAllCalled();
  });

  it('honours SALES_CONNECT_MAILSHAKE_BASE_URL: that origin is fetched, the real one refused', async () => {
    process.env.SALES_CONNECT_MAILSHAKE_BASE_URL = 'http://127.0.0.1:4010/2017-04-01';
    const f = fixture('replied_reply');
    nock('http://127.0.0.1:4010', { reqheaders: { authorization: BASIC } })
      .get('/2017-04-01/activity/replies')
      .query({ replyID: '101' })
      .reply(200, f.http[0].body);
    const ok = await appTester(
      op('triggers', 'reply_received').perform,
      deliveryBundle('mailshake', { body: { resource_url: 'http://127.0.0.1:4010/2017-04-01/activity/replies?replyID=101' } }) as never,
      true,
    );
    expect(ok).toHaveLength(1);
    const err = await appTester(op('triggers', 'reply_received').perform, deliveryBundle('mailshake', { body: f.request.body }) as never, true).catch((e) => e);
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
    ms()
      .post('/2017-04-01/activity/created-leads', { perPage: 25 })
      .reply(200, { results: [fixture('lead_created_documented').http[0].body] });
    const events = expectUnified(await appTester(op('triggers', 'lead_interested').performList, { authData: authFor('mailshake'), inputData: {} } as never));
    expect(events[0]?.id).toBe('mailshake:lead_interested:1');
    expectAllCalled();
  });

  it('pages the campaign dropdown with nextToken', async () => {
    ms()
      .post('/2017-04-01/campaigns/list', { perPage: 100 })
      .reply(200, { results: [{ object: 'campaign', id: 1, title: 'My campaign' }], nextToken: 't2' });
    ms()
      .post('/2017-04-01/campaigns/list', { perPage: 100, nextToken: 't2' })
      .reply(200, { results: [{ object: 'campaign', id: 2, title: 'Second' }], nextToken: null });
    const out = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 1 } } as never);
    expect(out).toEqual([{ id: '2', name: 'Second' }]);
    expectAllCalled();
  });
});
