import type { LeadCampaign } from '../src/model/lead';
import {
  afterCreateUpload,
  afterPausing,
  afterReEnroll,
  afterRemoving,
  afterResuming,
  afterUpload,
  beforeReEnroll,
  beforeResuming,
  confirmed,
  fromCounters,
  inCampaign,
  inNoCampaign,
  needsPause,
  needsResume,
  notCreated,
  notFound,
  notInCampaign,
  pauseUnconfirmed,
  removed,
  resumeUnconfirmed,
  runs,
  statusOf,
  unusable,
  type CampaignRow,
} from '../src/providers/smartlead/decide';
import { CampaignLeadRow, SmartleadLead, UploadResult } from '../src/providers/smartlead/payloads';
import type { EnrollRequest } from '../src/providers/types';

/**
 * Smartlead's outcome decisions as pure functions. Inputs are shaped as Smartlead documents them
 * (README "Lead operations"): the 200 of "Add leads to a campaign by ID" (upload counters, and the
 * lead-limit answer `{ok: false, is_lead_limit_exhausted, lead_import_stopped_count, error}`),
 * "Fetch Lead by email" (`is_unsubscribed`, `lead_campaign_data` without status), and a row of
 * "Search Campaign Leads" (`id` = lead map id, `status`, `email_lead`), written by hand.
 */

const WHO = 'ada@example.com';

/** "Add leads to a campaign by ID": every counter zero unless given. */
const counters = (over: Record<string, unknown> = {}) =>
  UploadResult.parse({
    ok: true,
    upload_count: 0,
    total_leads: 1,
    already_added_to_campaign: 0,
    duplicate_count: 0,
    invalid_email_count: 0,
    invalid_emails: [],
    unsubscribed_leads: 0,
    block_count: 0,
    bounce_count: 0,
    ...over,
  });

/** "Fetch Lead by email". */
const lookedUp = (over: Record<string, unknown> = {}) =>
  SmartleadLead.parse({
    id: 2001,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: WHO,
    company_name: 'Analytical Engines',
    is_unsubscribed: false,
    lead_campaign_data: [
      { campaign_lead_map_id: 2433664091, campaign_id: 9181, campaign_name: 'Q2 outbound', client_id: null, client_email: null, lead_category_id: null },
    ],
    ...over,
  });

/** A row of "Search Campaign Leads". */
const searchRow = (status: string | null) =>
  CampaignLeadRow.parse({
    id: 2433664091,
    current_seq_num: 1,
    status,
    email_account_id: 321,
    email_lead: { id: 2001, email: WHO, first_name: 'Ada', last_name: 'Lovelace', company_name: 'Analytical Engines', phone_number: null },
  });

const request = (policy: Partial<EnrollRequest['policy']> = {}): EnrollRequest => ({
  campaign_id: '9181',
  mailbox_id: null,
  lead: { email: WHO, first_name: 'Ada', last_name: 'Lovelace', company: null, title: null, phone: null, linkedin_url: null, custom_fields: {} },
  policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip', ...policy },
});

const q2 = (status: string | null): LeadCampaign => ({ id: '9181', name: 'Q2 outbound', status });
const webinar = (status: string | null): LeadCampaign => ({ id: '9200', name: 'Webinar follow-up', status });

describe('reading Smartlead’s answers', () => {
  it('only `ok: true` confirms a pause, resume or delete; `{}` (what Smartlead answers for a lead it does not have) does not', () => {
    expect(confirmed({ ok: true })).toBe(true);
    expect(confirmed({})).toBe(false);
    expect(confirmed({ ok: 'true' })).toBe(false);
    expect(confirmed({ ok: false })).toBe(false);
    expect(confirmed(null)).toBe(false);
    expect(confirmed('ok')).toBe(false);
  });

  it('a delete removed the lead only when answered `ok: true` with no 404', () => {
    expect(removed(200, { ok: true })).toBe(true);
    expect(removed(200, {})).toBe(false);
    expect(removed(404, { error: 'Lead not found in campaign' })).toBe(false);
    expect(removed(404, { ok: true })).toBe(false);
  });

  it('the status in a campaign is the search row’s, upper-cased; no row or no status is unknown', () => {
    expect(statusOf(searchRow('inprogress'))).toBe('INPROGRESS');
    expect(statusOf(searchRow('PAUSED'))).toBe('PAUSED');
    expect(statusOf(searchRow(null))).toBeNull();
    expect(statusOf(null)).toBeNull();
  });
});

describe('the upload answer as a whole (Enroll Lead, Create Lead)', () => {
  it('counters without a refusal go on to be read', () => {
    expect(afterUpload(WHO, '9181', counters({ upload_count: 1 }), {})).toEqual({ next: 'counters' });
  });

  it('the lead-limit answer is LeadLimitExhausted (402), quoting Smartlead and saying what to do', () => {
    const answer = {
      ok: false,
      is_lead_limit_exhausted: true,
      lead_import_stopped_count: 1,
      error: 'The lead credit limit has been reached, preventing any further lead imports.',
    };
    expect(afterUpload(WHO, '9181', UploadResult.parse(answer), answer)).toEqual({
      refuse: {
        message:
          "Smartlead's lead limit is used up: ada@example.com was not added to campaign 9181 (The lead credit limit has been reached, preventing any further lead imports.). " +
          'Remove leads you no longer need to free lead credits or upgrade the Smartlead plan, then run this step again.',
        code: 'LeadLimitExhausted',
        status: 402,
      },
    });
  });

  it('a stopped import without the limit flag is LeadImportStopped (402)', () => {
    const answer = { ok: false, lead_import_stopped_count: 1 };
    expect(afterUpload(WHO, '9181', UploadResult.parse(answer), answer)).toEqual({
      refuse: {
        message:
          'Smartlead stopped the import: ada@example.com was not added to campaign 9181. ' +
          'This usually means the account reached its lead limit; check the lead credits in Smartlead, then run this step again.',
        code: 'LeadImportStopped',
        status: 402,
      },
    });
  });

  it('another `ok: false` is NotEnrolled (502) quoting `error`, else the answer itself', () => {
    const said = { ok: false, error: 'Campaign is archived' };
    expect(afterUpload(WHO, '9181', UploadResult.parse(said), said)).toEqual({
      refuse: { message: 'Smartlead did not add ada@example.com to campaign 9181: Campaign is archived', code: 'NotEnrolled', status: 502 },
    });
    const silent = { ok: false };
    expect(afterUpload(WHO, '9181', UploadResult.parse(silent), silent)).toEqual({
      refuse: { message: 'Smartlead did not add ada@example.com to campaign 9181: {"ok":false}', code: 'NotEnrolled', status: 502 },
    });
  });

  it('an invalid or bounce-listed address is refused whatever the policy; a clean one is not', () => {
    expect(unusable(WHO, counters())).toBeNull();
    expect(unusable(WHO, counters({ invalid_email_count: 1 }))).toEqual({
      refuse: { message: 'Smartlead rejected ada@example.com as an invalid email address.', code: 'InvalidEmail', status: 400 },
    });
    expect(unusable(WHO, counters({ bounce_count: 1 }))).toEqual({
      refuse: {
        message:
          "Smartlead skipped ada@example.com: the address is on Smartlead's bounce list (mail to it bounced before). Check the address; this step never overrides the bounce list.",
        code: 'BouncedEmail',
        status: 400,
      },
    });
  });
});

describe('Enroll Lead: the upload counters', () => {
  it('upload_count → enrolled', () => {
    expect(fromCounters(request(), counters({ upload_count: 1 }))).toEqual({
      outcome: 'enrolled',
      detail: 'ada@example.com was added to Smartlead campaign 9181.',
    });
  });

  it('an invalid address is an error even when counted as uploaded', () => {
    expect(fromCounters(request(), counters({ upload_count: 1, invalid_email_count: 1 }))).toEqual({
      refuse: { message: 'Smartlead rejected ada@example.com as an invalid email address.', code: 'InvalidEmail', status: 400 },
    });
  });

  it('unsubscribed (a count or a list of emails) or blocked → skipped_unsubscribed, before the bounce list is looked at', () => {
    const skipped = {
      outcome: 'skipped_unsubscribed',
      detail: 'Smartlead skipped ada@example.com: the lead unsubscribed or is on the block list. They were not re-subscribed.',
    };
    expect(fromCounters(request(), counters({ unsubscribed_leads: 1 }))).toEqual(skipped);
    expect(fromCounters(request(), counters({ unsubscribed_leads: [WHO] }))).toEqual(skipped);
    expect(fromCounters(request(), counters({ block_count: 1 }))).toEqual(skipped);
    expect(fromCounters(request(), counters({ unsubscribed_leads: 1, bounce_count: 1 }))).toEqual(skipped);
  });

  it('on the bounce list → BouncedEmail, even when also already in the campaign', () => {
    expect(fromCounters(request(), counters({ bounce_count: 1, already_added_to_campaign: 1 }))).toMatchObject({
      refuse: { code: 'BouncedEmail', status: 400 },
    });
  });

  it('already in this campaign → read its status there, before the other-campaign counter', () => {
    expect(fromCounters(request(), counters({ already_added_to_campaign: 1 }))).toEqual({ next: 'status' });
    expect(fromCounters(request(), counters({ already_added_to_campaign: 1, duplicate_count: 1 }))).toEqual({ next: 'status' });
  });

  it('in another campaign → skipped_in_other_campaign, pointing at "Add anyway"', () => {
    expect(fromCounters(request(), counters({ duplicate_count: 1 }))).toEqual({
      outcome: 'skipped_in_other_campaign',
      detail: 'Smartlead skipped ada@example.com: the lead is already in another campaign. Set "If In Another Campaign" to "Add anyway" to add them.',
    });
  });

  it('no counter at all → NotEnrolled (502) with the counters', () => {
    expect(fromCounters(request(), UploadResult.parse({ ok: true, upload_count: 0, total_leads: 1 }))).toEqual({
      refuse: {
        message: 'Smartlead did not add ada@example.com and gave no reason ({"ok":true,"upload_count":0,"total_leads":1}).',
        code: 'NotEnrolled',
        status: 502,
      },
    });
  });
});

describe('Enroll Lead: already in the campaign', () => {
  it('running (or status unknown) → already_enrolled, or AlreadyEnrolled (409) when the Zap asks for an error', () => {
    const already = { outcome: 'already_enrolled', detail: 'ada@example.com is already in Smartlead campaign 9181; nothing changed.' };
    expect(inCampaign(request(), 'INPROGRESS')).toEqual(already);
    expect(inCampaign(request(), 'STARTED')).toEqual(already);
    expect(inCampaign(request(), null)).toEqual(already);
    expect(inCampaign(request({ if_already_enrolled: 'error' }), 'STARTED')).toEqual({
      refuse: { message: 'ada@example.com is already in Smartlead campaign 9181.', code: 'AlreadyEnrolled', status: 409 },
    });
  });

  it('paused → skipped_previously_contacted (even under the error policy); with "Enroll again" → look the lead up', () => {
    const skipped = {
      outcome: 'skipped_previously_contacted',
      detail: 'ada@example.com is paused in Smartlead campaign 9181. Set "If Previously Contacted" to "Enroll again" to resume them.',
    };
    expect(inCampaign(request(), 'PAUSED')).toEqual(skipped);
    expect(inCampaign(request({ if_already_enrolled: 'error' }), 'PAUSED')).toEqual(skipped);
    expect(inCampaign(request({ if_previously_contacted: 're_enroll' }), 'PAUSED')).toEqual({ next: 'lookup' });
  });

  it.each(['COMPLETED', 'STOPPED', 'BLOCKED'])('%s → skipped_previously_contacted, "Enroll again" or not: a finished sequence cannot restart', (status) => {
    const skipped = {
      outcome: 'skipped_previously_contacted',
      detail: `ada@example.com already went through Smartlead campaign 9181 (${status}); Smartlead cannot restart a finished sequence in the same campaign — enroll them in another campaign.`,
    };
    expect(inCampaign(request(), status)).toEqual(skipped);
    expect(inCampaign(request({ if_previously_contacted: 're_enroll' }), status)).toEqual(skipped);
  });

  it('"Enroll again" never resumes a lead who unsubscribed meanwhile', () => {
    expect(beforeReEnroll(WHO, lookedUp({ is_unsubscribed: true }))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'ada@example.com unsubscribed from Smartlead; they were not re-subscribed.',
    });
    expect(beforeReEnroll(WHO, lookedUp())).toEqual({ next: 'resume' });
    // The lookup answered `{}`: nothing says they unsubscribed.
    expect(beforeReEnroll(WHO, null)).toEqual({ next: 'resume' });
  });

  it('"Enroll again": a resume answered `ok: true` is enrolled; anything else is ResumeFailed (502) quoting the answer', () => {
    expect(afterReEnroll(request({ if_previously_contacted: 're_enroll' }), { ok: true })).toEqual({
      outcome: 'enrolled',
      detail: 'ada@example.com was paused in Smartlead campaign 9181; resumed their sequence (re-enroll).',
    });
    expect(afterReEnroll(request({ if_previously_contacted: 're_enroll' }), {})).toEqual({
      refuse: {
        message: 'Smartlead did not confirm resuming ada@example.com in campaign 9181 (it answered {}); check the lead in Smartlead.',
        code: 'ResumeFailed',
        status: 502,
      },
    });
    expect(afterReEnroll(request(), null)).toMatchObject({
      refuse: { message: 'Smartlead did not confirm resuming ada@example.com in campaign 9181 (it answered null); check the lead in Smartlead.' },
    });
  });
});

describe('Create Lead', () => {
  it('an upload that added nobody refuses an unusable address; otherwise the lookup says', () => {
    expect(afterCreateUpload(WHO, counters({ upload_count: 1 }))).toEqual({ next: 'lookup' });
    expect(afterCreateUpload(WHO, counters({ already_added_to_campaign: 1 }))).toEqual({ next: 'lookup' });
    expect(afterCreateUpload(WHO, counters({ bounce_count: 1 }))).toMatchObject({ refuse: { code: 'BouncedEmail', status: 400 } });
    expect(afterCreateUpload(WHO, counters({ invalid_email_count: 1 }))).toMatchObject({ refuse: { code: 'InvalidEmail', status: 400 } });
  });

  it('no lead found after the upload is NotCreated (502) with the counters', () => {
    expect(notCreated(WHO, UploadResult.parse({ ok: true, upload_count: 0 }))).toEqual({
      refuse: { message: 'Smartlead did not create ada@example.com ({"ok":true,"upload_count":0}).', code: 'NotCreated', status: 502 },
    });
  });
});

describe('Stop Sequence', () => {
  it('an unknown lead is not_found; a known one outside the campaign or in none is already_stopped', () => {
    expect(notFound(WHO, 'stop')).toEqual({ outcome: 'not_found', detail: 'No Smartlead lead with email ada@example.com; nothing to stop.' });
    expect(notInCampaign(WHO, '777', null)).toEqual({ outcome: 'not_found', detail: 'No Smartlead lead with email ada@example.com; nothing to stop.' });
    expect(notInCampaign(WHO, '777', lookedUp())).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com is not in Smartlead campaign 777; nothing to stop.',
    });
    expect(inNoCampaign(WHO)).toEqual({ outcome: 'already_stopped', detail: 'ada@example.com is in no Smartlead campaign; nothing to stop.' });
  });

  it('a pause call only where the campaign holds the lead and it is not paused or finished', () => {
    const at = (status: string | null, row = true): CampaignRow => ({ campaign: q2(status), row: row ? searchRow(status) : null });
    expect(needsPause(at('INPROGRESS'))).toBe(true);
    expect(needsPause(at('STARTED'))).toBe(true);
    expect(needsPause(at(null))).toBe(true);
    for (const status of ['PAUSED', 'COMPLETED', 'STOPPED', 'BLOCKED']) expect(needsPause(at(status))).toBe(false);
    expect(needsPause(at(null, false))).toBe(false);
  });

  it('a pause not answered `ok: true` is StopFailed (502), naming the campaign and where the lead is paused already', () => {
    expect(pauseUnconfirmed(WHO, q2('INPROGRESS'), {}, [])).toEqual({
      refuse: {
        message: 'Smartlead did not confirm pausing ada@example.com in campaign Q2 outbound (it answered {}). Check the lead in Smartlead.',
        code: 'StopFailed',
        status: 502,
      },
    });
    expect(pauseUnconfirmed(WHO, { id: '9300', name: null, status: 'STARTED' }, { ok: false }, [webinar('PAUSED'), q2('COMPLETED')])).toEqual({
      refuse: {
        message:
          'Smartlead did not confirm pausing ada@example.com in campaign 9300 (it answered {"ok":false}); already paused in Webinar follow-up. Check the lead in Smartlead.',
        code: 'StopFailed',
        status: 502,
      },
    });
  });

  it('after pausing: stopped names only the campaigns paused now; nothing paused is already_stopped', () => {
    const running: CampaignRow[] = [
      { campaign: q2('INPROGRESS'), row: searchRow('INPROGRESS') },
      { campaign: webinar('STARTED'), row: searchRow('STARTED') },
    ];
    expect(afterPausing(WHO, running, [q2('PAUSED'), webinar('PAUSED')], 0)).toEqual({
      outcome: 'stopped',
      detail: 'Paused ada@example.com in 2 Smartlead campaigns: Q2 outbound, Webinar follow-up. The lead was not unsubscribed.',
    });
    const onePausedBefore: CampaignRow[] = [
      { campaign: q2('PAUSED'), row: searchRow('PAUSED') },
      { campaign: webinar('INPROGRESS'), row: searchRow('INPROGRESS') },
    ];
    expect(afterPausing(WHO, onePausedBefore, [q2('PAUSED'), webinar('PAUSED')], 1)).toEqual({
      outcome: 'stopped',
      detail: 'Paused ada@example.com in 1 Smartlead campaign: Webinar follow-up. The lead was not unsubscribed.',
    });
    const nothingRuns: CampaignRow[] = [
      { campaign: q2('COMPLETED'), row: searchRow('COMPLETED') },
      { campaign: webinar(null), row: null },
    ];
    expect(afterPausing(WHO, nothingRuns, [q2('COMPLETED'), webinar(null)], 2)).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com was already paused, finished or out of Q2 outbound, Webinar follow-up; nothing changed.',
    });
  });

  it('after removing: stopped when any delete was confirmed, already_stopped when none was', () => {
    expect(afterRemoving(WHO, [q2('REMOVED')], 0)).toEqual({
      outcome: 'stopped',
      detail: 'Removed ada@example.com from 1 Smartlead campaign: Q2 outbound. The lead was not unsubscribed.',
    });
    // Only the confirmed delete counts as removed; the campaign the lead had already left is named apart.
    expect(afterRemoving(WHO, [q2('REMOVED'), webinar(null)], 1)).toEqual({
      outcome: 'stopped',
      detail: 'Removed ada@example.com from 1 Smartlead campaign: Q2 outbound (already out of Webinar follow-up). The lead was not unsubscribed.',
    });
    expect(afterRemoving(WHO, [q2('REMOVED'), webinar('REMOVED')], 0)).toEqual({
      outcome: 'stopped',
      detail: 'Removed ada@example.com from 2 Smartlead campaigns: Q2 outbound, Webinar follow-up. The lead was not unsubscribed.',
    });
    expect(afterRemoving(WHO, [{ id: '9181', name: null, status: null }], 1)).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com was already out of 9181.',
    });
  });
});

describe('Resume Sequence', () => {
  it('an unknown lead is not_found; one who unsubscribed is never resumed', () => {
    expect(notFound(WHO, 'resume')).toEqual({ outcome: 'not_found', detail: 'No Smartlead lead with email ada@example.com; nothing to resume.' });
    expect(beforeResuming(WHO, lookedUp({ is_unsubscribed: true }))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'ada@example.com unsubscribed from Smartlead; their sequence was not resumed and they were not re-subscribed.',
    });
    expect(beforeResuming(WHO, lookedUp())).toEqual({ next: 'campaigns' });
  });

  it('only PAUSED is resumed; STARTED, INPROGRESS (and ACTIVE) already run', () => {
    expect(needsResume('PAUSED')).toBe(true);
    for (const status of ['STARTED', 'INPROGRESS', 'COMPLETED', 'STOPPED', 'BLOCKED', null]) expect(needsResume(status)).toBe(false);
    for (const status of ['STARTED', 'INPROGRESS', 'ACTIVE']) expect(runs(status)).toBe(true);
    for (const status of ['PAUSED', 'COMPLETED', 'STOPPED', 'BLOCKED', null]) expect(runs(status)).toBe(false);
  });

  it('a resume not answered `ok: true` is ResumeFailed (502), naming the campaign and where the lead was resumed already', () => {
    expect(resumeUnconfirmed(WHO, q2(null), {}, [])).toEqual({
      refuse: {
        message: 'Smartlead did not confirm resuming ada@example.com in campaign Q2 outbound (it answered {}). Check the lead in Smartlead.',
        code: 'ResumeFailed',
        status: 502,
      },
    });
    expect(resumeUnconfirmed(WHO, q2(null), null, [webinar('INPROGRESS')])).toMatchObject({
      refuse: {
        message:
          'Smartlead did not confirm resuming ada@example.com in campaign Q2 outbound (it answered null); already resumed in Webinar follow-up. Check the lead in Smartlead.',
      },
    });
  });

  it('resumed anywhere → resumed; else running anywhere → already_running', () => {
    expect(afterResuming(WHO, null, [q2('INPROGRESS'), webinar('INPROGRESS')], [q2('INPROGRESS')], [webinar('INPROGRESS')])).toEqual({
      outcome: 'resumed',
      detail: 'Resumed ada@example.com in 1 Smartlead campaign: Q2 outbound.',
    });
    expect(afterResuming(WHO, null, [q2('INPROGRESS'), webinar('INPROGRESS')], [q2('INPROGRESS'), webinar('INPROGRESS')], [])).toMatchObject({
      detail: 'Resumed ada@example.com in 2 Smartlead campaigns: Q2 outbound, Webinar follow-up.',
    });
    expect(afterResuming(WHO, '9200', [webinar('STARTED')], [], [webinar('STARTED')])).toEqual({
      outcome: 'already_running',
      detail: 'ada@example.com is not paused: their sequence already runs in Webinar follow-up.',
    });
  });

  it('nothing paused nor running → not_paused, with the statuses, or saying no campaign holds the lead', () => {
    expect(afterResuming(WHO, null, [q2('COMPLETED'), { id: '9300', name: null, status: null }], [], [])).toEqual({
      outcome: 'not_paused',
      detail: 'ada@example.com is not paused in Q2 outbound, 9300 (COMPLETED, unknown status): a finished, stopped or blocked lead cannot be resumed.',
    });
    expect(afterResuming(WHO, '777', [], [], [])).toEqual({
      outcome: 'not_paused',
      detail: 'ada@example.com is not in Smartlead campaign 777; nothing to resume.',
    });
    expect(afterResuming(WHO, null, [], [], [])).toEqual({ outcome: 'not_paused', detail: 'ada@example.com is in no Smartlead campaign; nothing to resume.' });
  });
});
