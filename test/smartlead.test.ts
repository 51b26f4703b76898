import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { expectUnified } from './support/events';

const API = 'https://server.smartlead.ai';
const KEY = 'test-smartlead-key';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/smartlead', `${name}.json`), 'utf8'));

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Smartlead connection', () => {
  it('tests the key with GET /campaigns and labels the connection', async () => {
    nock(API)
      .get('/api/v1/campaigns')
      .query({ api_key: KEY })
      .reply(200, [{ id: 372, user_id: 124, name: 'My Epic Campaign', status: 'ACTIVE' }]);
    const result = await appTester(App.authentication.test as never, { authData: authFor('smartlead') } as never);
    expect(result).toEqual({ tool_label: 'Smartlead', account: 'user 124' });
    expectAllCalled();
  });

  it('says the key was not accepted on 401', async () => {
    nock(API).get('/api/v1/campaigns').query({ api_key: KEY }).reply(401, { error: 'Invalid API key' });
    await expect(appTester(App.authentication.test as never, { authData: authFor('smartlead') } as never)).rejects.toThrow(
      /Smartlead did not accept this API key/,
    );
  });
});

describe('Smartlead subscribe / unsubscribe', () => {
  it('registers a campaign webhook for EMAIL_REPLY only, with a secret in the URL, and finds its id', async () => {
    let sentUrl = '';
    nock(API)
      .post('/api/v1/campaigns/9181/webhooks', (body) => {
        sentUrl = body.webhook_url;
        return (
          body.id === null &&
          JSON.stringify(body.event_types) === '["EMAIL_REPLY"]' &&
          !('categories' in body) &&
          body.webhook_url.startsWith(`${TARGET}?sc_secret=`)
        );
      })
      .query({ api_key: KEY })
      .reply(200, { ok: true, name: 'x', webhook_url: 'set below', email_campaign_id: 9181, event_types: ['EMAIL_REPLY'] });
    nock(API)
      .get('/api/v1/campaigns/9181/webhooks')
      .query({ api_key: KEY })
      .reply(200, () => [
        { id: 44, webhook_url: 'https://example.com/other', event_types: ['EMAIL_SENT'] },
        { id: 217, webhook_url: sentUrl, event_types: ['EMAIL_REPLY'] },
      ]);
    const data = (await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('smartlead'),
      inputData: { campaign_id: '9181' },
      targetUrl: TARGET,
    } as never)) as Record<string, string>;
    expect(data).toMatchObject({ tool: 'smartlead', id: '217', campaign_id: '9181' });
    expect(sentUrl).toBe(`${TARGET}?sc_secret=${data.secret}`);
    expectAllCalled();
  });

  it('subscribes Lead Interested to LEAD_CATEGORY_UPDATED with the chosen categories', async () => {
    nock(API)
      .post(
        '/api/v1/campaigns/9181/webhooks',
        (body) => JSON.stringify(body.event_types) === '["LEAD_CATEGORY_UPDATED"]' && JSON.stringify(body.categories) === '["Interested","Positive"]',
      )
      .query({ api_key: KEY })
      .reply(200, { ok: true, id: 301 });
    const data = await appTester(op('triggers', 'lead_interested').performSubscribe, {
      authData: authFor('smartlead'),
      inputData: { campaign_id: '9181', interested_categories: ['Interested', 'Positive'] },
      targetUrl: TARGET,
    } as never);
    expect(data).toMatchObject({ id: '301' });
    expectAllCalled();
  });

  it('requires a campaign before any HTTP call', async () => {
    await expect(
      appTester(op('triggers', 'reply_received').performSubscribe, { authData: authFor('smartlead'), inputData: {}, targetUrl: TARGET } as never),
    ).rejects.toThrow(/choose a Campaign/);
  });

  it('deletes the webhook with a JSON body on DELETE; a 404 is success', async () => {
    nock(API).delete('/api/v1/campaigns/9181/webhooks', { id: 217 }).query({ api_key: KEY }).reply(200, { ok: true });
    nock(API).delete('/api/v1/campaigns/9181/webhooks', { id: 218 }).query({ api_key: KEY }).reply(404, { error: 'Webhook not found' });
    for (const id of ['217', '218']) {
      await appTester(op('triggers', 'reply_received').performUnsubscribe, {
        authData: authFor('smartlead'),
        subscribeData: { tool: 'smartlead', id, campaign_id: '9181', secret: 's' },
      } as never);
    }
    expectAllCalled();
  });
});

describe('Smartlead deliveries', () => {
  const reply = fixture('email_reply_documented').request.body;

  it('turns the documented EMAIL_REPLY into one unified reply event', async () => {
    const events = expectUnified(await appTester(op('triggers', 'reply_received').perform, deliveryBundle('smartlead', { body: reply }) as never, true));
    expect(events).toHaveLength(1);
    expect(events[0]?.lead.email).toBe('james.parker@example.com');
    expect(events[0]?.message?.from_email).toBe('colleague@other-example.com');
    // raw is the payload as sent, except the webhook's secret_key, which must not reach Zaps.
    expect(events[0]?.raw).toEqual(Object.fromEntries(Object.entries(reply).filter(([k]) => k !== 'secret_key')));
  });

  it('gives the other triggers nothing for a reply', async () => {
    for (const key of ['lead_interested', 'meeting_booked', 'email_bounced', 'lead_unsubscribed']) {
      expect(await appTester(op('triggers', key).perform, deliveryBundle('smartlead', { body: reply }) as never, true)).toEqual([]);
    }
  });

  it('collapses a redelivery of the same event, per subscription', async () => {
    const tester = appTester;
    const first = await tester(op('triggers', 'reply_received').perform, deliveryBundle('smartlead', { body: reply }) as never, true);
    const again = await tester(op('triggers', 'reply_received').perform, deliveryBundle('smartlead', { body: reply }) as never);
    const otherZap = await tester(
      op('triggers', 'reply_received').perform,
      deliveryBundle('smartlead', { body: reply }, { subscribeData: { id: 'sub-2' } }) as never,
    );
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
    expect(otherZap).toHaveLength(1);
  });

  it('filters by the campaign input', async () => {
    const out = await appTester(
      op('triggers', 'reply_received').perform,
      deliveryBundle('smartlead', { body: reply }, { inputData: { campaign_id: '1' } }) as never,
      true,
    );
    expect(out).toEqual([]);
  });

  it('refuses a delivery without the URL secret of the subscription', async () => {
    await expect(
      appTester(
        op('triggers', 'reply_received').perform,
        deliveryBundle('smartlead', { body: reply }, { subscribeData: { secret: 'expected' } }) as never,
        true,
      ),
    ).rejects.toThrow(/URL secret is missing or wrong/);
  });

  it('reports an unrecognised payload with its keys', async () => {
    const err = await appTester(op('triggers', 'reply_received').perform, deliveryBundle('smartlead', { body: { foo: 1, bar: 2 } }) as never, true).catch(
      (e) => e,
    );
    expect(messageOf(err)).toMatch(/did not recognise this Smartlead webhook delivery \(top-level keys: foo, bar\)/);
  });
});

describe('Smartlead recent items and dropdown', () => {
  it('lists recent replies of the campaign from lead statistics, newest first', async () => {
    nock(API)
      .get('/api/v1/campaigns')
      .query({ api_key: KEY })
      .reply(200, [{ id: 9181, name: 'Q2 outbound' }]);
    nock(API)
      .get('/api/v1/campaigns/9181/statistics')
      .query({ api_key: KEY, email_status: 'replied', offset: '0', limit: '25' })
      .reply(200, {
        total_stats: '2',
        data: [
          {
            lead_name: 'Ann Lee',
            lead_email: 'Ann@Example.com',
            lead_category: null,
            stats_id: 's1',
            email_subject: 'Hi',
            sent_time: '2025-03-01T10:00:00.000Z',
            reply_time: '2025-03-02T10:00:00.000Z',
          },
          {
            lead_name: 'Bo Chan',
            lead_email: 'bo@example.com',
            lead_category: 'Interested',
            stats_id: 's2',
            email_subject: 'Hi',
            sent_time: '2025-03-01T10:00:00.000Z',
            reply_time: '2025-03-03T10:00:00.000Z',
          },
        ],
      });
    const events = expectUnified(
      await appTester(op('triggers', 'reply_received').performList, { authData: authFor('smartlead'), inputData: { campaign_id: '9181' } } as never),
    );
    expect(events.map((e) => e.lead.email)).toEqual(['bo@example.com', 'ann@example.com']);
    expect(events[0]?.campaign).toEqual({ id: '9181', name: 'Q2 outbound' });
    expectAllCalled();
  });

  it('asks for a campaign in the test step instead of inventing a sample labelled Smartlead', async () => {
    const err = await appTester(op('triggers', 'reply_received').performList, { authData: authFor('smartlead'), inputData: {} } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Campaign is required for Smartlead: its webhooks belong to one campaign; choose a Campaign in this trigger\./);
  });

  it('fills the campaign dropdown', async () => {
    nock(API)
      .get('/api/v1/campaigns')
      .query({ api_key: KEY })
      .reply(200, [{ id: 372, name: 'My Epic Campaign', status: 'ACTIVE' }]);
    const out = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('smartlead'), meta: { page: 0 } } as never);
    expect(out).toEqual([{ id: '372', name: 'My Epic Campaign (ACTIVE)' }]);
  });
});
