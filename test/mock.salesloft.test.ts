import { useMockApi } from './support/mockApi';
import { salesloftMock } from '../dev/mock/salesloft';
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
    expect(ActionOutcome.parse(await run('creates', 'enroll_lead', lead))).toMatchObject({
      outcome: 'enrolled',
      lead: { campaigns: [{ id: '77', status: 'staged' }] },
    });
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
    expect(api.mock.log.slice(-2).map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual([
      'POST /v2/cadence_memberships 422',
      'GET /v2/cadence_memberships 200',
    ]);
  });

  it('re-enrolled after a removal: the ended membership listed first does not hide the current one (already_enrolled)', async () => {
    await start();
    const lead = { campaign_id: '77', email: 'dot@example.com' };
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'dot@example.com', mode: 'remove' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('creates', 'enroll_lead', { ...lead, if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' })).toMatchObject({
      outcome: 'enrolled',
    });
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'dot@example.com', campaign_id: '77', mode: 'remove' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('creates', 'stop_sequence', { email: 'dot@example.com', campaign_id: '77', mode: 'remove' })).toMatchObject({
      outcome: 'already_stopped',
    });
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
    const replies = (await appTester(op('triggers', 'reply_received_polling').perform, { ...auth, inputData: { campaign_id: '77' } } as never)) as {
      id: string;
    }[];
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

describe('Salesloft lifecycle against its mock', () => {
  type Ev = { id: string; event: string; lead: { email: string | null }; campaign: { id: string } | null; category: string | null };
  const poll = (key: string, inputData: Record<string, unknown> = {}) =>
    appTester(op('triggers', key).perform, { ...auth, inputData } as never) as Promise<Ev[]>;

  it('Sequence Finished: the membership completed without a reply, not the one who replied, the removed one or a month-old finish; a stop (remove) never finishes', async () => {
    await start();
    expect((await poll('sequence_finished_polling')).map((e) => [e.event, e.lead.email, e.campaign?.id, e.category])).toEqual([
      ['sequence_finished', 'finn@example.com', '77', 'completed'],
    ]);
    expect(await poll('sequence_finished_polling', { campaign_id: '78' })).toEqual([]);
    expect(await run('creates', 'enroll_lead', { campaign_id: '78', email: 'stopme@example.com' })).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'stopme@example.com', campaign_id: '78', mode: 'remove' })).toMatchObject({ outcome: 'stopped' });
    expect((await poll('sequence_finished_polling')).map((e) => e.lead.email)).toEqual(['finn@example.com']);
  });

  it('Meeting Canceled: the meeting canceled yesterday (a deleted calendar event), from the polling list and the editor sample', async () => {
    await start();
    const ids = async (key: string, fn: 'perform' | 'performList') =>
      ((await appTester(op('triggers', key)[fn], { ...auth, inputData: {} } as never)) as Ev[]).map((e) => [e.id, e.lead.email, e.campaign?.id]);
    expect(await ids('meeting_canceled_polling', 'perform')).toEqual([['salesloft:meeting_canceled:1004', 'cy@example.com', '78']]);
    expect(await ids('meeting_canceled', 'performList')).toEqual([['salesloft:meeting_canceled:1004', 'cy@example.com', '78']]);
  });

  it('Meeting Canceled subscribes meeting_updated', async () => {
    await start();
    const sub = (await appTester(op('triggers', 'meeting_canceled').performSubscribe, { ...auth, inputData: {}, targetUrl: TARGET } as never)) as {
      id: string;
    };
    expect(api.mock.log.filter((l) => l.method === 'POST').map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual(['POST /v2/webhook_subscriptions 200']);
    const listed = (await (
      await fetch(`${api.mock.env.SALES_CONNECT_SALESLOFT_BASE_URL}/v2/webhook_subscriptions/${sub.id}`, {
        headers: { authorization: 'Bearer test-salesloft-key' },
      })
    ).json()) as { data: { event_type: string } };
    expect(listed.data.event_type).toBe('meeting_updated');
  });
});
