import { MOCKS } from '../dev/mock';
import { useMockApi } from './support/mockApi';
import { lemlistMock } from '../dev/mock/lemlist';
import { ActionOutcome } from '../src/model/lead';
import { App, appTester, authFor, op } from './support/app';

/**
 * lemlist, run offline through the real app against its local mock (what `sales-connect mock`
 * serves), base URL pointed at it with SALES_CONNECT_LEMLIST_BASE_URL.
 */
const api = useMockApi('lemlist');
const { start, run } = api;
const trigger = (key: string, fn: string, bundle: Record<string, unknown>) =>
  appTester(op('triggers', key)[fn] as never, { authData: authFor('lemlist'), ...bundle } as never);
/** A request straight to the mock, as lemlist's own docs show it (`curl --user ":KEY"`). */
const direct = (method: string, path: string) =>
  fetch(`${api.mock.env.SALES_CONNECT_LEMLIST_BASE_URL}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(':test-lemlist-key').toString('base64')}` },
  });

const Q2 = 'cam_MockQ2Outbound0001';
const WEBINAR = 'cam_MockWebinarFup002';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';

describe('lemlist against its mock', () => {
  it('is registered, at lemlist’s base path /api', () => {
    expect(MOCKS).toContain(lemlistMock);
    expect(lemlistMock.basePath).toBe('/api');
  });

  it('enroll → find → enroll again → other campaign → stop → stop again → unsubscribed', async () => {
    await start();
    const lead = { campaign_id: Q2, email: 'ann@example.com', first_name: 'Ann', company: 'Acme' };
    expect(ActionOutcome.parse(await run('creates', 'enroll_lead', lead)).outcome).toBe('enrolled');
    expect(await run('searches', 'find_lead', { email: 'ANN@example.com' })).toMatchObject([
      { email: 'ann@example.com', first_name: 'Ann', company: 'Acme', unsubscribed: false, campaigns: [{ id: Q2, name: 'Q2 outbound', status: 'scanned' }] },
    ]);
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: WEBINAR })).toMatchObject({ outcome: 'skipped_in_other_campaign' });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: Q2, status: 'paused' }],
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(api.mock.log.every((l) => l.status < 500)).toBe(true);
  });

  it('add_anyway enrolls in a second campaign; stop with mode remove deletes the entries (action=remove), never unsubscribes', async () => {
    await start();
    const lead = { campaign_id: Q2, email: 'dan@example.com', first_name: 'Dan' };
    await run('creates', 'enroll_lead', lead);
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: WEBINAR, if_in_other_campaign: 'add_anyway' })).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'dan@example.com', mode: 'remove' })).toMatchObject({ outcome: 'stopped' });
    // Removed, not unsubscribed: no lead entry is left (only the contact, which lemlist keeps).
    expect(await run('searches', 'find_lead', { email: 'dan@example.com' })).toEqual([]);
    expect((await direct('GET', '/leads/dan%40example.com?version=v2')).status).toBe(404);
    expect(await (await direct('GET', '/contacts/dan%40example.com')).json()).toMatchObject({ email: 'dan@example.com', campaigns: [] });
    // Stop is idempotent: the same stop again (any mode, any scope) is already_stopped, not not_found.
    expect(await run('creates', 'stop_sequence', { email: 'dan@example.com', mode: 'remove' })).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('creates', 'stop_sequence', { email: 'dan@example.com', campaign_id: Q2, mode: 'remove' })).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('creates', 'stop_sequence', { email: 'dan@example.com' })).toMatchObject({ outcome: 'already_stopped' });
    // An address lemlist never saw is the only not_found.
    expect(await run('creates', 'stop_sequence', { email: 'nobody@example.com', mode: 'remove' })).toMatchObject({ outcome: 'not_found' });
    expect(api.mock.log.filter((l) => l.method === 'DELETE').every((l) => l.status === 200)).toBe(true);
  });

  it('remove from one campaign, then the same remove again: already_stopped (the lead is still in the other campaign)', async () => {
    await start();
    await run('creates', 'enroll_lead', { campaign_id: Q2, email: 'gus@example.com' });
    await run('creates', 'enroll_lead', { campaign_id: WEBINAR, email: 'gus@example.com', if_in_other_campaign: 'add_anyway' });
    const remove = { email: 'gus@example.com', campaign_id: Q2, mode: 'remove' };
    expect(await run('creates', 'stop_sequence', remove)).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: Q2, status: 'removed' }] });
    expect(await run('creates', 'stop_sequence', remove)).toMatchObject({ outcome: 'already_stopped', lead: { campaigns: [{ id: WEBINAR }] } });
  });

  it('DELETE …/leads/{id} WITHOUT action=remove unsubscribes the lead, as lemlist documents (why the app never sends it)', async () => {
    await start();
    await run('creates', 'enroll_lead', { campaign_id: Q2, email: 'eve@example.com' });
    const [entry] = (await (await direct('GET', '/leads/eve%40example.com?version=v2')).json()) as { _id: string }[];
    const res = await direct('DELETE', `/campaigns/${Q2}/leads/${entry!._id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ _id: entry!._id, campaignId: Q2 });
    // The entry is still there, now unsubscribed — and the app treats the address accordingly.
    expect(await run('searches', 'find_lead', { email: 'eve@example.com' })).toMatchObject([
      { unsubscribed: true, campaigns: [{ id: Q2, status: 'emailsUnsubscribed' }] },
    ]);
    expect(await run('creates', 'enroll_lead', { campaign_id: WEBINAR, email: 'eve@example.com', if_in_other_campaign: 'add_anyway' })).toMatchObject({
      outcome: 'skipped_unsubscribed',
    });
    const unsubscribes = (await (await direct('GET', `/activities?version=v2&type=emailsUnsubscribed&campaignId=${Q2}`)).json()) as { leadEmail: string }[];
    expect(unsubscribes.map((a) => a.leadEmail)).toEqual(['eve@example.com']);
  });

  it('Create Lead: creates in the campaign, then updates the same entry (PATCH)', async () => {
    await start();
    expect(await run('creates', 'create_lead', { campaign_id: Q2, email: 'fay@example.com', first_name: 'Fay' })).toMatchObject({
      created: true,
      email: 'fay@example.com',
    });
    expect(await run('creates', 'create_lead', { campaign_id: Q2, email: 'fay@example.com', title: 'CTO' })).toMatchObject({
      created: false,
      first_name: 'Fay',
      title: 'CTO',
    });
    expect(api.mock.log.filter((l) => l.method === 'PATCH')).toHaveLength(1);
  });

  it('auth test, campaign dropdown (newest first) and recent replies', async () => {
    await start();
    expect(await appTester(App.authentication.test as never, { authData: authFor('lemlist') } as never)).toEqual({
      tool_label: 'lemlist',
      account: 'Mock Sales Team',
    });
    expect(await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('lemlist'), meta: { page: 0 } } as never)).toEqual([
      { id: WEBINAR, name: 'Webinar follow-up (running)' },
      { id: Q2, name: 'Q2 outbound (running)' },
    ]);
    const replies = (await trigger('reply_received', 'performList', { inputData: { campaign_id: Q2 } })) as { id: string; lead: { email: string } }[];
    expect(replies.map((e) => [e.id, e.lead.email])).toEqual([['lemlist:reply_received:act_MockReply00000001', 'bob@example.com']]);
  });

  it('trigger subscribe (campaignId in the query) and unsubscribe; a second unsubscribe finds it gone (404) and succeeds', async () => {
    await start();
    const data = (await trigger('reply_received', 'performSubscribe', { inputData: { campaign_id: Q2 }, targetUrl: TARGET })) as Record<string, string>;
    expect(data).toMatchObject({ tool: 'lemlist', id: expect.stringMatching(/^hoo_/), campaign_id: Q2, secret: expect.any(String) });
    const team = (await (await direct('GET', '/team')).json()) as { hooks: Record<string, unknown>[] };
    expect(team.hooks).toEqual([expect.objectContaining({ _id: data.id, targetUrl: TARGET, type: 'emailsReplied', campaignId: Q2 })]);
    expect(team.hooks[0]).not.toHaveProperty('secret');
    for (let i = 0; i < 2; i += 1) await trigger('reply_received', 'performUnsubscribe', { subscribeData: data });
    expect(api.mock.log.filter((l) => l.method === 'DELETE').map((l) => l.status)).toEqual([200, 404]);
  });

  it('the mock enforces lemlist’s 20 requests / 2 s: the 21st concurrent request surfaces as ThrottledError', async () => {
    await start();
    const results = await Promise.all(Array.from({ length: 21 }, () => run('searches', 'find_lead', { email: 'nobody@example.com' }).catch((e) => e)));
    const throttled = results.filter((r) => r instanceof Error && r.name === 'ThrottledError');
    expect(throttled).toHaveLength(1);
    expect(JSON.parse((throttled[0] as Error).message)).toMatchObject({ delay: expect.any(Number) });
    expect(api.mock.log.filter((l) => l.status === 429)).toHaveLength(1);
  });

  it('a revoked key, or a key not sent as Basic with an empty user, is refused with lemlist’s text/plain 401', async () => {
    await start();
    const err = (await run('searches', 'find_lead', { email: 'x@example.com' }, 'revoked').catch((e) => e)) as Error;
    expect(err.name).toBe('ExpiredAuthError');
    const asUser = await fetch(`${api.mock.env.SALES_CONNECT_LEMLIST_BASE_URL}/team`, {
      headers: { authorization: `Basic ${Buffer.from('test-lemlist-key:').toString('base64')}` },
    });
    expect(asUser.status).toBe(401);
    expect(asUser.headers.get('content-type')).toMatch(/^text\/plain/);
  });
});
