import { itemResult, reportedId, type Reported } from '../src/providers/woodpecker/api';
import {
  afterAdding,
  afterNotActive,
  afterSaving,
  afterUpdating,
  alreadyIn,
  beforeAdding,
  beforeResuming,
  beforeStopping,
  campaignName,
  globalStatus,
  idUnreported,
  membershipsIn,
  needsLookup,
  noProspect,
  rereadsStatus,
  resumeAffected,
  resumed,
  stillSendingElsewhere,
  stopped,
  toPause,
  toResume,
} from '../src/providers/woodpecker/decide';
import { ProspectRow } from '../src/providers/woodpecker/payloads';
import type { EnrollRequest, ResumeRequest, StopRequest } from '../src/providers/types';

/**
 * Woodpecker's outcome decisions as pure functions. Inputs are written by hand in the shapes the
 * vendor documents: a `GET /v1/prospects?search=email=…&campaigns_details=true` row (global
 * `status`; `campaigns_details[]` with `campaign_id`, `campaign_name`, `campaign_status`,
 * `campaign_prospect_status` — developers.woodpecker.co "Search for prospects"), the statuses of
 * the help centre ("What does the STATUS of a prospect mean?"), and add_prospects_* answers as the
 * Power Platform connector declares them (`{prospects: [{email, id}], status: {status, code,
 * msg}}`) with the documented v1 error codes (E_DUPLICATE, E_INV_STATUS).
 */

const ADDRESS = 'erlich@bachman.com';

type Detail = { campaign_id: number | string; campaign_name?: string; campaign_status?: string; campaign_prospect_status?: string };
const row = (status: string | undefined, details: Detail[] = []): ProspectRow =>
  ProspectRow.parse({
    id: 4804,
    email: ADDRESS,
    first_name: 'Erlich',
    last_name: 'Bachman',
    ...(status === undefined ? {} : { status }),
    campaigns_details: details,
  });
const saas = (prospectStatus: string, campaignStatus = 'RUNNING'): Detail => ({
  campaign_id: 1234567,
  campaign_name: 'SaaS CEOs',
  campaign_status: campaignStatus,
  campaign_prospect_status: prospectStatus,
});

const enrollReq = (policy: Partial<EnrollRequest['policy']> = {}, email = 'Erlich@Bachman.com'): EnrollRequest => ({
  campaign_id: '1234567',
  mailbox_id: null,
  lead: { email, first_name: 'Erlich', last_name: null, company: null, title: null, phone: null, linkedin_url: null, custom_fields: {} },
  policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip', ...policy },
});
const stopReq = (campaign_id: string | null): StopRequest => ({ email: 'Erlich@Bachman.com', campaign_id, mode: 'pause' });
const resumeReq = (campaign_id: string | null): ResumeRequest => ({ email: 'Erlich@Bachman.com', campaign_id });

const NOT_ACTIVE: Reported = { kind: 'not_active', message: 'Prospect has status other than ACTIVE' };
const NOT_FOUND_ERROR: Reported = { kind: 'error', message: 'Campaign not found (E_RECORD_NOT_FOUND)' };

describe('reading an add_prospects_* answer (api.ts itemResult)', () => {
  it('an item with the prospect id is a success, the id as a string', () => {
    expect(itemResult({ prospects: [{ email: ADDRESS, id: 4804 }], status: { status: 'OK', code: 'OK', msg: 'Success' } }, ADDRESS)).toEqual({
      kind: 'ok',
      id: '4804',
    });
  });

  it('an item for our address with status OK and no id is a success whose id is unknown', () => {
    expect(itemResult({ status: { code: 'OK', msg: 'Success' }, prospects: [{ email: ADDRESS, status: 'OK' }] }, ADDRESS)).toEqual({ kind: 'ok', id: null });
  });

  it('a single item without an email is taken as ours (one prospect is sent)', () => {
    expect(itemResult({ prospects: [{ id: 77 }] }, ADDRESS)).toEqual({ kind: 'ok', id: '77' });
  });

  it("E_DUPLICATE (or status DUPLICATE) is a duplicate; the message is the item's msg, else its code", () => {
    expect(itemResult({ prospects: [{ email: ADDRESS, code: 'E_DUPLICATE', msg: 'Prospect already in campaign' }] }, ADDRESS)).toEqual({
      kind: 'duplicate',
      message: 'Prospect already in campaign',
    });
    expect(itemResult({ prospects: [{ email: ADDRESS, code: 'E_DUPLICATE' }] }, ADDRESS)).toEqual({ kind: 'duplicate', message: 'E_DUPLICATE' });
    expect(itemResult({ prospects: [{ email: ADDRESS, status: 'DUPLICATE' }] }, ADDRESS)).toEqual({ kind: 'duplicate', message: 'DUPLICATE' });
  });

  it('E_INV_STATUS ("status other than ACTIVE") is a refusal by status', () => {
    expect(itemResult({ prospects: [{ email: ADDRESS, code: 'E_INV_STATUS', msg: 'Prospect has status other than ACTIVE' }] }, ADDRESS)).toEqual(NOT_ACTIVE);
  });

  it('any other E_ code is an error quoting Woodpecker with the code', () => {
    expect(itemResult({ prospects: [{ email: ADDRESS, status: 'ERROR', code: 'E_RECORD_NOT_FOUND', msg: 'Campaign not found' }] }, ADDRESS)).toEqual(
      NOT_FOUND_ERROR,
    );
  });

  it('no item but the v1 error envelope is an error with its msg and code', () => {
    expect(itemResult({ status: { status: 'ERROR', code: 'E_RECORD_NOT_FOUND', msg: 'Campaign not found' } }, ADDRESS)).toEqual(NOT_FOUND_ERROR);
    expect(itemResult({ prospects: [], status: { status: 'ERROR' } }, ADDRESS)).toEqual({ kind: 'error', message: 'error (ERROR)' });
  });

  it('no result for our address, or an item with neither id nor code, is unexpected and quotes the body', () => {
    expect(itemResult({}, ADDRESS)).toEqual({ kind: 'unexpected', message: 'Woodpecker reported no result for erlich@bachman.com; it answered {}' });
    expect(itemResult(null, ADDRESS)).toEqual({
      kind: 'unexpected',
      message: 'Woodpecker reported no result for erlich@bachman.com; it answered an empty body',
    });
    expect(itemResult({ prospects: [{ email: 'someone@else.com', id: 5 }] }, ADDRESS)).toMatchObject({ kind: 'unexpected' });
    expect(itemResult({ prospects: [{ email: ADDRESS }] }, ADDRESS)).toEqual({
      kind: 'unexpected',
      message: 'Woodpecker returned no prospect id and no error code for erlich@bachman.com; it answered {"prospects":[{"email":"erlich@bachman.com"}]}',
    });
  });

  it("the reported id is the ok result's, else none", () => {
    expect(reportedId({ kind: 'ok', id: '4804' })).toBe('4804');
    expect(reportedId({ kind: 'ok', id: null })).toBeNull();
    expect(reportedId({ kind: 'duplicate', message: 'E_DUPLICATE' })).toBeNull();
  });
});

describe('prospect rows', () => {
  it('the global status is upper-cased; a row without one (or no row) has none', () => {
    expect(globalStatus(row('blacklist'))).toBe('BLACKLIST');
    expect(globalStatus(row(undefined))).toBeNull();
    expect(globalStatus(row(''))).toBeNull();
    expect(globalStatus(null)).toBeNull();
  });

  it('memberships match the campaign id whether Woodpecker sends it as a number or a string', () => {
    const r = row('ACTIVE', [
      saas('ACTIVE'),
      { campaign_id: '42', campaign_name: 'Q3 Founders', campaign_status: 'RUNNING', campaign_prospect_status: 'PAUSED' },
    ]);
    expect(membershipsIn(r, '1234567').map((c) => c.campaign_name)).toEqual(['SaaS CEOs']);
    expect(membershipsIn(r, '42').map((c) => c.campaign_name)).toEqual(['Q3 Founders']);
    expect(membershipsIn(r, null)).toHaveLength(2);
    expect(membershipsIn(null, null)).toEqual([]);
    expect(campaignName(r, '1234567')).toBe('SaaS CEOs');
    expect(campaignName(r, '9')).toBeNull();
    expect(campaignName(null, '1234567')).toBeNull();
  });
});

describe('Enroll decisions', () => {
  it('a search comes first only for "skip if in another campaign"', () => {
    expect(needsLookup(enrollReq())).toBe(true);
    expect(needsLookup(enrollReq({ if_in_other_campaign: 'add_anyway' }))).toBe(false);
  });

  it('already in the campaign: an outcome naming the campaign (its id when unnamed), or AlreadyEnrolled 409 when asked', () => {
    expect(alreadyIn(enrollReq(), 'SaaS CEOs')).toEqual({
      outcome: 'already_enrolled',
      detail: 'erlich@bachman.com is already in Woodpecker campaign SaaS CEOs; nothing was changed.',
    });
    expect(alreadyIn(enrollReq(), null)).toEqual({
      outcome: 'already_enrolled',
      detail: 'erlich@bachman.com is already in Woodpecker campaign 1234567; nothing was changed.',
    });
    expect(alreadyIn(enrollReq({ if_already_enrolled: 'error' }, '  Erlich@Bachman.com '), 'SaaS CEOs')).toEqual({
      refuse: { message: 'erlich@bachman.com is already in Woodpecker campaign SaaS CEOs.', code: 'AlreadyEnrolled', status: 409 },
    });
  });

  it('without a prospect (not searched, or none found) the add goes ahead', () => {
    expect(beforeAdding(enrollReq(), null)).toEqual({ next: 'add' });
  });

  it('a row is only judged under "skip if in another campaign"', () => {
    expect(beforeAdding(enrollReq({ if_in_other_campaign: 'add_anyway' }), row('BLACKLIST', [saas('ACTIVE')]))).toEqual({ next: 'add' });
  });

  it('a membership of this campaign (any prospect status) is already enrolled, before the blacklist is looked at', () => {
    expect(beforeAdding(enrollReq(), row('BLACKLIST', [saas('REPLIED', 'COMPLETED')]))).toEqual({
      outcome: 'already_enrolled',
      detail: 'erlich@bachman.com is already in Woodpecker campaign SaaS CEOs; nothing was changed.',
    });
    expect(beforeAdding(enrollReq({ if_already_enrolled: 'error' }), row('ACTIVE', [{ campaign_id: '1234567' }]))).toEqual({
      refuse: { message: 'erlich@bachman.com is already in Woodpecker campaign 1234567.', code: 'AlreadyEnrolled', status: 409 },
    });
  });

  it('a BLACKLIST prospect is skipped as unsubscribed', () => {
    expect(beforeAdding(enrollReq(), row('BLACKLIST'))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'erlich@bachman.com is blacklisted in Woodpecker (unsubscribed); not enrolled.',
    });
  });

  it('another campaign that may still send skips; a prospect status not given counts as ACTIVE', () => {
    const r = row('ACTIVE', [
      { campaign_id: 42, campaign_name: 'Q3 Founders', campaign_status: 'RUNNING', campaign_prospect_status: 'AUTOREPLIED' },
      { campaign_id: 43, campaign_status: 'RUNNING' },
    ]);
    expect(beforeAdding(enrollReq(), r)).toEqual({
      outcome: 'skipped_in_other_campaign',
      detail: 'erlich@bachman.com is still active in Woodpecker campaign Q3 Founders, 43; not enrolled.',
    });
  });

  it('other campaigns that will not send (a replied prospect, a closed campaign) do not skip', () => {
    const r = row('REPLIED', [
      { campaign_id: 42, campaign_name: 'Q3 Founders', campaign_status: 'RUNNING', campaign_prospect_status: 'REPLIED' },
      { campaign_id: 43, campaign_name: 'Old', campaign_status: 'COMPLETED', campaign_prospect_status: 'ACTIVE' },
      { campaign_id: 44, campaign_name: 'Gone', campaign_status: 'DELETED', campaign_prospect_status: 'TO-CHECK' },
      { campaign_id: 45, campaign_name: 'Halted', campaign_status: 'STOPPED', campaign_prospect_status: 'TO-REVIEW' },
    ]);
    expect(stillSendingElsewhere(r, '1234567')).toEqual([]);
    expect(beforeAdding(enrollReq(), r)).toEqual({ next: 'add' });
  });

  it('after a refusal by status, the status is read again unless a search already showed one other than ACTIVE', () => {
    expect(rereadsStatus(null)).toBe(true);
    expect(rereadsStatus(row('ACTIVE'))).toBe(true);
    expect(rereadsStatus(row('REPLIED'))).toBe(false);
    expect(rereadsStatus(row(undefined))).toBe(false);
  });

  it('refused by status and BLACKLIST: skipped as unsubscribed, never forced, even with re-enroll', () => {
    expect(afterNotActive(enrollReq({ if_previously_contacted: 're_enroll' }), row('BLACKLIST'), NOT_ACTIVE.message)).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'erlich@bachman.com is blacklisted in Woodpecker (unsubscribed); not enrolled.',
    });
  });

  it('refused by status that cannot be read: StatusUnknown 409 under re-enroll, skipped otherwise, saying why', () => {
    expect(afterNotActive(enrollReq({ if_previously_contacted: 're_enroll' }), null, 'Prospect has status other than ACTIVE')).toEqual({
      refuse: {
        message:
          'Woodpecker refused erlich@bachman.com for campaign 1234567 (Prospect has status other than ACTIVE) and the prospect could not be found to read its status, so it was not forced in: it may be blacklisted (unsubscribed). Check the prospect in Woodpecker.',
        code: 'StatusUnknown',
        status: 409,
      },
    });
    expect(afterNotActive(enrollReq({ if_previously_contacted: 're_enroll' }), row(undefined), 'E_INV_STATUS')).toEqual({
      refuse: {
        message:
          'Woodpecker refused erlich@bachman.com for campaign 1234567 (E_INV_STATUS) and its Woodpecker status could not be read, so it was not forced in: it may be blacklisted (unsubscribed). Check the prospect in Woodpecker.',
        code: 'StatusUnknown',
        status: 409,
      },
    });
    expect(afterNotActive(enrollReq(), null, 'E_INV_STATUS')).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: 'Woodpecker refused erlich@bachman.com (its status is not ACTIVE) and the prospect could not be found to read its status; not enrolled.',
    });
    expect(afterNotActive(enrollReq(), row(undefined), 'E_INV_STATUS')).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: 'Woodpecker refused erlich@bachman.com (its status is not ACTIVE) and its Woodpecker status could not be read; not enrolled.',
    });
  });

  it('refused by a status that was read: skipped naming it, or forced under re-enroll', () => {
    expect(afterNotActive(enrollReq(), row('replied'), NOT_ACTIVE.message)).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: 'erlich@bachman.com has Woodpecker status REPLIED (already contacted); not enrolled. Choose "re-enroll" to add them anyway.',
    });
    expect(afterNotActive(enrollReq({ if_previously_contacted: 're_enroll' }), row('REPLIED'), NOT_ACTIVE.message)).toEqual({ next: 'force' });
    expect(afterNotActive(enrollReq({ if_previously_contacted: 're_enroll' }), row('BOUNCED'), NOT_ACTIVE.message)).toEqual({ next: 'force' });
  });

  it('the id is searched for only when Woodpecker reported success without one and no search gave the prospect', () => {
    expect(idUnreported({ kind: 'ok', id: null }, null)).toBe(true);
    expect(idUnreported({ kind: 'ok', id: null }, row('ACTIVE'))).toBe(false);
    expect(idUnreported({ kind: 'ok', id: '4804' }, null)).toBe(false);
    expect(idUnreported({ kind: 'duplicate', message: 'E_DUPLICATE' }, null)).toBe(false);
  });

  it('after the add: enrolled, already enrolled, or EnrollFailed 400 quoting Woodpecker', () => {
    expect(afterAdding(enrollReq(), { kind: 'ok', id: '4804' }, 'SaaS CEOs')).toEqual({
      outcome: 'enrolled',
      detail: 'Added erlich@bachman.com to Woodpecker campaign 1234567.',
    });
    expect(afterAdding(enrollReq(), { kind: 'duplicate', message: 'E_DUPLICATE' }, 'SaaS CEOs')).toEqual({
      outcome: 'already_enrolled',
      detail: 'erlich@bachman.com is already in Woodpecker campaign SaaS CEOs; nothing was changed.',
    });
    expect(afterAdding(enrollReq({ if_already_enrolled: 'error' }), { kind: 'duplicate', message: 'E_DUPLICATE' }, null)).toEqual({
      refuse: { message: 'erlich@bachman.com is already in Woodpecker campaign 1234567.', code: 'AlreadyEnrolled', status: 409 },
    });
    expect(afterAdding(enrollReq(), NOT_ACTIVE, null)).toEqual({
      refuse: { message: 'Woodpecker refused erlich@bachman.com even with force: Prospect has status other than ACTIVE', code: 'EnrollFailed', status: 400 },
    });
    expect(afterAdding(enrollReq(), NOT_FOUND_ERROR, null)).toEqual({
      refuse: {
        message: 'Woodpecker did not add erlich@bachman.com to campaign 1234567: Campaign not found (E_RECORD_NOT_FOUND)',
        code: 'EnrollFailed',
        status: 400,
      },
    });
  });
});

describe('Create (upsert) decisions', () => {
  it('an error or a refusal by status is CreateFailed 400 quoting Woodpecker', () => {
    expect(afterSaving(ADDRESS, { kind: 'error', message: 'Invalid email format (E_EMAIL)' }, null)).toEqual({
      refuse: { message: 'Woodpecker did not save erlich@bachman.com: Invalid email format (E_EMAIL)', code: 'CreateFailed', status: 400 },
    });
    expect(afterSaving(ADDRESS, NOT_ACTIVE, row('BLACKLIST'))).toEqual({
      refuse: { message: 'Woodpecker did not save erlich@bachman.com: Prospect has status other than ACTIVE', code: 'CreateFailed', status: 400 },
    });
  });

  it('saved without an id and unknown before: the id is read; otherwise the answer is built', () => {
    expect(afterSaving(ADDRESS, { kind: 'ok', id: null }, null)).toEqual({ next: 'read id' });
    expect(afterSaving(ADDRESS, { kind: 'ok', id: null }, row('ACTIVE'))).toEqual({ next: 'answer' });
    expect(afterSaving(ADDRESS, { kind: 'ok', id: '4804' }, null)).toEqual({ next: 'answer' });
    expect(afterSaving(ADDRESS, { kind: 'duplicate', message: 'E_DUPLICATE' }, null)).toEqual({ next: 'answer' });
  });
});

describe('Stop decisions', () => {
  it('no prospect with the address: not_found, nothing to stop / resume', () => {
    expect(noProspect('Erlich@Bachman.com', 'stop')).toEqual({
      outcome: 'not_found',
      detail: 'No Woodpecker prospect has the email erlich@bachman.com; nothing to stop.',
    });
    expect(noProspect('Erlich@Bachman.com', 'resume')).toEqual({
      outcome: 'not_found',
      detail: 'No Woodpecker prospect has the email erlich@bachman.com; nothing to resume.',
    });
  });

  it('a known prospect not in the chosen campaign is already stopped', () => {
    expect(beforeStopping(stopReq('9'), row('ACTIVE', [saas('ACTIVE')]))).toEqual({
      outcome: 'already_stopped',
      detail: 'erlich@bachman.com is not in Woodpecker campaign 9; nothing to stop.',
    });
  });

  it('a membership Woodpecker no longer sends to is already stopped, named by campaign (its id when unnamed)', () => {
    expect(beforeStopping(stopReq('1234567'), row('REPLIED', [saas('REPLIED')]))).toEqual({
      outcome: 'already_stopped',
      detail: 'Woodpecker is not sending to erlich@bachman.com in campaign SaaS CEOs; nothing changed.',
    });
    expect(
      beforeStopping(stopReq('1234567'), row('ACTIVE', [{ campaign_id: 1234567, campaign_status: 'COMPLETED', campaign_prospect_status: 'ACTIVE' }])),
    ).toEqual({
      outcome: 'already_stopped',
      detail: 'Woodpecker is not sending to erlich@bachman.com in campaign 1234567; nothing changed.',
    });
  });

  it('without a chosen campaign: "any campaign", or "it is in none" when the prospect has no membership', () => {
    expect(beforeStopping(stopReq(null), row('ACTIVE', [saas('PAUSED')]))).toEqual({
      outcome: 'already_stopped',
      detail: 'Woodpecker is not sending to erlich@bachman.com in any campaign; nothing changed.',
    });
    expect(beforeStopping(stopReq(null), row('ACTIVE'))).toEqual({
      outcome: 'already_stopped',
      detail: 'Woodpecker is not sending to erlich@bachman.com in any campaign (it is in none); nothing changed.',
    });
  });

  it('a BLACKLIST prospect is never sent an update: already stopped, even with an ACTIVE membership', () => {
    const r = row('BLACKLIST', [saas('ACTIVE')]);
    expect(toPause(r, null)).toEqual([]);
    expect(beforeStopping(stopReq('1234567'), r)).toEqual({
      outcome: 'already_stopped',
      detail: 'Woodpecker is not sending to erlich@bachman.com in campaign SaaS CEOs; nothing changed.',
    });
  });

  it('memberships with a sending status in an open campaign are paused; a status not given is not sending here', () => {
    const r = row('AUTOREPLIED', [
      { campaign_id: 1, campaign_name: 'A', campaign_status: 'RUNNING', campaign_prospect_status: 'ACTIVE' },
      { campaign_id: 2, campaign_name: 'B', campaign_status: 'RUNNING', campaign_prospect_status: 'autoreplied' },
      { campaign_id: 3, campaign_name: 'C', campaign_status: 'PAUSED', campaign_prospect_status: 'TO-CHECK' },
      { campaign_id: 4, campaign_name: 'D', campaign_prospect_status: 'TO-REVIEW' },
      { campaign_id: 5, campaign_name: 'E', campaign_status: 'RUNNING', campaign_prospect_status: 'PAUSED' },
      { campaign_id: 6, campaign_name: 'F', campaign_status: 'STOPPED', campaign_prospect_status: 'ACTIVE' },
      { campaign_id: 7, campaign_name: 'G', campaign_status: 'RUNNING' },
    ]);
    expect(toPause(r, null).map((c) => c.campaign_name)).toEqual(['A', 'B', 'C', 'D']);
    expect(toPause(r, '2').map((c) => c.campaign_name)).toEqual(['B']);
    expect(beforeStopping(stopReq(null), r)).toEqual({ next: 'pause' });
  });

  it('one update answered: done or duplicate goes on; anything else is StopFailed 400 naming the campaign and those already paused', () => {
    const a = { campaign_id: 1, campaign_name: 'A', campaign_status: 'RUNNING', campaign_prospect_status: 'ACTIVE' };
    const unnamed = { campaign_id: 42, campaign_status: 'RUNNING', campaign_prospect_status: 'ACTIVE' };
    expect(afterUpdating('pause', ADDRESS, a, { kind: 'ok', id: '4804' }, [])).toEqual({ next: 'next campaign' });
    expect(afterUpdating('pause', ADDRESS, a, { kind: 'duplicate', message: 'E_DUPLICATE' }, [])).toEqual({ next: 'next campaign' });
    expect(afterUpdating('pause', ADDRESS, a, NOT_FOUND_ERROR, [])).toEqual({
      refuse: {
        message: 'Woodpecker did not pause erlich@bachman.com in campaign A: Campaign not found (E_RECORD_NOT_FOUND)',
        code: 'StopFailed',
        status: 400,
      },
    });
    expect(
      afterUpdating('pause', ADDRESS, unnamed, NOT_ACTIVE, [
        { id: '1', name: 'A', status: 'PAUSED' },
        { id: '2', name: null, status: 'PAUSED' },
      ]),
    ).toEqual({
      refuse: {
        message: 'Woodpecker did not pause erlich@bachman.com in campaign 42: Prospect has status other than ACTIVE (already paused in A, 2)',
        code: 'StopFailed',
        status: 400,
      },
    });
  });

  it('stopped names each campaign paused', () => {
    expect(stopped(ADDRESS, [{ id: '1234567', name: 'SaaS CEOs', status: 'PAUSED' }])).toEqual({
      outcome: 'stopped',
      detail: 'Paused erlich@bachman.com in Woodpecker campaign SaaS CEOs.',
    });
    expect(
      stopped(ADDRESS, [
        { id: '1', name: 'A', status: 'PAUSED' },
        { id: '2', name: null, status: 'PAUSED' },
      ]),
    ).toEqual({ outcome: 'stopped', detail: 'Paused erlich@bachman.com in Woodpecker campaigns A, 2.' });
  });
});

describe('Resume decisions', () => {
  it('a BLACKLIST prospect is skipped as unsubscribed, even with a PAUSED membership, and reports no membership', () => {
    const r = row('BLACKLIST', [saas('PAUSED')]);
    expect(beforeResuming(resumeReq(null), r)).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'erlich@bachman.com is blacklisted in Woodpecker (unsubscribed); their follow-ups were not resumed.',
    });
    expect(resumeAffected(r, null, [])).toEqual([]);
  });

  it('not in the chosen campaign, or in none: not_paused, nothing to resume', () => {
    expect(beforeResuming(resumeReq('9'), row('ACTIVE', [saas('PAUSED')]))).toEqual({
      outcome: 'not_paused',
      detail: 'erlich@bachman.com is not in Woodpecker campaign 9; nothing to resume.',
    });
    expect(beforeResuming(resumeReq(null), row('ACTIVE'))).toEqual({
      outcome: 'not_paused',
      detail: 'erlich@bachman.com is not in any Woodpecker campaign; nothing to resume.',
    });
  });

  it('a PAUSED membership in an open campaign is resumed, even next to one still sending', () => {
    const r = row('ACTIVE', [
      { campaign_id: 1, campaign_name: 'A', campaign_status: 'RUNNING', campaign_prospect_status: 'ACTIVE' },
      { campaign_id: 2, campaign_name: 'B', campaign_status: 'RUNNING', campaign_prospect_status: 'paused' },
      { campaign_id: 3, campaign_name: 'C', campaign_status: 'COMPLETED', campaign_prospect_status: 'PAUSED' },
    ]);
    expect(toResume(r, null).map((c) => c.campaign_name)).toEqual(['B']);
    expect(beforeResuming(resumeReq(null), r)).toEqual({ next: 'resume' });
  });

  it('nothing PAUSED but a membership still sending: already_running, naming it', () => {
    expect(
      beforeResuming(
        resumeReq(null),
        row('ACTIVE', [saas('AUTOREPLIED'), { campaign_id: 2, campaign_name: 'B', campaign_status: 'RUNNING', campaign_prospect_status: 'REPLIED' }]),
      ),
    ).toEqual({
      outcome: 'already_running',
      detail: 'erlich@bachman.com is not paused: Woodpecker still sends to them in SaaS CEOs.',
    });
  });

  it('nothing PAUSED in an open campaign and nothing sending: not_paused, with each status (unknown when not given)', () => {
    const r = row('REPLIED', [
      saas('REPLIED'),
      { campaign_id: 2, campaign_name: 'B', campaign_status: 'COMPLETED', campaign_prospect_status: 'PAUSED' },
      { campaign_id: 3, campaign_status: 'RUNNING' },
    ]);
    expect(beforeResuming(resumeReq(null), r)).toEqual({
      outcome: 'not_paused',
      detail: 'erlich@bachman.com cannot be resumed in SaaS CEOs, B, 3 (REPLIED, PAUSED, unknown): only a PAUSED prospect in a running campaign can.',
    });
  });

  it('a prospect BOUNCED or INVALID is never resumed nor reported running, and the detail says so', () => {
    expect(toResume(row('BOUNCED', [saas('PAUSED')]), null)).toEqual([]);
    expect(beforeResuming(resumeReq('1234567'), row('BOUNCED', [saas('PAUSED')]))).toEqual({
      outcome: 'not_paused',
      detail:
        'erlich@bachman.com cannot be resumed in SaaS CEOs (PAUSED) (the prospect is BOUNCED in Woodpecker): only a PAUSED prospect in a running campaign can.',
    });
    expect(beforeResuming(resumeReq(null), row('invalid', [saas('ACTIVE')]))).toEqual({
      outcome: 'not_paused',
      detail:
        'erlich@bachman.com cannot be resumed in SaaS CEOs (ACTIVE) (the prospect is INVALID in Woodpecker): only a PAUSED prospect in a running campaign can.',
    });
  });

  it('one update answered: anything but done / duplicate is ResumeFailed 400 naming the campaign and those already resumed', () => {
    const b = { campaign_id: 2, campaign_name: 'B', campaign_status: 'RUNNING', campaign_prospect_status: 'PAUSED' };
    expect(afterUpdating('resume', ADDRESS, b, { kind: 'ok', id: null }, [])).toEqual({ next: 'next campaign' });
    expect(afterUpdating('resume', ADDRESS, b, NOT_FOUND_ERROR, [{ id: '1', name: 'A', status: 'ACTIVE' }])).toEqual({
      refuse: {
        message: 'Woodpecker did not resume erlich@bachman.com in campaign B: Campaign not found (E_RECORD_NOT_FOUND) (already resumed in A)',
        code: 'ResumeFailed',
        status: 400,
      },
    });
  });

  it('resumed names each campaign set back to ACTIVE', () => {
    expect(
      resumed(ADDRESS, [
        { id: '1', name: 'A', status: 'ACTIVE' },
        { id: '2', name: 'B', status: 'ACTIVE' },
      ]),
    ).toEqual({ outcome: 'resumed', detail: 'Resumed erlich@bachman.com in Woodpecker campaigns A, B.' });
    expect(resumed(ADDRESS, [{ id: '1', name: null, status: 'ACTIVE' }])).toEqual({
      outcome: 'resumed',
      detail: 'Resumed erlich@bachman.com in Woodpecker campaign 1.',
    });
  });

  it('the memberships a Resume reports: each target, the changed ones with their new status', () => {
    const r = row('ACTIVE', [
      { campaign_id: 1, campaign_name: 'A', campaign_status: 'RUNNING', campaign_prospect_status: 'PAUSED' },
      { campaign_id: 2, campaign_name: 'B', campaign_status: 'RUNNING', campaign_prospect_status: 'REPLIED' },
    ]);
    expect(resumeAffected(r, null, [{ id: '1', name: 'A', status: 'ACTIVE' }])).toEqual([
      { id: '1', name: 'A', status: 'ACTIVE' },
      { id: '2', name: 'B', status: 'REPLIED' },
    ]);
    expect(resumeAffected(r, '2', [])).toEqual([{ id: '2', name: 'B', status: 'REPLIED' }]);
  });
});
