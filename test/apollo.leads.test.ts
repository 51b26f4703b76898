import nock from 'nock';
import { ActionOutcome } from '../src/model/lead';
import { apollo } from '../src/providers/apollo';
import type { EnrollPolicy, EnrollRequest, LeadInput, StopRequest } from '../src/providers/types';
import { expectAllCalled, messageOf, resetNock, runWith } from './support/app';
import { specViolations } from './support/contract';
import { exactly as exactlyAt } from './support/nock';

const ORIGIN = 'https://api.apollo.io';
const KEY = 'test-apollo-key';
const SEQ = '66e9e215ece19801b219997f';
const MAILBOX = '6633baaece5fbd01c791d7ca';
const CONTACT = '66e34b81740c50074e3d1bd4';
const leads = apollo.leads!;

/** See test/apollo.test.ts: recorded requests are validated against Apollo's OpenAPI. */
type Sent = { method: string; path: string; headers: Record<string, string>; body?: unknown };
let sent: Sent[] = [];
const specPath = (uri: string): string => uri.replace(/^\/api\/v1/, '');
const exactly = (pathname: string, pairs: [string, string][]) => exactlyAt(`/api/v1${pathname}`, pairs);
const api = () => nock(ORIGIN, { reqheaders: { 'x-api-key': KEY } });
/** A reply function that records the request, then answers `body`. */
const answer = (method: string, body: unknown) =>
  function (uri: string, reqBody: unknown) {
    sent.push({ method, path: specPath(uri), headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: reqBody || undefined });
    return body as object;
  };
const expectSpecValid = async () => {
  expect(sent.length).toBeGreaterThan(0);
  for (const req of sent) {
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('apollo', req) }).toEqual({ req: `${req.method} ${req.path}`, violations: [] });
  }
};

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(() => nock.cleanAll());

const contact = (over: Record<string, unknown> = {}) => ({
  id: CONTACT,
  first_name: 'Fyodor',
  last_name: 'Dostoevsky',
  name: 'Fyodor Dostoevsky',
  linkedin_url: null,
  title: 'Chief Writer',
  organization_name: 'Apollo.io',
  email: 'fyodor.dostoevsky@apollo.io',
  sanitized_phone: '+15555550117',
  email_unsubscribed: null,
  emailer_campaign_ids: [],
  contact_campaign_statuses: [],
  ...over,
});
const status = (campaignId: string, s: string) => ({
  id: `st-${campaignId}`,
  emailer_campaign_id: campaignId,
  send_from_email_account_id: MAILBOX,
  status: s,
  added_at: '2025-07-16T22:42:57.372+00:00',
  finished_at: null,
});

const input: LeadInput = {
  email: 'Fyodor.Dostoevsky@apollo.io',
  first_name: 'Fyodor',
  last_name: 'Dostoevsky',
  company: 'Apollo.io',
  title: 'Chief Writer',
  phone: null,
  linkedin_url: null,
  custom_fields: {},
};
const policy: EnrollPolicy = { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip' };
const enrollReq = (over: Partial<EnrollRequest> = {}): EnrollRequest => ({ campaign_id: SEQ, lead: input, policy, mailbox_id: MAILBOX, ...over });
const enroll = (req: EnrollRequest) => runWith('apollo', (ctx) => leads.enroll(ctx, req));
const stop = (req: StopRequest) => runWith('apollo', (ctx) => leads.stop(ctx, req));

const expectCreateContact = (reply: unknown) =>
  api()
    .post('/api/v1/contacts', (body) =>
      JSON.stringify(body) ===
      JSON.stringify({ email: 'Fyodor.Dostoevsky@apollo.io', run_dedupe: true, first_name: 'Fyodor', last_name: 'Dostoevsky', organization_name: 'Apollo.io', title: 'Chief Writer' }),
    )
    .reply(200, answer('POST', reply));

const addPath = (active = 'false', finished = 'false'): [string, string][] => [
  ['emailer_campaign_id', SEQ],
  ['contact_ids[]', CONTACT],
  ['send_email_from_email_account_id', MAILBOX],
  ['sequence_active_in_other_campaigns', active],
  ['sequence_finished_in_other_campaigns', finished],
];
const expectAdd = (reply: unknown, active = 'false', finished = 'false') =>
  api()
    .post(exactly(`/emailer_campaigns/${SEQ}/add_contact_ids`, addPath(active, finished)))
    .reply(200, answer('POST', reply));
const campaignInfo = { id: SEQ, name: 'Target Copywriting Clients in Dublin', archived: false, active: true };

describe('Apollo find / create', () => {
  it('finds a contact by exact, case-insensitive email among the keyword matches', async () => {
    api()
      .post('/api/v1/contacts/search', { q_keywords: 'FYODOR.dostoevsky@apollo.io', page: 1, per_page: 100 })
      .reply(200, answer('POST', { contacts: [contact({ id: 'other', email: 'fyodor.dostoevsky@apollo.io.example' }), contact({ contact_campaign_statuses: [status(SEQ, 'active')] })] }));
    const lead = await runWith('apollo', (ctx) => leads.find(ctx, 'FYODOR.dostoevsky@apollo.io'));
    expect(lead).toEqual({
      id: `apollo:${CONTACT}`,
      tool: 'apollo',
      tool_lead_id: CONTACT,
      email: 'fyodor.dostoevsky@apollo.io',
      first_name: 'Fyodor',
      last_name: 'Dostoevsky',
      full_name: 'Fyodor Dostoevsky',
      company: 'Apollo.io',
      title: 'Chief Writer',
      phone: '+15555550117',
      linkedin_url: null,
      unsubscribed: false,
      campaigns: [{ id: SEQ, name: null, status: 'active' }],
    });
    expectAllCalled();
    await expectSpecValid();
  });

  it('returns null when no contact has exactly that email', async () => {
    api().post('/api/v1/contacts/search').reply(200, answer('POST', { contacts: [contact({ email: 'someone.else@apollo.io' })] }));
    expect(await runWith('apollo', (ctx) => leads.find(ctx, 'fyodor.dostoevsky@apollo.io'))).toBeNull();
    expectAllCalled();
  });

  it('creates with run_dedupe: true (created when the search found nobody), never sending empty fields', async () => {
    api().post('/api/v1/contacts/search').reply(200, answer('POST', { contacts: [] }));
    expectCreateContact({ contact: contact() });
    const out = await runWith('apollo', (ctx) => leads.upsert(ctx, input, null));
    expect(out.created).toBe(true);
    expect(out.lead.id).toBe(`apollo:${CONTACT}`);
    expectAllCalled();
    await expectSpecValid();
  });

  it('updates through the same dedupe call when the contact exists (created: false)', async () => {
    api().post('/api/v1/contacts/search').reply(200, answer('POST', { contacts: [contact()] }));
    expectCreateContact({ contact: contact({ title: 'Chief Writer' }) });
    const out = await runWith('apollo', (ctx) => leads.upsert(ctx, input, null));
    expect(out.created).toBe(false);
    expectAllCalled();
  });
});

describe('Apollo enroll', () => {
  it('enrolls: contact upsert + add_contact_ids with the query Apollo documents; outcome from the contact status', async () => {
    expectCreateContact({ contact: contact() });
    expectAdd({
      contacts: [contact({ emailer_campaign_ids: [SEQ], contact_campaign_statuses: [status(SEQ, 'active')] })],
      skipped_contact_ids: {},
      emailer_campaign: campaignInfo,
    });
    const out = ActionOutcome.parse(await enroll(enrollReq()));
    expect(out).toMatchObject({
      outcome: 'enrolled',
      tool: 'apollo',
      campaign: { id: SEQ, name: 'Target Copywriting Clients in Dublin' },
      lead: { id: `apollo:${CONTACT}`, campaigns: [{ id: SEQ, status: 'active' }] },
    });
    expect(out.detail).toMatch(/Added Fyodor\.Dostoevsky@apollo\.io to Apollo sequence "Target Copywriting Clients in Dublin"/);
    expectAllCalled();
    await expectSpecValid();
  });

  it('passes add_anyway / re_enroll as sequence_active / finished_in_other_campaigns=true', async () => {
    expectCreateContact({ contact: contact() });
    expectAdd({ contacts: [contact({ contact_campaign_statuses: [status(SEQ, 'active')] })], skipped_contact_ids: {}, emailer_campaign: campaignInfo }, 'true', 'true');
    const out = await enroll(enrollReq({ policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' } }));
    expect(out.outcome).toBe('enrolled');
    expectAllCalled();
    await expectSpecValid();
  });

  it('already_enrolled without an add call when the contact is live in the sequence', async () => {
    expectCreateContact({ contact: contact({ contact_campaign_statuses: [status(SEQ, 'paused')] }) });
    const out = await enroll(enrollReq());
    expect(out.outcome).toBe('already_enrolled');
    expectAllCalled();
  });

  it('already_enrolled from Apollo’s skip reason; an error when the policy says so', async () => {
    for (const ifAlready of ['skip', 'error'] as const) {
      expectCreateContact({ contact: contact() });
      expectAdd({ contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_already_exists_in_current_campaign' }, emailer_campaign: campaignInfo });
      const run = enroll(enrollReq({ policy: { ...policy, if_already_enrolled: ifAlready } }));
      if (ifAlready === 'skip') expect((await run).outcome).toBe('already_enrolled');
      else expect(messageOf(await run.catch((e) => e))).toMatch(/Fyodor\.Dostoevsky@apollo\.io is already in Apollo sequence Target Copywriting Clients in Dublin/);
    }
    expectAllCalled();
  });

  it('skipped_in_other_campaign / skipped_previously_contacted from the skip reasons', async () => {
    expectCreateContact({ contact: contact() });
    expectAdd({ contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_active_in_other_campaigns' }, emailer_campaign: campaignInfo });
    expect((await enroll(enrollReq())).outcome).toBe('skipped_in_other_campaign');
    expectCreateContact({ contact: contact() });
    expectAdd({ contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_finished_in_other_campaigns' }, emailer_campaign: campaignInfo });
    expect((await enroll(enrollReq())).outcome).toBe('skipped_previously_contacted');
    expectAllCalled();
  });

  it('never says enrolled for another skip reason: the step fails with Apollo’s reason', async () => {
    expectCreateContact({ contact: contact() });
    expectAdd({ contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_unverified_email' }, emailer_campaign: campaignInfo });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/did not add .* no verified email address \(contacts_unverified_email\)/);
    expectAllCalled();
  });

  it('skipped_unsubscribed when Apollo marks the contact unsubscribed (no add call)', async () => {
    expectCreateContact({ contact: contact({ email_unsubscribed: true }) });
    const out = await enroll(enrollReq());
    expect(out).toMatchObject({ outcome: 'skipped_unsubscribed', lead: { unsubscribed: true } });
    expectAllCalled();
  });

  it('requires a sending mailbox before any HTTP call', async () => {
    const err = await enroll(enrollReq({ mailbox_id: null })).catch((e) => e);
    expect(messageOf(err)).toMatch(/Apollo needs a sending mailbox/);
  });

  it('surfaces the 422 for an inactive mailbox in Apollo’s words', async () => {
    expectCreateContact({ contact: contact() });
    api().post(exactly(`/emailer_campaigns/${SEQ}/add_contact_ids`, addPath())).reply(422, { error: 'These mailboxes are no longer active. test@example.com' });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/These mailboxes are no longer active\. test@example\.com/);
    expectAllCalled();
  });

  it('a 403 on add_contact_ids says a master key is needed', async () => {
    expectCreateContact({ contact: contact() });
    api()
      .post(exactly(`/emailer_campaigns/${SEQ}/add_contact_ids`, addPath()))
      .reply(403, {
        error: 'This API key is not authorized to access api/v1/emailer_campaigns/add_contact_ids. Request an API key from your administrator that includes this endpoint in its configured scope.',
        error_code: 'API_INACCESSIBLE',
      });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/master API key/);
    expectAllCalled();
  });
});

describe('Apollo stop', () => {
  const search = (c: unknown) =>
    api().post('/api/v1/contacts/search', { q_keywords: 'fyodor.dostoevsky@apollo.io', page: 1, per_page: 100 }).reply(200, answer('POST', { contacts: c ? [c] : [] }));

  it('pause = mode stop, on the one sequence; lists the affected sequence', async () => {
    search(contact({ contact_campaign_statuses: [status(SEQ, 'active'), status('other', 'active')] }));
    api()
      .post(exactly('/emailer_campaigns/remove_or_stop_contact_ids', [['emailer_campaign_ids[]', SEQ], ['contact_ids[]', CONTACT], ['mode', 'stop']]))
      .reply(200, answer('POST', { contacts: [contact({ contact_campaign_statuses: [status(SEQ, 'paused'), status('other', 'active')] })] }));
    const out = ActionOutcome.parse(await stop({ email: 'fyodor.dostoevsky@apollo.io', campaign_id: SEQ, mode: 'pause' }));
    expect(out).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: SEQ, name: null, status: 'paused' }] });
    expectAllCalled();
    await expectSpecValid();
  });

  it('all sequences, mark_finished = mode mark_as_finished, in one call', async () => {
    search(contact({ contact_campaign_statuses: [status(SEQ, 'active'), status('other', 'paused'), status('done', 'finished')] }));
    api()
      .post(exactly('/emailer_campaigns/remove_or_stop_contact_ids', [['emailer_campaign_ids[]', SEQ], ['emailer_campaign_ids[]', 'other'], ['contact_ids[]', CONTACT], ['mode', 'mark_as_finished']]))
      .reply(200, answer('POST', { contacts: [] }));
    const out = await stop({ email: 'fyodor.dostoevsky@apollo.io', campaign_id: null, mode: 'mark_finished' });
    expect(out.outcome).toBe('stopped');
    expect(out.affected_campaigns.map((c) => c.id)).toEqual([SEQ, 'other']);
    expectAllCalled();
    await expectSpecValid();
  });

  it('remove = mode remove', async () => {
    search(contact({ contact_campaign_statuses: [status(SEQ, 'paused')] }));
    api()
      .post(exactly('/emailer_campaigns/remove_or_stop_contact_ids', [['emailer_campaign_ids[]', SEQ], ['contact_ids[]', CONTACT], ['mode', 'remove']]))
      .reply(200, answer('POST', { contacts: [] }));
    expect((await stop({ email: 'fyodor.dostoevsky@apollo.io', campaign_id: SEQ, mode: 'remove' })).outcome).toBe('stopped');
    expectAllCalled();
    await expectSpecValid();
  });

  it('is idempotent: an already paused / absent contact is already_stopped, an unknown email not_found', async () => {
    search(contact({ contact_campaign_statuses: [status(SEQ, 'paused')] }));
    expect((await stop({ email: 'fyodor.dostoevsky@apollo.io', campaign_id: SEQ, mode: 'pause' })).outcome).toBe('already_stopped');
    search(contact({ contact_campaign_statuses: [] }));
    expect((await stop({ email: 'fyodor.dostoevsky@apollo.io', campaign_id: null, mode: 'pause' })).outcome).toBe('already_stopped');
    search(null);
    const nf = await stop({ email: 'fyodor.dostoevsky@apollo.io', campaign_id: SEQ, mode: 'pause' });
    expect(nf).toMatchObject({ outcome: 'not_found', lead: null });
    expect(nf.detail).toMatch(/No Apollo contact has the email/);
    expectAllCalled();
  });

  it('offers every stop mode and needs no campaign to create a contact', () => {
    expect(leads.stopModes).toEqual(['pause', 'remove', 'mark_finished']);
    expect(leads.campaignRequiredForCreate).toBe(false);
  });
});
