import {
  afterPush,
  afterResuming,
  afterSetActive,
  afterSetStatus,
  afterStopping,
  asIsOf,
  beforeResuming,
  beforeStopping,
  bounced,
  enrolled,
  inScope,
  isPaused,
  isRunning,
  leftBehind,
  membershipOf,
  needsFirstName,
  overwrites,
  sequenceNamed,
  skippedByMembership,
  skippedOptedOut,
  statusAfter,
  stopTargets,
  toResume,
} from '../src/providers/replyio/decide';
import { ContactStatuses, PushResult } from '../src/providers/replyio/payloads';
import type { EnrollPolicy, EnrollRequest, LeadInput, ResumeRequest, StopRequest } from '../src/providers/types';

/**
 * Reply.io's outcome decisions as pure functions. Inputs are shaped as Reply.io documents them,
 * written by hand: `GET /v3/contacts/{id}/statuses` (docs.reply.io "Get a contact's statuses":
 * `contactId`, `isOptedOut`, `sequences[{sequenceId, sequenceName, statusInSequence (active,
 * paused, finished, inactive, outOfOffice), emailDisposition {isReplied, isBounced}}]`) and the
 * counters of `POST /v1/Actions/pushContactsToSequence` (`affectedIdList`, `skipped`,
 * `skippedByInvalidEmail`, `skippedByOptedOutStatus`, `skippedByOwner`).
 */

const SEQ = '147268';
const seq = (statusInSequence: string, sequenceId = 147268, sequenceName: string | null = 'Prospect Statistic Owner', isBounced = false) => ({
  sequenceId,
  sequenceName,
  statusInSequence,
  emailDisposition: { isReplied: false, isBounced },
});
const statuses = (sequences: unknown[], isOptedOut = false) =>
  ContactStatuses.parse({ contactId: 17635880, isOptedOut, callStatus: 'none', meetingStatus: 'none', sequences });
const counts = (over: Record<string, unknown>) =>
  PushResult.parse({ affectedIdList: [], skipped: 0, skippedByInvalidEmail: 0, skippedByOptedOutStatus: 0, skippedByOwner: 0, ...over });

const leadIn = (first_name: string | null): LeadInput => ({
  email: ' Samanta.Smith@Example.com ',
  first_name,
  last_name: 'Smith',
  company: null,
  title: null,
  phone: null,
  linkedin_url: null,
  custom_fields: {},
});
const enrollReq = (policy: Partial<EnrollPolicy> = {}): EnrollRequest => ({
  campaign_id: SEQ,
  mailbox_id: null,
  lead: leadIn('Samanta'),
  policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip', ...policy },
});
const stopReq = (mode: StopRequest['mode'], campaign_id: string | null = SEQ): StopRequest => ({ email: 'Samanta.Smith@Example.com', campaign_id, mode });
const resumeReq = (campaign_id: string | null = SEQ): ResumeRequest => ({ email: 'Samanta.Smith@Example.com', campaign_id });

describe('Reply.io statuses', () => {
  it('active and outOfOffice still send; paused is paused; finished and inactive neither', () => {
    expect(['active', 'outOfOffice', 'OOO'].map(isRunning)).toEqual([true, true, true]);
    expect(['paused', 'finished', 'inactive', null].map(isRunning)).toEqual([false, false, false, false]);
    expect(['paused', 'Paused', 'active', 'finished'].map(isPaused)).toEqual([true, true, false, false]);
  });

  it('a sequence is bounced by its emailDisposition.isBounced, and only when it is true', () => {
    const [b, ok] = statuses([seq('paused', 1, 'A', true), seq('paused', 2, 'B', false)]).sequences!;
    expect([bounced(b!), bounced(ok!)]).toEqual([true, false]);
    expect(bounced(statuses([{ sequenceId: 3, sequenceName: 'C', statusInSequence: 'paused' }]).sequences![0]!)).toBe(false);
  });

  it('scope is the chosen sequence, else all; the chosen one is named from the statuses when it is there', () => {
    const s = statuses([seq('active', 147268), seq('paused', 999, 'Other')]);
    expect(inScope(s, SEQ).map((c) => c.sequenceId)).toEqual([147268]);
    expect(inScope(s, null).map((c) => c.sequenceId)).toEqual([147268, 999]);
    expect(inScope(null, SEQ)).toEqual([]);
    expect(sequenceNamed(inScope(s, SEQ), SEQ)).toEqual({ id: SEQ, name: 'Prospect Statistic Owner' });
    expect(sequenceNamed([], SEQ)).toEqual({ id: SEQ, name: null });
    expect(sequenceNamed(inScope(s, null), null)).toBeNull();
    expect(asIsOf(inScope(s, null))).toEqual([
      { id: '147268', name: 'Prospect Statistic Owner', status: 'active' },
      { id: '999', name: 'Other', status: 'paused' },
    ]);
  });
});

describe('Reply.io First Name', () => {
  it('is required before any request (MissingFirstName, 400, naming the address)', () => {
    const refused = {
      refuse: {
        message:
          'First Name is required for Reply.io: Reply.io does not save a contact without a first name. Fill in First Name (map First Name from an earlier step) for samanta.smith@example.com.',
        code: 'MissingFirstName',
        status: 400,
      },
    };
    expect(needsFirstName(leadIn(null))).toEqual(refused);
    expect(needsFirstName(leadIn('   '))).toEqual(refused);
    expect(needsFirstName(leadIn('Samanta'))).toEqual({ next: 'save' });
  });
});

describe('Reply.io Enroll decisions', () => {
  it('OverwriteExisting is "add anyway"', () => {
    expect(overwrites(enrollReq({ if_in_other_campaign: 'add_anyway' }))).toBe(true);
    expect(overwrites(enrollReq())).toBe(false);
  });

  it('the contact id in affectedIdList is enrolled, whatever else the counters say', () => {
    expect(afterPush(enrollReq(), 17635880, counts({ affectedIdList: [17635880] }))).toEqual({ next: 'enrolled' });
    expect(afterPush(enrollReq(), '17635880', counts({ affectedIdList: [17635880], skippedByOptedOutStatus: 1 }))).toEqual({ next: 'enrolled' });
  });

  it("opted out is skipped; an invalid email or another user's contact is an error", () => {
    expect(afterPush(enrollReq(), 17635880, counts({ skippedByOptedOutStatus: 1 }))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'Reply.io skipped samanta.smith@example.com: the contact has opted out, so it was not added to sequence 147268.',
    });
    expect(afterPush(enrollReq(), 17635880, counts({ skippedByInvalidEmail: 1 }))).toEqual({
      refuse: {
        message: 'Reply.io did not add samanta.smith@example.com to sequence 147268: it reports the email address as invalid.',
        code: 'InvalidEmail',
        status: 400,
      },
    });
    expect(afterPush(enrollReq(), 17635880, counts({ skippedByOwner: 1 }))).toEqual({
      refuse: {
        message:
          "Reply.io did not add samanta.smith@example.com to sequence 147268: the contact belongs to another user. Use that user's API key (or a Master API key).",
        code: 'ContactOwnedByOtherUser',
        status: 403,
      },
    });
  });

  it('a plain skip (or counters missing) asks the statuses why', () => {
    expect(afterPush(enrollReq(), 17635880, counts({ skipped: 1 }))).toEqual({ next: 'ask why' });
    expect(afterPush(enrollReq(), 17635880, PushResult.parse({}))).toEqual({ next: 'ask why' });
  });

  it('"add anyway" left the running or paused sequences elsewhere, and the outcome says so', () => {
    const before = statuses([seq('active', 555, 'Old outreach'), seq('paused', 556, null), seq('finished', 557, 'Done one'), seq('active', 147268)]);
    const left = leftBehind(enrollReq({ if_in_other_campaign: 'add_anyway' }), before);
    expect(left.map((c) => c.sequenceId)).toEqual([555, 556]);
    expect(leftBehind(enrollReq(), null)).toEqual([]);
    expect(enrolled(enrollReq(), left)).toEqual({
      outcome: 'enrolled',
      detail:
        'Reply.io moved samanta.smith@example.com out of sequence "Old outreach", "556" into sequence 147268 ("If in another campaign" is "add anyway": Reply.io keeps a contact in one running sequence).',
    });
    expect(enrolled(enrollReq(), [])).toEqual({ outcome: 'enrolled', detail: 'Reply.io added samanta.smith@example.com to sequence 147268.' });
  });

  it('after a plain skip, an opted-out contact is skipped first', () => {
    expect(skippedOptedOut(enrollReq(), statuses([seq('active')], true))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'Reply.io skipped samanta.smith@example.com: the contact is opted out.',
    });
    expect(skippedOptedOut(enrollReq(), statuses([seq('active')]))).toEqual({ next: 'where is it' });
    expect(skippedOptedOut(enrollReq(), null)).toEqual({ next: 'where is it' });
  });

  it('live in this sequence (active, paused, out of office) is already enrolled, or AlreadyEnrolled (409)', () => {
    expect(skippedByMembership(enrollReq(), statuses([seq('paused')]))).toEqual({
      outcome: 'already_enrolled',
      detail: 'samanta.smith@example.com is already in Reply.io sequence "Prospect Statistic Owner" (paused); nothing changed.',
    });
    expect(skippedByMembership(enrollReq(), statuses([seq('outOfOffice', 147268, null)]))).toEqual({
      outcome: 'already_enrolled',
      detail: 'samanta.smith@example.com is already in Reply.io sequence "147268" (outOfOffice); nothing changed.',
    });
    expect(skippedByMembership(enrollReq({ if_already_enrolled: 'error' }), statuses([seq('active')]))).toEqual({
      refuse: { message: 'samanta.smith@example.com is already in Reply.io sequence Prospect Statistic Owner (active).', code: 'AlreadyEnrolled', status: 409 },
    });
    expect(membershipOf(statuses([seq('active', 1), seq('active')]), SEQ)?.sequenceId).toBe(147268);
  });

  it('been through this sequence (finished, inactive) is previously contacted: Reply does not re-add', () => {
    expect(skippedByMembership(enrollReq(), statuses([seq('finished'), seq('active', 999, 'Other')]))).toEqual({
      outcome: 'skipped_previously_contacted',
      detail:
        'Reply.io kept samanta.smith@example.com out of sequence "Prospect Statistic Owner": the contact already went through it (finished). Reply.io does not re-add a contact to a sequence it has been in.',
    });
    expect(skippedByMembership(enrollReq(), statuses([seq('inactive', 147268, null)]))).toEqual({
      outcome: 'skipped_previously_contacted',
      detail:
        'Reply.io kept samanta.smith@example.com out of sequence "147268": the contact already went through it (inactive). Reply.io does not re-add a contact to a sequence it has been in.',
    });
  });

  it('live elsewhere is in another campaign; in nothing live is an EnrollSkipped error (409)', () => {
    expect(skippedByMembership(enrollReq(), statuses([seq('finished', 998, 'Old'), seq('paused', 999, 'Other')]))).toEqual({
      outcome: 'skipped_in_other_campaign',
      detail:
        'Reply.io skipped samanta.smith@example.com: the contact is in another sequence ("Other"). Set "If in another campaign" to "add anyway" to move it (Reply.io then takes it out of that sequence).',
    });
    const none = {
      refuse: { message: 'Reply.io skipped samanta.smith@example.com for sequence 147268 without saying why.', code: 'EnrollSkipped', status: 409 },
    };
    expect(skippedByMembership(enrollReq(), statuses([seq('finished', 998, 'Old')]))).toEqual(none);
    expect(skippedByMembership(enrollReq(), null)).toEqual(none);
  });
});

describe('Reply.io Stop decisions', () => {
  it('each mode sets its status; pause targets running memberships, remove / finish running or paused ones', () => {
    expect([statusAfter('pause'), statusAfter('remove'), statusAfter('mark_finished')]).toEqual(['paused', 'removed', 'finished']);
    const scoped = statuses([seq('active', 1), seq('paused', 2), seq('finished', 3), seq('outOfOffice', 4), seq('inactive', 5)]).sequences!;
    expect(stopTargets('pause', scoped).map((c) => c.sequenceId)).toEqual([1, 4]);
    expect(stopTargets('remove', scoped).map((c) => c.sequenceId)).toEqual([1, 2, 4]);
    expect(stopTargets('mark_finished', scoped).map((c) => c.sequenceId)).toEqual([1, 2, 4]);
  });

  it('no statuses (unknown contact) is not_found', () => {
    expect(beforeStopping(stopReq('pause'), null, [])).toEqual({
      outcome: 'not_found',
      detail: 'Reply.io has no contact samanta.smith@example.com; nothing to stop.',
    });
  });

  it('not in the chosen sequence (any more) is already stopped', () => {
    const s = statuses([seq('active', 999, 'Other')]);
    expect(beforeStopping(stopReq('remove'), s, inScope(s, SEQ))).toEqual({
      outcome: 'already_stopped',
      detail: 'samanta.smith@example.com is not in Reply.io sequence 147268 (any more); nothing to stop.',
    });
  });

  it('nothing the mode can change is already stopped, naming the sequence or "any"', () => {
    const paused = statuses([seq('paused')]);
    expect(beforeStopping(stopReq('pause'), paused, inScope(paused, SEQ))).toEqual({
      outcome: 'already_stopped',
      detail: 'samanta.smith@example.com is not running in Reply.io sequence Prospect Statistic Owner; nothing changed.',
    });
    const finished = statuses([seq('finished'), seq('inactive', 2, 'B')]);
    expect(beforeStopping(stopReq('remove', null), finished, inScope(finished, null))).toEqual({
      outcome: 'already_stopped',
      detail: 'samanta.smith@example.com is not running or paused in any Reply.io sequence; nothing changed.',
    });
    expect(beforeStopping(stopReq('remove'), paused, inScope(paused, SEQ))).toEqual({ next: 'stop' });
  });

  it('an item error of the status call stops with StopFailed (409), quoting it', () => {
    const [c] = statuses([seq('active')]).sequences!;
    expect(afterSetStatus(stopReq('mark_finished'), c!, { error: 'Contact not found' })).toEqual({
      refuse: {
        message: 'Reply.io did not set samanta.smith@example.com to finished in sequence Prospect Statistic Owner: {"error":"Contact not found"}',
        code: 'StopFailed',
        status: 409,
      },
    });
    expect(afterSetStatus(stopReq('pause'), c!, undefined)).toEqual({ next: 'next sequence' });
  });

  it('stopped names what changed; a removal that found nothing removed nothing', () => {
    const s = statuses([seq('active'), seq('paused', 999, null)]);
    const done = [
      { id: '147268', name: 'Prospect Statistic Owner', status: 'finished' },
      { id: '999', name: null, status: 'finished' },
    ];
    expect(afterStopping(stopReq('mark_finished', null), inScope(s, null), done)).toEqual({
      outcome: 'stopped',
      detail: 'Reply.io marked as finished samanta.smith@example.com in "Prospect Statistic Owner", "999".',
    });
    expect(afterStopping(stopReq('pause'), inScope(s, SEQ), [done[0]!])).toEqual({
      outcome: 'stopped',
      detail: 'Reply.io paused samanta.smith@example.com in "Prospect Statistic Owner".',
    });
    expect(afterStopping(stopReq('remove'), inScope(s, SEQ), [])).toEqual({
      outcome: 'already_stopped',
      detail: 'Reply.io removed nothing: samanta.smith@example.com was no longer in Reply.io sequence Prospect Statistic Owner.',
    });
    expect(afterStopping(stopReq('remove', null), inScope(s, null), [])).toEqual({
      outcome: 'already_stopped',
      detail: 'Reply.io removed nothing: samanta.smith@example.com was no longer in any Reply.io sequence.',
    });
  });
});

describe('Reply.io Resume decisions', () => {
  it('unknown contact is not_found; opted out is skipped; nothing in scope is not paused', () => {
    expect(beforeResuming(resumeReq(), null, [])).toEqual({
      outcome: 'not_found',
      detail: 'Reply.io has no contact samanta.smith@example.com; nothing to resume.',
    });
    const out = statuses([seq('paused')], true);
    expect(beforeResuming(resumeReq(), out, inScope(out, SEQ))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'samanta.smith@example.com has opted out in Reply.io; nothing was resumed.',
    });
    const elsewhere = statuses([seq('paused', 999, 'Other')]);
    expect(beforeResuming(resumeReq(), elsewhere, inScope(elsewhere, SEQ))).toEqual({
      outcome: 'not_paused',
      detail: 'samanta.smith@example.com is not in Reply.io sequence 147268; nothing to resume.',
    });
    const none = statuses([]);
    expect(beforeResuming(resumeReq(null), none, inScope(none, null))).toEqual({
      outcome: 'not_paused',
      detail: 'samanta.smith@example.com is not in any Reply.io sequence; nothing to resume.',
    });
    const paused = statuses([seq('paused')]);
    expect(beforeResuming(resumeReq(), paused, inScope(paused, SEQ))).toEqual({ next: 'resume' });
  });

  it('only paused memberships whose email did not bounce are set active', () => {
    const scoped = statuses([seq('paused', 1), seq('paused', 2, 'B', true), seq('finished', 3), seq('active', 4), seq('inactive', 5)]).sequences!;
    expect(toResume(scoped).map((c) => c.sequenceId)).toEqual([1]);
  });

  it('an item error stops with ResumeFailed (409), saying where it resumed already', () => {
    const [, c] = statuses([seq('paused', 1, 'A'), seq('paused', 2, null)]).sequences!;
    expect(afterSetActive(resumeReq(null), c!, 'Contact is not in sequence', [{ id: '1', name: 'A', status: 'active' }])).toEqual({
      refuse: {
        message: 'Reply.io did not resume samanta.smith@example.com in sequence 2: "Contact is not in sequence" (already resumed in "A")',
        code: 'ResumeFailed',
        status: 409,
      },
    });
    expect(afterSetActive(resumeReq(null), c!, { code: 'x' }, [])).toEqual({
      refuse: { message: 'Reply.io did not resume samanta.smith@example.com in sequence 2: {"code":"x"}', code: 'ResumeFailed', status: 409 },
    });
    expect(afterSetActive(resumeReq(null), c!, undefined, [])).toEqual({ next: 'next sequence' });
  });

  it('resumed if any was; else already running; else not paused with each status (bounced said)', () => {
    const s = statuses([seq('paused', 1, 'A'), seq('active', 2, 'B'), seq('paused', 3, 'C', true), seq('finished', 4, null)]);
    const scoped = inScope(s, null);
    expect(afterResuming(resumeReq(null), scoped, [{ id: '1', name: 'A', status: 'active' }])).toEqual({
      outcome: 'resumed',
      detail: 'Reply.io resumed samanta.smith@example.com in "A".',
    });
    expect(afterResuming(resumeReq(null), scoped, [])).toEqual({
      outcome: 'already_running',
      detail: 'samanta.smith@example.com is not paused: Reply.io still runs it in "B".',
    });
    const over = inScope(statuses([seq('paused', 3, 'C', true), seq('finished', 4, null)]), null);
    expect(afterResuming(resumeReq(null), over, [])).toEqual({
      outcome: 'not_paused',
      detail:
        'samanta.smith@example.com cannot be resumed in "C", "4" (paused, bounced; finished): only a paused contact whose email did not bounce can; a finished sequence is not restarted.',
    });
  });
});
