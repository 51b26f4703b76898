import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { woodpecker } from '../src/providers/woodpecker';
import { readDelivery } from '../src/providers/shared/webhook';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock, runWith } from './support/app';
import { expectUnified } from './support/events';

const API = 'https://api.woodpecker.co';
const KEY = 'test-woodpecker-key';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/woodpecker', `${name}.json`), 'utf8'));
const wp = () => nock(API, { reqheaders: { 'x-api-key': KEY } });

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Woodpecker connection', () => {
  it('tests the key with GET /rest/v1/campaign_list (x-api-key header) and names the sending mailbox', async () => {
    wp()
      .get('/rest/v1/campaign_list')
      .reply(200, [{ id: 1234567, name: 'SaaS CEOs', status: 'RUNNING', from_email: 'erlich.bachman@piedpiper.com' }]);
    const result = await appTester(App.authentication.test as never, { authData: authFor('woodpecker') } as never);
    expect(result).toMatchObject({ account: 'erlich.bachman@piedpiper.com' });
    expectAllCalled();
  });

  it('says the key was not accepted on 401', async () => {
    wp()
      .get('/rest/v1/campaign_list')
      .reply(401, { status: { status: 'ERROR', code: 'E_SESSION', msg: 'Invalid API key' } });
    const err = await appTester(App.authentication.test as never, { authData: authFor('woodpecker') } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Woodpecker did not accept this API key/);
  });

  it("quotes Woodpecker's v1 error envelope on a 400", async () => {
    wp()
      .get('/rest/v1/campaign_list')
      .reply(400, { status: { status: 'ERROR', code: 'E_URL_NOT_FOUND', msg: 'Wrong URL' } });
    const err = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('woodpecker'), meta: { page: 0 } } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Woodpecker rejected the request \(400\): Wrong URL \(E_URL_NOT_FOUND\)/);
  });

  it('turns the v1 queue-full error into a throttle', async () => {
    wp()
      .get('/rest/v1/campaign_list')
      .reply(400, { status: { status: 'ERROR', code: 'E_TOO_MANY_REQUESTS', msg: 'Too many requests simultaneously' } });
    const err = await appTester(App.authentication.test as never, { authData: authFor('woodpecker') } as never).catch((e) => e);
    expect((err as Error).name).toBe('ThrottledError');
  });
});

describe('Woodpecker subscribe / unsubscribe', () => {
  it('subscribes the event for Reply Received with our secret in target_url, and stores that URL', async () => {
    let sent: { target_url: string; event: string } | null = null;
    wp()
      .post('/rest/v1/webhooks/subscribe', (body) => {
        sent = body;
        return (
          Object.keys(body).sort().join() === 'event,target_url' && body.event === 'prospect_replied' && body.target_url.startsWith(`${TARGET}?sc_secret=`)
        );
      })
      .reply(201, { target_url: 'x', event: 'prospect_replied', message: 'Subscribed.' });
    const data = (await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('woodpecker'),
      inputData: {},
      targetUrl: TARGET,
    } as never)) as Record<string, string>;
    expect(data).toMatchObject({ tool: 'woodpecker', event: 'prospect_replied' });
    expect(data.id).toMatch(/^prospect_replied@[0-9a-f]{12}$/);
    expect(sent!.target_url).toBe(`${TARGET}?sc_secret=${data.secret}`);
    expect(data.target_url).toBe(sent!.target_url);
    expectAllCalled();
  });

  it.each([
    ['lead_interested', 'prospect_interested'],
    ['email_bounced', 'prospect_bounced'],
    ['lead_unsubscribed', 'prospect_blacklisted'],
  ])('%s subscribes %s', async (trigger, event) => {
    wp()
      .post('/rest/v1/webhooks/subscribe', (body) => body.event === event)
      .reply(201, { event, message: 'Subscribed.' });
    await appTester(op('triggers', trigger).performSubscribe, { authData: authFor('woodpecker'), inputData: {}, targetUrl: TARGET } as never);
    expectAllCalled();
  });

  // developers.woodpecker.co "Subscribe to a webhook": the same event up to three times per
  // account, each with a unique target_url. Our target URLs are always new (per-Zap secret), so a
  // 409 is the limit, never "already subscribed" (an earlier version took it as success: a 4th
  // Zap turned on and never fired).
  it('a 409 (three subscriptions for the event already) is an error naming the limit and how to free a slot', async () => {
    wp()
      .post('/rest/v1/webhooks/subscribe')
      .reply(409, { status: { status: 'ERROR', code: 'E_WRONG_PARAM', msg: 'You can only subscribe to the same webhook 3 times per one account.' } });
    const err = await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('woodpecker'),
      inputData: {},
      targetUrl: TARGET,
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(
      /^Woodpecker allows at most 3 webhook subscriptions per event per account, and this account already has 3 for prospect_replied/,
    );
    expect(messageOf(err)).toMatch(/You can only subscribe to the same webhook 3 times per one account/);
    expect(messageOf(err)).toMatch(/turn off another Zap .* or remove a subscription/);
    expectAllCalled();
  });

  it('refuses Meeting Booked before any HTTP call, saying what to use', async () => {
    const err = await appTester(op('triggers', 'meeting_booked').performSubscribe, {
      authData: authFor('woodpecker'),
      inputData: {},
      targetUrl: TARGET,
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Woodpecker has no meeting event.*Calendly/);
  });

  it('unsubscribes with the exact stored URL and event; 404 is success', async () => {
    const stored = `${TARGET}?sc_secret=abc`;
    wp().post('/rest/v1/webhooks/unsubscribe', { target_url: stored, event: 'prospect_replied' }).reply(200, { message: 'Unsubscribed.' });
    wp()
      .post('/rest/v1/webhooks/unsubscribe', { target_url: stored, event: 'prospect_bounced' })
      .reply(404, { status: { status: 'ERROR', code: 'E_URL_NOT_FOUND', msg: 'Not found' } });
    for (const event of ['prospect_replied', 'prospect_bounced']) {
      await appTester(op('triggers', 'reply_received').performUnsubscribe, {
        authData: authFor('woodpecker'),
        subscribeData: { tool: 'woodpecker', id: `${event}@x`, event, target_url: stored, secret: 'abc' },
      } as never);
    }
    expectAllCalled();
  });
});

describe('Woodpecker deliveries', () => {
  const documented = fixture('prospect_replied_documented');
  const batch = fixture('batch_mixed_events');
  const secretQuery = { sc_secret: 'fixture-url-secret' };
  const sub = { subscribeData: { secret: 'fixture-url-secret' } };

  it('turns the documented prospect_replied into one unified reply', async () => {
    const events = expectUnified(
      await appTester(
        op('triggers', 'reply_received').perform,
        deliveryBundle('woodpecker', { body: documented.request.body, querystring: secretQuery }, sub) as never,
        true,
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'woodpecker:reply_received:191867492',
      occurred_at: '2025-03-21T19:47:47.000Z',
      campaign: { id: '123456', name: 'SaaS in America' },
      message: { from_email: 'erlich@bachmanity.com', to_email: 'jared.dunn@piedpiper.com' },
    });
  });

  it('emits every item of a batch to its own trigger', async () => {
    const run = async (key: string) =>
      expectUnified(await appTester(op('triggers', key).perform, deliveryBundle('woodpecker', { body: batch.request.body }) as never, true));
    expect((await run('reply_received')).map((e) => e.event)).toEqual(['reply_received']);
    expect((await run('lead_interested')).map((e) => e.category)).toEqual(['INTERESTED']);
    expect((await run('email_bounced')).map((e) => e.lead.email)).toEqual(['gilfoyle@piedpiper.com']);
    expect(await run('lead_unsubscribed')).toEqual([]);
  });

  it('filters the account-wide hook by campaign id (string input vs numeric payload)', async () => {
    const run = (campaign_id: string) =>
      appTester(
        op('triggers', 'reply_received').perform,
        deliveryBundle('woodpecker', { body: documented.request.body }, { inputData: { campaign_id } }) as never,
        true,
      );
    expect(await run('999')).toEqual([]);
    expect(await run('123456')).toHaveLength(1);
  });

  it('refuses a delivery without the URL secret', async () => {
    const err = await appTester(
      op('triggers', 'reply_received').perform,
      deliveryBundle('woodpecker', { body: documented.request.body, querystring: { sc_secret: 'nope' } }, sub) as never,
      true,
    ).catch((e) => e);
    expect(messageOf(err)).toMatch(/URL secret is missing or wrong/);
  });

  describe('one unusable item does not drop the batch', () => {
    const malformed = fixture('batch_one_malformed');
    const parseLogged = (body: unknown) =>
      runWith('woodpecker', async (ctx) => {
        const log = jest.spyOn(ctx.z.console, 'log').mockImplementation(() => undefined);
        const delivery = { headers: {}, rawBody: null, body, query: {}, receivedAt: new Date('2025-03-23T12:00:00Z') };
        const input = { campaign_id: null, interested_categories: ['Interested'], meeting_categories: ['Meeting Booked'] };
        try {
          const events = await readDelivery(ctx, woodpecker.events.webhook, delivery, null, input);
          return { events, logged: log.mock.calls.map((c) => String(c[0])) };
        } finally {
          log.mockRestore();
        }
      });

    it('emits the good item of a batch with a malformed one, and logs the bad one by index and reason', async () => {
      const { events, logged } = await parseLogged(malformed.request.body);
      expect(events.map((e) => e.id)).toEqual(['woodpecker:reply_received:191867492']);
      expect(logged).toEqual([expect.stringMatching(/skipped item 2 of 2 \(index 1\): prospect_bounced fields do not match: prospect/)]);
    });

    it('logs an unknown event next to a good one instead of refusing the delivery', async () => {
      const [good] = malformed.request.body;
      const { events, logged } = await parseLogged([{ ...good, method: 'prospect_teleported' }, good]);
      expect(events).toHaveLength(1);
      expect(logged).toEqual([expect.stringMatching(/item 1 of 2 \(index 0\): unknown event prospect_teleported/)]);
    });

    it('through the trigger: the good event comes out', async () => {
      const events = expectUnified(
        await appTester(op('triggers', 'reply_received').perform, deliveryBundle('woodpecker', { body: malformed.request.body }) as never, true),
      );
      expect(events.map((e) => e.id)).toEqual(['woodpecker:reply_received:191867492']);
    });

    it('still refuses a batch in which no item is usable, naming every item', async () => {
      const [good] = malformed.request.body;
      const bad = [{ ...good, method: 'prospect_teleported' }, malformed.request.body[1]];
      const err = await parseLogged(bad).catch((e) => e);
      expect(messageOf(err)).toMatch(
        /did not recognise this Woodpecker webhook delivery \(top-level keys: array of 2\).*item 1 of 2 \(index 0\): unknown event prospect_teleported; item 2 of 2 \(index 1\): prospect_bounced fields do not match/,
      );
    });
  });

  it('accepts numbers where the docs show strings (phone, timestamps) and reads them as text / epoch seconds', async () => {
    const numeric = fixture('numeric_scalars');
    const events = expectUnified(
      await appTester(op('triggers', 'reply_received').perform, deliveryBundle('woodpecker', { body: numeric.request.body }) as never, true),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      occurred_at: '2025-03-21T19:47:47.000Z',
      lead: { phone: '15550100' },
      message: { subject: '2025', sent_at: '2025-03-21T19:47:40.000Z' },
    });
  });

  it('reports an unrecognised payload with its keys', async () => {
    const err = await appTester(op('triggers', 'reply_received').perform, deliveryBundle('woodpecker', { body: { foo: 1 } }) as never, true).catch((e) => e);
    expect(messageOf(err)).toMatch(/did not recognise this Woodpecker webhook delivery \(top-level keys: foo\)/);
  });
});

describe('Woodpecker recent items and dropdown', () => {
  it('lists recent replies from REPLIED prospects, newest first', async () => {
    wp()
      .get('/rest/v1/prospects')
      .query({ status: 'REPLIED', sort: '-last_replied', page: '1', per_page: '25' })
      .reply(200, [
        {
          id: 4804,
          email: 'Erlich@bachman.com',
          first_name: 'Erlich',
          last_name: 'Bachman',
          status: 'REPLIED',
          last_replied: '2016-08-19T02:08:58+0200',
          updated: '2016-09-03T15:02:57+0200',
        },
        {
          id: 2974,
          email: 'jared@piedpiper.com',
          first_name: 'Jared',
          last_name: 'Dunn',
          status: 'REPLIED',
          last_replied: '2016-08-20T02:08:58+0200',
          updated: '2016-09-03T15:02:57+0200',
        },
      ]);
    const events = expectUnified(await appTester(op('triggers', 'reply_received').performList, { authData: authFor('woodpecker'), inputData: {} } as never));
    expect(events.map((e) => e.lead.email)).toEqual(['jared@piedpiper.com', 'erlich@bachman.com']);
    expect(events[1]?.occurred_at).toBe('2016-08-19T00:08:58.000Z');
    expectAllCalled();
  });

  it('reads "last replied" (with a space) as the documented prospect sample spells it', async () => {
    // developers.woodpecker.co / docs.woodpecker.co "Browsing prospects" sample rows.
    wp()
      .get('/rest/v1/prospects')
      .query({ status: 'REPLIED', sort: '-last_replied', page: '1', per_page: '25' })
      .reply(200, [
        {
          id: 4804,
          email: 'erlich@bachman.com',
          first_name: 'Erlich',
          last_name: 'Bachman',
          status: 'REPLIED',
          last_contacted: '2016-08-14T02:08:58+0200',
          'last replied': '2016-08-19T02:08:58+0200',
          updated: '2016-09-03T15:02:57+0200',
        },
      ]);
    const events = expectUnified(await appTester(op('triggers', 'reply_received').performList, { authData: authFor('woodpecker'), inputData: {} } as never));
    expect(events[0]?.occurred_at).toBe('2016-08-19T00:08:58.000Z');
    expectAllCalled();
  });

  it('treats 204 No Content as no recent items (none: Zapier shows its static sample)', async () => {
    wp().get('/rest/v1/prospects').query(true).reply(204);
    const events = expectUnified(await appTester(op('triggers', 'email_bounced').performList, { authData: authFor('woodpecker'), inputData: {} } as never));
    expect(events).toEqual([]);
    expectAllCalled();
  });

  it('fills the campaign dropdown from campaign_list', async () => {
    wp()
      .get('/rest/v1/campaign_list')
      .reply(200, [{ id: 1234567, name: 'SaaS CEOs', status: 'RUNNING' }]);
    const out = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('woodpecker'), meta: { page: 0 } } as never);
    expect(out).toEqual([{ id: '1234567', name: 'SaaS CEOs (RUNNING)' }]);
    expectAllCalled();
  });
});
