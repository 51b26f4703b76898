import nock from 'nock';
import { ActionOutcome } from '../src/model/lead';
import { appTester, authFor, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { specViolations, type RecordedRequest } from './support/contract';
import { useMockApi } from './support/mockApi';

/**
 * Smartlead's lead lifecycle (issue 10): Sequence Finished (polling campaign leads with status
 * COMPLETED; Smartlead has no completion webhook) and Resume Sequence (`POST
 * /campaigns/{id}/leads/{lead_id}/resume`). Through the real app: nock pins every request, and the
 * new requests are validated against Smartlead's OpenAPI draft (../shared/vendor-specs).
 */
const API = 'https://server.smartlead.ai';
const KEY = 'test-smartlead-key';

const LEAD = {
  id: 2001,
  email: 'jane@example.com',
  first_name: 'Jane',
  last_name: 'Doe',
  is_unsubscribed: false,
  lead_campaign_data: [
    { campaign_lead_map_id: 2433664091, campaign_id: 9181, campaign_name: 'Q2 outbound', client_id: null, client_email: null, lead_category_id: null },
    { campaign_lead_map_id: 2433664092, campaign_id: 9200, campaign_name: 'Webinar follow-up', client_id: null, client_email: null, lead_category_id: null },
  ],
};
const row = (status: string) => ({
  leads: [{ id: 2433664091, status, email_lead: { id: 2001, email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe' } }],
  lastSeenEclmId: 2433664091,
  count: 1,
});
const lookup = (body: unknown = LEAD) =>
  nock(API)
    .get('/api/v1/leads/')
    .query({ email: 'jane@example.com', api_key: KEY })
    .reply(200, body as never);
const search = (campaign: number, status: string) =>
  nock(API).post(`/api/v1/campaigns/${campaign}/leads/filter`, { searchText: 'jane@example.com', limit: 100 }).query({ api_key: KEY }).reply(200, row(status));
const resumeCall = (campaign: number, answer: unknown = { ok: true }) =>
  nock(API)
    .post(`/api/v1/campaigns/${campaign}/leads/2001/resume`, { resume_lead_with_delay_days: 0 })
    .query({ api_key: KEY })
    .reply(200, answer as never);
const resume = (inputData: Record<string, unknown>) =>
  appTester(op('creates', 'resume_sequence').perform, { authData: authFor('smartlead'), inputData } as never);
const poll = (inputData: Record<string, unknown>) =>
  appTester(op('triggers', 'sequence_finished_polling').perform, { authData: authFor('smartlead'), inputData } as never);

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Smartlead Resume Sequence', () => {
  it('resumes a lead paused in the campaign: lookup (unsubscribe flag), status from the campaign search, resume without delay', async () => {
    lookup();
    search(9181, 'PAUSED');
    resumeCall(9181);
    const out = ActionOutcome.parse(await resume({ email: 'Jane@Example.com', campaign_id: '9181' }));
    expect(out).toMatchObject({
      outcome: 'resumed',
      campaign: { id: '9181', name: 'Q2 outbound' },
      affected_campaigns: [{ id: '9181', status: 'INPROGRESS' }],
      detail: 'Resumed jane@example.com in 1 Smartlead campaign: Q2 outbound.',
    });
    expectAllCalled();
  });

  it('without a campaign: every campaign the lead is paused in is resumed, the running one is left alone', async () => {
    lookup();
    search(9181, 'PAUSED');
    search(9200, 'INPROGRESS');
    resumeCall(9181);
    expect(await resume({ email: 'jane@example.com' })).toMatchObject({
      outcome: 'resumed',
      campaign: null,
      affected_campaigns: [
        { id: '9181', status: 'INPROGRESS' },
        { id: '9200', status: 'INPROGRESS' },
      ],
    });
    expectAllCalled();
  });

  it('already_running when the lead still runs; no resume call', async () => {
    lookup();
    search(9181, 'STARTED');
    expect(await resume({ email: 'jane@example.com', campaign_id: '9181' })).toMatchObject({
      outcome: 'already_running',
      affected_campaigns: [{ id: '9181', status: 'STARTED' }],
    });
    expectAllCalled();
  });

  it.each(['COMPLETED', 'STOPPED', 'BLOCKED'])('not_paused for a lead %s in the campaign (cannot be resumed); no resume call', async (status) => {
    lookup();
    search(9181, status);
    expect(await resume({ email: 'jane@example.com', campaign_id: '9181' })).toMatchObject({
      outcome: 'not_paused',
      detail: expect.stringContaining(`(${status}): a finished, stopped or blocked lead cannot be resumed`),
    });
    expectAllCalled();
  });

  it('not_paused when the campaign does not hold the lead', async () => {
    lookup();
    nock(API).post('/api/v1/campaigns/777/leads/filter').query({ api_key: KEY }).reply(200, { leads: [], lastSeenEclmId: null });
    expect(await resume({ email: 'jane@example.com', campaign_id: '777' })).toMatchObject({
      outcome: 'not_paused',
      detail: 'jane@example.com is not in Smartlead campaign 777; nothing to resume.',
    });
    expectAllCalled();
  });

  it('a lead who unsubscribed is never resumed (no campaign search, no resume call)', async () => {
    lookup({ ...LEAD, is_unsubscribed: true });
    expect(await resume({ email: 'jane@example.com', campaign_id: '9181' })).toMatchObject({
      outcome: 'skipped_unsubscribed',
      detail: expect.stringMatching(/not resumed/),
    });
    expectAllCalled();
  });

  it('not_found when Smartlead does not know the address (it answers {})', async () => {
    lookup({});
    expect(await resume({ email: 'jane@example.com' })).toMatchObject({ outcome: 'not_found', lead: null });
    expectAllCalled();
  });

  it('a resume Smartlead answers with {} (no ok) is an error naming the campaign', async () => {
    lookup();
    search(9181, 'PAUSED');
    resumeCall(9181, {});
    expect(messageOf(await resume({ email: 'jane@example.com', campaign_id: '9181' }).catch((e) => e))).toMatch(
      /^Smartlead did not confirm resuming jane@example.com in campaign Q2 outbound/,
    );
  });

  it('a bad email is refused before any call', async () => {
    expect(messageOf(await resume({ email: 'not-an-email' }).catch((e) => e))).toMatch(/email/i);
  });
});

const FINISHED_ROWS = {
  total_leads: '4',
  offset: 0,
  limit: 100,
  data: [
    {
      campaign_lead_map_id: '2433664091',
      lead_category_id: null,
      status: 'COMPLETED',
      created_at: '2025-03-01T09:00:00.000Z',
      updated_at: '2025-04-06T07:00:00.000Z',
      lead: {
        id: 2001,
        first_name: 'Jane',
        last_name: 'Doe',
        email: 'Jane@Example.com',
        phone_number: 4155550100,
        company_name: 'Example Inc',
        linkedin_profile: '',
        is_unsubscribed: false,
      },
    },
    // Must not fire: unsubscribed since (Smartlead keeps the status it had).
    {
      campaign_lead_map_id: '2433664093',
      status: 'COMPLETED',
      created_at: '2025-03-01T09:00:00.000Z',
      lead: { id: 2003, email: 'gone@example.com', is_unsubscribed: true },
    },
    // Must not fire: a status other than COMPLETED, should the filter be ignored.
    { campaign_lead_map_id: '2433664094', status: 'STOPPED', created_at: '2025-03-01T09:00:00.000Z', lead: { id: 2004, email: 'replied@example.com' } },
    { campaign_lead_map_id: '2433664095', status: 'BLOCKED', created_at: '2025-03-01T09:00:00.000Z', lead: { id: 2005, email: 'bounced@example.com' } },
  ],
};

describe('Smartlead Sequence Finished (polling)', () => {
  it('lists the campaign’s COMPLETED leads as sequence_finished; unsubscribed, stopped and blocked leads do not fire', async () => {
    nock(API)
      .get('/api/v1/campaigns')
      .query({ api_key: KEY })
      .reply(200, [{ id: 9181, name: 'Q2 outbound' }]);
    nock(API).get('/api/v1/campaigns/9181/leads').query({ status: 'COMPLETED', offset: '0', limit: '100', api_key: KEY }).reply(200, FINISHED_ROWS);
    const events = (await poll({ campaign_id: '9181' })) as Record<string, unknown>[];
    expect(events).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^smartlead:sequence_finished:/),
        event: 'sequence_finished',
        tool: 'smartlead',
        occurred_at: '2025-04-06T07:00:00.000Z',
        lead: expect.objectContaining({
          email: 'jane@example.com',
          first_name: 'Jane',
          last_name: 'Doe',
          company: 'Example Inc',
          phone: '4155550100',
          tool_lead_id: '2001',
        }),
        campaign: { id: '9181', name: 'Q2 outbound' },
        category: 'COMPLETED',
        message: null,
      }),
    ]);
    expectAllCalled();
  });

  it('the same lead gives the same id on every poll, in either documented response shape', async () => {
    nock(API)
      .get('/api/v1/campaigns')
      .query({ api_key: KEY })
      .times(2)
      .reply(200, [{ id: 9181, name: 'Q2 outbound' }]);
    nock(API).get('/api/v1/campaigns/9181/leads').query(true).reply(200, FINISHED_ROWS);
    // The OpenAPI draft's shape: {leads: [Lead with status, updated_at]}.
    nock(API)
      .get('/api/v1/campaigns/9181/leads')
      .query(true)
      .reply(200, {
        leads: [
          {
            id: 2001,
            email: 'jane@example.com',
            status: 'COMPLETED',
            campaign_id: 9181,
            created_at: '2025-03-01T09:00:00.000Z',
            updated_at: '2025-04-06T07:00:00.000Z',
          },
        ],
        total_count: 1,
      });
    const [a] = (await poll({ campaign_id: '9181' })) as { id: string }[];
    const [b] = (await poll({ campaign_id: '9181' })) as { id: string }[];
    expect(a?.id).toBeDefined();
    expect(b?.id).toBe(a?.id);
  });

  it('more completed leads than one page: the last pages are read (newest additions), never only the oldest 100', async () => {
    const row = (id: number) => ({
      campaign_lead_map_id: String(9000 + id),
      status: 'COMPLETED',
      created_at: '2025-03-01T09:00:00.000Z',
      updated_at: `2025-04-0${1 + (id % 8)}T07:00:00.000Z`,
      lead: { id, email: `lead${id}@example.com` },
    });
    const pageOf = (offset: number, n: number) => ({ total_leads: '250', offset, limit: 100, data: Array.from({ length: n }, (_, i) => row(offset + i + 1)) });
    nock(API)
      .get('/api/v1/campaigns')
      .query({ api_key: KEY })
      .reply(200, [{ id: 9181, name: 'Q2 outbound' }]);
    const leads = (offset: number, n: number) =>
      nock(API)
        .get('/api/v1/campaigns/9181/leads')
        .query({ status: 'COMPLETED', offset: String(offset), limit: '100', api_key: KEY })
        .reply(200, pageOf(offset, n));
    leads(0, 100);
    leads(200, 50);
    leads(100, 100);
    const events = (await poll({ campaign_id: '9181' })) as { lead: { email: string } }[];
    expect(events).toHaveLength(250);
    expect(events.map((e) => e.lead.email)).toContain('lead250@example.com');
    expectAllCalled();
  });

  it('needs a campaign (Smartlead lists leads per campaign): refused before any call', async () => {
    expect(messageOf(await poll({}).catch((e) => e))).toMatch(/^Campaign is required for Smartlead/);
  });

  it('the instant trigger refuses with the reason and points to polling', async () => {
    const err = await appTester(op('triggers', 'sequence_finished').performSubscribe, {
      authData: authFor('smartlead'),
      inputData: { campaign_id: '9181' },
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/x/',
    } as never).catch((e) => e);
    expect(messageOf(err)).toBe(
      'Sequence Finished is not available instantly for Smartlead: Smartlead sends no webhook when a lead completes a campaign. Use the "Sequence Finished (Polling)" trigger instead.',
    );
  });
});

describe('the new Smartlead requests against Smartlead’s OpenAPI draft', () => {
  it('GET /v1/campaigns/{id}/leads?status=COMPLETED and POST …/leads/{lead_id}/resume are valid operations', async () => {
    const requests: RecordedRequest[] = [
      { method: 'GET', path: `/v1/campaigns/9181/leads?status=COMPLETED&offset=0&limit=100&api_key=${KEY}` },
      {
        method: 'POST',
        path: `/v1/campaigns/9181/leads/2001/resume?api_key=${KEY}`,
        headers: { 'content-type': 'application/json' },
        body: { resume_lead_with_delay_days: 0 },
      },
    ];
    for (const req of requests) expect({ path: req.path, violations: await specViolations('smartlead', req) }).toEqual({ path: req.path, violations: [] });
    // The checker is live: a status the draft does not list is a violation.
    expect(await specViolations('smartlead', { method: 'GET', path: `/v1/campaigns/9181/leads?status=DONE&api_key=${KEY}` })).not.toEqual([]);
  });
});

describe('Smartlead lifecycle against its mock (README recipes 4 and 5 offline)', () => {
  const api = useMockApi('smartlead');
  beforeEach(() => nock.enableNetConnect('127.0.0.1'));
  const trigger = (inputData: Record<string, unknown>) =>
    appTester(op('triggers', 'sequence_finished_polling').perform, { authData: authFor('smartlead'), inputData } as never);

  it('Sequence Finished lists the seeded finished lead only (not the replied, paused, unsubscribed or bounced ones)', async () => {
    await api.start();
    expect(await trigger({ campaign_id: '9181' })).toEqual([
      expect.objectContaining({
        event: 'sequence_finished',
        lead: expect.objectContaining({ email: 'finished@example.com' }),
        category: 'COMPLETED',
        campaign: { id: '9181', name: 'Q2 outbound' },
      }),
    ]);
  });

  // Each test stays under the mock's 10 requests per second.
  it('Stop (pause) → Resume → resumed; the same resume again → already_running', async () => {
    await api.start();
    await api.run('creates', 'enroll_lead', { email: 'ann@example.com', campaign_id: '9181' });
    expect(await api.run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'stopped' });
    expect(await api.run('creates', 'resume_sequence', { email: 'ann@example.com' })).toMatchObject({
      outcome: 'resumed',
      affected_campaigns: [{ id: '9181', status: 'INPROGRESS' }],
    });
    expect(await api.run('creates', 'resume_sequence', { email: 'ann@example.com', campaign_id: '9181' })).toMatchObject({ outcome: 'already_running' });
    expect(api.mock.log.filter((l) => l.path.endsWith('/resume'))).toHaveLength(1);
  });

  it('seeded leads: paused → resumed; finished or bounced → not_paused; unsubscribed → skipped; unknown → not_found', async () => {
    await api.start();
    expect(await api.run('creates', 'resume_sequence', { email: 'paused@example.com', campaign_id: '9181' })).toMatchObject({ outcome: 'resumed' });
    expect(await api.run('creates', 'resume_sequence', { email: 'finished@example.com' })).toMatchObject({ outcome: 'not_paused' });
    expect(await api.run('creates', 'resume_sequence', { email: 'bounced@example.com' })).toMatchObject({ outcome: 'not_paused' });
    expect(await api.run('creates', 'resume_sequence', { email: 'optout@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(await api.run('creates', 'resume_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found' });
    expect(api.mock.log.filter((l) => l.path.endsWith('/resume'))).toHaveLength(1);
  });
});
