import { useMockApi } from './support/mockApi';
import { mailshakeMock } from '../dev/mock/mailshake';
import { ActionOutcome } from '../src/model/lead';
import { App, appTester, authFor, deliveryBundle, messageOf, op } from './support/app';

/**
 * Mailshake actions and triggers run offline against its local mock, through the real app
 * (SALES_CONNECT_MAILSHAKE_BASE_URL pointed at the mock). Add-status polls wait 1 ms per unit
 * here (SALES_CONNECT_BACKOFF_UNIT_MS from test/setup-env.ts).
 */
const api = useMockApi('mailshake');
const { start, run } = api;
const paths = () => api.mock.log.map((l) => l.path);
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc/';

describe('Mailshake against its mock', () => {
  it('enroll → find → enroll again → other campaign → stop → stop again → unsubscribed', async () => {
    await start();
    const lead = { campaign_id: '11', email: 'Ann@Example.com', first_name: 'Ann', last_name: 'Lee', company: 'Acme' };
    expect(ActionOutcome.parse(await run('creates', 'enroll_lead', lead))).toMatchObject({ outcome: 'enrolled', campaign: { id: '11' } });
    // recipients/add is asynchronous: the first add-status poll is not finished, the second is.
    expect(paths()).toEqual(['/activity/sent', '/recipients/add', '/recipients/add-status', '/recipients/add-status']);
    expect(await run('searches', 'find_lead', { email: 'ann@example.com' })).toMatchObject([
      { email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee', company: 'Acme', campaigns: [{ id: '11', name: 'Q2 outbound' }] },
    ]);
    // Mailshake ignores an address already in the campaign and lists it in alreadyInCampaignEmails.
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    const err = await run('creates', 'enroll_lead', { ...lead, if_already_enrolled: 'error' }).catch((e) => e);
    expect(messageOf(err)).toMatch(/ann@example.com is already in Mailshake campaign 11/);
    // Campaign 11 has emailed Ann (activity/sent): another campaign skips her by default.
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: '12' })).toMatchObject({ outcome: 'skipped_in_other_campaign' });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: '12', if_in_other_campaign: 'add_anyway' })).toMatchObject({
      outcome: 'skipped_previously_contacted',
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com', campaign_id: '11' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: '11', status: 'paused' }],
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com', campaign_id: '11' })).toMatchObject({ outcome: 'already_stopped' });
    // Not in campaign 12, but Mailshake knows Ann (campaign 11 emailed her): already_stopped, not not_found.
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com', campaign_id: '12' })).toMatchObject({ outcome: 'already_stopped' });
    // Unsubscribed: Mailshake reports it in problems.unsubscribedEmails after the import.
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(api.mock.log.every((l) => l.status < 500)).toBe(true);
  });

  it('stop in one campaign: an address Mailshake does not know → not_found; one it knows elsewhere → already_stopped', async () => {
    await start();
    expect(await run('creates', 'stop_sequence', { email: 'nobody@example.com', campaign_id: '12' })).toMatchObject({ outcome: 'not_found' });
    // Rita is a recipient of campaign 11 (and was emailed by it), not of 12.
    expect(await run('creates', 'stop_sequence', { email: 'rita@replied.example.com', campaign_id: '12' })).toMatchObject({ outcome: 'already_stopped' });
    expect(api.mock.log.map((l) => l.path)).not.toContain('/recipients/unsubscribe');
  });

  it('stop in every campaign, create inside a campaign, invalid address, unknown campaign', async () => {
    await start();
    expect(await run('creates', 'stop_sequence', { email: 'rita@replied.example.com' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: '11', name: 'Q2 outbound', status: 'paused' }],
    });
    // A repeat changes nothing: every campaign is checked for the paused state first.
    const before = api.mock.log.length;
    expect(await run('creates', 'stop_sequence', { email: 'rita@replied.example.com' })).toMatchObject({
      outcome: 'already_stopped',
      affected_campaigns: [{ id: '11', name: 'Q2 outbound', status: 'paused' }],
    });
    expect(api.mock.log.slice(before).map((l) => l.path)).not.toContain('/recipients/pause');
    expect(await run('creates', 'stop_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found' });
    expect(await run('creates', 'create_lead', { campaign_id: '12', email: 'bo@example.com', first_name: 'Bo', last_name: 'Diaz' })).toMatchObject({
      created: true,
      email: 'bo@example.com',
      full_name: 'Bo Diaz',
    });
    expect(await run('creates', 'create_lead', { campaign_id: '12', email: 'bo@example.com' })).toMatchObject({ created: false });
    // The app refuses a malformed address before calling; sent directly, Mailshake lists it in invalidEmails.
    const added = await fetch(`${api.mock.env.SALES_CONNECT_MAILSHAKE_BASE_URL}/recipients/add`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('test-mailshake-key:').toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ campaignID: 12, addresses: [{ emailAddress: 'bad@@example' }] }),
    });
    expect(await added.json()).toMatchObject({ invalidEmails: ['bad@@example'], isEmpty: true, checkStatusID: expect.any(Number) });
    expect(
      messageOf(
        await run('creates', 'enroll_lead', {
          campaign_id: '999',
          email: 'x@example.com',
          if_in_other_campaign: 'add_anyway',
          if_previously_contacted: 're_enroll',
        }).catch((e) => e),
      ),
    ).toMatch(/Mailshake rejected the request: No campaign with ID 999 \(missing_dependent_data\)/);
  });

  it('auth test, key forms, campaign dropdown, recent items and a push fetched from the mock', async () => {
    await start();
    expect(await appTester(App.authentication.test as never, { authData: authFor('mailshake') } as never)).toMatchObject({
      account: 'sam@seller.example.com (Seller Team)',
    });
    const base = api.mock.env.SALES_CONNECT_MAILSHAKE_BASE_URL as string;
    // The documented alternatives to Basic: ?apiKey= (and a body field); no key → invalid_api_key.
    expect((await fetch(`${base}/me?apiKey=k`, { method: 'POST' })).status).toBe(200);
    const noKey = await fetch(`${base}/me`, { method: 'POST' });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ code: 'invalid_api_key', error: expect.any(String), time: expect.any(String) });
    const inZap = (await run('searches', 'find_lead', { email: 'x@example.com' }, 'revoked').catch((e) => e)) as Error;
    expect(inZap.name).toBe('ExpiredAuthError');
    expect(await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 0 } } as never)).toEqual([
      { id: '11', name: 'Q2 outbound' },
      { id: '12', name: 'Webinar follow-up' },
      { id: '10', name: 'Holiday promo (paused)' },
    ]);
    const replies = (await appTester(op('triggers', 'reply_received').performList, {
      authData: authFor('mailshake'),
      inputData: { campaign_id: '11' },
    } as never)) as { id: string }[];
    expect(replies.map((e) => e.id)).toEqual(['mailshake:reply_received:801']);
    const leads = (await appTester(op('triggers', 'lead_interested').performList, { authData: authFor('mailshake'), inputData: {} } as never)) as {
      id: string;
    }[];
    expect(leads.map((e) => e.id)).toEqual(['mailshake:lead_interested:901']);
    const pushed = (await appTester(
      op('triggers', 'reply_received').perform,
      deliveryBundle(
        'mailshake',
        { body: { resource_url: `${base}/activity/replies?replyID=801` }, querystring: { sc_secret: 's' } },
        { subscribeData: { secret: 's' } },
      ) as never,
      true,
    )) as { id: string; lead: { email: string } }[];
    expect(pushed).toMatchObject([{ id: 'mailshake:reply_received:801', lead: { email: 'rita@replied.example.com' } }]);
    // Any read is fetched (the resource_url format is undocumented): the Lead by `leads/get`.
    const byLeadsGet = (await appTester(
      op('triggers', 'lead_interested').perform,
      deliveryBundle(
        'mailshake',
        { body: { resource_url: `${base}/leads/get?leadID=901` }, querystring: { sc_secret: 's' } },
        { subscribeData: { secret: 's' } },
      ) as never,
      true,
    )) as { id: string }[];
    expect(byLeadsGet.map((e) => e.id)).toEqual(['mailshake:lead_interested:901']);
  });

  it('push create / delete; a second delete is not_found, taken as done', async () => {
    await start();
    const sub = (await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('mailshake'),
      inputData: { campaign_id: '11' },
      targetUrl: TARGET,
    } as never)) as Record<string, string>;
    expect(sub).toMatchObject({ tool: 'mailshake', event: 'Replied' });
    // targetUrl must be unique: the same URL again is refused.
    const base = api.mock.env.SALES_CONNECT_MAILSHAKE_BASE_URL as string;
    const auth = { authorization: `Basic ${Buffer.from('test-mailshake-key:').toString('base64')}`, 'content-type': 'application/json' };
    const dup = await fetch(`${base}/push/create`, { method: 'POST', headers: auth, body: JSON.stringify({ targetUrl: sub.target_url, event: 'Replied' }) });
    expect(dup.status).toBe(400);
    expect(await dup.json()).toMatchObject({ code: 'invalid_parameter' });
    for (let i = 0; i < 2; i += 1) {
      await appTester(op('triggers', 'reply_received').performUnsubscribe, { authData: authFor('mailshake'), subscribeData: sub } as never);
    }
    expect(api.mock.log.filter((l) => l.path === '/push/delete').map((l) => l.status)).toEqual([200, 404]);
  });

  it('the mock’s 30 requests / min (an approximation of the hourly quota): the 31st of a burst is a ThrottledError (limit_reached)', async () => {
    await start();
    const { requests } = mailshakeMock.rateLimit;
    const calls = Array.from({ length: requests + 1 }, () =>
      appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mailshake'), meta: { page: 0 } } as never).catch((e) => e),
    );
    const results = await Promise.all(calls);
    const throttled = results.filter((r) => r instanceof Error && r.name === 'ThrottledError');
    expect(throttled).toHaveLength(1);
    expect(JSON.parse((throttled[0] as Error).message)).toMatchObject({ delay: expect.any(Number) });
    expect(messageOf(throttled[0])).toMatch(/limit_reached/);
    expect(api.mock.log.filter((l) => l.status === 429)).toHaveLength(1);
  });
});
