import { CAPABILITIES } from '../src/providers/capabilityTable';
import type { ActionCapabilities } from '../src/providers/capabilities';
import nock from 'nock';
import { ActionOutcome } from '../src/model/lead';
import { apollo } from '../src/providers/apollo';
import type { EnrollPolicy, EnrollRequest, LeadInput, StopRequest } from '../src/providers/types';
import { expectAllCalled, messageOf, resetNock, runWith } from './support/app';
import { specViolations } from './support/contract';
import { exactly as exactlyAt } from './support/nock';
import { withPinnedClock } from '../src/delivery/clock';

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
    .post(
      '/api/v1/contacts',
      (body) =>
        JSON.stringify(body) ===
        JSON.stringify({
          email: 'Fyodor.Dostoevsky@apollo.io',
          run_dedupe: true,
          first_name: 'Fyodor',
          last_name: 'Dostoevsky',
          organization_name: 'Apollo.io',
          title: 'Chief Writer',
        }),
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

const expectSearch = (contacts: unknown[], q = 'Fyodor.Dostoevsky@apollo.io') =>
  api().post('/api/v1/contacts/search', { q_keywords: q, page: 1, per_page: 100 }).reply(200, answer('POST', { contacts }));

/** The contact Apollo's dedupe returns when it matched someone else by first + last name and company. */
const namesake = (over: Record<string, unknown> = {}) =>
  contact({ id: '66e34b81740c50074e3d9999', email: 'fyodor@old-employer.example', contact_emails: [{ email: 'fyodor@old-employer.example' }], ...over });

const customFieldList = {
  typed_custom_fields: [
    { id: '60c39ed82bd02f01154c470a', modality: 'contact', name: 'New Product Launch Date', type: 'datetime', picklist_options: [] },
    {
      id: '617ff4041e711500a401c25e',
      modality: 'contact',
      name: 'Customer Age',
      type: 'picklist',
      picklist_values: [
        { _id: '617ff4041e711500a401c25f', name: 'New Customer', id: '617ff4041e711500a401c25f', key: '617ff4041e711500a401c25f' },
        { _id: '617ff4041e711500a401c260', name: '1 year', id: '617ff4041e711500a401c260', key: '617ff4041e711500a401c260' },
      ],
    },
    { id: '66f1a0c2b3d4e5f601234568', modality: 'account', name: 'Industry Tier', type: 'string' },
  ],
};
const expectCustomFields = () =>
  api()
    .get('/api/v1/typed_custom_fields')
    .reply(200, function (uri: string) {
      sent.push({ method: 'GET', path: specPath(uri), headers: { 'x-api-key': KEY } });
      return customFieldList;
    });

describe('Apollo find / create', () => {
  it('finds a contact by exact, case-insensitive email among the keyword matches', async () => {
    api()
      .post('/api/v1/contacts/search', { q_keywords: 'FYODOR.dostoevsky@apollo.io', page: 1, per_page: 100 })
      .reply(
        200,
        answer('POST', {
          contacts: [contact({ id: 'other', email: 'fyodor.dostoevsky@apollo.io.example' }), contact({ contact_campaign_statuses: [status(SEQ, 'active')] })],
        }),
      );
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
    api()
      .post('/api/v1/contacts/search')
      .reply(200, answer('POST', { contacts: [contact({ email: 'someone.else@apollo.io' })] }));
    expect(await runWith('apollo', (ctx) => leads.find(ctx, 'fyodor.dostoevsky@apollo.io'))).toBeNull();
    expectAllCalled();
  });

  it('creates with run_dedupe: true (created when the search found nobody), never sending empty fields', async () => {
    expectSearch([]);
    expectCreateContact({ contact: contact() });
    const out = await runWith('apollo', (ctx) => leads.upsert(ctx, input, null));
    expect(out.created).toBe(true);
    expect(out.lead.id).toBe(`apollo:${CONTACT}`);
    expectAllCalled();
    await expectSpecValid();
  });

  it('updates a contact the search found by id (PATCH /contacts/{id}): no dedupe, its email untouched', async () => {
    expectSearch([contact({ title: 'Writer' })]);
    api()
      .patch(
        `/api/v1/contacts/${CONTACT}`,
        (body) =>
          JSON.stringify(body) === JSON.stringify({ first_name: 'Fyodor', last_name: 'Dostoevsky', organization_name: 'Apollo.io', title: 'Chief Writer' }),
      )
      .reply(200, answer('PATCH', { contact: contact({ title: 'Chief Writer' }) }));
    const out = await runWith('apollo', (ctx) => leads.upsert(ctx, input, null));
    expect(out).toMatchObject({ created: false, lead: { id: `apollo:${CONTACT}`, title: 'Chief Writer', email: 'fyodor.dostoevsky@apollo.io' } });
    expectAllCalled();
    await expectSpecValid();
  });

  it('a found contact with nothing to update is not written at all', async () => {
    expectSearch([contact()]);
    const bare: LeadInput = { ...input, first_name: null, last_name: null, company: null, title: null };
    expect(await runWith('apollo', (ctx) => leads.upsert(ctx, bare, null))).toMatchObject({ created: false, lead: { id: `apollo:${CONTACT}` } });
    expectAllCalled();
  });

  it('refuses a dedupe answer for another person (matched by name + company, other email): an error, nothing claimed', async () => {
    expectSearch([]);
    expectCreateContact({ contact: namesake() });
    const err = await runWith('apollo', (ctx) => leads.upsert(ctx, input, null)).catch((e) => e);
    expect(messageOf(err)).toMatch(
      /Apollo did not create a contact for Fyodor\.Dostoevsky@apollo\.io: its duplicate check \(run_dedupe\) matched a different contact by name and company — Fyodor Dostoevsky, Apollo\.io \(id 66e34b81740c50074e3d9999, email fyodor@old-employer\.example\).*No contact was created\./,
    );
    expectAllCalled();
  });

  it('refuses a dedupe answer that is an older contact the email search had not found (its email was overwritten)', async () => {
    expectSearch([]);
    expectCreateContact({ contact: contact({ id: '66e34b81740c50074e3d9999', created_at: '2024-09-12T20:13:53.207Z' }) });
    const err = await withPinnedClock(new Date('2025-07-01T12:00:00.000Z'), () => runWith('apollo', (ctx) => leads.upsert(ctx, input, null))).catch((e) => e);
    expect(messageOf(err)).toMatch(
      /returned an existing contact — Fyodor Dostoevsky, Apollo\.io \(id 66e34b81740c50074e3d9999, created 2024-09-12T20:13:53\.207Z\) — that a search for Fyodor\.Dostoevsky@apollo\.io had not found.*may have replaced that contact's email/,
    );
    // A contact Apollo created just now (e.g. by a concurrent run the search index does not show yet) is fine.
    expectSearch([]);
    expectCreateContact({ contact: contact({ created_at: '2025-07-01T11:59:58.000Z' }) });
    const ok = await withPinnedClock(new Date('2025-07-01T12:00:00.000Z'), () => runWith('apollo', (ctx) => leads.upsert(ctx, input, null)));
    expect(ok.created).toBe(true);
    expectAllCalled();
  });

  it('sends Custom Fields keyed by Apollo field id (names and picklist options mapped with GET /typed_custom_fields)', async () => {
    expectCustomFields();
    expectSearch([contact()]);
    api()
      .patch(
        `/api/v1/contacts/${CONTACT}`,
        (body) =>
          JSON.stringify(body) ===
          JSON.stringify({
            first_name: 'Fyodor',
            last_name: 'Dostoevsky',
            organization_name: 'Apollo.io',
            title: 'Chief Writer',
            typed_custom_fields: { '60c39ed82bd02f01154c470a': '2025-08-07', '617ff4041e711500a401c25e': '617ff4041e711500a401c260' },
          }),
      )
      .reply(200, answer('PATCH', { contact: contact() }));
    const custom: LeadInput = { ...input, custom_fields: { 'new product launch date': '2025-08-07', 'Customer Age': '1 YEAR' } };
    expect((await runWith('apollo', (ctx) => leads.upsert(ctx, custom, null))).created).toBe(false);
    expectAllCalled();
    await expectSpecValid();
  });

  it('an unknown custom field name (or picklist option) fails before anything is written, naming Custom Fields', async () => {
    expectCustomFields();
    const err = await runWith('apollo', (ctx) => leads.upsert(ctx, { ...input, custom_fields: { 'Industry Tier': 'A' } }, null)).catch((e) => e);
    expect(messageOf(err)).toMatch(
      /^Custom Fields: Apollo has no contact custom field named "Industry Tier"\. .*this account has "New Product Launch Date", "Customer Age"\)\. Nothing was written to Apollo\.$/,
    );
    expectCustomFields();
    const bad = await runWith('apollo', (ctx) => leads.upsert(ctx, { ...input, custom_fields: { 'Customer Age': 'forever' } }, null)).catch((e) => e);
    expect(messageOf(bad)).toMatch(/Custom Fields: "forever" is not an option of Apollo's picklist field "Customer Age" \(options: "New Customer", "1 year"\)/);
    expectAllCalled();
  });
});

describe('Apollo enroll', () => {
  it('enrolls a contact the search found: no write to it, then add_contact_ids with the query Apollo documents', async () => {
    expectSearch([contact()]);
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
    expect(out.detail).toMatch(/The existing Apollo contact’s fields were left as they are \(use Create Lead to update them\)\./);
    expectAllCalled();
    await expectSpecValid();
  });

  it('creates an unknown email first (run_dedupe), then adds it', async () => {
    expectSearch([]);
    expectCreateContact({ contact: contact() });
    expectAdd({ contacts: [contact({ contact_campaign_statuses: [status(SEQ, 'active')] })], skipped_contact_ids: {}, emailer_campaign: campaignInfo });
    const out = await enroll(enrollReq());
    expect(out.outcome).toBe('enrolled');
    expect(out.detail).not.toMatch(/left as they are/);
    expectAllCalled();
    await expectSpecValid();
  });

  it('never enrolls a namesake: a dedupe match by name + company with another email fails the step before add_contact_ids', async () => {
    expectSearch([]);
    expectCreateContact({ contact: namesake() });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/matched a different contact by name and company .*Nothing was enrolled in sequence 66e9e215ece19801b219997f\./);
    expectAllCalled();
  });

  it('passes add_anyway / re_enroll as sequence_active / finished_in_other_campaigns=true', async () => {
    expectSearch([contact()]);
    expectAdd(
      { contacts: [contact({ contact_campaign_statuses: [status(SEQ, 'active')] })], skipped_contact_ids: {}, emailer_campaign: campaignInfo },
      'true',
      'true',
    );
    const out = await enroll(enrollReq({ policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' } }));
    expect(out.outcome).toBe('enrolled');
    expectAllCalled();
    await expectSpecValid();
  });

  it('already_enrolled without an add call when the contact is live in the sequence', async () => {
    expectSearch([contact({ contact_campaign_statuses: [status(SEQ, 'paused')] })]);
    const out = await enroll(enrollReq());
    expect(out.outcome).toBe('already_enrolled');
    expectAllCalled();
  });

  it('already_enrolled from Apollo’s skip reason; an error when the policy says so', async () => {
    for (const ifAlready of ['skip', 'error'] as const) {
      expectSearch([contact()]);
      expectAdd({ contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_already_exists_in_current_campaign' }, emailer_campaign: campaignInfo });
      const run = enroll(enrollReq({ policy: { ...policy, if_already_enrolled: ifAlready } }));
      if (ifAlready === 'skip') expect((await run).outcome).toBe('already_enrolled');
      else
        expect(messageOf(await run.catch((e) => e))).toMatch(
          /Fyodor\.Dostoevsky@apollo\.io is already in Apollo sequence Target Copywriting Clients in Dublin/,
        );
    }
    expectAllCalled();
  });

  it('a contact that finished this very sequence is previously contacted, not already enrolled — also with re_enroll, which Apollo cannot do', async () => {
    for (const again of ['skip', 're_enroll'] as const) {
      expectSearch([contact({ contact_campaign_statuses: [status(SEQ, 'finished')] })]);
      expectAdd(
        { contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_already_exists_in_current_campaign' }, emailer_campaign: campaignInfo },
        'false',
        again === 're_enroll' ? 'true' : 'false',
      );
      const out = await enroll(enrollReq({ policy: { ...policy, if_already_enrolled: 'error', if_previously_contacted: again } }));
      expect(out.outcome).toBe('skipped_previously_contacted');
      expect(out.detail).toMatch(
        again === 're_enroll'
          ? /Apollo did not add Fyodor\.Dostoevsky@apollo\.io to "Target Copywriting Clients in Dublin" again: it was in this sequence before \(status: finished\), and Apollo’s API has no option to re-add a contact to a sequence it has already been through/
          : /it was in sequence "Target Copywriting Clients in Dublin" before \(status: finished\), so it was not added again/,
      );
    }
    expectAllCalled();
  });

  it('skipped_in_other_campaign / skipped_previously_contacted from the skip reasons', async () => {
    expectSearch([contact()]);
    expectAdd({ contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_active_in_other_campaigns' }, emailer_campaign: campaignInfo });
    expect((await enroll(enrollReq())).outcome).toBe('skipped_in_other_campaign');
    expectSearch([contact()]);
    expectAdd({ contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_finished_in_other_campaigns' }, emailer_campaign: campaignInfo });
    expect((await enroll(enrollReq())).outcome).toBe('skipped_previously_contacted');
    expectAllCalled();
  });

  it('never says enrolled for another skip reason: the step fails with Apollo’s reason', async () => {
    expectSearch([contact()]);
    expectAdd({ contacts: [], skipped_contact_ids: { [CONTACT]: 'contacts_unverified_email' }, emailer_campaign: campaignInfo });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/did not add .* no verified email address \(contacts_unverified_email\)/);
    expectAllCalled();
  });

  it('skipped_unsubscribed when Apollo marks the contact unsubscribed (no add call)', async () => {
    expectSearch([contact({ email_unsubscribed: true })]);
    const out = await enroll(enrollReq());
    expect(out).toMatchObject({ outcome: 'skipped_unsubscribed', lead: { unsubscribed: true } });
    expectAllCalled();
  });

  it('requires a sending mailbox before any HTTP call', async () => {
    const err = await enroll(enrollReq({ mailbox_id: null })).catch((e) => e);
    expect(messageOf(err)).toMatch(/Apollo needs a sending mailbox/);
  });

  it('surfaces the 422 for an inactive mailbox in Apollo’s words', async () => {
    expectSearch([contact()]);
    api()
      .post(exactly(`/emailer_campaigns/${SEQ}/add_contact_ids`, addPath()))
      .reply(422, { error: 'These mailboxes are no longer active. test@example.com' });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/These mailboxes are no longer active\. test@example\.com/);
    expectAllCalled();
  });

  it('a 403 on add_contact_ids says a master key is needed', async () => {
    expectSearch([contact()]);
    api()
      .post(exactly(`/emailer_campaigns/${SEQ}/add_contact_ids`, addPath()))
      .reply(403, {
        error:
          'This API key is not authorized to access api/v1/emailer_campaigns/add_contact_ids. Request an API key from your administrator that includes this endpoint in its configured scope.',
        error_code: 'API_INACCESSIBLE',
      });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/master API key/);
    expectAllCalled();
  });
});

describe('Apollo stop', () => {
  const search = (c: unknown) =>
    api()
      .post('/api/v1/contacts/search', { q_keywords: 'fyodor.dostoevsky@apollo.io', page: 1, per_page: 100 })
      .reply(200, answer('POST', { contacts: c ? [c] : [] }));

  it('pause = mode stop, on the one sequence; lists the affected sequence', async () => {
    search(contact({ contact_campaign_statuses: [status(SEQ, 'active'), status('other', 'active')] }));
    api()
      .post(
        exactly('/emailer_campaigns/remove_or_stop_contact_ids', [
          ['emailer_campaign_ids[]', SEQ],
          ['contact_ids[]', CONTACT],
          ['mode', 'stop'],
        ]),
      )
      .reply(200, answer('POST', { contacts: [contact({ contact_campaign_statuses: [status(SEQ, 'paused'), status('other', 'active')] })] }));
    const out = ActionOutcome.parse(await stop({ email: 'fyodor.dostoevsky@apollo.io', campaign_id: SEQ, mode: 'pause' }));
    expect(out).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: SEQ, name: null, status: 'paused' }] });
    expectAllCalled();
    await expectSpecValid();
  });

  it('all sequences, mark_finished = mode mark_as_finished, in one call', async () => {
    search(contact({ contact_campaign_statuses: [status(SEQ, 'active'), status('other', 'paused'), status('done', 'finished')] }));
    api()
      .post(
        exactly('/emailer_campaigns/remove_or_stop_contact_ids', [
          ['emailer_campaign_ids[]', SEQ],
          ['emailer_campaign_ids[]', 'other'],
          ['contact_ids[]', CONTACT],
          ['mode', 'mark_as_finished'],
        ]),
      )
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
      .post(
        exactly('/emailer_campaigns/remove_or_stop_contact_ids', [
          ['emailer_campaign_ids[]', SEQ],
          ['contact_ids[]', CONTACT],
          ['mode', 'remove'],
        ]),
      )
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
    expect((CAPABILITIES.apollo.actions as ActionCapabilities).stop.modes).toEqual(['pause', 'remove', 'mark_finished']);
    expect((CAPABILITIES.apollo.actions as ActionCapabilities).create.campaign).toBe('absent');
  });
});
