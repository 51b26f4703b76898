import nock from 'nock';
import { ActionOutcome, Lead } from '../src/model/lead';
import { replyio } from '../src/providers/replyio';
import type { EnrollRequest, LeadInput, StopRequest } from '../src/providers/types';
import { expectAllCalled, messageOf, resetNock, runWith } from './support/app';

const API = 'https://api.reply.io';
const KEY = 'test-replyio-key';
const LEGACY = { reqheaders: { 'x-api-key': KEY }, badheaders: ['authorization'] };
const BEARER = { reqheaders: { authorization: `Bearer ${KEY}` }, badheaders: ['x-api-key'] };
const ops = replyio.leads!;

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

/** Contact as the v1 API / official CLI describe it. */
const PERSON = {
  id: 17635880,
  email: 'samanta.smith@example.com',
  firstName: 'Samanta',
  lastName: 'Smith',
  company: 'Acme',
  title: 'CTO',
  phone: '+1 555 0100',
  linkedInProfile: 'https://www.linkedin.com/in/samanta',
  addingDate: '2024-03-08T10:00:00Z',
};
/**
 * `GET /v3/contacts/{id}/statuses` as docs.reply.io "Get a contact's statuses" shows it: the
 * opt-out flag and the contact's status in every sequence it is in (`statusInSequence`: active,
 * paused, finished, inactive, outOfOffice). Used instead of `GET /v1/stats/person`, which Reply
 * throttles to one request per 10 s and so must stay off Find / Enroll / Stop.
 */
const stats = (sequences: unknown[], extra: Record<string, unknown> = {}) => ({
  contactId: 17635880,
  isOptedOut: false,
  callStatus: 'none',
  meetingStatus: 'none',
  sequences,
  ...extra,
});
const CAMPAIGN = (statusInSequence: string, sequenceId = 147268, sequenceName = 'Prospect Statistic Owner') => ({
  sequenceId,
  sequenceName,
  statusInSequence,
  emailDisposition: { isReplied: false, isBounced: false },
});

const leadIn: LeadInput = {
  email: 'Samanta.Smith@Example.com',
  first_name: 'Samanta',
  last_name: 'Smith',
  company: 'Acme',
  title: null,
  phone: null,
  linkedin_url: null,
  custom_fields: { Industry: 'SaaS' },
};
const UPSERT_BODY = {
  email: 'samanta.smith@example.com',
  firstName: 'Samanta',
  lastName: 'Smith',
  company: 'Acme',
  customFields: [{ key: 'Industry', value: 'SaaS' }],
};
const policy = { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip' } as EnrollRequest['policy'];
const enroll = (req: Partial<EnrollRequest> = {}) =>
  runWith('replyio', (ctx) => ops.enroll(ctx, { campaign_id: '147268', lead: leadIn, policy, mailbox_id: null, ...req })).then((o) => ActionOutcome.parse(o));
const stop = (req: Partial<StopRequest>) =>
  runWith('replyio', (ctx) => ops.stop(ctx, { email: 'Samanta.Smith@example.com', campaign_id: null, mode: 'pause', ...req })).then((o) =>
    ActionOutcome.parse(o),
  );

const upsertCall = () => nock(API, LEGACY).post('/v1/people', UPSERT_BODY).reply(200, PERSON);
const pushCall = (overwrite: boolean, answer: Record<string, unknown>) =>
  nock(API, LEGACY)
    .post('/v1/Actions/pushContactsToSequence', { ContactIds: [17635880], SequenceId: 147268, OverwriteExisting: overwrite })
    .reply(200, answer);
/** The v3 statuses of the contact (Bearer). */
const statusesCall = (answer: unknown) =>
  nock(API, BEARER)
    .get('/v3/contacts/17635880/statuses')
    .reply(200, answer as object);
/** Stop and Find start from the contact (`GET /v1/people?email=`), then read its statuses. */
const statsCall = (answer: unknown, status = 200) => {
  if (status === 404) return nock(API, LEGACY).get('/v1/people').query({ email: 'samanta.smith@example.com' }).reply(404, { message: 'Person not found' });
  nock(API, LEGACY).get('/v1/people').query({ email: 'samanta.smith@example.com' }).reply(200, PERSON);
  return statusesCall(answer);
};
/** /v1/stats/person is throttled to one request per 10 s: no test may see it called. */
const noThrottledStats = () => nock(API).get('/v1/stats/person').query(true).reply(429, { message: 'Too many requests' });

describe('Reply.io find / create', () => {
  it('finds by lower-cased email and lists the sequences from the v3 statuses (never the throttled stats)', async () => {
    const throttled = noThrottledStats();
    statsCall(stats([CAMPAIGN('finished')]));
    const lead = Lead.parse(await runWith('replyio', (ctx) => ops.find(ctx, 'Samanta.Smith@Example.com')));
    expect(lead).toEqual({
      id: 'replyio:17635880',
      tool: 'replyio',
      tool_lead_id: '17635880',
      email: 'samanta.smith@example.com',
      first_name: 'Samanta',
      last_name: 'Smith',
      full_name: 'Samanta Smith',
      company: 'Acme',
      title: 'CTO',
      phone: '+1 555 0100',
      linkedin_url: 'https://www.linkedin.com/in/samanta',
      unsubscribed: false,
      campaigns: [{ id: '147268', name: 'Prospect Statistic Owner', status: 'finished' }],
    });
    expect(throttled.isDone()).toBe(false);
  });

  it('returns null on a 404 with a single call', async () => {
    nock(API, LEGACY).get('/v1/people').query({ email: 'nobody@example.com' }).reply(404, { message: 'Person not found' });
    expect(await runWith('replyio', (ctx) => ops.find(ctx, 'nobody@example.com'))).toBeNull();
    expectAllCalled();
  });

  it('creates with POST /v1/people (upsert by email) and says whether it existed', async () => {
    nock(API, LEGACY).get('/v1/people').query({ email: 'samanta.smith@example.com' }).reply(404, { message: 'Person not found' });
    upsertCall();
    const out = await runWith('replyio', (ctx) => ops.upsert(ctx, leadIn, null));
    expect(out.created).toBe(true);
    expect(Lead.parse(out.lead).id).toBe('replyio:17635880');
    expectAllCalled();
  });

  it('refuses a contact without First Name before any request (POST /v1/people requires firstName)', async () => {
    // nock allows no request: any call would fail with a different error.
    const err = await runWith('replyio', (ctx) => ops.upsert(ctx, { ...leadIn, first_name: null }, null)).catch((e) => e);
    expect(messageOf(err)).toMatch(/^First Name is required for Reply.io/);
    expect(messageOf(err)).toMatch(/map First Name/);
    const blank = await runWith('replyio', (ctx) => ops.upsert(ctx, { ...leadIn, first_name: '  ' }, null)).catch((e) => e);
    expect(messageOf(blank)).toMatch(/^First Name is required for Reply.io/);
  });

  it('updates an existing contact (created: false)', async () => {
    nock(API, LEGACY).get('/v1/people').query({ email: 'samanta.smith@example.com' }).reply(200, PERSON);
    upsertCall();
    expect((await runWith('replyio', (ctx) => ops.upsert(ctx, leadIn, null))).created).toBe(false);
    expectAllCalled();
  });
});

describe('Reply.io enroll', () => {
  it('enrolls: upsert + pushContactsToSequence, outcome from affectedIdList', async () => {
    upsertCall();
    pushCall(false, { affectedIdList: [17635880], skipped: 0, skippedByInvalidEmail: 0, skippedByOptedOutStatus: 0, skippedByOwner: 0 });
    const out = await enroll();
    expect(out).toMatchObject({ outcome: 'enrolled', tool: 'replyio', campaign: { id: '147268' }, lead: { id: 'replyio:17635880' } });
    expect(out.detail).toMatch(/added samanta.smith@example.com to sequence 147268/);
    expectAllCalled();
  });

  it('add anyway (OverwriteExisting: true) says the contact moved and names the sequence it left', async () => {
    upsertCall();
    statusesCall(stats([CAMPAIGN('active', 9001, 'Other outreach'), CAMPAIGN('finished', 9002, 'Done')]));
    pushCall(true, { affectedIdList: [17635880], skipped: 0 });
    const out = await enroll({ policy: { ...policy, if_in_other_campaign: 'add_anyway' } });
    expect(out.outcome).toBe('enrolled');
    expect(out.affected_campaigns).toEqual([{ id: '9001', name: 'Other outreach', status: 'removed' }]);
    expect(out.detail).toMatch(/moved samanta.smith@example.com out of sequence "Other outreach" into sequence 147268/);
    expectAllCalled();
  });

  it('add anyway for a contact in no other sequence: plain enrolled, nothing left', async () => {
    upsertCall();
    statusesCall(stats([]));
    pushCall(true, { affectedIdList: [17635880], skipped: 0 });
    const out = await enroll({ policy: { ...policy, if_in_other_campaign: 'add_anyway' } });
    expect(out).toMatchObject({ outcome: 'enrolled', affected_campaigns: [] });
    expect(out.detail).not.toMatch(/moved/);
    expectAllCalled();
  });

  it('refuses a lead without First Name before any request', async () => {
    const err = await enroll({ lead: { ...leadIn, first_name: null } }).catch((e) => e);
    expect(messageOf(err)).toMatch(/^First Name is required for Reply.io: Reply.io does not save a contact without a first name/);
  });

  it('reports an opted-out contact from the counters, without another call', async () => {
    upsertCall();
    pushCall(false, { affectedIdList: [], skipped: 0, skippedByInvalidEmail: 0, skippedByOptedOutStatus: 1, skippedByOwner: 0 });
    const out = await enroll();
    expect(out.outcome).toBe('skipped_unsubscribed');
    expect(out.lead?.unsubscribed).toBe(true);
    expectAllCalled();
  });

  it('tells already_enrolled from a plain skip by the v3 statuses (never the throttled stats)', async () => {
    const throttled = noThrottledStats();
    upsertCall();
    pushCall(false, { affectedIdList: [], skipped: 1, skippedByInvalidEmail: 0, skippedByOptedOutStatus: 0, skippedByOwner: 0 });
    statusesCall(stats([CAMPAIGN('active')]));
    const out = await enroll();
    expect(out).toMatchObject({ outcome: 'already_enrolled', campaign: { id: '147268', name: 'Prospect Statistic Owner' } });
    expect(throttled.isDone()).toBe(false);
  });

  it('throws on already enrolled when the policy says error, naming lead and sequence', async () => {
    upsertCall();
    pushCall(false, { affectedIdList: [], skipped: 1 });
    statusesCall(stats([CAMPAIGN('paused')]));
    const err = await enroll({ policy: { ...policy, if_already_enrolled: 'error' } }).catch((e) => e);
    expect(messageOf(err)).toMatch(/samanta.smith@example.com is already in Reply.io sequence Prospect Statistic Owner/);
  });

  it('reports skipped_in_other_campaign when the contact runs in another sequence', async () => {
    upsertCall();
    pushCall(false, { affectedIdList: [], skipped: 1 });
    statusesCall(stats([CAMPAIGN('active', 9001, 'Other outreach')]));
    const out = await enroll();
    expect(out.outcome).toBe('skipped_in_other_campaign');
    expect(out.detail).toMatch(/another sequence \("Other outreach"\)/);
    expectAllCalled();
  });

  it('reports skipped_previously_contacted when the contact already finished this sequence', async () => {
    upsertCall();
    pushCall(false, { affectedIdList: [], skipped: 1 });
    statusesCall(stats([CAMPAIGN('finished')]));
    expect((await enroll()).outcome).toBe('skipped_previously_contacted');
    expectAllCalled();
  });

  it('errors for an invalid email or a contact owned by another user', async () => {
    upsertCall();
    pushCall(false, { affectedIdList: [], skippedByInvalidEmail: 1 });
    expect(messageOf(await enroll().catch((e) => e))).toMatch(/reports the email address as invalid/);
    upsertCall();
    pushCall(false, { affectedIdList: [], skippedByOwner: 1 });
    expect(messageOf(await enroll().catch((e) => e))).toMatch(/belongs to another user/);
  });

  it('quotes Reply.io’s own error text (legacy JSON message) on a 400', async () => {
    nock(API, LEGACY).post('/v1/people').reply(400, { message: 'Email is not valid' });
    expect(messageOf(await enroll().catch((e) => e))).toMatch(/Reply.io rejected the request \(400\): Email is not valid/);
  });
});

describe('Reply.io stop', () => {
  it('pauses the running sequence through the v3 status endpoint (Bearer); never the throttled stats', async () => {
    const throttled = noThrottledStats();
    statsCall(stats([CAMPAIGN('active'), CAMPAIGN('finished', 9001, 'Old')]));
    nock(API, BEARER)
      .post('/v3/sequences/147268/contacts/set-status-in-sequence', { contactIds: [17635880], statusInSequence: 'paused' })
      .reply(200, {});
    const out = await stop({ mode: 'pause' });
    expect(out).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: '147268', name: 'Prospect Statistic Owner', status: 'paused' }] });
    expect(throttled.isDone()).toBe(false);
  });

  it('marks as finished in one sequence', async () => {
    statsCall(stats([CAMPAIGN('paused')]));
    nock(API, BEARER)
      .post('/v3/sequences/147268/contacts/set-status-in-sequence', { contactIds: [17635880], statusInSequence: 'finished' })
      .reply(200, {});
    expect((await stop({ mode: 'mark_finished', campaign_id: '147268' })).outcome).toBe('stopped');
    expectAllCalled();
  });

  it('removes from one sequence with removepersonfromcampaignbyid', async () => {
    statsCall(stats([CAMPAIGN('active')]));
    nock(API, LEGACY).post('/v1/actions/removepersonfromcampaignbyid', { campaignId: 147268, email: 'samanta.smith@example.com' }).reply(200, '');
    const out = await stop({ mode: 'remove', campaign_id: '147268' });
    expect(out).toMatchObject({ outcome: 'stopped', campaign: { id: '147268', name: 'Prospect Statistic Owner' } });
    expectAllCalled();
  });

  const removeCall = (campaignId: number) =>
    nock(API, LEGACY).post('/v1/actions/removepersonfromcampaignbyid', { campaignId, email: 'samanta.smith@example.com' });

  it('removes from all sequences one running/paused membership at a time, never a finished one, never removepersonfromallcampaigns', async () => {
    statsCall(stats([CAMPAIGN('active'), CAMPAIGN('paused', 9001, 'Other'), CAMPAIGN('finished', 9002, 'Done')]));
    removeCall(147268).reply(200, '');
    removeCall(9001).reply(200, '');
    const all = nock(API, LEGACY).post('/v1/actions/removepersonfromallcampaigns').reply(200, '');
    const finished = removeCall(9002).reply(200, '');
    const out = await stop({ mode: 'remove' });
    expect(out).toMatchObject({ outcome: 'stopped' });
    expect(out.affected_campaigns.map((c) => [c.id, c.status])).toEqual([
      ['147268', 'removed'],
      ['9001', 'removed'],
    ]);
    expect(all.isDone()).toBe(false);
    expect(finished.isDone()).toBe(false);
  });

  it('remove with only finished memberships is already_stopped, with no write', async () => {
    statsCall(stats([CAMPAIGN('finished'), CAMPAIGN('finished', 9001, 'Other')]));
    expect((await stop({ mode: 'remove' })).outcome).toBe('already_stopped');
    statsCall(stats([CAMPAIGN('finished')]));
    expect((await stop({ mode: 'remove', campaign_id: '147268' })).outcome).toBe('already_stopped');
    expectAllCalled();
  });

  it('remove reports stopped only when something was removed: a 404 on every removal is already_stopped', async () => {
    statsCall(stats([CAMPAIGN('active')]));
    removeCall(147268).reply(404, { message: 'Person not found' });
    const out = await stop({ mode: 'remove' });
    expect(out.outcome).toBe('already_stopped');
    expect(out.detail).toMatch(/removed nothing/);
    expectAllCalled();
  });

  it('is idempotent: a contact not running anywhere is already_stopped, with no write', async () => {
    statsCall(stats([CAMPAIGN('paused')]));
    expect((await stop({ mode: 'pause' })).outcome).toBe('already_stopped');
    statsCall(stats([CAMPAIGN('finished')]));
    expect((await stop({ mode: 'mark_finished', campaign_id: '147268' })).outcome).toBe('already_stopped');
    expectAllCalled();
  });

  it('remove twice: stopped, then already_stopped (the contact is known, the membership gone)', async () => {
    statsCall(stats([CAMPAIGN('active')]));
    removeCall(147268).reply(200, '');
    expect((await stop({ mode: 'remove', campaign_id: '147268' })).outcome).toBe('stopped');
    statsCall(stats([]));
    expect((await stop({ mode: 'remove', campaign_id: '147268' })).outcome).toBe('already_stopped');
    statsCall(stats([]));
    expect((await stop({ mode: 'remove' })).outcome).toBe('already_stopped');
    expectAllCalled();
  });

  it('not_found only for an unknown contact; a known one not in the chosen sequence is already_stopped', async () => {
    statsCall({ message: 'Person not found' }, 404);
    expect((await stop({})).outcome).toBe('not_found');
    statsCall(stats([CAMPAIGN('active', 9001, 'Other')]));
    const out = await stop({ campaign_id: '147268' });
    expect(out.outcome).toBe('already_stopped');
    expect(out.detail).toMatch(/not in Reply.io sequence 147268/);
    expectAllCalled();
  });

  it('raises a per-item failure from the v3 status endpoint', async () => {
    statsCall(stats([CAMPAIGN('active')]));
    nock(API, BEARER)
      .post('/v3/sequences/147268/contacts/set-status-in-sequence')
      .reply(200, { '17635880': { code: 'sequenceArchived', message: 'Sequence is archived' } });
    expect(messageOf(await stop({ mode: 'pause' }).catch((e) => e))).toMatch(/did not set samanta.smith@example.com to paused.*sequenceArchived/);
  });

  it('maps a v3 problem+json 404 on the status endpoint to the tool’s message', async () => {
    statsCall(stats([CAMPAIGN('active')]));
    nock(API, BEARER)
      .post('/v3/sequences/147268/contacts/set-status-in-sequence')
      .reply(404, { type: 'about:blank', title: 'Sequence not found', status: 404, code: 'sequence.notFound' }, { 'Content-Type': 'application/problem+json' });
    expect(messageOf(await stop({ mode: 'pause' }).catch((e) => e))).toMatch(/Sequence not found \(sequence.notFound\)/);
  });
});
