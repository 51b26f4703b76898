import {
  addressOf,
  afterCreateImport,
  afterFindScan,
  afterImport,
  afterPausing,
  afterResumeScan,
  afterStopScan,
  beforeAdding,
  beforePausing,
  beforeResuming,
  blocksOf,
  campaignFull,
  emailedOutside,
  importPending,
  importResult,
  missingCampaign,
  needsSentCheck,
  nextPollWait,
  pollsEnded,
  rejectedOnUpload,
  resumeAffected,
  resumeHere,
  resumeInNoCampaign,
  resumeNotInCampaign,
  resumeOutcome,
  scanCutShort,
  scanned,
  sentByOtherCampaigns,
  stopInNoCampaign,
  stopNotInCampaign,
  whereKnown,
  type ScanCount,
} from '../src/providers/mailshake/decide';
import { AddedRecipients, AddStatus, Campaign, Recipient, Reply, SentMessage } from '../src/providers/mailshake/payloads';
import type { EnrollRequest } from '../src/providers/types';

/**
 * Mailshake's outcome decisions as pure functions. Inputs are written by hand in the shapes the
 * API docs give them ("Models": Recipient, Campaign, Reply, Sent message; "Recipients > Add":
 * `{invalidEmails, isEmpty, checkStatusID}`; "Add Status Response": `{isFinished, problems: {…}}`).
 */

const recipient = Recipient.parse({
  object: 'recipient',
  id: 399,
  emailAddress: 'ada@example.com',
  fullName: 'Ada Lovelace',
  first: 'Ada',
  last: 'Lovelace',
  created: '2017-04-06T17:45:07.188Z',
  fields: {},
});
const campaign = (id: number, title: string | null = `Campaign ${id}`) => Campaign.parse({ object: 'campaign', id, title, isArchived: false, isPaused: false });
const sent = (campaignId: number | null, title: string | null = null) =>
  SentMessage.parse({
    object: 'sent-message',
    id: 5,
    recipient,
    campaign: campaignId === null ? null : { object: 'campaign', id: campaignId, title, created: '2017-04-01T10:00:00.000Z' },
    actionDate: '2017-04-06T17:45:07.188Z',
  });
const reply = (type: string, campaignId: number) =>
  Reply.parse({
    object: 'reply',
    id: 77,
    actionDate: '2017-04-07T09:00:00.000Z',
    recipient,
    campaign: { object: 'campaign', id: campaignId, title: 'Spring' },
    type,
    subject: 'Re: hi',
  });
const status = (isFinished: boolean, problems: Partial<Record<'unsubscribedEmails' | 'alreadyInCampaignEmails' | 'passedAccountLimitEmails', string[]>> = {}) =>
  AddStatus.parse({
    isFinished,
    problems: { unsubscribedEmails: [], alreadyInCampaignEmails: [], passedAccountLimitEmails: [], hasProblems: Object.keys(problems).length > 0, ...problems },
  });

const request = (policy: Partial<EnrollRequest['policy']> = {}): EnrollRequest => ({
  campaign_id: '12',
  mailbox_id: null,
  lead: { email: ' Ada@Example.com ', first_name: 'Ada', last_name: null, company: null, title: null, phone: null, linkedin_url: null, custom_fields: {} },
  policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip', ...policy },
});

const full: ScanCount = { checked: 3, total: 3, listed: true, complete: true };
const cut: ScanCount = { checked: 4, total: 10, listed: true, complete: false };
const cutListing: ScanCount = { checked: 1, total: 100, listed: false, complete: false };
const CUT_TAIL =
  'Mailshake looks recipients up one campaign at a time and the time this step may take ran out after checking 4 of 10 active Mailshake campaigns, ' +
  'so the rest were not checked and this is NOT a "not found".';
const ARCHIVE_TIP = 'Archived campaigns are not checked, so archiving finished ones shortens the scan.';

describe('Mailshake decisions: addresses and scans', () => {
  it('addresses are trimmed and lower-cased', () => expect(addressOf('  Ada@Example.COM ')).toBe('ada@example.com'));

  it('a scan says how many of how many active campaigns it checked ("at least" when the listing was cut, singular for one)', () => {
    expect(scanned(full)).toBe('3 of 3 active Mailshake campaigns');
    expect(scanned(cutListing)).toBe('1 of at least 100 active Mailshake campaigns');
    expect(scanned({ checked: 1, total: 1, listed: true, complete: true })).toBe('1 of 1 active Mailshake campaign');
  });

  it('a scan cut short is a 503 ScanIncomplete saying it is not a "not found"', () => {
    expect(scanCutShort('What happened.', cut, 'What to do.')).toEqual({
      refuse: { message: `What happened. ${CUT_TAIL} What to do. ${ARCHIVE_TIP}`, code: 'ScanIncomplete', status: 503 },
    });
  });

  it('Find: a hit is found even in a cut-short scan; no hit is not_found only after a complete scan', () => {
    expect(afterFindScan('ada@example.com', 1, cut)).toEqual({ next: 'found' });
    expect(afterFindScan('ada@example.com', 0, full)).toEqual({ next: 'not_found' });
    expect(afterFindScan('ada@example.com', 0, cut)).toEqual({
      refuse: {
        message: `ada@example.com was not in any of the campaigns checked. ${CUT_TAIL} Look the person up in Mailshake. ${ARCHIVE_TIP}`,
        code: 'ScanIncomplete',
        status: 503,
      },
    });
  });

  it('known elsewhere: emails sent outside the campaign (any, without one); the detail names the campaign that emailed or holds it', () => {
    const list = [sent(12, 'This one'), sent(31, 'Other'), sent(null)];
    expect(emailedOutside(list, '12')).toEqual([list[1], list[2]]);
    expect(emailedOutside(list, null)).toEqual(list);
    expect(whereKnown({ emailed: sent(31, 'Other') })).toBe('campaign Other emailed it');
    expect(whereKnown({ emailed: sent(31, null) })).toBe('campaign 31 emailed it');
    expect(whereKnown({ emailed: sent(null) })).toBe('campaign ? emailed it');
    expect(whereKnown({ recipientOf: campaign(8, 'Autumn'), recipient })).toBe('it is a recipient of campaign Autumn');
    expect(whereKnown({ recipientOf: campaign(8, null), recipient })).toBe('it is a recipient of campaign 8');
  });
});

describe('Mailshake decisions: the import (recipients/add + add-status)', () => {
  it('the upload refuses the address when invalidEmails names it (any case)', () => {
    expect(rejectedOnUpload('ada@example.com', AddedRecipients.parse({ invalidEmails: ['ADA@example.com'], isEmpty: true, checkStatusID: 7 }))).toBe(true);
    expect(rejectedOnUpload('ada@example.com', AddedRecipients.parse({ invalidEmails: ['bob@example.com'], isEmpty: false, checkStatusID: 7 }))).toBe(false);
    expect(rejectedOnUpload('ada@example.com', AddedRecipients.parse({ isEmpty: false, checkStatusID: 7 }))).toBe(false);
  });

  it('an unfinished import has no result yet; a finished one reads its problems for this address, in order', () => {
    expect(importResult('ada@example.com', status(false, { unsubscribedEmails: ['ada@example.com'] }))).toBeNull();
    expect(importResult('ada@example.com', status(true))).toBe('added');
    expect(importResult('ada@example.com', status(true, { unsubscribedEmails: ['Ada@Example.com'] }))).toBe('unsubscribed');
    expect(importResult('ada@example.com', status(true, { alreadyInCampaignEmails: ['ada@example.com'] }))).toBe('already');
    expect(importResult('ada@example.com', status(true, { passedAccountLimitEmails: ['ada@example.com'] }))).toBe('capacity');
    // Someone else's problem is not ours.
    expect(importResult('ada@example.com', status(true, { unsubscribedEmails: ['bob@example.com'] }))).toBe('added');
    // An unsubscribe outranks "already in the campaign".
    expect(importResult('ada@example.com', status(true, { unsubscribedEmails: ['ada@example.com'], alreadyInCampaignEmails: ['ada@example.com'] }))).toBe(
      'unsubscribed',
    );
    expect(importResult('ada@example.com', AddStatus.parse({ isFinished: true }))).toBe('added');
  });

  it('still importing after the polls: a 409 ImportPending, never "added"', () => {
    expect(importPending('ada@example.com', '12', 4)).toEqual({
      refuse: {
        message:
          'Mailshake is still importing ada@example.com into campaign 12: the import had not finished after 4 status checks, so whether it was added ' +
          '(or skipped as unsubscribed, already in the campaign or over the limit) is not known yet. Replay this step in a minute or two: it then reports the real outcome.',
        code: 'ImportPending',
        status: 409,
      },
    });
  });

  it('status polls wait 1, 2, 3, 4 units (10 in all), then stop', () => {
    expect(nextPollWait(0, 0, null)).toBe(1);
    expect(nextPollWait(1, 1, null)).toBe(2);
    expect(nextPollWait(2, 3, null)).toBe(3);
    expect(nextPollWait(3, 6, null)).toBe(4);
    expect(nextPollWait(4, 10, null)).toBeNull();
  });

  it('a poll refused by the rate limit is asked again after its Retry-After, only while the waiting stays within 10 units', () => {
    // The first poll refused after 1 unit, "retry in 5 s": wait 5, then the schedule goes on from where it was.
    expect(nextPollWait(0, 1, 5)).toBe(5);
    expect(nextPollWait(1, 6, null)).toBe(2);
    expect(nextPollWait(1, 1, 9)).toBe(9);
    expect(nextPollWait(1, 2, 9)).toBeNull();
    expect(nextPollWait(2, 8, null)).toBeNull();
  });

  it("polls that end unfinished: the rate limit's refusal again when it cut them short, else ImportPending", () => {
    const throttled = { name: 'ThrottledError', delay: 20 };
    expect(pollsEnded('ada@example.com', '12', 1, throttled)).toEqual({ rethrow: throttled });
    expect(pollsEnded('ada@example.com', '12', 4, throttled)).toEqual(importPending('ada@example.com', '12', 4));
    expect(pollsEnded('ada@example.com', '12', 4, null)).toEqual(importPending('ada@example.com', '12', 4));
    expect(pollsEnded('ada@example.com', '12', 0, null)).toMatchObject({ refuse: { code: 'ImportPending', status: 409 } });
  });

  it('a full campaign is a 409 MailshakeCampaignFull saying what to do, not a rate limit', () => {
    expect(campaignFull('ada@example.com', '12')).toEqual({
      refuse: {
        message:
          'Mailshake campaign 12 is full: a campaign holds at most 5,000 recipients, so ada@example.com was not added. Choose another campaign, or start a new one ' +
          '(a copy of this campaign) in Mailshake and pick it in this step; retrying will not help until the campaign has room.',
        code: 'MailshakeCampaignFull',
        status: 409,
      },
    });
  });
});

describe('Mailshake decisions: Enroll', () => {
  it('sent messages are read only when a skip policy needs them', () => {
    expect(needsSentCheck(request().policy)).toBe(true);
    expect(needsSentCheck(request({ if_in_other_campaign: 'add_anyway' }).policy)).toBe(true);
    expect(needsSentCheck(request({ if_previously_contacted: 're_enroll' }).policy)).toBe(true);
    expect(needsSentCheck(request({ if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' }).policy)).toBe(false);
  });

  it('only emails from another, named campaign are evidence', () => {
    const list = [sent(12, 'This one'), sent(31, 'Other'), sent(null)];
    expect(sentByOtherCampaigns(list, '12')).toEqual([list[1]]);
  });

  it('emailed by another campaign: skipped_in_other_campaign first, else skipped_previously_contacted; campaigns named once each', () => {
    const elsewhere = [sent(31, 'Other'), sent(31, 'Other'), sent(40, null)];
    expect(beforeAdding(request(), elsewhere)).toEqual({
      outcome: 'skipped_in_other_campaign',
      detail: 'ada@example.com was already emailed by Mailshake campaign Other, 40; not enrolled.',
    });
    expect(beforeAdding(request({ if_in_other_campaign: 'add_anyway' }), elsewhere)).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: 'ada@example.com was already contacted by Mailshake campaign Other, 40; not enrolled.',
    });
    expect(beforeAdding(request({ if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' }), elsewhere)).toEqual({ next: 'add' });
  });

  it('no email from another campaign: the add goes ahead', () => {
    expect(beforeAdding(request(), [])).toEqual({ next: 'add' });
  });

  it('after the import: each result is its outcome or refusal', () => {
    expect(afterImport(request(), 'added')).toEqual({ outcome: 'enrolled', detail: 'Added ada@example.com to Mailshake campaign 12.' });
    expect(afterImport(request(), 'unsubscribed')).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'ada@example.com is on the Mailshake unsubscribe list; not enrolled.',
    });
    expect(afterImport(request(), 'already')).toEqual({
      outcome: 'already_enrolled',
      detail: 'ada@example.com is already in Mailshake campaign 12; nothing was changed.',
    });
    expect(afterImport(request({ if_already_enrolled: 'error' }), 'already')).toEqual({
      refuse: { message: 'ada@example.com is already in Mailshake campaign 12.', code: 'AlreadyEnrolled', status: 409 },
    });
    expect(afterImport(request(), 'invalid')).toEqual({
      refuse: { message: 'Mailshake rejected ada@example.com as an invalid email address.', code: 'InvalidEmail', status: 400 },
    });
    expect(afterImport(request(), 'capacity')).toEqual(campaignFull('ada@example.com', '12'));
  });
});

describe('Mailshake decisions: Create Lead', () => {
  it('no campaign: refused before any call', () => {
    expect(missingCampaign).toEqual({
      refuse: { message: 'Mailshake keeps recipients inside campaigns: choose a Campaign.', code: 'MissingCampaign', status: 400 },
    });
  });

  it('added or already there → read the recipient back; unsubscribed, invalid, full → refused', () => {
    expect(afterCreateImport('ada@example.com', '12', 'added')).toEqual({ next: 'read' });
    expect(afterCreateImport('ada@example.com', '12', 'already')).toEqual({ next: 'read' });
    expect(afterCreateImport('ada@example.com', '12', 'unsubscribed')).toEqual({
      refuse: { message: 'ada@example.com is on the Mailshake unsubscribe list; it was not added.', code: 'Unsubscribed', status: 409 },
    });
    expect(afterCreateImport('ada@example.com', '12', 'invalid')).toEqual({
      refuse: { message: 'Mailshake rejected ada@example.com as an invalid email address.', code: 'InvalidEmail', status: 400 },
    });
    expect(afterCreateImport('ada@example.com', '12', 'capacity')).toMatchObject({ refuse: { code: 'MailshakeCampaignFull', status: 409 } });
  });
});

describe('Mailshake decisions: Stop (pause)', () => {
  it('one campaign: already paused → already_stopped; else pause', () => {
    expect(beforePausing('ada@example.com', '12', true)).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com is already paused in Mailshake campaign 12; nothing changed.',
    });
    expect(beforePausing('ada@example.com', '12', false)).toEqual({ next: 'pause' });
  });

  it('one campaign: paused → stopped; not a recipient there → ask whether Mailshake knows it', () => {
    expect(afterPausing('ada@example.com', '12', true)).toEqual({ outcome: 'stopped', detail: 'Paused ada@example.com in Mailshake campaign 12.' });
    expect(afterPausing('ada@example.com', '12', false)).toEqual({ next: 'known' });
  });

  it('one campaign, not a recipient: known → already_stopped, unknown → not_found, could not tell → error', () => {
    expect(stopNotInCampaign('ada@example.com', '12', { emailed: sent(31, 'Other') })).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com is not a recipient of Mailshake campaign 12 (campaign Other emailed it); nothing to stop.',
    });
    expect(stopNotInCampaign('ada@example.com', '12', { recipientOf: campaign(8, 'Autumn'), recipient })).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com is not a recipient of Mailshake campaign 12 (it is a recipient of campaign Autumn); nothing to stop.',
    });
    expect(stopNotInCampaign('ada@example.com', '12', null)).toEqual({
      outcome: 'not_found',
      detail: 'Mailshake does not know ada@example.com: it is a recipient of no active campaign and was never emailed; nothing to stop.',
    });
    expect(stopNotInCampaign('ada@example.com', '12', { unknown: cut })).toEqual({
      refuse: {
        message:
          'ada@example.com is not a recipient of Mailshake campaign 12 (nothing was paused), and whether Mailshake knows it at all (already_stopped) or not (not_found) could not be settled: ' +
          `${CUT_TAIL} Check the campaign ID. ${ARCHIVE_TIP}`,
        code: 'ScanIncomplete',
        status: 503,
      },
    });
  });

  it('every campaign: paused anywhere → stopped, naming where it paused and where it already was', () => {
    expect(
      afterStopScan(
        'ada@example.com',
        [
          { campaign: campaign(1, 'C1'), state: 'already' },
          { campaign: campaign(2, 'C2'), state: 'paused' },
        ],
        full,
      ),
    ).toEqual({
      outcome: 'stopped',
      detail: 'Mailshake: paused it in C2; it was already paused in C1 (checked 3 of 3 active Mailshake campaigns).',
    });
  });

  it('every campaign: only already paused → already_stopped ("campaigns" for several)', () => {
    expect(afterStopScan('ada@example.com', [{ campaign: campaign(1, 'C1'), state: 'already' }], full)).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com is already paused in Mailshake campaign C1; nothing changed (checked 3 of 3 active Mailshake campaigns).',
    });
    expect(
      afterStopScan(
        'ada@example.com',
        [
          { campaign: campaign(1, 'C1'), state: 'already' },
          { campaign: campaign(2, null), state: 'already' },
        ],
        full,
      ),
    ).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com is already paused in Mailshake campaigns C1, 2; nothing changed (checked 3 of 3 active Mailshake campaigns).',
    });
  });

  it('every campaign: a recipient of none → ask whether Mailshake knows it; a cut scan is an error naming what it paused', () => {
    expect(afterStopScan('ada@example.com', [], full)).toEqual({ next: 'known' });
    expect(afterStopScan('ada@example.com', [{ campaign: campaign(1, 'C1'), state: 'paused' }], cut)).toEqual({
      refuse: {
        message: `Stopping ada@example.com in every Mailshake campaign was cut short (paused it in C1). ${CUT_TAIL} Choose the Campaign to stop it in (one campaign is a few calls), or replay this step. ${ARCHIVE_TIP}`,
        code: 'ScanIncomplete',
        status: 503,
      },
    });
    expect(afterStopScan('ada@example.com', [], cut)).toMatchObject({
      refuse: { message: expect.stringMatching(/^Stopping ada@example.com in every Mailshake campaign was cut short\. Mailshake looks/) },
    });
  });

  it('every campaign, a recipient of none: emailed → already_stopped, else not_found', () => {
    expect(stopInNoCampaign('ada@example.com', { emailed: sent(9, 'Archived one') }, full)).toEqual({
      outcome: 'already_stopped',
      detail:
        'ada@example.com is in no active Mailshake campaign (campaign Archived one emailed it); nothing to stop (checked 3 of 3 active Mailshake campaigns).',
    });
    expect(stopInNoCampaign('ada@example.com', null, full)).toEqual({
      outcome: 'not_found',
      detail: 'Mailshake does not know ada@example.com: it is a recipient of none of 3 of 3 active Mailshake campaigns and was never emailed; nothing to stop.',
    });
  });
});

describe('Mailshake decisions: Resume (unpause)', () => {
  it('replies block: an unsubscribe anywhere; bounces per campaign', () => {
    const blocks = blocksOf([reply('reply', 3), reply('bounce', 5), reply('out-of-office', 6)]);
    expect(blocks.unsubscribed).toBe(false);
    expect([...blocks.bouncedIn]).toEqual(['5']);
    expect(blocksOf([reply('unsubscribe', 3)]).unsubscribed).toBe(true);
  });

  it('unsubscribed → skipped_unsubscribed before any campaign is asked', () => {
    expect(beforeResuming('ada@example.com', blocksOf([reply('unsubscribe', 3)]))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'ada@example.com unsubscribed from Mailshake; nothing was unpaused.',
    });
    expect(beforeResuming('ada@example.com', blocksOf([reply('bounce', 3)]))).toEqual({ next: 'campaigns' });
  });

  it('in one campaign: bounced there is never unpaused, paused or not; not paused is running; paused → unpause', () => {
    const blocks = blocksOf([reply('bounce', 5)]);
    expect(resumeHere(blocks, '5', true)).toBe('bounced');
    expect(resumeHere(blocks, '5', false)).toBe('bounced');
    expect(resumeHere(blocks, '6', false)).toBe('running');
    expect(resumeHere(blocks, '6', true)).toEqual({ next: 'unpause' });
  });

  it('outcome: unpaused anywhere → resumed; else running → already_running; else bounced only → not_paused', () => {
    const hits = [
      { id: '1', name: 'C1', state: 'running' as const },
      { id: '2', name: null, state: 'resumed' as const },
      { id: '5', name: 'C5', state: 'bounced' as const },
    ];
    expect(resumeOutcome('ada@example.com', hits, ' (checked 3 of 3 active Mailshake campaigns)')).toEqual({
      outcome: 'resumed',
      detail: 'Unpaused ada@example.com in Mailshake campaign(s) 2 (checked 3 of 3 active Mailshake campaigns).',
    });
    expect(resumeOutcome('ada@example.com', [hits[0]!, hits[2]!], '')).toEqual({
      outcome: 'already_running',
      detail: 'ada@example.com is not paused in Mailshake campaign(s) C1; nothing changed.',
    });
    expect(resumeOutcome('ada@example.com', [hits[2]!], '')).toEqual({
      outcome: 'not_paused',
      detail: 'ada@example.com bounced in Mailshake campaign(s) C5; it was not unpaused.',
    });
    expect(resumeAffected(hits)).toEqual([
      { id: '1', name: 'C1', status: 'active' },
      { id: '2', name: null, status: 'active' },
      { id: '5', name: 'C5', status: 'bounced' },
    ]);
  });

  it('one campaign, not a recipient: known → not_paused, unknown → not_found, could not tell → error', () => {
    expect(resumeNotInCampaign('ada@example.com', '12', { recipientOf: campaign(8, 'Autumn'), recipient })).toEqual({
      outcome: 'not_paused',
      detail: 'ada@example.com is not a recipient of Mailshake campaign 12 (it is a recipient of campaign Autumn); nothing to resume.',
    });
    expect(resumeNotInCampaign('ada@example.com', '12', null)).toEqual({
      outcome: 'not_found',
      detail: 'Mailshake does not know ada@example.com: it is a recipient of no active campaign and was never emailed; nothing to resume.',
    });
    expect(resumeNotInCampaign('ada@example.com', '12', { unknown: cut })).toEqual({
      refuse: {
        message: `ada@example.com is not a recipient of Mailshake campaign 12 (nothing was unpaused), and whether Mailshake knows it at all could not be settled: ${CUT_TAIL} Check the campaign ID. ${ARCHIVE_TIP}`,
        code: 'ScanIncomplete',
        status: 503,
      },
    });
  });

  it('every campaign: cut short → error naming where it unpaused; hits → their outcome with the count; none → known?', () => {
    const hits = [{ id: '2', name: 'C2', state: 'resumed' as const }];
    expect(afterResumeScan('ada@example.com', hits, cut)).toEqual({
      refuse: {
        message: `Resuming ada@example.com in every Mailshake campaign was cut short (unpaused in C2). ${CUT_TAIL} Choose the Campaign to resume it in, or replay this step. ${ARCHIVE_TIP}`,
        code: 'ScanIncomplete',
        status: 503,
      },
    });
    expect(afterResumeScan('ada@example.com', hits, full)).toEqual({
      outcome: 'resumed',
      detail: 'Unpaused ada@example.com in Mailshake campaign(s) C2 (checked 3 of 3 active Mailshake campaigns).',
    });
    expect(afterResumeScan('ada@example.com', [], full)).toEqual({ next: 'known' });
  });

  it('every campaign, a recipient of none: emailed → not_paused, else not_found', () => {
    expect(resumeInNoCampaign('ada@example.com', { emailed: sent(9, 'Archived one') }, full)).toEqual({
      outcome: 'not_paused',
      detail:
        'ada@example.com is in no active Mailshake campaign (campaign Archived one emailed it); nothing to resume (checked 3 of 3 active Mailshake campaigns).',
    });
    expect(resumeInNoCampaign('ada@example.com', null, full)).toEqual({
      outcome: 'not_found',
      detail:
        'Mailshake does not know ada@example.com: it is a recipient of none of 3 of 3 active Mailshake campaigns and was never emailed; nothing to resume.',
    });
  });
});
