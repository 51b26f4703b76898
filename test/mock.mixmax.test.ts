import { MOCKS } from '../dev/mock';
import { useMockApi } from './support/mockApi';
import { mixmaxMock } from '../dev/mock/mixmax';
import { App, appTester, authFor, messageOf, op } from './support/app';

/**
 * Mixmax, run offline through the real app against its local mock (what `sales-connect mock`
 * serves), base URL pointed at it with SALES_CONNECT_MIXMAX_BASE_URL. Mixmax triggers are rules
 * the user creates in Mixmax, so there is no subscribe / unsubscribe to run.
 */
const api = useMockApi('mixmax');
const { start, run } = api;

const ONBOARDING = 'MockSeqOnboarding001';
const WEBINAR = 'MockSeqWebinarFup002';

describe('Mixmax against its mock', () => {
  it('is registered, at Mixmax’s base path /v1', () => {
    expect(MOCKS).toContain(mixmaxMock);
    expect(mixmaxMock.basePath).toBe('/v1');
  });

  it('enroll → find → enroll again → other sequence → stop → stop again → unsubscribed', async () => {
    await start();
    const lead = { campaign_id: ONBOARDING, email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee', company: 'Acme' };
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'enrolled', campaign: { id: ONBOARDING } });
    // The recipient became a contact; Mixmax lists no sequence membership on contacts.
    expect(await run('searches', 'find_lead', { email: 'ANN@example.com' })).toMatchObject([
      { email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee', company: 'Acme', campaigns: [], unsubscribed: null },
    ]);
    // "duplicated" — also for a differently-cased address, because the app lower-cases it
    // (Mixmax matches duplicates case-sensitively).
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'Ann@Example.com' })).toMatchObject({ outcome: 'already_enrolled' });
    // Mixmax reports nothing about other sequences: a second sequence simply enrolls
    // (documented limitation — skipped_in_other_campaign is not something Mixmax tells us).
    // The default skip policies cannot be checked in Mixmax: enrolled, and the detail says they were not applied.
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: WEBINAR })).toMatchObject({
      outcome: 'enrolled',
      campaign: { id: WEBINAR },
      detail: expect.stringMatching(/Not applied: "If in another campaign: skip" and "If previously contacted: skip"/),
    });
    // Cancel answers {recipients: [emails exited]} (documented): listed → stopped; a repeat lists nobody → already_stopped.
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com', campaign_id: ONBOARDING, mode: 'remove' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: ONBOARDING, status: 'cancelled' }],
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com', campaign_id: ONBOARDING, mode: 'remove' })).toMatchObject({
      outcome: 'already_stopped',
      affected_campaigns: [],
    });
    // "duplicated" of someone who finished the sequence: the recipient list says `completed` → previously contacted.
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'finished@example.com' })).toMatchObject({
      outcome: 'skipped_previously_contacted',
      detail: expect.stringMatching(/already finished sequence MockSeqOnboarding001 \(state completed\)/),
    });
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'unsubscribed@example.com' })).toMatchObject({
      outcome: 'skipped_unsubscribed',
      lead: { unsubscribed: true },
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com', campaign_id: 'NoSuchSequence', mode: 'remove' })).toMatchObject({
      outcome: 'not_found',
    });
    expect(api.mock.log.every((l) => l.status < 500)).toBe(true);
  });

  it('the mock’s cancel answers the documented {recipients: [emails exited]}', async () => {
    await start();
    const base = api.mock.env.SALES_CONNECT_MIXMAX_BASE_URL;
    const headers = { 'x-api-token': 'test-mixmax-key', 'content-type': 'application/json' };
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json());
    await post(`/sequences/${ONBOARDING}/recipients`, { recipients: [{ email: 'a@example.com' }, { email: 'b@example.com' }] });
    expect(await post(`/sequences/${ONBOARDING}/cancel`, { emails: ['a@example.com', 'nobody@example.com'] })).toEqual({ recipients: ['a@example.com'] });
    expect(await post(`/sequences/${ONBOARDING}/cancel`, { emails: ['a@example.com'] })).toEqual({ recipients: [] });
    // Without emails: every active recipient.
    expect(await post(`/sequences/${ONBOARDING}/cancel`, {})).toEqual({ recipients: ['b@example.com'] });
  });

  it('the mock matches duplicates case-sensitively, as Mixmax documents (why the app lower-cases)', async () => {
    await start();
    const enroll = (email: string) =>
      fetch(`${api.mock.env.SALES_CONNECT_MIXMAX_BASE_URL}/sequences/${ONBOARDING}/recipients`, {
        method: 'POST',
        headers: { 'x-api-token': 'test-mixmax-key', 'content-type': 'application/json' },
        body: JSON.stringify({ recipients: [{ email }] }),
      }).then((r) => r.json());
    expect(await enroll('kim@example.com')).toEqual({ recipients: [{ email: 'kim@example.com', status: 'success' }] });
    expect(await enroll('kim@example.com')).toEqual({ recipients: [{ email: 'kim@example.com', status: 'duplicated' }] });
    expect(await enroll('Kim@example.com')).toEqual({ recipients: [{ email: 'Kim@example.com', status: 'success' }] });
  });

  it('Create Lead: creates a missing contact, returns an existing one unchanged', async () => {
    await start();
    expect(await run('creates', 'create_lead', { email: 'Hugo@Example.com', first_name: 'Hugo', last_name: 'Brockman' })).toMatchObject({
      created: true,
      email: 'hugo@example.com',
      full_name: 'Hugo Brockman',
    });
    expect(await run('creates', 'create_lead', { email: 'hugo@example.com' })).toMatchObject({ created: false, full_name: 'Hugo Brockman' });
  });

  it('auth test (X-API-Token), sequences dropdown, and no webhook subscription (not one request sent)', async () => {
    await start();
    expect(await appTester(App.authentication.test as never, { authData: authFor('mixmax') } as never)).toEqual({
      tool_label: 'Mixmax',
      account: 'rep@mock-sender.example.com',
    });
    expect(await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('mixmax'), meta: { page: 0 } } as never)).toEqual([
      { id: ONBOARDING, name: 'Onboarding outreach' },
      { id: WEBINAR, name: 'Webinar follow-up' },
    ]);
    const before = api.mock.log.length;
    const err = await appTester(op('triggers', 'reply_received').performSubscribe, {
      authData: authFor('mixmax'),
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/x/',
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Rules/);
    expect(api.mock.log.length).toBe(before);
  });

  it('a revoked token → ExpiredAuthError; errors are { message }', async () => {
    await start();
    const err = (await run('searches', 'find_lead', { email: 'x@example.com' }, 'revoked').catch((e) => e)) as Error;
    expect(err.name).toBe('ExpiredAuthError');
    const res = await fetch(`${api.mock.env.SALES_CONNECT_MIXMAX_BASE_URL}/users/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'missing or invalid API key' });
  });

  it('the mock enforces Mixmax’s 120 requests / minute: the request past the limit surfaces as ThrottledError', async () => {
    await start();
    await api.expectRateLimitSurfaced();
  });
});
