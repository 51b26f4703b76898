import {
  afterRefusedCreate,
  afterResuming,
  afterStopping,
  beforeCreating,
  beforeResuming,
  beforeStopping,
  campaignIn,
  deduplicate,
  inScope,
  namedCampaign,
  rejectedBy,
  resumeCall,
  resumeWithoutEntries,
  stopCall,
  upsertNeedsCampaign,
  upsertStep,
} from '../src/providers/lemlist/decide';
import { ContactRecord, LeadEntry } from '../src/providers/lemlist/payloads';
import type { Lead } from '../src/model/lead';
import type { EnrollPolicy, EnrollRequest, ResumeRequest, StopRequest } from '../src/providers/types';

/**
 * lemlist's outcome decisions as pure functions. Inputs are shaped as the vendor OpenAPI documents
 * them (`GET /leads/{email}?version=v2`: one entry per campaign with `_id`, `isPaused`, `state`,
 * `status`, `campaign {id, name, status}`; `GET /contacts/{email}`: `campaigns[]`, `unsubscribed`),
 * written by hand; expected outcomes and sentences follow the rules in the provider's README.
 */

const THIS = 'cam_bSn8EORHQxbWPjHvu';
const entry = (over: Record<string, unknown> = {}) =>
  LeadEntry.parse({
    _id: 'lea_fiDpiGV585wy3Oii2',
    updatedAt: '2025-10-28T00:40:39.230Z',
    isPaused: false,
    state: 'scanned',
    status: 'review',
    variables: { firstName: 'John', lastName: 'Doe', email: 'support@lemlist.com' },
    contactId: 'ctc_xW8Ou6C03Csv8vatp',
    campaign: { id: THIS, name: 'NEW TO DELETE', status: 'draft' },
    ...over,
  });
const elsewhere = (over: Record<string, unknown> = {}) =>
  entry({ _id: 'lea_other0000000000001', campaign: { id: 'cam_other', name: 'Older campaign', status: 'running' }, ...over });

const enrollReq = (policy: Partial<EnrollPolicy> = {}): EnrollRequest => ({
  campaign_id: THIS,
  mailbox_id: null,
  lead: { email: 'Support@Lemlist.com', first_name: null, last_name: null, company: null, title: null, phone: null, linkedin_url: null, custom_fields: {} },
  policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip', ...policy },
});
const stopReq = (mode: StopRequest['mode'], campaign_id: string | null = THIS): StopRequest => ({ email: 'Support@Lemlist.com', campaign_id, mode });
const resumeReq = (campaign_id: string | null = THIS): ResumeRequest => ({ email: 'Support@Lemlist.com', campaign_id });

/** Any known lead: the decisions below only ask whether there is one. */
const someLead: Lead = {
  id: 'lemlist:lea_fiDpiGV585wy3Oii2',
  tool: 'lemlist',
  tool_lead_id: 'lea_fiDpiGV585wy3Oii2',
  email: 'support@lemlist.com',
  first_name: 'John',
  last_name: 'Doe',
  full_name: 'John Doe',
  company: null,
  title: null,
  phone: null,
  linkedin_url: null,
  unsubscribed: false,
  campaigns: [{ id: THIS, name: 'NEW TO DELETE', status: 'scanned' }],
};

describe('lemlist: campaigns named in outcomes', () => {
  it('names the campaign from the entry in it, or by id alone', () => {
    expect(campaignIn([elsewhere(), entry()], THIS)).toEqual({ id: THIS, name: 'NEW TO DELETE' });
    expect(campaignIn([elsewhere()], THIS)).toEqual({ id: THIS, name: null });
    expect(campaignIn([entry({ campaign: null, campaignId: THIS, campaignName: 'Flat name' })], THIS)).toEqual({ id: THIS, name: 'Flat name' });
    expect(namedCampaign([entry()], null)).toBeNull();
    expect(namedCampaign([entry()], THIS)).toEqual({ id: THIS, name: 'NEW TO DELETE' });
  });

  it('Stop / Resume act on entries with a campaign, of the chosen one when given', () => {
    const noCampaign = entry({ _id: 'lea_none', campaign: null });
    expect(inScope([entry(), elsewhere(), noCampaign], THIS).map((e) => e._id)).toEqual(['lea_fiDpiGV585wy3Oii2']);
    expect(inScope([entry(), elsewhere(), noCampaign], null).map((e) => e._id)).toEqual(['lea_fiDpiGV585wy3Oii2', 'lea_other0000000000001']);
    expect(inScope([elsewhere()], THIS)).toEqual([]);
  });

  it("a refused call is lemlist's words, code lemlist_<status>", () => {
    expect(rejectedBy(400, 'Bad team')).toEqual({ refuse: { message: 'lemlist rejected the request (400): Bad team', code: 'lemlist_400', status: 400 } });
  });
});

describe('lemlist Create Lead decisions', () => {
  it('without a campaign nothing is looked up: a MissingCampaign error (400)', () => {
    expect(upsertNeedsCampaign(null)).toEqual({
      refuse: { message: 'lemlist keeps leads inside campaigns: choose a Campaign to create the lead in.', code: 'MissingCampaign', status: 400 },
    });
    expect(upsertNeedsCampaign(THIS)).toEqual({ next: 'look up' });
  });

  it('an entry in the campaign is updated when there is something to change; otherwise the lead is created there', () => {
    expect(upsertStep(undefined, { firstName: 'John' })).toEqual({ next: 'create' });
    expect(upsertStep(undefined, {})).toEqual({ next: 'create' });
    expect(upsertStep(entry(), { companyName: 'lemlist' })).toEqual({ next: 'update' });
    expect(upsertStep(entry(), {})).toEqual({ next: 'keep' });
  });
});

describe('lemlist Enroll decisions', () => {
  it('asks lemlist to deduplicate exactly when "if in other campaign" is skip', () => {
    expect(deduplicate(enrollReq())).toBe(true);
    expect(deduplicate(enrollReq({ if_in_other_campaign: 'add_anyway' }))).toBe(false);
  });

  it('an unknown address (no entries) is created', () => {
    expect(beforeCreating(enrollReq(), [])).toEqual({ next: 'create' });
  });

  it('an entry unsubscribed in any campaign skips first, even when already in this campaign', () => {
    expect(beforeCreating(enrollReq(), [entry(), elsewhere({ state: 'emailsUnsubscribed' })])).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'support@lemlist.com is unsubscribed in lemlist, so it was not added to campaign "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu).',
    });
    // The campaign is named by id when no entry of it says its name.
    expect(beforeCreating(enrollReq(), [elsewhere({ state: 'unsubscribed' })])).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'support@lemlist.com is unsubscribed in lemlist, so it was not added to campaign cam_bSn8EORHQxbWPjHvu.',
    });
  });

  it('an entry in this campaign is already enrolled, or an AlreadyEnrolled error (409) naming the lead', () => {
    expect(beforeCreating(enrollReq(), [entry()])).toEqual({
      outcome: 'already_enrolled',
      detail: 'support@lemlist.com was already in lemlist campaign "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu); nothing changed.',
    });
    expect(beforeCreating(enrollReq({ if_already_enrolled: 'error' }), [elsewhere(), entry()])).toEqual({
      refuse: {
        message: 'support@lemlist.com is already in lemlist campaign "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu) (lead lea_fiDpiGV585wy3Oii2).',
        code: 'AlreadyEnrolled',
        status: 409,
      },
    });
  });

  it('an entry in another campaign skips under "skip", naming those campaigns (by name, else id)', () => {
    const unnamed = entry({ _id: 'lea_unnamed', campaign: { id: 'cam_unnamed' } });
    expect(beforeCreating(enrollReq(), [elsewhere(), unnamed])).toEqual({
      outcome: 'skipped_in_other_campaign',
      detail:
        'support@lemlist.com is already in another lemlist campaign (Older campaign, cam_unnamed), so it was not added to campaign cam_bSn8EORHQxbWPjHvu.',
    });
  });

  it('with "add anyway", an entry elsewhere past imported/scanned/skipped/reviewed skips under "skip previously contacted"', () => {
    const addAnyway = enrollReq({ if_in_other_campaign: 'add_anyway' });
    expect(beforeCreating(addAnyway, [elsewhere({ state: 'emailsSent' })])).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: 'support@lemlist.com was already contacted in lemlist (Older campaign), so it was not added to campaign cam_bSn8EORHQxbWPjHvu.',
    });
    for (const state of ['imported', 'scanned', 'skipped', 'reviewed']) expect(beforeCreating(addAnyway, [elsewhere({ state })])).toEqual({ next: 'create' });
    expect(beforeCreating(addAnyway, [elsewhere({ state: null })])).toEqual({ next: 'create' });
    expect(
      beforeCreating(enrollReq({ if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' }), [elsewhere({ state: 'emailsReplied' })]),
    ).toEqual({
      next: 'create',
    });
  });

  it("a refused create is explained by the entries looked up again, else it is lemlist's error verbatim", () => {
    expect(afterRefusedCreate(enrollReq(), [entry()], 409, 'Lead already exists')).toEqual({
      outcome: 'already_enrolled',
      detail: 'support@lemlist.com was already in lemlist campaign "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu); nothing changed.',
    });
    expect(afterRefusedCreate(enrollReq({ if_already_enrolled: 'error' }), [entry()], 409, 'Lead already exists')).toMatchObject({
      refuse: { code: 'AlreadyEnrolled', status: 409 },
    });
    expect(afterRefusedCreate(enrollReq(), [], 400, 'Campaign not found')).toEqual({
      refuse: { message: 'lemlist rejected the request (400): Campaign not found', code: 'lemlist_400', status: 400 },
    });
    // Entries that would let the create go ahead explain nothing.
    expect(afterRefusedCreate(enrollReq({ if_in_other_campaign: 'add_anyway' }), [elsewhere({ state: 'scanned' })], 409, 'Conflict')).toEqual({
      refuse: { message: 'lemlist rejected the request (409): Conflict', code: 'lemlist_409', status: 409 },
    });
  });
});

describe('lemlist Stop decisions', () => {
  it('not_found only when lemlist knows neither lead nor contact', () => {
    expect(beforeStopping(stopReq('pause'), false, null, [])).toEqual({
      outcome: 'not_found',
      detail: 'lemlist has no lead or contact support@lemlist.com; nothing to stop.',
    });
  });

  it('a known address with nothing in scope is already stopped', () => {
    expect(beforeStopping(stopReq('remove'), true, someLead, [])).toEqual({
      outcome: 'already_stopped',
      detail: 'support@lemlist.com is not in lemlist campaign cam_bSn8EORHQxbWPjHvu (any more); nothing to stop.',
    });
    expect(beforeStopping(stopReq('pause', null), true, null, [])).toEqual({
      outcome: 'already_stopped',
      detail: 'support@lemlist.com is not in any lemlist campaign (any more); nothing to stop.',
    });
    expect(beforeStopping(stopReq('pause'), true, someLead, [entry()])).toEqual({ next: 'stop' });
  });

  it('remove always removes (with action=remove); pause skips an entry already paused', () => {
    expect(stopCall('remove', entry({ isPaused: true }))).toBe('remove');
    expect(stopCall('remove', entry())).toBe('remove');
    expect(stopCall('pause', entry({ isPaused: true }))).toBe('already paused');
    expect(stopCall('pause', entry({ isPaused: false }))).toBe('pause');
    expect(stopCall('pause', entry({ isPaused: null }))).toBe('pause');
  });

  it('stopped when an entry changed (the others said "already"), else already stopped', () => {
    const here = { id: THIS, name: 'NEW TO DELETE', status: 'paused' };
    const there = { id: 'cam_other', name: null, status: 'paused' };
    expect(afterStopping(stopReq('pause', null), [here], [there])).toEqual({
      outcome: 'stopped',
      detail: 'support@lemlist.com was paused in lemlist campaign(s) "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu) (already paused in cam_other).',
    });
    expect(afterStopping(stopReq('remove', null), [{ ...here, status: 'removed' }], [{ ...there, status: 'removed' }])).toEqual({
      outcome: 'stopped',
      detail: 'support@lemlist.com was removed from lemlist campaign(s) "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu) (already gone from cam_other).',
    });
    expect(afterStopping(stopReq('remove'), [{ ...here, status: 'removed' }], [])).toEqual({
      outcome: 'stopped',
      detail: 'support@lemlist.com was removed from lemlist campaign(s) "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu).',
    });
    expect(afterStopping(stopReq('pause'), [], [here])).toEqual({
      outcome: 'already_stopped',
      detail: 'support@lemlist.com was already paused in lemlist campaign(s) "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu); nothing changed.',
    });
    expect(afterStopping(stopReq('remove'), [], [{ ...here, status: 'removed' }])).toEqual({
      outcome: 'already_stopped',
      detail: 'support@lemlist.com was already removed from lemlist campaign(s) "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu); nothing changed.',
    });
  });
});

describe('lemlist Resume decisions', () => {
  const contact = (over: Record<string, unknown> = {}) =>
    ContactRecord.parse({
      _id: 'ctc_xW8Ou6C03Csv8vatp',
      email: 'support@lemlist.com',
      fullName: 'John Doe',
      campaigns: [{ campaignId: THIS, campaignState: 'running', leadState: 'review', leadId: 'lea_fiDpiGV585wy3Oii2' }],
      unsubscribed: false,
      ...over,
    });

  it('without lead entries: not_found when the contact is unknown too, skipped when it is unsubscribed, else not paused', () => {
    expect(resumeWithoutEntries(resumeReq(), false, null)).toEqual({
      outcome: 'not_found',
      detail: 'lemlist has no lead or contact support@lemlist.com; nothing to resume.',
    });
    expect(resumeWithoutEntries(resumeReq(), true, contact({ unsubscribed: true }))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'support@lemlist.com is unsubscribed in lemlist; nothing was resumed.',
    });
    expect(resumeWithoutEntries(resumeReq(), true, contact())).toEqual({
      outcome: 'not_paused',
      detail: 'support@lemlist.com is a lemlist contact but no longer a lead in any campaign; nothing to resume.',
    });
    // A 200 whose body did not parse is still a known contact.
    expect(resumeWithoutEntries(resumeReq(), true, null)).toMatchObject({ outcome: 'not_paused' });
  });

  it('an address unsubscribed in any campaign is never resumed, even out of scope', () => {
    expect(beforeResuming(resumeReq(), [entry({ isPaused: true }), elsewhere({ state: 'emailsUnsubscribed' })], someLead, [entry({ isPaused: true })])).toEqual(
      {
        outcome: 'skipped_unsubscribed',
        detail: 'support@lemlist.com is unsubscribed in lemlist; their sequence was not resumed and they were not re-subscribed.',
      },
    );
  });

  it('nothing in scope is not paused; otherwise go on to resume', () => {
    expect(beforeResuming(resumeReq(), [elsewhere()], someLead, [])).toEqual({
      outcome: 'not_paused',
      detail: 'support@lemlist.com is not in lemlist campaign cam_bSn8EORHQxbWPjHvu; nothing to resume.',
    });
    expect(beforeResuming(resumeReq(null), [entry()], someLead, [])).toEqual({
      outcome: 'not_paused',
      detail: 'support@lemlist.com is not in any lemlist campaign; nothing to resume.',
    });
    expect(beforeResuming(resumeReq(), [entry({ isPaused: true })], someLead, [entry({ isPaused: true })])).toEqual({ next: 'resume' });
  });

  it('per entry: bounced / failed states and finished statuses are over (status, else state); unpaused runs; paused is started', () => {
    expect(resumeCall(entry({ isPaused: true, state: 'emailsBounced', status: 'review' }))).toEqual({ over: 'review' });
    expect(resumeCall(entry({ isPaused: true, state: 'emailsFailed', status: null }))).toEqual({ over: 'emailsFailed' });
    expect(resumeCall(entry({ isPaused: true, state: 'failed', status: '' }))).toEqual({ over: 'failed' });
    for (const status of ['done', 'unsubscribed', 'interested', 'notInterested']) {
      expect(resumeCall(entry({ isPaused: true, state: 'emailsSent', status }))).toEqual({ over: status });
    }
    expect(resumeCall(entry({ isPaused: false, state: 'emailsSent' }))).toEqual({ running: 'emailsSent' });
    expect(resumeCall(entry({ isPaused: false, state: null, status: 'review' }))).toEqual({ running: 'review' });
    expect(resumeCall(entry({ isPaused: true, state: 'emailsOpened', status: 'review' }))).toEqual({ next: 'start' });
  });

  it('resumed if any entry was; else already running if any runs; else not paused, listing why', () => {
    const a = { id: THIS, name: 'NEW TO DELETE', status: 'emailsSent' };
    const b = { id: 'cam_other', name: 'Older campaign', status: 'done' };
    expect(afterResuming(resumeReq(null), [a], [], [b])).toEqual({
      outcome: 'resumed',
      detail: 'Resumed support@lemlist.com in lemlist campaign(s) "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu).',
    });
    expect(afterResuming(resumeReq(null), [], [a], [b])).toEqual({
      outcome: 'already_running',
      detail: 'support@lemlist.com is not paused: their sequence already runs in lemlist campaign(s) "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu).',
    });
    expect(afterResuming(resumeReq(null), [], [], [b, { id: 'cam_x', name: null, status: null }])).toEqual({
      outcome: 'not_paused',
      detail:
        'support@lemlist.com cannot be resumed in lemlist campaign(s) "Older campaign" (cam_other), cam_x (done, unknown): the sequence is over, bounced or the lead was removed.',
    });
  });
});
