import { CAPABILITIES } from '../src/providers/capabilityTable';
import type { ActionCapabilities } from '../src/providers/capabilities';
import nock from 'nock';
import { ActionOutcome, Lead } from '../src/model/lead';
import { woodpecker } from '../src/providers/woodpecker';
import type { EnrollPolicy, EnrollRequest, LeadInput } from '../src/providers/types';
import { expectAllCalled, messageOf, resetNock, runWith } from './support/app';

const API = 'https://api.woodpecker.co';
const KEY = 'test-woodpecker-key';
const wp = () => nock(API, { reqheaders: { 'x-api-key': KEY, 'content-type': /json/ } });
const wpGet = () => nock(API, { reqheaders: { 'x-api-key': KEY } });
const leads = woodpecker.leads!;

const input = (over: Partial<LeadInput> = {}): LeadInput => ({
  email: 'Erlich@Bachman.com',
  first_name: 'Erlich',
  last_name: 'Bachman',
  company: 'Bachmanity',
  title: null,
  phone: null,
  linkedin_url: null,
  custom_fields: { snippet1: 'Pied Piper board member', favourite_colour: 'ignored' },
  ...over,
});
const policy = (over: Partial<EnrollPolicy> = {}): EnrollPolicy => ({
  if_already_enrolled: 'skip',
  if_in_other_campaign: 'add_anyway',
  if_previously_contacted: 'skip',
  ...over,
});
const enrollReq = (over: Partial<EnrollRequest> = {}): EnrollRequest => ({
  campaign_id: '1234567',
  lead: input(),
  policy: policy(),
  mailbox_id: null,
  ...over,
});
const SENT_PROSPECT = { email: 'erlich@bachman.com', first_name: 'Erlich', last_name: 'Bachman', company: 'Bachmanity', snippet1: 'Pied Piper board member' };

/** A search answer in the documented prospect shape, with campaigns_details. */
const row = (status: string, details: { campaign_id: number; campaign_name: string; campaign_status: string; campaign_prospect_status: string }[] = []) => [
  { id: 4804, email: 'erlich@bachman.com', first_name: 'Erlich', last_name: 'Bachman', company: 'Bachmanity', status, campaigns_details: details },
];
const searchFor = () => wpGet().get('/rest/v1/prospects').query({ search: 'email=erlich@bachman.com', campaigns_details: 'true' });

/** The code of a z.errors.Error as Zapier encodes it ({message, code, status} JSON). */
const codeOf = (err: unknown): { code?: string; status?: number } => {
  try {
    return JSON.parse((err as Error).message) as { code?: string; status?: number };
  } catch {
    return {};
  }
};

const enroll = (req: EnrollRequest) => runWith('woodpecker', (ctx) => leads.enroll(ctx, req));
const stop = (campaign_id: string | null) => runWith('woodpecker', (ctx) => leads.stop(ctx, { email: 'erlich@bachman.com', campaign_id, mode: 'pause' }));

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Woodpecker find / create', () => {
  it('finds a prospect by exact email search with campaign details', async () => {
    searchFor().reply(
      200,
      row('ACTIVE', [{ campaign_id: 1234567, campaign_name: 'SaaS CEOs', campaign_status: 'RUNNING', campaign_prospect_status: 'ACTIVE' }]),
    );
    const lead = Lead.parse(await runWith('woodpecker', (ctx) => leads.find(ctx, 'ERLICH@bachman.com')));
    expect(lead).toMatchObject({
      id: 'woodpecker:4804',
      email: 'erlich@bachman.com',
      full_name: 'Erlich Bachman',
      unsubscribed: false,
      campaigns: [{ id: '1234567', name: 'SaaS CEOs', status: 'ACTIVE' }],
    });
    expectAllCalled();
  });

  it('returns null on 204 No Content', async () => {
    searchFor().reply(204);
    expect(await runWith('woodpecker', (ctx) => leads.find(ctx, 'erlich@bachman.com'))).toBeNull();
    expectAllCalled();
  });

  it('creates with add_prospects_list update:true, sending only Woodpecker columns', async () => {
    searchFor().reply(204);
    wp()
      .post('/rest/v1/add_prospects_list', { update: true, prospects: [SENT_PROSPECT] })
      .reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    const out = await runWith('woodpecker', (ctx) => leads.upsert(ctx, input(), null));
    expect(out.created).toBe(true);
    expect(Lead.parse(out.lead)).toMatchObject({ id: 'woodpecker:4804', company: 'Bachmanity' });
    expectAllCalled();
  });

  it.each([
    ['no prospects at all', { status: { status: 'OK' } }],
    ['an item with neither id nor code', { prospects: [{ email: 'erlich@bachman.com' }], status: { status: 'OK' } }],
  ])('create with %s is an UnexpectedResponse error, not a saved lead', async (_what, answer) => {
    searchFor().reply(204);
    wp().post('/rest/v1/add_prospects_list').reply(200, answer);
    const err = await runWith('woodpecker', (ctx) => leads.upsert(ctx, input(), null)).catch((e) => e);
    expect(codeOf(err)).toMatchObject({ code: 'UnexpectedResponse', status: 502 });
    expect(messageOf(err)).toContain(JSON.stringify(answer));
    expectAllCalled();
  });

  it('updates an existing prospect (created: false)', async () => {
    searchFor().reply(200, row('ACTIVE'));
    wp()
      .post('/rest/v1/add_prospects_list')
      .reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    const out = await runWith('woodpecker', (ctx) => leads.upsert(ctx, input({ company: 'Aviato' }), null));
    expect(out).toMatchObject({ created: false, lead: { company: 'Aviato', tool_lead_id: '4804' } });
    expectAllCalled();
  });
});

describe('Woodpecker enroll', () => {
  const add = (force: boolean) => wp().post('/rest/v1/add_prospects_campaign', { campaign: { campaign_id: 1234567 }, force, prospects: [SENT_PROSPECT] });

  it('enrolls with one add_prospects_campaign call (force: false)', async () => {
    add(false).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }], status: { status: 'OK' } });
    const out = ActionOutcome.parse(await enroll(enrollReq()));
    expect(out).toMatchObject({ outcome: 'enrolled', lead: { id: 'woodpecker:4804' }, campaign: { id: '1234567' } });
    expectAllCalled();
  });

  it('reports a duplicate as already_enrolled, or as an error by policy', async () => {
    add(false)
      .times(2)
      .reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804, status: 'ERROR', code: 'E_DUPLICATE', msg: 'Duplicate' }] });
    expect((await enroll(enrollReq())).outcome).toBe('already_enrolled');
    const err = await enroll(enrollReq({ policy: policy({ if_already_enrolled: 'error' }) })).catch((e) => e);
    expect(messageOf(err)).toMatch(/erlich@bachman.com is already in Woodpecker campaign 1234567/);
    expectAllCalled();
  });

  const notActive = { prospects: [{ email: 'erlich@bachman.com', status: 'ERROR', code: 'E_INV_STATUS', msg: "Prospect's status is other than ACTIVE" }] };

  it('never forces a blacklisted prospect: skipped_unsubscribed', async () => {
    add(false).reply(200, notActive);
    searchFor().reply(200, row('BLACKLIST'));
    const out = await enroll(enrollReq({ policy: policy({ if_previously_contacted: 're_enroll' }) }));
    expect(out).toMatchObject({ outcome: 'skipped_unsubscribed', lead: { unsubscribed: true } });
    expectAllCalled();
  });

  it('never forces when the refused prospect cannot be found: re_enroll is an error, no force:true call', async () => {
    add(false).reply(200, notActive);
    searchFor().reply(204);
    const forced = add(true).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    const err = await enroll(enrollReq({ policy: policy({ if_previously_contacted: 're_enroll' }) })).catch((e) => e);
    expect(messageOf(err)).toMatch(/could not be found to read its status.*not forced in.*blacklisted/);
    expect(codeOf(err).code).toBe('StatusUnknown');
    expect(forced.isDone()).toBe(false);
  });

  it('never forces when the found row carries no status', async () => {
    add(false).reply(200, notActive);
    searchFor().reply(200, [{ id: 4804, email: 'erlich@bachman.com', campaigns_details: [] }]);
    const forced = add(true).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    const err = await enroll(enrollReq({ policy: policy({ if_previously_contacted: 're_enroll' }) })).catch((e) => e);
    expect(messageOf(err)).toMatch(/status could not be read/);
    expect(forced.isDone()).toBe(false);
  });

  it('an unreadable status with policy skip is skipped_previously_contacted, saying the status could not be read', async () => {
    add(false).reply(200, notActive);
    searchFor().reply(204);
    const out = await enroll(enrollReq());
    expect(out.outcome).toBe('skipped_previously_contacted');
    expect(out.detail).toMatch(/could not be found to read its status/);
    expectAllCalled();
  });

  it('looks again after a refusal when the first lookup (policy skip) found nothing: a BLACKLIST is never forced', async () => {
    searchFor().reply(204);
    add(false).reply(200, notActive);
    searchFor().reply(200, row('BLACKLIST'));
    const forced = add(true).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    const out = await enroll(enrollReq({ policy: policy({ if_in_other_campaign: 'skip', if_previously_contacted: 're_enroll' }) }));
    expect(out).toMatchObject({ outcome: 'skipped_unsubscribed', lead: { unsubscribed: true } });
    expect(forced.isDone()).toBe(false);
  });

  // The per-prospect result: the independent Power Platform connector (microsoft/PowerPlatformConnectors
  // independent-publisher-connectors/Woodpecker) declares {email, id}; third-party mocks answer
  // {email, status: "OK"} with no id. Both are a reported success; without an id, one search finds it.
  it('an item reported OK without an id is enrolled; the id comes from one search', async () => {
    add(false).reply(200, { status: { code: 'OK', msg: 'Success' }, prospects: [{ email: 'erlich@bachman.com', status: 'OK' }] });
    searchFor().reply(
      200,
      row('ACTIVE', [{ campaign_id: 1234567, campaign_name: 'SaaS CEOs', campaign_status: 'RUNNING', campaign_prospect_status: 'ACTIVE' }]),
    );
    const out = await enroll(enrollReq());
    expect(out).toMatchObject({ outcome: 'enrolled', lead: { id: 'woodpecker:4804', tool_lead_id: '4804' }, campaign: { id: '1234567', name: 'SaaS CEOs' } });
    expectAllCalled();
  });

  it('an item with an id needs no search', async () => {
    add(false).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }], status: { status: 'OK', code: '', msg: '' } });
    expect(await enroll(enrollReq())).toMatchObject({ outcome: 'enrolled', lead: { id: 'woodpecker:4804' } });
    expectAllCalled();
  });

  it.each([
    ['no body', undefined],
    ['no prospects', { status: { status: 'OK' } }],
    ['an empty prospects list', { prospects: [], status: { status: 'OK' } }],
    ['an item with neither id nor code', { prospects: [{ email: 'erlich@bachman.com' }] }],
    ['only an item for another address', { prospects: [{ email: 'someone@else.com', id: 1 }] }],
  ])('an add answered with %s is an UnexpectedResponse error quoting the body, never enrolled', async (_what, answer) => {
    const scope = add(false);
    if (answer === undefined) scope.reply(200);
    else scope.reply(200, answer);
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(codeOf(err)).toMatchObject({ code: 'UnexpectedResponse', status: 502 });
    expect(messageOf(err)).toContain(answer === undefined ? 'an empty body' : JSON.stringify(answer));
    expectAllCalled();
  });

  it('skips a previously contacted (REPLIED) prospect by default', async () => {
    add(false).reply(200, notActive);
    searchFor().reply(200, row('REPLIED'));
    const out = await enroll(enrollReq());
    expect(out.outcome).toBe('skipped_previously_contacted');
    expect(out.detail).toMatch(/status REPLIED/);
    expectAllCalled();
  });

  it('re-enrolls a previously contacted prospect with force: true when asked', async () => {
    add(false).reply(200, notActive);
    searchFor().reply(200, row('REPLIED'));
    add(true).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    expect((await enroll(enrollReq({ policy: policy({ if_previously_contacted: 're_enroll' }) }))).outcome).toBe('enrolled');
    expectAllCalled();
  });

  it('skips a prospect still active in another campaign, without adding', async () => {
    searchFor().reply(200, row('ACTIVE', [{ campaign_id: 999, campaign_name: 'Other', campaign_status: 'RUNNING', campaign_prospect_status: 'ACTIVE' }]));
    const out = await enroll(enrollReq({ policy: policy({ if_in_other_campaign: 'skip' }) }));
    expect(out).toMatchObject({ outcome: 'skipped_in_other_campaign' });
    expect(out.detail).toMatch(/Other/);
    expectAllCalled();
  });

  it('adds when the other campaign is finished, and sees this campaign in the lookup as already enrolled', async () => {
    searchFor().reply(200, row('ACTIVE', [{ campaign_id: 999, campaign_name: 'Old', campaign_status: 'COMPLETED', campaign_prospect_status: 'ACTIVE' }]));
    add(false).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    expect((await enroll(enrollReq({ policy: policy({ if_in_other_campaign: 'skip' }) }))).outcome).toBe('enrolled');
    searchFor().reply(
      200,
      row('ACTIVE', [{ campaign_id: 1234567, campaign_name: 'SaaS CEOs', campaign_status: 'RUNNING', campaign_prospect_status: 'ACTIVE' }]),
    );
    const again = await enroll(enrollReq({ policy: policy({ if_in_other_campaign: 'skip' }) }));
    expect(again).toMatchObject({ outcome: 'already_enrolled', campaign: { name: 'SaaS CEOs' } });
    expectAllCalled();
  });

  it('surfaces any other per-prospect error', async () => {
    add(false).reply(200, { prospects: [{ email: 'erlich@bachman.com', status: 'ERROR', code: 'E_EMAIL', msg: 'Invalid email format' }] });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/Invalid email format \(E_EMAIL\)/);
  });

  it('says which campaign is missing (E_RECORD_NOT_FOUND)', async () => {
    add(false).reply(400, { status: { status: 'ERROR', code: 'E_RECORD_NOT_FOUND', msg: 'Campaign not found' } });
    const err = await enroll(enrollReq()).catch((e) => e);
    expect(messageOf(err)).toMatch(/Campaign not found \(E_RECORD_NOT_FOUND\)/);
  });
});

describe('Woodpecker stop', () => {
  const pause = (campaignId: number) =>
    wp().post('/rest/v1/add_prospects_campaign', {
      campaign: { campaign_id: campaignId },
      force: true,
      update: true,
      prospects: [{ email: 'erlich@bachman.com', status: 'PAUSED' }],
    });
  const running = (id: number, name: string, status = 'ACTIVE') => ({
    campaign_id: id,
    campaign_name: name,
    campaign_status: 'RUNNING',
    campaign_prospect_status: status,
  });

  it('pauses the prospect in one campaign', async () => {
    searchFor().reply(200, row('ACTIVE', [running(1234567, 'SaaS CEOs'), running(999, 'Other')]));
    pause(1234567).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    const out = ActionOutcome.parse(await stop('1234567'));
    expect(out).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: '1234567', name: 'SaaS CEOs', status: 'PAUSED' }] });
    expectAllCalled();
  });

  it('pauses in every campaign still sending when no campaign is given', async () => {
    searchFor().reply(200, row('ACTIVE', [running(1, 'A'), running(2, 'B', 'REPLIED'), running(3, 'C')]));
    pause(1).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    pause(3).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    const out = await stop(null);
    expect(out.outcome).toBe('stopped');
    expect(out.affected_campaigns.map((c) => c.id)).toEqual(['1', '3']);
    expectAllCalled();
  });

  it('is idempotent: already paused → already_stopped, no update call', async () => {
    searchFor().reply(200, row('ACTIVE', [running(1234567, 'SaaS CEOs', 'PAUSED')]));
    expect((await stop('1234567')).outcome).toBe('already_stopped');
    expectAllCalled();
  });

  it('pauses an AUTOREPLIED prospect (follow-ups continue) with force: true', async () => {
    searchFor().reply(200, row('AUTOREPLIED', [running(1234567, 'SaaS CEOs', 'AUTOREPLIED')]));
    pause(1234567).reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }] });
    const out = await stop('1234567');
    expect(out).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: '1234567', status: 'PAUSED' }] });
    expectAllCalled();
  });

  it('a refusal even with force is an error, never already_stopped', async () => {
    searchFor().reply(200, row('AUTOREPLIED', [running(1234567, 'SaaS CEOs', 'AUTOREPLIED')]));
    pause(1234567).reply(200, {
      prospects: [{ email: 'erlich@bachman.com', status: 'ERROR', code: 'E_INV_STATUS', msg: "Prospect's status is other than ACTIVE" }],
    });
    const err = await stop('1234567').catch((e) => e);
    expect(messageOf(err)).toMatch(/did not pause erlich@bachman.com in campaign SaaS CEOs: Prospect's status is other than ACTIVE/);
    expectAllCalled();
  });

  it('a pause answered without a result is an UnexpectedResponse error, not stopped', async () => {
    searchFor().reply(200, row('ACTIVE', [running(1234567, 'SaaS CEOs')]));
    pause(1234567).reply(200, { status: { status: 'OK' } });
    const err = await stop('1234567').catch((e) => e);
    expect(codeOf(err)).toMatchObject({ code: 'UnexpectedResponse', status: 502 });
    expectAllCalled();
  });

  it('never touches a blacklisted prospect', async () => {
    searchFor().reply(200, row('BLACKLIST', [running(1234567, 'SaaS CEOs')]));
    expect((await stop(null)).outcome).toBe('already_stopped');
    expectAllCalled();
  });

  it('not_found only for an unknown address', async () => {
    searchFor().reply(204);
    expect((await stop(null)).outcome).toBe('not_found');
    expectAllCalled();
  });

  it('a known prospect not in the chosen campaign is already_stopped, not not_found', async () => {
    searchFor().reply(200, row('ACTIVE', [running(999, 'Other')]));
    const out = await stop('1234567');
    expect(out).toMatchObject({ outcome: 'already_stopped', lead: { id: 'woodpecker:4804' } });
    expectAllCalled();
  });

  it('offers pause only', () => {
    expect((CAPABILITIES.woodpecker.actions as ActionCapabilities).stop.modes).toEqual(['pause']);
    expect((CAPABILITIES.woodpecker.actions as ActionCapabilities).create.campaign).toBe('absent');
  });
});
