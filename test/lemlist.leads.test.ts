import { CAPABILITIES } from '../src/providers/capabilityTable';
import type { ActionCapabilities } from '../src/providers/capabilities';
import nock from 'nock';
import { lemlist } from '../src/providers/lemlist';
import type { EnrollPolicy, EnrollRequest, LeadInput } from '../src/providers/types';
import { ActionOutcome, Lead } from '../src/model/lead';
import { expectAllCalled, messageOf, resetNock, runWith } from './support/app';
import { specViolations, type RecordedRequest } from './support/contract';

const ORIGIN = 'https://api.lemlist.com';
const KEY = 'test-lemlist-key';
const BASIC = `Basic ${Buffer.from(`:${KEY}`).toString('base64')}`;
const TEXT = { 'content-type': 'text/plain' };
const ops = lemlist.leads!;

let sent: RecordedRequest[] = [];
const api = () => {
  const scope = nock(ORIGIN, { reqheaders: { authorization: BASIC } });
  scope.on('request', (req: { method: string; path: string; headers: Record<string, string> }, _i: unknown, body: string) => {
    sent.push({ method: req.method, path: req.path.replace(/^\/api/, ''), headers: req.headers, body: body ? JSON.parse(body) : undefined });
  });
  return scope;
};
const expectSpecValid = async () => {
  expect(sent.length).toBeGreaterThan(0);
  for (const req of sent) {
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('lemlist', req) }).toEqual({
      req: `${req.method} ${req.path}`,
      violations: [],
    });
  }
};
/** Stop must never unsubscribe: every DELETE of a campaign lead carries action=remove. */
const expectNoUnsubscribingDelete = () => {
  for (const req of sent.filter((r) => r.method === 'DELETE')) {
    expect(new URL(`https://x${req.path}`).searchParams.get('action')).toBe('remove');
  }
};

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(() => nock.cleanAll());

// GET /leads/{email}?version=v2 entries, shaped like the vendor example (one per campaign).
const entry = (over: Record<string, unknown> = {}) => ({
  _id: 'lea_fiDpiGV585wy3Oii2',
  updatedAt: '2025-10-28T00:40:39.230Z',
  isPaused: false,
  state: 'scanned',
  status: 'review',
  personalized: false,
  source: 'api',
  variables: {
    firstName: 'John',
    lastName: 'Doe',
    companyName: 'lemlist',
    jobTitle: 'GTM Engineer',
    companyDomain: 'example.com',
    email: 'support@lemlist.com',
  },
  contactId: 'ctc_xW8Ou6C03Csv8vatp',
  enrichment: { emailStatus: 'deliverable' },
  campaign: { id: 'cam_bSn8EORHQxbWPjHvu', name: 'NEW TO DELETE', status: 'draft' },
  sendingUser: {},
  ...over,
});
const other = (over: Record<string, unknown> = {}) =>
  entry({
    _id: 'lea_other0000000000001',
    updatedAt: '2025-09-01T00:00:00.000Z',
    campaign: { id: 'cam_other', name: 'Older campaign', status: 'running' },
    ...over,
  });
const lookup = (reply: [number, unknown, Record<string, string>?]) =>
  api()
    .get('/api/leads/support%40lemlist.com')
    .query({ version: 'v2' })
    .reply(reply[0], reply[1] as object, reply[2]);

const leadIn: LeadInput = {
  email: 'Support@Lemlist.com',
  first_name: 'John',
  last_name: 'Doe',
  company: 'lemlist',
  title: 'GTM Engineer',
  phone: null,
  linkedin_url: 'https://www.linkedin.com/in/johndoe',
  custom_fields: { companySize: '50-100' },
};
const policy = (over: Partial<EnrollPolicy> = {}): EnrollPolicy => ({
  if_already_enrolled: 'skip',
  if_in_other_campaign: 'skip',
  if_previously_contacted: 'skip',
  ...over,
});
const enrollReq = (over: Partial<EnrollPolicy> = {}, campaign_id = 'cam_bSn8EORHQxbWPjHvu'): EnrollRequest => ({
  campaign_id,
  lead: leadIn,
  policy: policy(over),
  mailbox_id: null,
});
const created = {
  campaignId: 'cam_bSn8EORHQxbWPjHvu',
  campaignName: 'NEW TO DELETE',
  firstName: 'John',
  lastName: 'Doe',
  companyName: 'lemlist',
  jobTitle: 'GTM Engineer',
  companyDomain: 'example.com',
  email: 'support@lemlist.com',
  _id: 'lea_fiDpiGV585wy3Oii2',
  isPaused: false,
  contactId: 'ctc_xW8Ou6C03Csv8vatp',
};
const createBody = {
  email: 'support@lemlist.com',
  firstName: 'John',
  lastName: 'Doe',
  companyName: 'lemlist',
  jobTitle: 'GTM Engineer',
  linkedinUrl: 'https://www.linkedin.com/in/johndoe',
  companySize: '50-100',
};
const enroll = (req: EnrollRequest) => runWith('lemlist', (ctx) => ops.enroll(ctx, req)).then((o) => ActionOutcome.parse(o));

describe('lemlist Find Lead', () => {
  it('looks the address up (lower-cased) and lists every campaign the lead is in', async () => {
    lookup([200, [entry(), other({ state: 'emailsReplied', isPaused: true })]]);
    const lead = Lead.parse(await runWith('lemlist', (ctx) => ops.find(ctx, 'Support@Lemlist.com')));
    expect(lead).toEqual({
      id: 'lemlist:lea_fiDpiGV585wy3Oii2',
      tool: 'lemlist',
      tool_lead_id: 'lea_fiDpiGV585wy3Oii2',
      email: 'support@lemlist.com',
      first_name: 'John',
      last_name: 'Doe',
      full_name: 'John Doe',
      company: 'lemlist',
      title: 'GTM Engineer',
      phone: null,
      linkedin_url: null,
      unsubscribed: false,
      campaigns: [
        { id: 'cam_bSn8EORHQxbWPjHvu', name: 'NEW TO DELETE', status: 'scanned' },
        { id: 'cam_other', name: 'Older campaign', status: 'paused' },
      ],
    });
    expectAllCalled();
    await expectSpecValid();
  });

  it('answers null on lemlist\'s text/plain 404 "Lead not found"', async () => {
    lookup([404, 'Lead not found', TEXT]);
    expect(await runWith('lemlist', (ctx) => ops.find(ctx, 'support@lemlist.com'))).toBeNull();
    expectAllCalled();
  });

  it('says an unsubscribed lead is unsubscribed', async () => {
    lookup([200, [entry({ state: 'emailsUnsubscribed' })]]);
    expect((await runWith('lemlist', (ctx) => ops.find(ctx, 'support@lemlist.com')))?.unsubscribed).toBe(true);
  });
});

describe('lemlist Create Lead (create-or-update inside a campaign)', () => {
  it('needs a campaign: leads only exist inside campaigns', () => {
    expect((CAPABILITIES.lemlist.actions as ActionCapabilities).create.campaign).toBe('required');
  });

  it('creates the lead in the campaign when it is not there yet', async () => {
    lookup([404, 'Lead not found', TEXT]);
    api().post('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/', createBody).reply(200, created);
    const out = await runWith('lemlist', (ctx) => ops.upsert(ctx, leadIn, 'cam_bSn8EORHQxbWPjHvu'));
    expect(out.created).toBe(true);
    expect(Lead.parse(out.lead)).toMatchObject({ id: 'lemlist:lea_fiDpiGV585wy3Oii2', campaigns: [{ id: 'cam_bSn8EORHQxbWPjHvu', name: 'NEW TO DELETE' }] });
    expectAllCalled();
    await expectSpecValid();
  });

  it('updates the lead of that campaign with PATCH when it is there', async () => {
    lookup([200, [entry()]]);
    api()
      .patch('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/lea_fiDpiGV585wy3Oii2', (body) => body.companyName === 'lemlist' && !('email' in body))
      .reply(200, { ...created, companyName: 'lemlist', leadUrl: 'https://api.lemlist.com/api/leads/support%40lemlist.com' });
    const out = await runWith('lemlist', (ctx) => ops.upsert(ctx, leadIn, 'cam_bSn8EORHQxbWPjHvu'));
    expect(out.created).toBe(false);
    expect(out.lead.tool_lead_id).toBe('lea_fiDpiGV585wy3Oii2');
    expectAllCalled();
    await expectSpecValid();
  });
});

describe('lemlist Enroll Lead', () => {
  it('enrolled: one lookup, then one create with deduplicate=true (lemlist skips addresses in other campaigns)', async () => {
    lookup([404, 'Lead not found', TEXT]);
    api().post('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/', createBody).query({ deduplicate: 'true' }).reply(200, created);
    const out = await enroll(enrollReq());
    expect(out).toMatchObject({ outcome: 'enrolled', tool: 'lemlist', campaign: { id: 'cam_bSn8EORHQxbWPjHvu', name: 'NEW TO DELETE' } });
    expect(out.lead?.id).toBe('lemlist:lea_fiDpiGV585wy3Oii2');
    expect(out.detail).toBe('Added support@lemlist.com to lemlist campaign "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu).');
    expectAllCalled();
    await expectSpecValid();
  });

  it('already_enrolled: the lead is in this campaign; nothing is created', async () => {
    lookup([200, [entry()]]);
    const out = await enroll(enrollReq());
    expect(out.outcome).toBe('already_enrolled');
    expect(out.detail).toMatch(/already in lemlist campaign "NEW TO DELETE"/);
    expectAllCalled();
  });

  it('if_already_enrolled=error: an error naming the lead and the campaign', async () => {
    lookup([200, [entry()]]);
    const err = await enroll(enrollReq({ if_already_enrolled: 'error' })).catch((e) => e);
    expect(messageOf(err)).toMatch(/support@lemlist.com is already in lemlist campaign "NEW TO DELETE" \(cam_bSn8EORHQxbWPjHvu\)/);
  });

  it('skipped_unsubscribed: never re-subscribed silently', async () => {
    lookup([200, [other({ state: 'emailsUnsubscribed' })]]);
    expect((await enroll(enrollReq({ if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' }))).outcome).toBe('skipped_unsubscribed');
    expectAllCalled();
  });

  it('skipped_in_other_campaign: in another campaign and the policy is skip', async () => {
    lookup([200, [other()]]);
    const out = await enroll(enrollReq());
    expect(out.outcome).toBe('skipped_in_other_campaign');
    expect(out.detail).toMatch(/another lemlist campaign \(Older campaign\)/);
    expectAllCalled();
  });

  it('skipped_previously_contacted: contacted in another campaign, added-anyway policy, but not re-enrolling', async () => {
    lookup([200, [other({ state: 'emailsOpened' })]]);
    expect((await enroll(enrollReq({ if_in_other_campaign: 'add_anyway' }))).outcome).toBe('skipped_previously_contacted');
    expectAllCalled();
  });

  it('add_anyway + re_enroll: created with deduplicate=false', async () => {
    lookup([200, [other({ state: 'emailsReplied' })]]);
    api().post('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/', createBody).query({ deduplicate: 'false' }).reply(200, created);
    const out = await enroll(enrollReq({ if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' }));
    expect(out.outcome).toBe('enrolled');
    expect(out.lead?.campaigns.map((c) => c.id).sort()).toEqual(['cam_bSn8EORHQxbWPjHvu', 'cam_other']);
    expectAllCalled();
    await expectSpecValid();
  });

  it('a refusal of the create (added meanwhile) is classified by looking again, not reported as enrolled', async () => {
    lookup([404, 'Lead not found', TEXT]);
    api().post('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/').query({ deduplicate: 'true' }).reply(400, 'Lead already in campaign', TEXT);
    lookup([200, [other()]]);
    expect((await enroll(enrollReq())).outcome).toBe('skipped_in_other_campaign');
    expectAllCalled();
  });

  it("surfaces lemlist's text/plain errors verbatim (404 Campaign not found)", async () => {
    lookup([404, 'Lead not found', TEXT]);
    api().post('/api/campaigns/cam_nope/leads/').query({ deduplicate: 'true' }).reply(404, 'Campaign not found', TEXT);
    const err = await enroll(enrollReq({}, 'cam_nope')).catch((e) => e);
    expect(messageOf(err)).toBe('lemlist rejected the request (404): Campaign not found');
  });
});

describe('lemlist Stop Sequence (never unsubscribes)', () => {
  const stop = (campaign_id: string | null, mode: 'pause' | 'remove' = 'pause') =>
    runWith('lemlist', (ctx) => ops.stop(ctx, { email: 'support@lemlist.com', campaign_id, mode })).then((o) => ActionOutcome.parse(o));

  it('offers pause and remove only', () => {
    expect((CAPABILITIES.lemlist.actions as ActionCapabilities).stop.modes).toEqual(['pause', 'remove']);
  });

  it('pause in one campaign: POST /leads/pause/{leadId}?campaignId=', async () => {
    lookup([200, [entry(), other()]]);
    api()
      .post('/api/leads/pause/lea_fiDpiGV585wy3Oii2')
      .query({ campaignId: 'cam_bSn8EORHQxbWPjHvu' })
      .reply(200, [{ ...created, isPaused: true }]);
    const out = await stop('cam_bSn8EORHQxbWPjHvu');
    expect(out).toMatchObject({
      outcome: 'stopped',
      campaign: { id: 'cam_bSn8EORHQxbWPjHvu', name: 'NEW TO DELETE' },
      affected_campaigns: [{ id: 'cam_bSn8EORHQxbWPjHvu', name: 'NEW TO DELETE', status: 'paused' }],
    });
    expectAllCalled();
    await expectSpecValid();
  });

  it('pause everywhere: each campaign the lead is active in; an already paused one is not called again', async () => {
    lookup([200, [entry(), other({ isPaused: true })]]);
    api()
      .post('/api/leads/pause/lea_fiDpiGV585wy3Oii2')
      .query({ campaignId: 'cam_bSn8EORHQxbWPjHvu' })
      .reply(200, [{ ...created, isPaused: true }]);
    const out = await stop(null);
    expect(out.outcome).toBe('stopped');
    expect(out.campaign).toBeNull();
    expect(out.affected_campaigns.map((c) => c.id)).toEqual(['cam_bSn8EORHQxbWPjHvu', 'cam_other']);
    expectAllCalled();
    await expectSpecValid();
  });

  it('idempotent: already paused → already_stopped without a call', async () => {
    lookup([200, [entry({ isPaused: true })]]);
    const out = await stop('cam_bSn8EORHQxbWPjHvu');
    expect(out.outcome).toBe('already_stopped');
    expectAllCalled();
  });

  /** `GET /contacts/{email}`: the contact outlives its campaign entries (vendor example / 404 shape). */
  const contact = (status: 200 | 404) =>
    api()
      .get('/api/contacts/support%40lemlist.com')
      .reply(
        status,
        status === 200
          ? { _id: 'ctc_xW8Ou6C03Csv8vatp', teamId: 'tea_8QvkOiBfPdb2ZRhHi', email: 'support@lemlist.com', fields: {}, campaigns: [], unsubscribed: false }
          : { success: false, error: { code: 'CONTACT_NOT_FOUND', message: 'No contact found with the provided id or email' } },
      );

  it('not_found only when lemlist knows neither a lead nor a contact for the address', async () => {
    lookup([404, 'Lead not found', TEXT]);
    contact(404);
    const out = await stop(null);
    expect(out).toMatchObject({ outcome: 'not_found', lead: null });
    expectAllCalled();
    await expectSpecValid();
  });

  it('a known lead not in that campaign is already_stopped (no extra call)', async () => {
    lookup([200, [other()]]);
    const out = await stop('cam_bSn8EORHQxbWPjHvu');
    expect(out).toMatchObject({ outcome: 'already_stopped', lead: { id: 'lemlist:lea_other0000000000001' } });
    expect(out.detail).toMatch(/not in lemlist campaign cam_bSn8EORHQxbWPjHvu/);
    expectAllCalled();
  });

  it.each(['pause', 'remove'] as const)('%s after the lead was removed from every campaign (contact still known) is already_stopped', async (mode) => {
    lookup([404, 'Lead not found', TEXT]);
    contact(200);
    expect((await stop('cam_bSn8EORHQxbWPjHvu', mode)).outcome).toBe('already_stopped');
    lookup([404, 'Lead not found', TEXT]);
    contact(200);
    expect((await stop(null, mode)).outcome).toBe('already_stopped');
    expectAllCalled();
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
    await expectSpecValid();
  });

  // GET /contacts/{idOrEmail} documents 200/400/401/405 only. An unknown contact: 404, as the public
  // attio/lemlist-app client reads it (src/lemlist-api/contacts.ts getContact: 404 → null); a 400 whose
  // text says not found is read the same way; any other 400 ("Bad team") stays an error.
  it('a 400 from the contact lookup that says not found is an unknown address (not_found); another 400 is an error', async () => {
    lookup([404, 'Lead not found', TEXT]);
    api().get('/api/contacts/support%40lemlist.com').reply(400, 'Contact not found', TEXT);
    expect(await stop(null)).toMatchObject({ outcome: 'not_found', lead: null });
    lookup([404, 'Lead not found', TEXT]);
    api().get('/api/contacts/support%40lemlist.com').reply(400, 'Bad team', TEXT);
    expect(messageOf(await stop(null).catch((e) => e))).toBe('lemlist rejected the request (400): Bad team');
    expectAllCalled();
  });

  // Its 200 carries campaigns[]{campaignId, campaignState, leadState, leadId} (vendor example): entries the
  // lead lookup did not list are still stopped with their leadId, never reported as nothing to stop.
  it.each([
    ['remove', 'DELETE'],
    ['pause', 'POST'],
  ] as const)('%s: entries only the contact lists (campaigns[].leadId) are stopped, not reported already_stopped', async (mode, method) => {
    lookup([404, 'Lead not found', TEXT]);
    api()
      .get('/api/contacts/support%40lemlist.com')
      .reply(200, {
        _id: 'ctc_xW8Ou6C03Csv8vatp',
        teamId: 'tea_8QvkOiBfPdb2ZRhHi',
        fullName: 'John Doe',
        email: 'support@lemlist.com',
        fields: { firstName: 'John', lastName: 'Doe' },
        campaigns: [
          { campaignId: 'cam_bSn8EORHQxbWPjHvu', campaignState: 'running', leadState: 'review', leadId: 'lea_fiDpiGV585wy3Oii2' },
          { campaignId: 'cam_other', campaignState: 'running', leadState: 'done', leadId: 'lea_other0000000000001' },
        ],
        unsubscribed: false,
      });
    if (method === 'DELETE') api().delete('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/lea_fiDpiGV585wy3Oii2').query({ action: 'remove' }).reply(200, created);
    else
      api()
        .post('/api/leads/pause/lea_fiDpiGV585wy3Oii2')
        .query({ campaignId: 'cam_bSn8EORHQxbWPjHvu' })
        .reply(200, [{ _id: 'lea_fiDpiGV585wy3Oii2', isPaused: true, campaignId: 'cam_bSn8EORHQxbWPjHvu' }]);
    const out = await stop('cam_bSn8EORHQxbWPjHvu', mode);
    expect(out).toMatchObject({
      outcome: 'stopped',
      lead: { id: 'lemlist:lea_fiDpiGV585wy3Oii2', email: 'support@lemlist.com', first_name: 'John', last_name: 'Doe' },
      affected_campaigns: [{ id: 'cam_bSn8EORHQxbWPjHvu', status: mode === 'remove' ? 'removed' : 'paused' }],
    });
    expectAllCalled();
    expectNoUnsubscribingDelete();
    await expectSpecValid();
  });

  it('remove twice: stopped, then already_stopped (not not_found)', async () => {
    lookup([200, [entry()]]);
    api().delete('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/lea_fiDpiGV585wy3Oii2').query({ action: 'remove' }).reply(200, created);
    expect((await stop('cam_bSn8EORHQxbWPjHvu', 'remove')).outcome).toBe('stopped');
    lookup([404, 'Lead not found', TEXT]);
    contact(200);
    expect((await stop('cam_bSn8EORHQxbWPjHvu', 'remove')).outcome).toBe('already_stopped');
    expectAllCalled();
    expectNoUnsubscribingDelete();
  });

  it('remove: DELETE with action=remove only (a DELETE without it would unsubscribe the lead)', async () => {
    lookup([200, [entry(), other()]]);
    api().delete('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/lea_fiDpiGV585wy3Oii2').query({ action: 'remove' }).reply(200, created);
    api().delete('/api/campaigns/cam_other/leads/lea_other0000000000001').query({ action: 'remove' }).reply(404, 'Lead not found', TEXT);
    const out = await stop(null, 'remove');
    expect(out.outcome).toBe('stopped');
    expect(out.affected_campaigns.map((c) => [c.id, c.status])).toEqual([
      ['cam_bSn8EORHQxbWPjHvu', 'removed'],
      ['cam_other', 'removed'],
    ]);
    expect(out.lead?.campaigns).toEqual([]);
    expectAllCalled();
    expect(sent.filter((r) => r.method === 'DELETE')).toHaveLength(2);
    expectNoUnsubscribingDelete();
    await expectSpecValid();
  });

  it('remove is idempotent: a 404 on the DELETE is already_stopped', async () => {
    lookup([200, [entry()]]);
    api().delete('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/lea_fiDpiGV585wy3Oii2').query({ action: 'remove' }).reply(404, 'Lead not found', TEXT);
    expect((await stop('cam_bSn8EORHQxbWPjHvu', 'remove')).outcome).toBe('already_stopped');
    expectAllCalled();
    expectNoUnsubscribingDelete();
  });

  it('no operation of the provider ever sends an unsubscribing DELETE', async () => {
    // Any DELETE without action=remove would match this interceptor and be recorded.
    api()
      .persist()
      .delete(/.*/)
      .query((q) => q.action !== 'remove')
      .reply(500, 'must never be called');
    lookup([200, [entry(), other()]]);
    api().post('/api/leads/pause/lea_fiDpiGV585wy3Oii2').query(true).reply(200, []);
    api().post('/api/leads/pause/lea_other0000000000001').query(true).reply(200, []);
    await stop(null, 'pause');
    lookup([200, [entry()]]);
    api().delete('/api/campaigns/cam_bSn8EORHQxbWPjHvu/leads/lea_fiDpiGV585wy3Oii2').query({ action: 'remove' }).reply(200, created);
    await stop('cam_bSn8EORHQxbWPjHvu', 'remove');
    expectNoUnsubscribingDelete();
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/campaigns/cam_bSn8EORHQxbWPjHvu/leads/lea_fiDpiGV585wy3Oii2?action=remove',
    ]);
  });
});

describe('the contract check itself', () => {
  it('catches a create-lead body the spec does not allow (custom variables must be strings)', async () => {
    expect(
      await specViolations('lemlist', {
        method: 'POST',
        path: '/campaigns/cam_1/leads/?deduplicate=true',
        headers: { 'content-type': 'application/json' },
        body: { email: 'a@example.com', size: 50 },
      }),
    ).not.toEqual([]);
  });

  it('catches a request the lemlist spec does not allow', async () => {
    expect(
      await specViolations('lemlist', {
        method: 'POST',
        path: '/hooks',
        headers: { 'content-type': 'application/json' },
        body: { targetUrl: 'https://x.example.com', type: 'emailsReplyed' },
      }),
    ).not.toEqual([]);
  });
});
