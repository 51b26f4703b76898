import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActionOutcome, Lead } from '../src/model/lead';
import { appTester, authFor, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { expectUnified } from './support/events';

const API = 'https://server.smartlead.ai';
const KEY = 'test-smartlead-key';
const run = (kind: 'creates' | 'searches', key: string, inputData: Record<string, unknown>, tool: 'smartlead' | 'calendly' = 'smartlead') =>
  appTester(op(kind, key).perform, { authData: authFor(tool), inputData } as never);
const failure = async (p: Promise<unknown>) => messageOf(await p.then(() => new Error('expected an error')).catch((e) => e));

/**
 * Smartlead's GET /leads/?email= answer. Its `lead_campaign_data` items carry the campaign and the
 * lead's map/category ids — no status (api.smartlead.ai "Fetch Lead by email"; simstudioai/sim
 * apps/sim/tools/smartlead/utils.ts `mapLeadCampaignData`). An earlier version of this fixture
 * gave each item a `status`, which Smartlead never sends.
 */
const LEAD = {
  id: 2001,
  first_name: 'Jane',
  last_name: 'Doe',
  email: 'jane@example.com',
  phone_number: '',
  company_name: 'Example Inc',
  linkedin_profile: 'https://www.linkedin.com/in/janedoe',
  is_unsubscribed: false,
  lead_campaign_data: [
    { campaign_lead_map_id: 2433664091, campaign_id: 9181, campaign_name: 'Q2 outbound', client_id: null, client_email: null, lead_category_id: null },
    { campaign_lead_map_id: 2433664092, campaign_id: 9200, campaign_name: 'Webinar follow-up', client_id: null, client_email: null, lead_category_id: 1 },
  ],
};
/**
 * `POST /campaigns/{id}/leads/filter` (api.smartlead.ai "Search Campaign Leads"): the lead's row in
 * one campaign — `id` is the lead map id, `status` the lead's status there, `email_lead` the lead.
 */
const searchLeads = (campaign: number, status: string | null) =>
  nock(API)
    .post(`/api/v1/campaigns/${campaign}/leads/filter`, { searchText: 'jane@example.com', limit: 100 })
    .query({ api_key: KEY })
    .reply(200, {
      leads:
        status === null
          ? []
          : [
              {
                id: 2433664091,
                current_seq_num: 1,
                status,
                email_account_id: 321,
                email_lead: { id: 2001, email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe', company_name: 'Example Inc', phone_number: null },
                email_account: { username: 'sender@yourdomain.com' },
              },
            ],
      lastSeenEclmId: status === null ? null : 2433664091,
      count: status === null ? 0 : 1,
    });
const uploaded = (counters: Record<string, number>) => ({
  ok: true,
  upload_count: 0,
  total_leads: 1,
  already_added_to_campaign: 0,
  duplicate_count: 0,
  invalid_email_count: 0,
  unsubscribed_leads: 0,
  ...counters,
});
const uploadBody = (ignoreOther: boolean) => ({
  lead_list: [{ email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe', company_name: 'Example Inc', custom_fields: { title: 'CTO', plan: 'pro' } }],
  settings: { ignore_global_block_list: false, ignore_unsubscribe_list: false, ignore_duplicate_leads_in_other_campaign: ignoreOther },
});
const enrollInput = {
  campaign_id: '9181',
  email: ' Jane@Example.com ',
  first_name: 'Jane',
  last_name: 'Doe',
  company: 'Example Inc',
  title: 'CTO',
  custom_fields: { plan: 'pro' },
};

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('input validation happens before any HTTP call', () => {
  // nock blocks all network: any request here would fail the test with a different error.
  it.each([
    ['searches', 'find_lead', { email: 'not-an-email' }, /^Email "not-an-email" is not a valid email address/],
    ['searches', 'find_lead', {}, /^Email is required/],
    ['creates', 'enroll_lead', { email: 'jane@example.com' }, /^Campaign is required: choose the campaign/],
    [
      'creates',
      'enroll_lead',
      { email: 'jane@example.com', campaign_id: '1', if_already_enrolled: 'maybe' },
      /^If Already Enrolled must be one of skip, error/,
    ],
    ['creates', 'enroll_lead', { email: 'jane@example.com', campaign_id: '1', linkedin_url: 'janedoe' }, /^LinkedIn URL must be a full URL/],
    ['creates', 'create_lead', { email: 'jane@example.com' }, /^Campaign is required for Smartlead: its leads only exist inside a campaign/],
    [
      'creates',
      'stop_sequence',
      { email: 'jane@example.com', mode: 'mark_finished' },
      /^Mode "mark_finished" is not available for Smartlead: choose pause or remove/,
    ],
    ['creates', 'normalize_event', { raw_body: '' }, /^Raw Body is required/],
  ] as const)('%s %s %j', async (kind, key, input, expected) => {
    expect(await failure(run(kind, key, input))).toMatch(expected);
  });

  it('says which tool has no leads', async () => {
    expect(await failure(run('searches', 'find_lead', { email: 'jane@example.com' }, 'calendly'))).toMatch(/^Calendly has no leads or sequences to search/);
  });
});

describe('Smartlead: Find Lead', () => {
  it('finds by lower-cased email and returns the unified lead with its campaigns', async () => {
    nock(API).get('/api/v1/leads/').query({ email: 'jane@example.com', api_key: KEY }).reply(200, LEAD);
    const [lead] = (await run('searches', 'find_lead', { email: 'JANE@example.com' })) as Lead[];
    expect(Lead.parse(lead)).toEqual({
      id: 'smartlead:2001',
      tool: 'smartlead',
      tool_lead_id: '2001',
      email: 'jane@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      full_name: 'Jane Doe',
      company: 'Example Inc',
      title: null,
      phone: null,
      linkedin_url: 'https://www.linkedin.com/in/janedoe',
      unsubscribed: false,
      campaigns: [
        // The lookup does not say the lead's status in a campaign: unknown, not guessed.
        { id: '9181', name: 'Q2 outbound', status: null },
        { id: '9200', name: 'Webinar follow-up', status: null },
      ],
    });
  });

  it('returns [] when there is no such lead', async () => {
    nock(API).get('/api/v1/leads/').query({ email: 'nobody@example.com', api_key: KEY }).reply(200, {});
    expect(await run('searches', 'find_lead', { email: 'nobody@example.com' })).toEqual([]);
  });
});

describe('Smartlead: Enroll Lead (outcomes from the upload counters)', () => {
  const enroll = (counters: Record<string, number>, input: Record<string, unknown> = {}, ignoreOther = false) => {
    nock(API).post('/api/v1/campaigns/9181/leads', uploadBody(ignoreOther)).query({ api_key: KEY }).reply(200, uploaded(counters));
    return run('creates', 'enroll_lead', { ...enrollInput, ...input });
  };

  it('enrolled: one call, exact body, never ignoring block or unsubscribe lists', async () => {
    const out = ActionOutcome.parse(await enroll({ upload_count: 1 }));
    expect(out).toMatchObject({ outcome: 'enrolled', tool: 'smartlead', campaign: { id: '9181' } });
    expectAllCalled();
  });

  /** Already in the campaign: its status there (Search Campaign Leads, one call) decides. */
  it('already_enrolled from already_added_to_campaign while the sequence runs (default policy)', async () => {
    searchLeads(9181, 'INPROGRESS');
    expect(await enroll({ already_added_to_campaign: 1 })).toMatchObject({ outcome: 'already_enrolled', lead: { id: 'smartlead:2001' } });
    expectAllCalled();
  });

  it('if_already_enrolled = error → an error naming lead and campaign', async () => {
    searchLeads(9181, 'STARTED');
    expect(await failure(enroll({ already_added_to_campaign: 1 }, { if_already_enrolled: 'error' }))).toBe(
      'jane@example.com is already in Smartlead campaign 9181.',
    );
  });

  it('skipped_previously_contacted for a lead paused or finished in the campaign (default policy)', async () => {
    searchLeads(9181, 'PAUSED');
    expect(await enroll({ already_added_to_campaign: 1 })).toMatchObject({ outcome: 'skipped_previously_contacted' });
    searchLeads(9181, 'COMPLETED');
    expect(await enroll({ already_added_to_campaign: 1 }, { if_previously_contacted: 're_enroll' })).toMatchObject({
      outcome: 'skipped_previously_contacted',
      detail: expect.stringMatching(/cannot restart a finished sequence/),
    });
    expectAllCalled();
  });

  it('an unsubscribed lead paused in the campaign is skipped, never resumed', async () => {
    searchLeads(9181, 'PAUSED');
    nock(API)
      .get('/api/v1/leads/')
      .query({ email: 'jane@example.com', api_key: KEY })
      .reply(200, { ...LEAD, is_unsubscribed: true });
    expect(await enroll({ already_added_to_campaign: 1 }, { if_previously_contacted: 're_enroll' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expectAllCalled();
  });

  it('skipped_in_other_campaign from duplicate_count', async () => {
    expect(await enroll({ duplicate_count: 1 })).toMatchObject({ outcome: 'skipped_in_other_campaign' });
  });

  it('add_anyway asks Smartlead to ignore other campaigns', async () => {
    expect(await enroll({ upload_count: 1 }, { if_in_other_campaign: 'add_anyway' }, true)).toMatchObject({ outcome: 'enrolled' });
    expectAllCalled();
  });

  it('skipped_unsubscribed, never re-subscribed', async () => {
    expect(await enroll({ unsubscribed_leads: 1 })).toMatchObject({ outcome: 'skipped_unsubscribed' });
  });

  it('re_enroll resumes a lead paused in the campaign (status from the campaign, not from the lookup)', async () => {
    searchLeads(9181, 'PAUSED');
    nock(API).get('/api/v1/leads/').query({ email: 'jane@example.com', api_key: KEY }).reply(200, LEAD);
    nock(API).post('/api/v1/campaigns/9181/leads/2001/resume', { resume_lead_with_delay_days: 0 }).query({ api_key: KEY }).reply(200, { ok: true });
    const out = await enroll({ already_added_to_campaign: 1 }, { if_previously_contacted: 're_enroll' });
    expect(out).toMatchObject({ outcome: 'enrolled', lead: { id: 'smartlead:2001' } });
    expect((out as ActionOutcome).detail).toMatch(/resumed/);
    expectAllCalled();
  });

  it('a resume Smartlead answers with {} (no ok) is an error, not "enrolled"', async () => {
    searchLeads(9181, 'PAUSED');
    nock(API).get('/api/v1/leads/').query({ email: 'jane@example.com', api_key: KEY }).reply(200, LEAD);
    nock(API).post('/api/v1/campaigns/9181/leads/2001/resume', { resume_lead_with_delay_days: 0 }).query({ api_key: KEY }).reply(200, {});
    expect(await failure(enroll({ already_added_to_campaign: 1 }, { if_previously_contacted: 're_enroll' }))).toMatch(
      /Smartlead did not confirm resuming jane@example.com in campaign 9181/,
    );
  });

  it('an invalid email reported by Smartlead is an error, not "enrolled"', async () => {
    expect(await failure(enroll({ invalid_email_count: 1 }))).toMatch(/rejected jane@example.com as an invalid email address/);
  });

  // Counters of the add-leads answer (api.smartlead.ai "Add leads to a campaign by ID": the
  // lead-limit answer is `{ok: false, is_lead_limit_exhausted: true, lead_import_stopped_count: 1, error}`).
  it('an exhausted lead limit is a clear error naming the limit, not a generic 502', async () => {
    nock(API).post('/api/v1/campaigns/9181/leads', uploadBody(false)).query({ api_key: KEY }).reply(200, {
      ok: false,
      is_lead_limit_exhausted: true,
      lead_import_stopped_count: 1,
      error: 'The lead credit limit has been reached, preventing any further lead imports.',
    });
    const err = await run('creates', 'enroll_lead', enrollInput).catch((e) => e);
    expect(messageOf(err)).toMatch(
      /^Smartlead's lead limit is used up: jane@example.com was not added to campaign 9181 \(The lead credit limit has been reached/,
    );
    expect(messageOf(err)).toMatch(/free lead credits or upgrade the Smartlead plan/);
  });

  it('a stopped import is an error saying so', async () => {
    expect(await failure(enroll({ lead_import_stopped_count: 1 }))).toMatch(/^Smartlead stopped the import: jane@example.com was not added to campaign 9181/);
  });

  it('a lead on the bounce list is an error naming the bounce list', async () => {
    expect(await failure(enroll({ bounce_count: 1 }))).toMatch(/^Smartlead skipped jane@example.com: the address is on Smartlead's bounce list/);
  });
});

describe('Smartlead: Stop Sequence (pause, never unsubscribe)', () => {
  const found = () => nock(API).get('/api/v1/leads/').query({ email: 'jane@example.com', api_key: KEY }).reply(200, LEAD);

  it('pauses the lead in every campaign where it still runs (status read per campaign)', async () => {
    found();
    searchLeads(9181, 'INPROGRESS');
    searchLeads(9200, 'STARTED');
    nock(API).post('/api/v1/campaigns/9181/leads/2001/pause').query({ api_key: KEY }).reply(200, { ok: true });
    nock(API).post('/api/v1/campaigns/9200/leads/2001/pause').query({ api_key: KEY }).reply(200, { ok: true });
    const out = ActionOutcome.parse(await run('creates', 'stop_sequence', { email: 'jane@example.com' }));
    expect(out.outcome).toBe('stopped');
    expect(out.affected_campaigns).toEqual([
      { id: '9181', name: 'Q2 outbound', status: 'PAUSED' },
      { id: '9200', name: 'Webinar follow-up', status: 'PAUSED' },
    ]);
    expectAllCalled();
  });

  it('a campaign the lookup lists but Smartlead no longer has (404) counts as nothing to stop there', async () => {
    found();
    nock(API)
      .post('/api/v1/campaigns/9181/leads/filter', { searchText: 'jane@example.com', limit: 100 })
      .query({ api_key: KEY })
      .reply(404, { error: 'Campaign not found - Invalid campaign_id.' });
    searchLeads(9200, 'INPROGRESS');
    nock(API).post('/api/v1/campaigns/9200/leads/2001/pause').query({ api_key: KEY }).reply(200, { ok: true });
    const out = ActionOutcome.parse(await run('creates', 'stop_sequence', { email: 'jane@example.com' }));
    expect(out).toMatchObject({
      outcome: 'stopped',
      affected_campaigns: [
        { id: '9181', status: null },
        { id: '9200', status: 'PAUSED' },
      ],
    });
    expectAllCalled();
  });

  it('a lead already paused in the campaign is already_stopped, with no pause call', async () => {
    searchLeads(9181, 'PAUSED');
    const out = await run('creates', 'stop_sequence', { email: 'jane@example.com', campaign_id: '9181' });
    expect(out).toMatchObject({ outcome: 'already_stopped', affected_campaigns: [{ id: '9181', status: 'PAUSED' }] });
    expectAllCalled();
  });

  it('with a campaign: two calls (search, pause)', async () => {
    searchLeads(9181, 'INPROGRESS');
    nock(API).post('/api/v1/campaigns/9181/leads/2001/pause').query({ api_key: KEY }).reply(200, { ok: true });
    expect(await run('creates', 'stop_sequence', { email: 'jane@example.com', campaign_id: '9181' })).toMatchObject({
      outcome: 'stopped',
      lead: { id: 'smartlead:2001' },
      affected_campaigns: [{ id: '9181', status: 'PAUSED' }],
    });
    expectAllCalled();
  });

  it('a pause Smartlead answers with {} (no ok) is an error, never "stopped"', async () => {
    searchLeads(9181, 'INPROGRESS');
    nock(API).post('/api/v1/campaigns/9181/leads/2001/pause').query({ api_key: KEY }).reply(200, {});
    expect(await failure(run('creates', 'stop_sequence', { email: 'jane@example.com', campaign_id: '9181' }))).toMatch(
      /^Smartlead did not confirm pausing jane@example.com in campaign 9181/,
    );
  });

  it('removes the lead from one campaign with mode remove', async () => {
    found();
    nock(API).delete('/api/v1/campaigns/9200/leads/2001').query({ api_key: KEY }).reply(200, { ok: true });
    const out = await run('creates', 'stop_sequence', { email: 'jane@example.com', campaign_id: '9200', mode: 'remove' });
    expect(out).toMatchObject({
      outcome: 'stopped',
      campaign: { id: '9200', name: 'Webinar follow-up' },
      affected_campaigns: [{ id: '9200', status: 'REMOVED' }],
    });
    expectAllCalled();
  });

  it('remove answered with {} (lead not in that campaign) or 404 is already_stopped', async () => {
    found();
    nock(API).delete('/api/v1/campaigns/9181/leads/2001').query({ api_key: KEY }).reply(200, {});
    expect(await run('creates', 'stop_sequence', { email: 'jane@example.com', campaign_id: '9181', mode: 'remove' })).toMatchObject({
      outcome: 'already_stopped',
    });
    found();
    nock(API).delete('/api/v1/campaigns/9181/leads/2001').query({ api_key: KEY }).reply(404, { error: 'Lead not found in campaign' });
    expect(await run('creates', 'stop_sequence', { email: 'jane@example.com', campaign_id: '9181', mode: 'remove' })).toMatchObject({
      outcome: 'already_stopped',
    });
    expectAllCalled();
  });

  it('not_found for an unknown lead; already_stopped for a known lead the campaign does not hold', async () => {
    nock(API).get('/api/v1/leads/').query({ email: 'nobody@example.com', api_key: KEY }).reply(200, {});
    expect(await run('creates', 'stop_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found', lead: null });
    searchLeads(1, null);
    found();
    expect(await run('creates', 'stop_sequence', { email: 'jane@example.com', campaign_id: '1' })).toMatchObject({
      outcome: 'already_stopped',
      lead: { id: 'smartlead:2001' },
    });
    searchLeads(1, null);
    nock(API).get('/api/v1/leads/').query({ email: 'jane@example.com', api_key: KEY }).reply(200, {});
    expect(await run('creates', 'stop_sequence', { email: 'jane@example.com', campaign_id: '1' })).toMatchObject({ outcome: 'not_found' });
    expectAllCalled();
  });
});

describe('Smartlead: Create Lead (find-or-create pairing)', () => {
  it('a bounce-listed or invalid address is a clear error, not a generic "did not create"', async () => {
    nock(API)
      .post('/api/v1/campaigns/9181/leads', uploadBody(false))
      .query({ api_key: KEY })
      .reply(200, uploaded({ bounce_count: 1 }));
    expect(await failure(run('creates', 'create_lead', enrollInput))).toMatch(/^Smartlead skipped jane@example.com: the address is on Smartlead's bounce list/);
    nock(API)
      .post('/api/v1/campaigns/9181/leads', uploadBody(false))
      .query({ api_key: KEY })
      .reply(200, uploaded({ invalid_email_count: 1 }));
    expect(await failure(run('creates', 'create_lead', enrollInput))).toMatch(/rejected jane@example.com as an invalid email address/);
    expectAllCalled();
  });

  it('adds the lead to the campaign (never pulling it out of another campaign) then returns it, with created=true', async () => {
    nock(API)
      .post('/api/v1/campaigns/9181/leads', uploadBody(false))
      .query({ api_key: KEY })
      .reply(200, uploaded({ upload_count: 1 }));
    nock(API).get('/api/v1/leads/').query({ email: 'jane@example.com', api_key: KEY }).reply(200, LEAD);
    const out = await run('creates', 'create_lead', enrollInput);
    expect(out).toMatchObject({ id: 'smartlead:2001', email: 'jane@example.com', created: true });
    expectAllCalled();
  });
});

describe('Normalize Webhook', () => {
  const raw = readFileSync(join(__dirname, 'fixtures/smartlead/email_reply_documented.json'), 'utf8');
  const body = JSON.stringify(JSON.parse(raw).request.body);

  it('turns a raw Smartlead body into the unified event (top level) and line items', async () => {
    const out = (await run('creates', 'normalize_event', { raw_body: body })) as Record<string, unknown> & { events: unknown[] };
    expect(out.event_count).toBe(1);
    const [event] = expectUnified(out.events);
    expect(out).toMatchObject({ id: event?.id, event: 'reply_received', lead: { email: 'james.parker@example.com' } });
  });

  it('errors on a body it does not recognise', async () => {
    expect(await failure(run('creates', 'normalize_event', { raw_body: '{"x":1}' }))).toMatch(/did not recognise this Smartlead webhook delivery/);
  });
});
