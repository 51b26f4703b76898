import type { LeadCampaign } from '../../model/lead';
import { str } from '../../model/values';
import { finish, next, refusal, type Decision, type Finish, type Next, type Refusal } from '../shared/decision';
import type { EnrollRequest, ResumeRequest, StopRequest } from '../types';
import type { Reported } from './api';
import { asLeadCampaign, type Membership } from './normalize';
import type { ProspectRow } from './payloads';

/**
 * Woodpecker's outcome decisions, pure (docs/ARCHITECTURE.md, "Lead operations: one shape"):
 * given the prospect row a search returned (global `status`, `campaigns_details`), the result
 * Woodpecker reported for our prospect in an add_prospects_* answer (api.ts `itemResult`) and the
 * step's policy, what happens next. The statuses are the ones the help centre documents ("What
 * does the STATUS of a prospect mean?"); see README.md for the sources of each rule.
 */

/** Campaign-level prospect statuses under which Woodpecker may still send follow-ups. */
export const SENDING_STATUSES = ['ACTIVE', 'AUTOREPLIED', 'TO-CHECK', 'TO-REVIEW'];
/** Campaign statuses that will never send again. */
export const CLOSED_CAMPAIGNS = ['COMPLETED', 'STOPPED', 'DELETED'];
/** Global statuses of a prospect that must never be sent to again (unsubscribed, bounced, invalid address). */
export const NEVER_RESUME = ['BLACKLIST', 'BOUNCED', 'INVALID'];

const upper = (value: unknown): string => (str(value) ?? '').toUpperCase();
const addressOf = (email: string): string => email.trim().toLowerCase();
const names = (cs: LeadCampaign[]): string => cs.map((c) => c.name ?? c.id).join(', ');

/** The prospect's global status, upper-cased; null when there is no prospect or it carries none. */
export const globalStatus = (row: ProspectRow | null): string | null => str(row?.status)?.toUpperCase() ?? null;

/** The prospect's membership of one campaign, if any. */
export const membershipOf = (row: ProspectRow | null, campaignId: string): Membership | undefined =>
  (row?.campaigns_details ?? []).find((c) => String(c.campaign_id) === campaignId);

/** The chosen campaign's name, when the prospect's memberships give it. */
export const campaignName = (row: ProspectRow | null, campaignId: string): string | null => str(membershipOf(row, campaignId)?.campaign_name);

/** The memberships an action looks at: those of the chosen campaign, or all when none is chosen. */
export const membershipsIn = (row: ProspectRow | null, campaignId: string | null): Membership[] => {
  const details = row?.campaigns_details ?? [];
  return campaignId ? details.filter((c) => String(c.campaign_id) === campaignId) : details;
};

/** A membership Woodpecker may still send to: a sending prospect status in a campaign that is not closed. */
const sends = (c: Membership): boolean => SENDING_STATUSES.includes(upper(c.campaign_prospect_status)) && !CLOSED_CAMPAIGNS.includes(upper(c.campaign_status));

/* ---- Enroll ---- */

/** Woodpecker does not report other campaigns on add: the policy that needs them asks for one search first. */
export const needsLookup = (req: EnrollRequest): boolean => req.policy.if_in_other_campaign === 'skip';

/** Already in the campaign (`name`: its name, when Woodpecker gave it): an outcome, or an error when the Zap asked for one. */
export const alreadyIn = (req: EnrollRequest, name: string | null): Finish | Refusal => {
  const label = `${addressOf(req.lead.email)} is already in Woodpecker campaign ${name ?? req.campaign_id}`;
  return req.policy.if_already_enrolled === 'error'
    ? refusal(`${label}.`, 'AlreadyEnrolled', 409)
    : finish('already_enrolled', `${label}; nothing was changed.`);
};

/**
 * Other campaigns that may still send: a membership elsewhere whose prospect status is sending
 * (none given counts as ACTIVE) in a campaign that is not closed.
 */
export const stillSendingElsewhere = (row: ProspectRow, campaignId: string): Membership[] =>
  (row.campaigns_details ?? []).filter(
    (c) =>
      String(c.campaign_id) !== campaignId &&
      SENDING_STATUSES.includes((str(c.campaign_prospect_status) ?? 'ACTIVE').toUpperCase()) &&
      !CLOSED_CAMPAIGNS.includes(upper(c.campaign_status)),
  );

/**
 * Before adding, with "skip if in another campaign": the prospect the search found (null: not
 * searched, or no prospect has the address) is already in this campaign, blacklisted, or still
 * sent to elsewhere — or the add goes ahead.
 */
export const beforeAdding = (req: EnrollRequest, known: ProspectRow | null): Decision<'add'> => {
  if (!known || !needsLookup(req)) return next('add');
  const address = addressOf(req.lead.email);
  const here = membershipOf(known, req.campaign_id);
  if (here) return alreadyIn(req, str(here.campaign_name));
  if (globalStatus(known) === 'BLACKLIST') return finish('skipped_unsubscribed', `${address} is blacklisted in Woodpecker (unsubscribed); not enrolled.`);
  const elsewhere = stillSendingElsewhere(known, req.campaign_id);
  if (elsewhere.length) {
    const list = elsewhere.map((c) => str(c.campaign_name) ?? String(c.campaign_id)).join(', ');
    return finish('skipped_in_other_campaign', `${address} is still active in Woodpecker campaign ${list}; not enrolled.`);
  }
  return next('add');
};

/**
 * Woodpecker refused the add as "not ACTIVE": its status is read by a search — again when an
 * earlier search found nothing or still showed ACTIVE (it changed in between).
 */
export const rereadsStatus = (known: ProspectRow | null): boolean => !known || globalStatus(known) === 'ACTIVE';

/**
 * After a refusal as "not ACTIVE" (`said`: Woodpecker's words), given the prospect the search
 * found: BLACKLIST is skipped, never forced; a status that cannot be read (no prospect, or none on
 * it) may be BLACKLIST, so it is never forced either; another status is skipped, or with
 * "re-enroll" the add is retried with `force: true`.
 */
export const afterNotActive = (req: EnrollRequest, known: ProspectRow | null, said: string): Decision<'force'> => {
  const address = addressOf(req.lead.email);
  const status = globalStatus(known);
  if (status === 'BLACKLIST') return finish('skipped_unsubscribed', `${address} is blacklisted in Woodpecker (unsubscribed); not enrolled.`);
  if (status === null) {
    const why = known ? 'its Woodpecker status could not be read' : 'the prospect could not be found to read its status';
    if (req.policy.if_previously_contacted === 're_enroll') {
      return refusal(
        `Woodpecker refused ${address} for campaign ${req.campaign_id} (${said}) and ${why}, so it was not forced in: it may be blacklisted (unsubscribed). Check the prospect in Woodpecker.`,
        'StatusUnknown',
        409,
      );
    }
    return finish('skipped_previously_contacted', `Woodpecker refused ${address} (its status is not ACTIVE) and ${why}; not enrolled.`);
  }
  if (req.policy.if_previously_contacted !== 're_enroll') {
    return finish(
      'skipped_previously_contacted',
      `${address} has Woodpecker status ${status} (already contacted); not enrolled. Choose "re-enroll" to add them anyway.`,
    );
  }
  return next('force');
};

/** Reported saved without its id, and no search gave the prospect: one search reads the id. */
export const idUnreported = (result: Reported, known: ProspectRow | null): boolean => result.kind === 'ok' && !result.id && !known;

/**
 * The last add's result (`not_active` here is a refusal even with force: the first one went to
 * afterNotActive); `name`: the campaign's name, when a search gave it.
 */
export const afterAdding = (req: EnrollRequest, result: Reported, name: string | null): Finish | Refusal => {
  const address = addressOf(req.lead.email);
  switch (result.kind) {
    case 'ok':
      return finish('enrolled', `Added ${address} to Woodpecker campaign ${req.campaign_id}.`);
    case 'duplicate':
      return alreadyIn(req, name);
    case 'not_active':
      return refusal(`Woodpecker refused ${address} even with force: ${result.message}`, 'EnrollFailed', 400);
    default:
      return refusal(`Woodpecker did not add ${address} to campaign ${req.campaign_id}: ${result.message}`, 'EnrollFailed', 400);
  }
};

/* ---- Create (upsert) ---- */

/**
 * After add_prospects_list: an error (or a refusal by status) is CreateFailed; saved without an id
 * and not known before, one search reads it; otherwise the answer is built.
 */
export const afterSaving = (address: string, result: Reported, existing: ProspectRow | null): Refusal | Next<'read id' | 'answer'> => {
  if (result.kind === 'error' || result.kind === 'not_active') return refusal(`Woodpecker did not save ${address}: ${result.message}`, 'CreateFailed', 400);
  return idUnreported(result, existing) ? next('read id') : next('answer');
};

/* ---- Stop and Resume: one status update per campaign ---- */

/** The memberships Stop pauses: those still sending, none for a BLACKLIST prospect (Woodpecker sends them nothing). */
export const toPause = (row: ProspectRow, campaignId: string | null): Membership[] =>
  globalStatus(row) === 'BLACKLIST' ? [] : membershipsIn(row, campaignId).filter(sends);

/** No prospect has the address: nothing to stop or resume. */
export const noProspect = (email: string, action: 'stop' | 'resume'): Finish =>
  finish('not_found', `No Woodpecker prospect has the email ${addressOf(email)}; nothing to ${action}.`);

/**
 * Before stopping the prospect the search found: not in the chosen campaign, or sent to nowhere,
 * is already_stopped; otherwise each sending membership is paused.
 */
export const beforeStopping = (req: StopRequest, row: ProspectRow): Decision<'pause'> => {
  const address = addressOf(req.email);
  const targets = membershipsIn(row, req.campaign_id);
  // A known prospect with nothing to stop there (never added, or gone since): already stopped.
  if (req.campaign_id && targets.length === 0)
    return finish('already_stopped', `${address} is not in Woodpecker campaign ${req.campaign_id}; nothing to stop.`);
  if (toPause(row, req.campaign_id).length === 0) {
    const where = req.campaign_id
      ? `campaign ${str(targets[0]?.campaign_name) ?? req.campaign_id}`
      : targets.length
        ? 'any campaign'
        : 'any campaign (it is in none)';
    return finish('already_stopped', `Woodpecker is not sending to ${address} in ${where}; nothing changed.`);
  }
  return next('pause');
};

/** The prospect statuses Stop and Resume set, with the words and error code of each. */
const UPDATE = {
  pause: { verb: 'pause', done: 'paused', code: 'StopFailed' },
  resume: { verb: 'resume', done: 'resumed', code: 'ResumeFailed' },
} as const;

/**
 * One campaign's status update answered: done (or reported as a duplicate) goes on with the next
 * campaign; anything else — even with force — is an error naming the campaign and those already
 * changed (`changed`), never "already stopped" / "not paused".
 */
export const afterUpdating = (
  action: keyof typeof UPDATE,
  address: string,
  c: Membership,
  result: Reported,
  changed: LeadCampaign[],
): Refusal | Next<'next campaign'> => {
  if (result.kind === 'ok' || result.kind === 'duplicate') return next('next campaign');
  const { verb, done, code } = UPDATE[action];
  return refusal(
    `Woodpecker did not ${verb} ${address} in campaign ${str(c.campaign_name) ?? c.campaign_id}: ${result.message}` +
      (changed.length ? ` (already ${done} in ${names(changed)})` : ''),
    code,
    400,
  );
};

/** Every membership Stop aimed at was paused. */
export const stopped = (address: string, changed: LeadCampaign[]): Finish =>
  finish('stopped', `Paused ${address} in Woodpecker campaign${changed.length > 1 ? 's' : ''} ${names(changed)}.`);

/** The memberships Resume sets back to ACTIVE: PAUSED in an open campaign, none for a prospect never to be sent to again. */
export const toResume = (row: ProspectRow, campaignId: string | null): Membership[] =>
  NEVER_RESUME.includes(globalStatus(row) ?? '')
    ? []
    : membershipsIn(row, campaignId).filter((c) => upper(c.campaign_prospect_status) === 'PAUSED' && !CLOSED_CAMPAIGNS.includes(upper(c.campaign_status)));

/**
 * Before resuming the prospect the search found: BLACKLIST is skipped_unsubscribed; not in the
 * chosen campaign (or any) is not_paused; a PAUSED membership is resumed; else a membership still
 * sending is already_running, and anything else (REPLIED, BOUNCED, a closed campaign, a prospect
 * BOUNCED / INVALID) is not_paused, with the statuses that say why.
 */
export const beforeResuming = (req: ResumeRequest, row: ProspectRow): Decision<'resume'> => {
  const address = addressOf(req.email);
  const global = globalStatus(row) ?? '';
  if (global === 'BLACKLIST')
    return finish('skipped_unsubscribed', `${address} is blacklisted in Woodpecker (unsubscribed); their follow-ups were not resumed.`);
  const targets = membershipsIn(row, req.campaign_id);
  if (targets.length === 0) {
    return finish(
      'not_paused',
      `${address} is not in ${req.campaign_id ? `Woodpecker campaign ${req.campaign_id}` : 'any Woodpecker campaign'}; nothing to resume.`,
    );
  }
  if (toResume(row, req.campaign_id).length) return next('resume');
  const never = NEVER_RESUME.includes(global);
  const running = never ? [] : targets.filter(sends);
  if (running.length) {
    return finish('already_running', `${address} is not paused: Woodpecker still sends to them in ${names(running.map((c) => asLeadCampaign(c)))}.`);
  }
  const affected = targets.map((c) => asLeadCampaign(c));
  const why = never ? ` (the prospect is ${global} in Woodpecker)` : '';
  return finish(
    'not_paused',
    `${address} cannot be resumed in ${names(affected)} (${affected.map((c) => c.status ?? 'unknown').join(', ')})${why}: only a PAUSED prospect in a running campaign can.`,
  );
};

/** Every PAUSED membership Resume aimed at is ACTIVE again. */
export const resumed = (address: string, changed: LeadCampaign[]): Finish =>
  finish('resumed', `Resumed ${address} in Woodpecker campaign${changed.length > 1 ? 's' : ''} ${names(changed)}.`);

/**
 * The memberships a Resume outcome reports: each target, as changed or as it is — none for a
 * BLACKLIST prospect (its memberships are not looked at).
 */
export const resumeAffected = (row: ProspectRow, campaignId: string | null, changed: LeadCampaign[]): LeadCampaign[] =>
  globalStatus(row) === 'BLACKLIST' ? [] : membershipsIn(row, campaignId).map((c) => changed.find((x) => x.id === String(c.campaign_id)) ?? asLeadCampaign(c));
