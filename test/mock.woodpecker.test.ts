import { useMockApi } from './support/mockApi';
import { woodpeckerMock } from '../dev/mock/woodpecker';
import { ActionOutcome } from '../src/model/lead';
import { App, appTester, authFor, messageOf, op } from './support/app';

/**
 * Woodpecker actions and triggers run offline against its local mock, through the real app
 * (SALES_CONNECT_WOODPECKER_BASE_URL pointed at the mock).
 */
const api = useMockApi('woodpecker', { latencyMs: 200 });
const start = (latencyMs = 200) => api.start({ latencyMs });
const { run } = api;
/**
 * Woodpecker serves one request at a time; the mock approximates that as a per-second window. A
 * local mock answers in about a millisecond, so the sequential tests add 200 ms per answer (a
 * realistic API latency) to stay, like a sequential client of the real API, under the limit.
 */
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc/';

describe('Woodpecker against its mock', () => {
  it('enroll → find → enroll again → other campaign → stop → stop again → unsubscribed', async () => {
    await start();
    const lead = { campaign_id: '1201', email: 'ann@example.com', first_name: 'Ann', company: 'Acme' };
    expect(ActionOutcome.parse(await run('creates', 'enroll_lead', lead))).toMatchObject({ outcome: 'enrolled', campaign: { id: '1201' } });
    expect(await run('searches', 'find_lead', { email: 'ANN@example.com' })).toMatchObject([
      { email: 'ann@example.com', first_name: 'Ann', company: 'Acme', unsubscribed: false, campaigns: [{ id: '1201', name: 'Q2 outbound', status: 'ACTIVE' }] },
    ]);
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled', campaign: { name: 'Q2 outbound' } });
    // With the lookup skipped (add anyway), Woodpecker itself reports the duplicate.
    expect(await run('creates', 'enroll_lead', { ...lead, if_in_other_campaign: 'add_anyway' })).toMatchObject({ outcome: 'already_enrolled' });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: '1202' })).toMatchObject({ outcome: 'skipped_in_other_campaign' });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: '1201', status: 'PAUSED' }],
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('searches', 'find_lead', { email: 'ann@example.com' })).toMatchObject([{ campaigns: [{ id: '1201', status: 'PAUSED' }] }]);
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    // Without the lookup: Woodpecker refuses the blacklisted prospect (E_INV_STATUS) and is never forced.
    expect(
      await run('creates', 'enroll_lead', {
        ...lead,
        email: 'unsubscribed@example.com',
        if_in_other_campaign: 'add_anyway',
        if_previously_contacted: 're_enroll',
      }),
    ).toMatchObject({ outcome: 'skipped_unsubscribed' });
    // A prospect who replied is previously contacted; re-enroll forces it in.
    const rita = { campaign_id: '1202', email: 'rita@replied.example.com', if_in_other_campaign: 'add_anyway' };
    expect(await run('creates', 'enroll_lead', rita)).toMatchObject({ outcome: 'skipped_previously_contacted' });
    expect(await run('creates', 'enroll_lead', { ...rita, if_previously_contacted: 're_enroll' })).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found' });
    expect(api.mock.log.every((l) => l.status < 500)).toBe(true);
  });

  it('stop pauses an AUTOREPLIED prospect (Woodpecker keeps sending follow-ups) and leaves its global status alone', async () => {
    await start();
    const otto = { email: 'otto@autoreplied.example.com' };
    expect(await run('creates', 'stop_sequence', otto)).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: '1201', status: 'PAUSED' }] });
    expect(await run('creates', 'stop_sequence', otto)).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('searches', 'find_lead', otto)).toMatchObject([{ unsubscribed: false, campaigns: [{ id: '1201', status: 'PAUSED' }] }]);
    // A known prospect and a campaign it is not in: already stopped, not not_found.
    expect(await run('creates', 'stop_sequence', { ...otto, campaign_id: '1202' })).toMatchObject({ outcome: 'already_stopped' });
    const res = await fetch(`${api.mock.env.SALES_CONNECT_WOODPECKER_BASE_URL}/v1/prospects?search=email=otto@autoreplied.example.com`, {
      headers: { 'x-api-key': 'test-woodpecker-key' },
    });
    expect(((await res.json()) as { status: string }[])[0]?.status).toBe('AUTOREPLIED');
    expect(api.mock.log.every((l) => l.status < 400)).toBe(true);
  });

  it('creates and updates in the global prospect list', async () => {
    await start();
    expect(await run('creates', 'create_lead', { email: 'bo@example.com', first_name: 'Bo' })).toMatchObject({ created: true, email: 'bo@example.com' });
    expect(await run('creates', 'create_lead', { email: 'bo@example.com', company: 'Bo Inc' })).toMatchObject({
      created: false,
      first_name: 'Bo',
      company: 'Bo Inc',
    });
    expect(await run('searches', 'find_lead', { email: 'bo@example.com' })).toMatchObject([{ first_name: 'Bo', company: 'Bo Inc', campaigns: [] }]);
  });

  it('an unknown campaign is quoted from Woodpecker (E_RECORD_NOT_FOUND)', async () => {
    await start();
    const err = await run('creates', 'enroll_lead', { campaign_id: '999', email: 'x@example.com', if_in_other_campaign: 'add_anyway' }).catch((e) => e);
    expect(messageOf(err)).toMatch(/Campaign not found \(E_RECORD_NOT_FOUND\)/);
  });

  it('auth test, campaign dropdown and recent items', async () => {
    await start();
    expect(await appTester(App.authentication.test as never, { authData: authFor('woodpecker') } as never)).toMatchObject({
      account: 'sam@seller.example.com',
    });
    expect(await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('woodpecker'), meta: { page: 0 } } as never)).toEqual([
      { id: '1201', name: 'Q2 outbound (RUNNING)' },
      { id: '1202', name: 'Webinar follow-up (RUNNING)' },
      { id: '1100', name: 'Last year (COMPLETED)' },
    ]);
    const replies = (await appTester(op('triggers', 'reply_received').performList, { authData: authFor('woodpecker'), inputData: {} } as never)) as {
      lead: { email: string };
    }[];
    expect(replies.map((e) => e.lead.email)).toEqual(['rita@replied.example.com']);
    const unsubscribed = (await appTester(op('triggers', 'lead_unsubscribed').performList, {
      authData: authFor('woodpecker'),
      inputData: { campaign_id: '1100' },
    } as never)) as {
      lead: { email: string };
    }[];
    expect(unsubscribed.map((e) => e.lead.email)).toEqual(['unsubscribed@example.com']);
    // 204 No Content (nothing bounced) → the sample.
    const bounced = (await appTester(op('triggers', 'email_bounced').performList, { authData: authFor('woodpecker'), inputData: {} } as never)) as {
      id: string;
    }[];
    // Nothing bounced yet: no items (Zapier then shows the static sample; nothing invented).
    expect(bounced).toEqual([]);
    const connecting = await appTester(App.authentication.test as never, { authData: authFor('woodpecker', 'revoked') } as never).catch((e) => e);
    expect(messageOf(connecting)).toMatch(/did not accept/);
    const inZap = (await run('searches', 'find_lead', { email: 'x@example.com' }, 'revoked').catch((e) => e)) as Error;
    expect(inZap.name).toBe('ExpiredAuthError');
    expect(inZap.message).toMatch(/The API key was revoked \(E_SESSION\)/);
  });

  it('subscribe up to the limit of 3 per event (a 4th is an error saying how to free a slot) and unsubscribe', async () => {
    await start();
    const subscribeReply = () =>
      appTester(op('triggers', 'reply_received').performSubscribe, { authData: authFor('woodpecker'), inputData: {}, targetUrl: TARGET } as never) as Promise<
        Record<string, string>
      >;
    const sub = await subscribeReply();
    expect(sub).toMatchObject({ tool: 'woodpecker', event: 'prospect_replied' });
    expect(sub.target_url).toMatch(/^https:\/\/hooks\.zapier\.com\/.*sc_secret=/);
    await subscribeReply();
    await subscribeReply();
    // A 4th Zap on the same event: Woodpecker's 409 is the limit, not "already subscribed".
    const fourth = await subscribeReply().catch((e) => e);
    expect(messageOf(fourth)).toMatch(/^Woodpecker allows at most 3 webhook subscriptions per event per account/);
    // Another event still has room.
    expect(
      await appTester(op('triggers', 'email_bounced').performSubscribe, { authData: authFor('woodpecker'), inputData: {}, targetUrl: TARGET } as never),
    ).toMatchObject({
      event: 'prospect_bounced',
    });
    expect(api.mock.log.filter((l) => l.path === '/v1/webhooks/subscribe').map((l) => l.status)).toEqual([201, 201, 201, 409, 201]);
    await appTester(op('triggers', 'reply_received').performUnsubscribe, { authData: authFor('woodpecker'), subscribeData: sub } as never);
    // Unsubscribing again: Woodpecker answers 404, which the app treats as done.
    await appTester(op('triggers', 'reply_received').performUnsubscribe, { authData: authFor('woodpecker'), subscribeData: sub } as never);
    expect(api.mock.log.filter((l) => l.path === '/v1/webhooks/unsubscribe').map((l) => l.status)).toEqual([200, 404]);
    // The freed slot takes the next Zap.
    expect(await subscribeReply()).toMatchObject({ event: 'prospect_replied' });
  });

  it('the mock approximates Woodpecker’s one-at-a-time queue as 7 requests / s: the 8th of a burst is a ThrottledError', async () => {
    await start(0);
    const { requests } = woodpeckerMock.rateLimit;
    const calls = Array.from({ length: requests + 1 }, () => run('searches', 'find_lead', { email: 'nobody@example.com' }).catch((e) => e));
    const results = await Promise.all(calls);
    const throttled = results.filter((r) => r instanceof Error && r.name === 'ThrottledError');
    expect(throttled).toHaveLength(1);
    expect(JSON.parse((throttled[0] as Error).message)).toMatchObject({ delay: expect.any(Number) });
    expect(messageOf(throttled[0])).toMatch(/E_TOO_MANY_REQUESTS/);
    expect(api.mock.log.filter((l) => l.status === 429)).toHaveLength(1);
  });
});
