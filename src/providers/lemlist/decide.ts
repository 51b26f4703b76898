import type { Lead, LeadCampaign } from '../../model/lead';
import { str } from '../../model/values';
import { finish, next, refusal, type Decision, type Finish, type Next, type Refusal } from '../shared/decision';
import type { EnrollRequest, ResumeRequest, StopMode, StopRequest } from '../types';
import { campaignIdOf, campaignNameOf, isUnsubscribed, statusOf } from './normalize';
import type { ContactRecord, LeadEntry } from './payloads';

/**
 * lemlist's outcome decisions, pure (docs/ARCHITECTURE.md, "Lead operations: one shape"): given
 * the campaign entries `GET /leads/{email}?version=v2` listed (or the contact `GET /contacts/{email}`
 * answered) and the step's policy, what happens next.
 */

/** Lead states that mean nothing was sent yet (export states of the vendor OpenAPI). */
const NOT_CONTACTED_STATES = ['imported', 'scanned', 'skipped', 'reviewed'];
/** States after which a lead must never be resumed (its address bounced or failed). */
const BOUNCED_STATES = ['emailsBounced', 'emailsFailed', 'failed'];
/** Lead statuses (`status`, the contact's `leadState`) of a lead whose sequence is over. */
const OVER_STATUSES = ['done', 'unsubscribed', 'interested', 'notInterested'];

const wasContacted = (e: LeadEntry): boolean => {
  const state = str(e.state);
  return state !== null && !NOT_CONTACTED_STATES.includes(state);
};

export const campaignLabel = (c: { id: string; name: string | null }): string => (c.name ? `"${c.name}" (${c.id})` : c.id);
const list = (cs: LeadCampaign[]): string => cs.map((c) => campaignLabel(c)).join(', ');

/** The campaign as the outcome names it: its id, and its name when an entry of it says. */
export const campaignIn = (entries: LeadEntry[], campaignId: string): { id: string; name: string | null } => {
  const inThis = entries.find((e) => campaignIdOf(e) === campaignId);
  return { id: campaignId, name: inThis ? campaignNameOf(inThis) : null };
};

/** The same for Stop / Resume, whose campaign is optional (null: all campaigns). */
export const namedCampaign = (entries: LeadEntry[], campaignId: string | null): { id: string; name: string | null } | null =>
  campaignId ? campaignIn(entries, campaignId) : null;

/** The entries Stop / Resume act on: those with a campaign, of the chosen campaign when there is one. */
export const inScope = (entries: LeadEntry[], campaignId: string | null): LeadEntry[] =>
  entries.filter((e) => campaignIdOf(e) && (!campaignId || campaignIdOf(e) === campaignId));

/** lemlist's refusal of a call, in its own words (the same wording as any other refused call). */
export const rejectedBy = (status: number, said: string): Refusal => refusal(`lemlist rejected the request (${status}): ${said}`, `lemlist_${status}`, status);

/* ---- Create Lead (upsert) ---- */

/** lemlist keeps leads inside campaigns: without a campaign nothing is looked up or created. */
export const upsertNeedsCampaign = (campaignId: string | null): Refusal | Next<'look up'> =>
  campaignId ? next('look up') : refusal('lemlist keeps leads inside campaigns: choose a Campaign to create the lead in.', 'MissingCampaign', 400);

/** An entry in the campaign is updated (when the input changes anything), else the lead is created there. */
export const upsertStep = (existing: LeadEntry | undefined, changes: Record<string, string>): Next<'create' | 'update' | 'keep'> => {
  if (!existing) return next('create');
  return Object.keys(changes).length === 0 ? next('keep') : next('update');
};

/* ---- Enroll ---- */

/** lemlist's own guard for the race between the lookup and the create: `deduplicate=true` does not insert an address already in another campaign. */
export const deduplicate = (req: EnrollRequest): boolean => req.policy.if_in_other_campaign === 'skip';

/** Classifies an address from its entries, per the enrolment policies, in the README's order. */
export const beforeCreating = (req: EnrollRequest, entries: LeadEntry[]): Decision<'create'> => {
  const address = req.lead.email.toLowerCase();
  const inThis = entries.find((e) => campaignIdOf(e) === req.campaign_id);
  const campaign = campaignIn(entries, req.campaign_id);
  if (entries.some(isUnsubscribed)) {
    return finish('skipped_unsubscribed', `${address} is unsubscribed in lemlist, so it was not added to campaign ${campaignLabel(campaign)}.`);
  }
  if (inThis) {
    if (req.policy.if_already_enrolled === 'error') {
      return refusal(`${address} is already in lemlist campaign ${campaignLabel(campaign)} (lead ${String(inThis._id)}).`, 'AlreadyEnrolled', 409);
    }
    return finish('already_enrolled', `${address} was already in lemlist campaign ${campaignLabel(campaign)}; nothing changed.`);
  }
  const others = entries.filter((e) => campaignIdOf(e) !== req.campaign_id);
  const otherNames = others.map((e) => campaignNameOf(e) ?? campaignIdOf(e) ?? String(e._id)).join(', ');
  if (others.length && req.policy.if_in_other_campaign === 'skip') {
    return finish(
      'skipped_in_other_campaign',
      `${address} is already in another lemlist campaign (${otherNames}), so it was not added to campaign ${campaignLabel(campaign)}.`,
    );
  }
  if (others.some(wasContacted) && req.policy.if_previously_contacted === 'skip') {
    return finish(
      'skipped_previously_contacted',
      `${address} was already contacted in lemlist (${otherNames}), so it was not added to campaign ${campaignLabel(campaign)}.`,
    );
  }
  return next('create');
};

/**
 * lemlist refused the create (400/409). The text of its refusal for a duplicate is undocumented:
 * the address's entries looked up again say what happened; anything else is lemlist's error, verbatim.
 */
export const afterRefusedCreate = (req: EnrollRequest, again: LeadEntry[], status: number, said: string): Finish | Refusal => {
  const after = again.length ? beforeCreating(req, again) : null;
  if (after && !('next' in after)) return after;
  return rejectedBy(status, said);
};

/* ---- Stop ---- */

/** Before stopping: an address lemlist does not know at all is not_found; a known one with nothing in scope is already stopped. */
export const beforeStopping = (req: StopRequest, known: boolean, lead: Lead | null, targets: LeadEntry[]): Decision<'stop'> => {
  const address = req.email.toLowerCase();
  if (!known) return finish('not_found', `lemlist has no lead or contact ${address}; nothing to stop.`);
  if (!lead || targets.length === 0) {
    // A known lead or contact with nothing left to stop there (never in it, or removed before).
    const where = req.campaign_id ? `in lemlist campaign ${req.campaign_id}` : 'in any lemlist campaign';
    return finish('already_stopped', `${address} is not ${where} (any more); nothing to stop.`);
  }
  return next('stop');
};

/** The call Stop makes for one entry: always a remove (with action=remove) in remove mode; a pause unless the entry is paused already. */
export const stopCall = (mode: StopMode, e: LeadEntry): 'remove' | 'pause' | 'already paused' => {
  if (mode === 'remove') return 'remove';
  return e.isPaused ? 'already paused' : 'pause';
};

/** After the calls: stopped when any entry changed, else already stopped. */
export const afterStopping = (req: StopRequest, changed: LeadCampaign[], already: LeadCampaign[]): Finish => {
  const address = req.email.toLowerCase();
  const verb = req.mode === 'remove' ? 'removed from' : 'paused in';
  if (changed.length === 0) return finish('already_stopped', `${address} was already ${verb} lemlist campaign(s) ${list(already)}; nothing changed.`);
  return finish(
    'stopped',
    `${address} was ${verb} lemlist campaign(s) ${list(changed)}${already.length ? ` (already ${req.mode === 'remove' ? 'gone from' : 'paused in'} ${list(already)})` : ''}.`,
  );
};

/* ---- Resume ---- */

/**
 * No lead entry at all: not_found when lemlist does not know the contact either; a known contact
 * without any lead entry was removed from its campaigns (its record carries no pause state to act
 * on), and one that is unsubscribed is never resumed.
 */
export const resumeWithoutEntries = (req: ResumeRequest, known: boolean, contact: ContactRecord | null): Finish => {
  const address = req.email.toLowerCase();
  if (!known) return finish('not_found', `lemlist has no lead or contact ${address}; nothing to resume.`);
  if (contact?.unsubscribed) return finish('skipped_unsubscribed', `${address} is unsubscribed in lemlist; nothing was resumed.`);
  return finish('not_paused', `${address} is a lemlist contact but no longer a lead in any campaign; nothing to resume.`);
};

/** Before resuming: an address unsubscribed in any campaign is never resumed (nor re-subscribed); nothing in scope is not paused. */
export const beforeResuming = (req: ResumeRequest, entries: LeadEntry[], lead: Lead | null, targets: LeadEntry[]): Decision<'resume'> => {
  const address = req.email.toLowerCase();
  if (entries.some(isUnsubscribed)) {
    return finish('skipped_unsubscribed', `${address} is unsubscribed in lemlist; their sequence was not resumed and they were not re-subscribed.`);
  }
  if (!lead || targets.length === 0) {
    const where = req.campaign_id ? `in lemlist campaign ${req.campaign_id}` : 'in any lemlist campaign';
    return finish('not_paused', `${address} is not ${where}; nothing to resume.`);
  }
  return next('resume');
};

/**
 * One entry in scope: never started again when it bounced / failed or its sequence is over (its
 * status there); left alone when it is not paused; started when paused.
 */
export const resumeCall = (e: LeadEntry): Next<'start'> | { over: string | null } | { running: string | null } => {
  const state = str(e.state) ?? '';
  const status = str(e.status) ?? '';
  if (BOUNCED_STATES.includes(state) || OVER_STATUSES.includes(status)) return { over: status || state || null };
  if (!e.isPaused) return { running: statusOf(e) };
  return next('start');
};

/** After the calls: resumed if any entry was, else already running if any runs, else not paused. */
export const afterResuming = (req: ResumeRequest, resumed: LeadCampaign[], running: LeadCampaign[], over: LeadCampaign[]): Finish => {
  const address = req.email.toLowerCase();
  if (resumed.length) return finish('resumed', `Resumed ${address} in lemlist campaign(s) ${list(resumed)}.`);
  if (running.length) return finish('already_running', `${address} is not paused: their sequence already runs in lemlist campaign(s) ${list(running)}.`);
  return finish(
    'not_paused',
    `${address} cannot be resumed in lemlist campaign(s) ${list(over)} (${over.map((c) => c.status ?? 'unknown').join(', ')}): the sequence is over, bounced or the lead was removed.`,
  );
};
