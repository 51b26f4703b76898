import { useMockApi } from './support/mockApi';
import { salesloftMock } from '../src/harness/mock/salesloft';
import { ActionOutcome } from '../src/model/lead';
import { App, appTester, authFor, messageOf, op } from './support/app';

/**
 * Salesloft actions and triggers, run offline through the real app against the local mock of its
 * API (what `sales-connect mock` serves), base URL pointed at it with SALES_CONNECT_SALESLOFT_BASE_URL.
 * Salesloft can only remove a person from a cadence, so every stop here is mode `remove`.
 */
const api = useMockApi('salesloft');
const { start, run } = api;
const auth = { authData: authFor('salesloft') };
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc';

describe('Salesloft against its mock', () => {
  it('enroll → find → enroll again → other cadence → stop → stop again; do-not-contact skipped', async () => {
    await start();
    const lead = { campaign_id: '77', email: 'ann@example.com', first_name: 'Ann', company: 'Acme' };
    expect(ActionOutcome.parse(await run('creates', 'enroll_lead', lead))).toMatchObject({ outcome: 'enrolled', lead: { campaigns: [{ id: '77', status: 'staged' }] } });
    expect(await run('searches', 'find_lead', { email: 'ANN@example.com' })).toMatchObject([
      { email: 'ann@example.com', first_name: 'Ann', company: 'Acme', unsubscribed: false, campaigns: [{ id: '77', status: 'staged' }] },
    ]);
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: '78' })).toMatchObject({ outcome: 'skipped_in_other_campaign' });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com', mode: 'remove' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: '77', status: 'removed' }],
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com', mode: 'remove' })).toMatchObject({ outcome: 'already_stopped' });
    // The removed membership stays in Salesloft's history: a later enrolment is "previously contacted".
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'skipped_previously_contacted' });
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(await run('creates', 'stop_sequence', { email: 'nobody@example.com', mode: 'remove' })).toMatchObject({ outcome: 'not_found' });
    expect(api.mock.log.every((l) => l.status < 400)).toBe(true);
  });

  it('pause is refused before any call (Salesloft stop is remove only)', async () => {
    await start();
    const err = await run('creates', 'stop_sequence', { email: 'ann@example.com', mode: 'pause' }).catch((e) => e);
    expect(messageOf(err)).toMatch(/Mode "pause" is not available for Salesloft: choose remove/);
    expect(api.mock.log).toEqual([]);
  });

  it('with both permissive policies the "already on cadence" 422 becomes already_enrolled', async () => {
    await start();
    const lead = { campaign_id: '77', email: 'cy@example.com', if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' };
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    expect(api.mock.log.filter((l) => l.status === 422)).toHaveLength(1);
    // The 422 alone decides nothing: Salesloft is asked whether the person is on the cadence now.
    expect(api.mock.log.slice(-2).map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual(['POST /v2/cadence_memberships 422', 'GET /v2/cadence_memberships 200']);
  });

  it('re-enrolled after a removal: the ended membership listed first does not hide the current one (already_enrolled)', async () => {
    await start();
    const lead = { campaign_id: '77', email: 'dot@example.com' };
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'dot@example.com', mode: 'remove' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('creates', 'enroll_lead', { ...lead, if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' })).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'dot@example.com', campaign_id: '77', mode: 'remove' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('creates', 'stop_sequence', { email: 'dot@example.com', campaign_id: '77', mode: 'remove' })).toMatchObject({ outcome: 'already_stopped' });
  });

  it('auth test (GET /v2/me) and the cadence dropdown', async () => {
    await start();
    expect(await appTester(App.authentication.test as never, auth as never)).toEqual({ tool_label: 'Salesloft', account: 'rep@example.com' });
    expect(await appTester(op('triggers', 'campaign_list').perform, { ...auth, meta: { page: 0 } } as never)).toEqual([
      { id: '77', name: 'Q2 outbound' },
      { id: '78', name: 'Webinar follow-up' },
      { id: '79', name: 'Old nurture (archived)' },
    ]);
  });

  it('subscribes meeting_booked and unsubscribes it; a second delete is a 404 the app accepts', async () => {
    await start();
    const sub = (await appTester(op('triggers', 'meeting_booked').performSubscribe, { ...auth, inputData: {}, targetUrl: TARGET } as never)) as {
      id: string;
      secret: string;
    };
    expect(sub).toMatchObject({ tool: 'salesloft', id: expect.any(String), secret: expect.any(String) });
    const unsubscribe = () => appTester(op('triggers', 'meeting_booked').performUnsubscribe, { ...auth, subscribeData: sub } as never);
    await unsubscribe();
    await unsubscribe();
    expect(api.mock.log.map((l) => `${l.method} ${l.status}`)).toEqual(['POST 200', 'DELETE 204', 'DELETE 404']);
  });

  it('recent items: booked meetings, replied and bounced emails of the last 7 days (a month-old reply is outside the window)', async () => {
    await start();
    const meetings = (await appTester(op('triggers', 'meeting_booked').performList, { ...auth, inputData: {} } as never)) as { id: string }[];
    expect(meetings.map((e) => e.id)).toEqual(['salesloft:meeting_booked:1001']);
    const replies = (await appTester(op('triggers', 'reply_received_polling').perform, { ...auth, inputData: { campaign_id: '77' } } as never)) as { id: string }[];
    expect(replies.map((e) => e.id)).toEqual(['salesloft:reply_received:2001']);
    const bounces = (await appTester(op('triggers', 'email_bounced_polling').perform, { ...auth, inputData: {} } as never)) as { id: string }[];
    expect(bounces).toMatchObject([{ id: 'salesloft:email_bounced:2002', lead: { email: 'gone@example.com' } }]);
  });

  it('a revoked key → reconnect message', async () => {
    await start();
    const err = (await run('searches', 'find_lead', { email: 'x@example.com' }, 'revoked').catch((e) => e)) as Error;
    expect(err.name).toBe('ExpiredAuthError');
  });

  it(`the mock enforces Salesloft’s ${salesloftMock.rateLimit.requests} requests / minute: the extra request surfaces as ThrottledError`, async () => {
    await start();
    await api.expectRateLimitSurfaced();
  });
});
