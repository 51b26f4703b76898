import type { LeadCampaign } from '../../model/lead';
import { str } from '../../model/values';
import { finish, next, refusal, type Decision, type Finish, type Next, type Refusal } from '../shared/decision';
import type { EnrollRequest, LeadInput, ResumeRequest, StopMode, StopRequest } from '../types';
import type { ContactStatuses, PushResult } from './payloads';

/**
 * Reply.io's outcome decisions, pure (docs/ARCHITECTURE.md, "Lead operations: one shape"): given
 * the counters `POST /v1/Actions/pushContactsToSequence` answered, the contact's statuses
 * (`GET /v3/contacts/{id}/statuses`: `isOptedOut`, `statusInSequence` per sequence) and the step's
 * policy, what happens next. Every rule is in README.md.
 */

/** One sequence of the contact's statuses. */
export type Membership = NonNullable<ContactStatuses['sequences']>[number];

const norm = (s: unknown) => (str(s) ?? '').toLowerCase().replace(/[^a-z]/g, '');
/** Statuses in a sequence (active, paused, finished, inactive, outOfOffice) in which it still sends. */
export const isRunning = (status: unknown): boolean => ['active', 'outofoffice', 'ooo'].includes(norm(status));
export const isPaused = (status: unknown): boolean => norm(status) === 'paused';
/** `emailDisposition.isBounced` (docs "Get a contact's statuses"): a bounced address is never resumed. */
export const bounced = (c: Membership): boolean => (c as { emailDisposition?: { isBounced?: unknown } | null }).emailDisposition?.isBounced === true;

/** The sequences in scope: the chosen one, else all (none without statuses). */
export const inScope = (statuses: ContactStatuses | null, campaignId: string | null): Membership[] =>
  (statuses?.sequences ?? []).filter((c) => !campaignId || String(c.sequenceId) === campaignId);

/** The chosen sequence as the outcome names it (its name from the statuses when it is there), or null for all. */
export const sequenceNamed = (scoped: Membership[], campaignId: string | null): { id: string; name: string | null } | null =>
  campaignId ? { id: campaignId, name: str(scoped[0]?.sequenceName) } : null;

/** The sequences in scope as they are (affected_campaigns when nothing changed). */
export const asIsOf = (scoped: Membership[]): LeadCampaign[] =>
  scoped.map((c) => ({ id: String(c.sequenceId), name: str(c.sequenceName), status: str(c.statusInSequence) }));

const names = (cs: LeadCampaign[]): string => cs.map((c) => `"${c.name ?? c.id}"`).join(', ');

/**
 * `POST /v1/people` requires `firstName` (it does not save a contact without one): refused before
 * any request, rather than sending a request Reply.io will reject.
 */
export const needsFirstName = (lead: LeadInput): Refusal | Next<'save'> =>
  lead.first_name?.trim()
    ? next('save')
    : refusal(
        `First Name is required for Reply.io: Reply.io does not save a contact without a first name. Fill in First Name (map First Name from an earlier step) for ${lead.email.trim().toLowerCase()}.`,
        'MissingFirstName',
        400,
      );

/* ---- Enroll ---- */

/** `OverwriteExisting`: Reply.io's own flag for "add anyway" (it moves the contact out of the sequence it runs in). */
export const overwrites = (req: EnrollRequest): boolean => req.policy.if_in_other_campaign === 'add_anyway';

/** The sequences "add anyway" moved the contact out of: running or paused elsewhere before the push. */
export const leftBehind = (req: EnrollRequest, before: ContactStatuses | null): Membership[] =>
  (before?.sequences ?? []).filter((c) => String(c.sequenceId) !== req.campaign_id && (isRunning(c.statusInSequence) || isPaused(c.statusInSequence)));

/**
 * The push's counters: the contact's id in `affectedIdList` is enrolled; an opted-out, invalid or
 * foreign contact says so; a plain `skipped` does not say why, so the statuses are asked.
 */
export const afterPush = (req: EnrollRequest, personId: string | number, counts: PushResult): Decision<'enrolled' | 'ask why'> => {
  const address = req.lead.email.trim().toLowerCase();
  if ((counts.affectedIdList ?? []).some((id) => String(id) === String(personId))) return next('enrolled');
  if ((counts.skippedByOptedOutStatus ?? 0) > 0) {
    return finish('skipped_unsubscribed', `Reply.io skipped ${address}: the contact has opted out, so it was not added to sequence ${req.campaign_id}.`);
  }
  if ((counts.skippedByInvalidEmail ?? 0) > 0) {
    return refusal(`Reply.io did not add ${address} to sequence ${req.campaign_id}: it reports the email address as invalid.`, 'InvalidEmail', 400);
  }
  if ((counts.skippedByOwner ?? 0) > 0) {
    return refusal(
      `Reply.io did not add ${address} to sequence ${req.campaign_id}: the contact belongs to another user. Use that user's API key (or a Master API key).`,
      'ContactOwnedByOtherUser',
      403,
    );
  }
  return next('ask why');
};

/** Enrolled; with "add anyway", naming the sequence(s) Reply.io moved the contact out of. */
export const enrolled = (req: EnrollRequest, left: Membership[]): Finish => {
  const address = req.lead.email.trim().toLowerCase();
  if (!left.length) return finish('enrolled', `Reply.io added ${address} to sequence ${req.campaign_id}.`);
  const moved = left.map((c) => `"${str(c.sequenceName) ?? c.sequenceId}"`).join(', ');
  return finish(
    'enrolled',
    `Reply.io moved ${address} out of sequence ${moved} into sequence ${req.campaign_id} ("If in another campaign" is "add anyway": Reply.io keeps a contact in one running sequence).`,
  );
};

/** A plain skip, first question: is the contact opted out? */
export const skippedOptedOut = (req: EnrollRequest, stats: ContactStatuses | null): Finish | Next<'where is it'> =>
  stats?.isOptedOut
    ? finish('skipped_unsubscribed', `Reply.io skipped ${req.lead.email.trim().toLowerCase()}: the contact is opted out.`)
    : next('where is it');

/** The contact's membership of the target sequence, if any. */
export const membershipOf = (stats: ContactStatuses | null, campaignId: string): Membership | undefined =>
  (stats?.sequences ?? []).find((c) => String(c.sequenceId) === campaignId);

/**
 * A plain skip, then: the contact is already in the contact's sequences somewhere. Live in this
 * sequence → already enrolled (or the error the policy asks for); been through it → previously
 * contacted (Reply keeps one membership per sequence); live elsewhere → in another campaign.
 */
export const skippedByMembership = (req: EnrollRequest, stats: ContactStatuses | null): Finish | Refusal => {
  const address = req.lead.email.trim().toLowerCase();
  const here = membershipOf(stats, req.campaign_id);
  if (here && (isRunning(here.statusInSequence) || isPaused(here.statusInSequence))) {
    const name = str(here.sequenceName);
    if (req.policy.if_already_enrolled === 'error') {
      return refusal(`${address} is already in Reply.io sequence ${name ?? req.campaign_id} (${here.statusInSequence}).`, 'AlreadyEnrolled', 409);
    }
    return finish('already_enrolled', `${address} is already in Reply.io sequence "${name ?? req.campaign_id}" (${here.statusInSequence}); nothing changed.`);
  }
  if (here) {
    return finish(
      'skipped_previously_contacted',
      `Reply.io kept ${address} out of sequence "${str(here.sequenceName) ?? req.campaign_id}": the contact already went through it (${here.statusInSequence ?? 'finished'}). Reply.io does not re-add a contact to a sequence it has been in.`,
    );
  }
  const other = (stats?.sequences ?? []).find((c) => isRunning(c.statusInSequence) || isPaused(c.statusInSequence));
  if (other) {
    return finish(
      'skipped_in_other_campaign',
      `Reply.io skipped ${address}: the contact is in another sequence ("${str(other.sequenceName) ?? other.sequenceId}"). Set "If in another campaign" to "add anyway" to move it (Reply.io then takes it out of that sequence).`,
    );
  }
  return refusal(`Reply.io skipped ${address} for sequence ${req.campaign_id} without saying why.`, 'EnrollSkipped', 409);
};

/* ---- Stop ---- */

/** The status a Stop mode sets. */
export const statusAfter = (mode: StopMode): string => (mode === 'pause' ? 'paused' : mode === 'remove' ? 'removed' : 'finished');

/**
 * What each mode changes: pause only stops a running contact; remove / finish a membership still
 * going (running or paused) — never a finished one, which sends nothing.
 */
export const stopTargets = (mode: StopMode, scoped: Membership[]): Membership[] =>
  scoped.filter((c) => (mode === 'pause' ? isRunning(c.statusInSequence) : isRunning(c.statusInSequence) || isPaused(c.statusInSequence)));

const whereStopped = (req: StopRequest, scoped: Membership[]): string =>
  req.campaign_id ? `Reply.io sequence ${str(scoped[0]?.sequenceName) ?? req.campaign_id}` : 'any Reply.io sequence';

/**
 * not_found only for a contact Reply.io does not know (no contact, or no statuses for it); a known
 * contact with nothing left to stop (not in that sequence any more, or nothing running) is
 * already_stopped, with no write.
 */
export const beforeStopping = (req: StopRequest, statuses: ContactStatuses | null, scoped: Membership[]): Decision<'stop'> => {
  const address = req.email.trim().toLowerCase();
  if (!statuses) return finish('not_found', `Reply.io has no contact ${address}; nothing to stop.`);
  if (req.campaign_id && scoped.length === 0)
    return finish('already_stopped', `${address} is not in Reply.io sequence ${req.campaign_id} (any more); nothing to stop.`);
  if (stopTargets(req.mode, scoped).length === 0) {
    return finish(
      'already_stopped',
      `${address} is not ${req.mode === 'pause' ? 'running' : 'running or paused'} in ${whereStopped(req, scoped)}; nothing changed.`,
    );
  }
  return next('stop');
};

/** The v3 status call answers `{}` on success, `{contactId: error}` per item: an item's error stops the step. */
export const afterSetStatus = (req: StopRequest, c: Membership, failure: unknown): Refusal | Next<'next sequence'> =>
  failure
    ? refusal(
        `Reply.io did not set ${req.email.trim().toLowerCase()} to ${statusAfter(req.mode)} in sequence ${str(c.sequenceName) ?? c.sequenceId}: ${JSON.stringify(failure)}`,
        'StopFailed',
        409,
      )
    : next('next sequence');

/** stopped when a call changed a membership; a removal that found nothing (404 on each) removed nothing. */
export const afterStopping = (req: StopRequest, scoped: Membership[], done: LeadCampaign[]): Finish => {
  const address = req.email.trim().toLowerCase();
  if (done.length === 0) return finish('already_stopped', `Reply.io removed nothing: ${address} was no longer in ${whereStopped(req, scoped)}.`);
  const verb = req.mode === 'pause' ? 'paused' : req.mode === 'remove' ? 'removed' : 'marked as finished';
  return finish('stopped', `Reply.io ${verb} ${address} in ${names(done)}.`);
};

/* ---- Resume ---- */

/**
 * Never for an unknown contact (not_found) nor an opted-out one (skipped_unsubscribed, no write);
 * nothing in scope is not paused.
 */
export const beforeResuming = (req: ResumeRequest, statuses: ContactStatuses | null, scoped: Membership[]): Decision<'resume'> => {
  const address = req.email.trim().toLowerCase();
  if (!statuses) return finish('not_found', `Reply.io has no contact ${address}; nothing to resume.`);
  if (statuses.isOptedOut) return finish('skipped_unsubscribed', `${address} has opted out in Reply.io; nothing was resumed.`);
  if (scoped.length === 0) {
    return finish(
      'not_paused',
      `${address} is not in ${req.campaign_id ? `Reply.io sequence ${req.campaign_id}` : 'any Reply.io sequence'}; nothing to resume.`,
    );
  }
  return next('resume');
};

/**
 * Reply accepts `active` from any state (docs "Set contacts' status in this sequence"), so only a
 * paused membership whose email did not bounce is ever set active — never a finished or inactive one.
 */
export const toResume = (scoped: Membership[]): Membership[] => scoped.filter((c) => isPaused(c.statusInSequence) && !bounced(c));

/** An item's error stops Resume, saying where it resumed already. */
export const afterSetActive = (req: ResumeRequest, c: Membership, failure: unknown, done: LeadCampaign[]): Refusal | Next<'next sequence'> =>
  failure
    ? refusal(
        `Reply.io did not resume ${req.email.trim().toLowerCase()} in sequence ${str(c.sequenceName) ?? c.sequenceId}: ${JSON.stringify(failure)}` +
          (done.length ? ` (already resumed in ${names(done)})` : ''),
        'ResumeFailed',
        409,
      )
    : next('next sequence');

/** resumed if any call did; else already running if any membership runs; else not paused, with each status. */
export const afterResuming = (req: ResumeRequest, scoped: Membership[], done: LeadCampaign[]): Finish => {
  const address = req.email.trim().toLowerCase();
  if (done.length) return finish('resumed', `Reply.io resumed ${address} in ${names(done)}.`);
  const asIs = asIsOf(scoped);
  const running = asIs.filter((c) => isRunning(c.status));
  if (running.length) return finish('already_running', `${address} is not paused: Reply.io still runs it in ${names(running)}.`);
  return finish(
    'not_paused',
    `${address} cannot be resumed in ${names(asIs)} (${scoped.map((c) => (bounced(c) ? `${str(c.statusInSequence) ?? 'unknown'}, bounced` : (str(c.statusInSequence) ?? 'unknown'))).join('; ')}): only a paused contact whose email did not bounce can; a finished sequence is not restarted.`,
  );
};
