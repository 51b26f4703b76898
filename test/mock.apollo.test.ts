import { useMockApi } from './support/mockApi';
import { apolloMock } from '../dev/mock/apollo';
import { ActionOutcome } from '../src/model/lead';
import { App, appTester, authFor, messageOf, op } from './support/app';

/**
 * Apollo actions and polling triggers, run offline through the real app against the local mock of
 * its API (what `sales-connect mock` serves), base URL pointed at it with SALES_CONNECT_APOLLO_BASE_URL.
 * Apollo has no webhooks, so there is no subscribe / unsubscribe here.
 */
const api = useMockApi('apollo');
const { start, run } = api;
const auth = { authData: authFor('apollo') };
const Q2 = '66e9e215ece19801b219997f';
const WEBINAR = '66e9e215ece19801b2199980';
const MAILBOX = '6633baaece5fbd01c791d7ca';

describe('Apollo against its mock', () => {
  it('enroll → find → enroll again → other sequence → stop → stop again; unsubscribed contact skipped', async () => {
    await start();
    const lead = { campaign_id: Q2, mailbox_id: MAILBOX, email: 'Ann@example.com', first_name: 'Ann', company: 'Acme' };
    expect(ActionOutcome.parse(await run('creates', 'enroll_lead', lead))).toMatchObject({
      outcome: 'enrolled',
      campaign: { id: Q2, name: 'Q2 outbound' },
      lead: { campaigns: [{ id: Q2, status: 'active' }] },
    });
    expect(await run('searches', 'find_lead', { email: 'ANN@example.com' })).toMatchObject([
      { email: 'ann@example.com', first_name: 'Ann', company: 'Acme', unsubscribed: false, campaigns: [{ id: Q2, status: 'active' }] },
    ]);
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'already_enrolled' });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: WEBINAR })).toMatchObject({ outcome: 'skipped_in_other_campaign' });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [{ id: Q2, status: 'paused' }],
    });
    expect(await run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'already_stopped' });
    expect(await run('creates', 'enroll_lead', { ...lead, email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(await run('creates', 'stop_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found' });
    expect(api.mock.log.every((l) => l.status < 400)).toBe(true);
    // One contact: every write went through run_dedupe.
    expect(((await run('searches', 'find_lead', { email: 'ann@example.com' })) as unknown[]).length).toBe(1);
  });

  it('finished elsewhere → previously contacted; re_enroll adds it; mark_finished then remove', async () => {
    await start();
    const lead = { campaign_id: Q2, mailbox_id: MAILBOX, email: 'bo@example.com' };
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'bo@example.com', campaign_id: Q2, mode: 'mark_finished' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: WEBINAR })).toMatchObject({ outcome: 'skipped_previously_contacted' });
    expect(await run('creates', 'enroll_lead', { ...lead, campaign_id: WEBINAR, if_previously_contacted: 're_enroll' })).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'bo@example.com', mode: 'remove' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('creates', 'stop_sequence', { email: 'bo@example.com', mode: 'remove' })).toMatchObject({ outcome: 'already_stopped' });
  });

  it('a contact finished in this very sequence: re_enroll cannot re-add it in Apollo → skipped_previously_contacted, saying why', async () => {
    await start();
    const lead = { campaign_id: Q2, mailbox_id: MAILBOX, email: 'flo@example.com' };
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'enrolled' });
    expect(await run('creates', 'stop_sequence', { email: 'flo@example.com', campaign_id: Q2, mode: 'mark_finished' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('creates', 'enroll_lead', lead)).toMatchObject({ outcome: 'skipped_previously_contacted' });
    const again = (await run('creates', 'enroll_lead', { ...lead, if_previously_contacted: 're_enroll', if_already_enrolled: 'error' })) as {
      outcome: string;
      detail: string;
    };
    expect(again.outcome).toBe('skipped_previously_contacted');
    expect(again.detail).toMatch(/it was in this sequence before \(status: finished\), and Apollo’s API has no option to re-add a contact/);
  });

  it('never enrolls (or claims to create) a namesake that Apollo’s dedupe matched by name + company', async () => {
    await start();
    // The mock holds Gina Larkin of Acme Corp as gina.larkin@acme.example; a new address for the same name and company
    // is matched by run_dedupe, which overwrites that contact's email (as Apollo documents).
    const lead = { campaign_id: Q2, mailbox_id: MAILBOX, email: 'gina@newjob.example', first_name: 'Gina', last_name: 'Larkin', company: 'Acme Corp' };
    const err = await run('creates', 'enroll_lead', lead).catch((e) => e);
    expect(messageOf(err)).toMatch(
      /Apollo did not create a contact for gina@newjob\.example: its duplicate check \(run_dedupe\) returned an existing contact — Gina Larkin, Acme Corp \(id 66e34b81740c50074e3d0002, created 2024-11-05T09:00:00\.000Z\).*Nothing was enrolled/,
    );
    expect(api.mock.log.some((l) => l.path.includes('add_contact_ids'))).toBe(false);
    const created = await run('creates', 'create_lead', { ...lead, email: 'gina@thirdjob.example' }).catch((e) => e);
    expect(messageOf(created)).toMatch(/Apollo did not create a contact for gina@thirdjob\.example: .*No contact was created\./);
  });

  it('Create Lead: a known email is updated by id (PATCH), Custom Fields are stored under Apollo’s field ids, unknown names refused', async () => {
    await start();
    expect(await run('creates', 'create_lead', { email: 'hal@example.com', first_name: 'Hal' })).toMatchObject({ first_name: 'Hal' });
    expect(
      await run('creates', 'create_lead', {
        email: 'hal@example.com',
        title: 'CTO',
        custom_fields: { 'lead source': 'referrals', 'Favourite Snack': 'Crisps' },
      }),
    ).toMatchObject({ first_name: 'Hal', title: 'CTO' });
    expect(api.mock.log.filter((l) => l.method === 'PATCH').map((l) => l.status)).toEqual([200]);
    const res = await fetch(`${api.mock.env.SALES_CONNECT_APOLLO_BASE_URL}/contacts/search`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ q_keywords: 'hal@example.com' }),
    });
    expect(((await res.json()) as { contacts: unknown[] }).contacts).toMatchObject([
      { typed_custom_fields: { '6462b86c1a511900a3f3a30d': '6462b86c1a511900a3f3a312', '66f1a0c2b3d4e5f601234567': 'Crisps' }, custom_field_errors: null },
    ]);
    const before = api.mock.log.length;
    const err = await run('creates', 'create_lead', { email: 'ivy@example.com', custom_fields: { 'Industry Tier': 'A' } }).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Custom Fields: Apollo has no contact custom field named "Industry Tier"/);
    expect(api.mock.log.slice(before).map((l) => `${l.method} ${l.path}`)).toEqual(['GET /typed_custom_fields']);
  });

  it('an inactive mailbox is refused with Apollo’s 422 text', async () => {
    await start();
    const err = await run('creates', 'enroll_lead', { campaign_id: Q2, mailbox_id: '6633baaece5fbd01c791d7cb', email: 'cy@example.com' }).catch((e) => e);
    expect(messageOf(err)).toMatch(/These mailboxes are no longer active\. old@example\.com/);
  });

  it('add_contact_ids reads its parameters from the query string, as Apollo documents', async () => {
    await start();
    const base = api.mock.env.SALES_CONNECT_APOLLO_BASE_URL as string;
    const res = await fetch(`${base}/emailer_campaigns/${Q2}/add_contact_ids`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ emailer_campaign_id: Q2, contact_ids: ['x'], send_email_from_email_account_id: MAILBOX }),
    });
    expect([res.status, await res.json()]).toEqual([422, { error: 'Please specify a emailer_campaign_id and send_email_from_email_account_id.' }]);
  });

  it('a key that is not a master key gets 403 API_INACCESSIBLE on the sequence endpoints (contacts still work)', async () => {
    await start();
    const lead = { campaign_id: Q2, mailbox_id: MAILBOX, email: 'dee@example.com' };
    const enroll = await run('creates', 'enroll_lead', lead, 'not-master').catch((e) => e);
    expect(messageOf(enroll)).toMatch(
      /Apollo refused access \(403: This API key is not authorized to access api\/v1\/emailer_campaigns\/add_contact_ids\..*master API key/,
    );
    expect(await run('searches', 'find_lead', { email: 'dee@example.com' }, 'not-master')).toMatchObject([{ email: 'dee@example.com', campaigns: [] }]);
    const dropdown = await appTester(op('triggers', 'campaign_list').perform, { authData: authFor('apollo', 'not-master'), meta: { page: 0 } } as never).catch(
      (e) => e,
    );
    expect(messageOf(dropdown)).toMatch(/403: This API key is not authorized to access api\/v1\/emailer_campaigns\/search/);
    const res = await fetch(`${api.mock.env.SALES_CONNECT_APOLLO_BASE_URL}/email_accounts`, { headers: { 'x-api-key': 'not-master' } });
    expect(await res.json()).toMatchObject({ error_code: 'API_INACCESSIBLE' });
  });

  it('auth test (users/api_profile), the sequence and mailbox dropdowns', async () => {
    await start();
    expect(await appTester(App.authentication.test as never, auth as never)).toEqual({ tool_label: 'Apollo', account: 'rep@example.com' });
    expect(await appTester(op('triggers', 'campaign_list').perform, { ...auth, meta: { page: 0 } } as never)).toEqual([
      { id: Q2, name: 'Q2 outbound' },
      { id: WEBINAR, name: 'Webinar follow-up' },
      { id: '66e9e215ece19801b2199981', name: 'Old nurture (archived)' },
    ]);
    expect(await appTester(op('triggers', 'mailbox_list').perform, auth as never)).toEqual([
      { id: MAILBOX, name: 'rep@example.com' },
      { id: '6633baaece5fbd01c791d7cb', name: 'old@example.com (inactive)' },
    ]);
  });

  it('polling triggers read the emailer message search (replies, interested, bounces)', async () => {
    await start();
    const poll = async (key: string, inputData: Record<string, unknown> = {}) =>
      ((await appTester(op('triggers', key).perform, { ...auth, inputData } as never)) as { id: string }[]).map((e) => e.id);
    expect(await poll('reply_received_polling')).toEqual(['apollo:reply_received:684b2203a2ce950021cb0001']);
    expect(await poll('lead_interested_polling', { interested_categories: 'Interested' })).toEqual(['apollo:lead_interested:684b2203a2ce950021cb0001']);
    expect(await poll('email_bounced_polling', { campaign_id: WEBINAR })).toEqual(['apollo:email_bounced:684b2203a2ce950021cb0002']);
    expect(await poll('email_bounced_polling', { campaign_id: Q2 })).toEqual([]);
    expect(await poll('lead_unsubscribed_polling')).toEqual([]);
  });

  it('a revoked key → reconnect message (Apollo’s 401 is text/plain)', async () => {
    await start();
    const err = (await run('searches', 'find_lead', { email: 'x@example.com' }, 'revoked').catch((e) => e)) as Error;
    expect(err.name).toBe('ExpiredAuthError');
    expect(messageOf(err)).toMatch(/Apollo rejected the API key \(401: The API key was revoked\)/);
  });

  it(`the mock enforces Apollo’s ~${apolloMock.rateLimit.requests} requests / minute: the extra request surfaces as ThrottledError with Apollo’s {message}`, async () => {
    await start();
    const throttled = await api.expectRateLimitSurfaced();
    expect(messageOf(throttled)).toMatch(/Apollo rate limit reached .*: Rate limit of 200 requests per 60 s exceeded/);
  });
});

describe('Apollo Sequence Finished against its mock', () => {
  it('lists the contact that completed the last step, not the one who replied, one finished by hand, nor a finish older than 7 days', async () => {
    await start();
    const poll = () =>
      appTester(op('triggers', 'sequence_finished_polling').perform, { ...auth, inputData: {} } as never) as Promise<
        { event: string; lead: { email: string }; campaign: { id: string }; category: string }[]
      >;
    expect((await poll()).map((e) => [e.event, e.lead.email, e.campaign.id, e.category])).toEqual([
      ['sequence_finished', 'fay.finch@example.com', Q2, 'finished'],
    ]);

    // Enrol someone, then finish them by hand (Stop Sequence, mark_finished): Apollo says "manually finished", not a completed sequence.
    expect(await run('creates', 'enroll_lead', { campaign_id: Q2, mailbox_id: MAILBOX, email: 'hand@example.com', first_name: 'Hank' })).toMatchObject({
      outcome: 'enrolled',
    });
    expect(await run('creates', 'stop_sequence', { email: 'hand@example.com', campaign_id: Q2, mode: 'mark_finished' })).toMatchObject({ outcome: 'stopped' });
    expect(await run('searches', 'find_lead', { email: 'hand@example.com' })).toMatchObject([{ campaigns: [{ id: Q2, status: 'finished' }] }]);
    expect((await poll()).map((e) => e.lead.email)).toEqual(['fay.finch@example.com']);
  });

  it('Resume Sequence is refused with the reason before any call reaches the mock', async () => {
    await start();
    const err = await run('creates', 'resume_sequence', { email: 'fay.finch@example.com', campaign_id: Q2 }).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Resume Sequence is not available for Apollo: /);
    expect(api.mock.log).toEqual([]);
  });
});
