import { useMockApi } from './support/mockApi';
import { replyioMock } from '../dev/mock/replyio';
import { ActionOutcome } from '../src/model/lead';
import { App, appTester, authFor, messageOf, op } from './support/app';

/**
 * Reply.io actions and triggers, run offline through the real app against the local mock of its
 * API (what `sales-connect mock` serves), base URL pointed at it with SALES_CONNECT_REPLYIO_BASE_URL.
 */
const api = useMockApi('replyio');
const { start, run } = api;
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc';

describe('Reply.io against its mock', () => {
  it('enroll → find → enroll again → other sequence → stop → stop again; opted-out contact skipped', async () => {
    await start();
    const lead = { campaign_id: '51155', email: 'ann@example.com', first_name: 'Ann', custom_fields: { Industry: 'SaaS' } };
    expect(ActionOutcome.parse(await run('creates', 'enroll_lead', lead)).outcome).toBe('enrolled');
    expect(await run('searches', 'find_lead', { email: 'ANN@example.com' })).toMatchObject([
      { email: 'ann@example.com', first_name: 'Ann', unsubscribed: false, campaigns: [{ id: '51155', name: 'Q2 outbound', status: 'active' }] },
    ]);
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled', campaign: { id: '51155', name: 'Q2 outbound' } });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: '51156' })).toMatchObject({ outcome: 'skipped_in_other_campaign' });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: '51155', status: 'paused' }],
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(await run('creates', 'stop_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found' });
    // Each call went out with the header Reply.io takes for its path (the mock answers 401 otherwise),
    // and none used the throttled /v1/stats/person (one request per 10 s).
    expect(api.mock.log.every((l) => l.status < 400 || (l.status === 404 && l.path === '/v1/people'))).toBe(true);
    expect(api.mock.log.filter((l) => l.path === '/v1/stats/person')).toEqual([]);
  });

  it('moves a contact with "add anyway", then marks it finished and removes it', async () => {
    await start();
    // Reply.io's POST /v1/people requires firstName, so the form requires First Name.
    const lead = { campaign_id: '51155', email: 'bo@example.com', first_name: 'Bo' };
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'enrolled' });
    // "Add anyway" moves the contact: the outcome names the sequence it left.
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: '51156', if_in_other_campaign: 'add_anyway' })).toMatchObject({
      outcome: 'enrolled',
      affected_campaigns: [{ id: '51155', name: 'Q2 outbound', status: 'removed' }],
      detail: expect.stringMatching(/moved bo@example.com out of sequence "Q2 outbound"/),
    });
    expect(await run('searches', 'find_lead', { email: 'bo@example.com' })).toMatchObject([{ campaigns: [{ id: '51156', status: 'active' }] }]);
    expect(await run('creates', 'stop_sequence', { email: 'bo@example.com', campaign_id: '51156', mode: 'mark_finished' })).toMatchObject({
      outcome: 'stopped',
    });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: '51156' })).toMatchObject({ outcome: 'skipped_previously_contacted' });
    // Only a finished membership: remove has nothing to stop (and leaves the history alone).
    expect(await run('creates', 'stop_sequence', { email: 'bo@example.com', mode: 'remove' })).toMatchObject({ outcome: 'already_stopped' });
    // Running again in 51155: remove (all sequences) takes it out of 51155 only.
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'bo@example.com', mode: 'remove' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: '51155', status: 'removed' }],
    });
    expect(await run('searches', 'find_lead', { email: 'bo@example.com' })).toMatchObject([{ campaigns: [{ id: '51156', status: 'finished' }] }]);
    // The same stop again — all sequences, or the one it was removed from — is already_stopped, not not_found.
    expect(await run('creates', 'stop_sequence', { email: 'bo@example.com', mode: 'remove' })).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('creates', 'stop_sequence', { email: 'bo@example.com', campaign_id: '51155', mode: 'remove' })).toMatchObject({
      outcome: 'already_stopped',
    });
    expect(api.mock.log.filter((l) => l.path === '/v1/actions/removepersonfromallcampaigns')).toEqual([]);
  });

  it('a lead without First Name is refused before any request (POST /v1/people requires firstName)', async () => {
    await start();
    const err = await run('creates', 'enroll_lead', { campaign_id: '51155', email: 'cy@example.com' }).catch((e) => e);
    expect(messageOf(err)).toMatch(/^First Name is required for Reply.io/);
    expect(await run('creates', 'create_lead', { email: 'cy@example.com' }).catch((e) => messageOf(e))).toMatch(/^First Name is required for Reply.io/);
    expect(api.mock.log).toEqual([]);
  });

  it('the mock throttles /v1/stats/person to one request per 10 s, as the legacy docs say', async () => {
    await start();
    const stats = () =>
      fetch(`${api.mock.env.SALES_CONNECT_REPLYIO_BASE_URL}/v1/stats/person?email=unsubscribed@example.com`, { headers: { 'x-api-key': 'test-replyio-key' } });
    expect((await stats()).status).toBe(200);
    const second = await stats();
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('auth test (v3 whoami, Bearer) and the sequence dropdown (v1, X-Api-Key)', async () => {
    await start();
    expect(await appTester(App.authentication.test as never, { authData: authFor('replyio') } as never)).toEqual({
      tool_label: 'Reply.io',
      account: 'mock.user@example.com',
    });
    expect(await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('replyio'), meta: { page: 0 } } as never)).toEqual([
      { id: '51155', name: 'Q2 outbound' },
      { id: '51156', name: 'Re-engage' },
    ]);
  });

  it('the wrong header for the path is a 401, as Reply.io answers it', async () => {
    await start();
    const base = api.mock.env.SALES_CONNECT_REPLYIO_BASE_URL as string;
    const v3 = await fetch(`${base}/v3/whoami`, { headers: { 'X-Api-Key': 'k' } });
    expect([v3.status, v3.headers.get('www-authenticate'), await v3.text()]).toEqual([401, 'Bearer', '']);
    const v1 = await fetch(`${base}/v1/campaigns`, { headers: { Authorization: 'Bearer k' } });
    expect(v1.status).toBe(401);
  });

  it('subscribes a Team webhook and unsubscribes it; a second delete is a 404 the app accepts', async () => {
    await start();
    const sub = (await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('replyio'),
      inputData: {},
      targetUrl: TARGET,
    } as never)) as { id: string; event_type: string };
    expect(sub).toMatchObject({ tool: 'replyio', id: expect.any(String), event_type: 'email_replied' });
    const unsubscribe = () => appTester(op('triggers', 'reply_received').performUnsubscribe, { authData: authFor('replyio'), subscribeData: sub } as never);
    await unsubscribe();
    await unsubscribe();
    expect(api.mock.log.filter((l) => l.path.startsWith('/v3/webhooks')).map((l) => `${l.method} ${l.status}`)).toEqual([
      'POST 201',
      'DELETE 204',
      'DELETE 404',
    ]);
  });

  it('a revoked key → reconnect message', async () => {
    await start();
    const err = (await run('searches', 'find_lead', { email: 'x@example.com' }, 'revoked').catch((e) => e)) as Error;
    expect(err.name).toBe('ExpiredAuthError');
  });

  it(`the mock's chosen limit (${replyioMock.rateLimit.requests} / ${replyioMock.rateLimit.windowMs / 1000} s, Reply.io documents no throttling): the extra request surfaces as ThrottledError`, async () => {
    await start();
    const throttled = await api.expectRateLimitSurfaced();
    expect(messageOf(throttled)).toMatch(/Reply.io rate limit reached/);
  });
});
