import type { LeadCampaign } from '../../model/lead';
import { email as emailOf, str } from '../../model/values';
import { finish, next, refusal, type Finish, type Next, type Refusal } from '../shared/decision';
import type { EnrollPolicy, EnrollRequest } from '../types';
import type { AddedRecipients, AddStatus, Campaign, Recipient, Reply, SentMessage } from './payloads';

/**
 * Mailshake's outcome decisions, pure (docs/ARCHITECTURE.md, "Lead operations: one shape"): given
 * what Mailshake answered — an import's status, sent messages and replies to the address, what a
 * campaign scan found — and the step's policy, what happens next. Every detail names the address
 * lower-cased, as Mailshake's recipient calls take it.
 */

/** The address as every Mailshake recipient call takes it and every detail names it. */
export const addressOf = (email: string): string => email.trim().toLowerCase();

/* ---- campaign scans (Find, and Stop / Resume in every campaign) ---- */

/** How far a campaign scan got: campaigns asked, active campaigns listed, whether the listing and the scan finished. */
export interface ScanCount {
  checked: number;
  total: number;
  /** false when the campaign listing itself was cut short (there may be more than `total`). */
  listed: boolean;
  complete: boolean;
}

/** "4 of 10 active Mailshake campaigns" ("of at least 10" when the listing was cut short). */
export const scanned = (scan: ScanCount): string =>
  `${scan.checked} of ${scan.listed ? '' : 'at least '}${scan.total} active Mailshake campaign${scan.total === 1 ? '' : 's'}`;

/** A scan the time budget cut short is never "not found": an error saying how far it got. */
export const scanCutShort = (what: string, scan: ScanCount, advice: string): Refusal =>
  refusal(
    `${what} Mailshake looks recipients up one campaign at a time and the time this step may take ran out after checking ` +
      `${scanned(scan)}, so the rest were not checked and this is NOT a "not found". ${advice} ` +
      'Archived campaigns are not checked, so archiving finished ones shortens the scan.',
    'ScanIncomplete',
    503,
  );

const campaignName = (c: Campaign): string => str(c.title) ?? String(c.id);

/** Find after the scan: a hit is the lead; no hit is "not found" only when every campaign was asked. */
export const afterFindScan = (address: string, hits: number, scan: ScanCount): Refusal | Next<'found'> | Next<'not_found'> => {
  if (hits > 0) return next('found');
  if (!scan.complete) return scanCutShort(`${address} was not in any of the campaigns checked.`, scan, 'Look the person up in Mailshake.');
  return next('not_found');
};

/* ---- does Mailshake know the address outside a campaign? ---- */

/**
 * What says Mailshake knows the address elsewhere: an email a campaign sent it (`activity/sent`,
 * which also covers archived campaigns), or a recipient of another active campaign; `unknown`
 * when the scan for one was cut short; null: neither.
 */
export type Known = { emailed: SentMessage } | { recipientOf: Campaign; recipient: Recipient } | { unknown: ScanCount } | null;

/** Emails to the address sent outside `campaignId` (any campaign when null). */
export const emailedOutside = (sent: SentMessage[], campaignId: string | null): SentMessage[] =>
  sent.filter((s) => campaignId === null || str(s.campaign?.id) !== campaignId);

/** Where Mailshake knows the address from, as the detail says it. */
export const whereKnown = (known: Exclude<Known, null | { unknown: ScanCount }>): string =>
  'emailed' in known
    ? `campaign ${str(known.emailed.campaign?.title) ?? str(known.emailed.campaign?.id) ?? '?'} emailed it`
    : `it is a recipient of campaign ${campaignName(known.recipientOf)}`;

/* ---- the import (Enroll Lead, Create Lead) ---- */

/** What became of the address in a `recipients/add` import. */
export type Imported = 'added' | 'already' | 'unsubscribed' | 'capacity' | 'invalid';

/** The upload's `invalidEmails` names the address: Mailshake will not import it. */
export const rejectedOnUpload = (address: string, uploaded: AddedRecipients): boolean => (uploaded.invalidEmails ?? []).some((e) => emailOf(e) === address);

/**
 * A finished import's `problems` (docs "Models" > Add Status Response) for the address: on the
 * unsubscribe list, already in the campaign, over the campaign's limit, else added. null while
 * the import is not finished.
 */
export const importResult = (address: string, status: AddStatus): Imported | null => {
  if (!status.isFinished) return null;
  const p = status.problems ?? {};
  const has = (list: string[] | null | undefined) => (list ?? []).some((e) => emailOf(e) === address);
  if (has(p.unsubscribedEmails)) return 'unsubscribed';
  if (has(p.alreadyInCampaignEmails)) return 'already';
  if (has(p.passedAccountLimitEmails)) return 'capacity';
  return 'added';
};

/** Polls of `recipients/add-status` after the upload; the n-th waits n units (s) first: 1, 2, 3, 4. */
export const ADD_STATUS_POLLS = 4;
/** All the waiting the polls may do, in units (s): 1 + 2 + 3 + 4, well inside Zapier's 30 s step. */
export const POLL_WAIT_UNITS = 10;

/**
 * Units to wait before the next status poll, or null: stop polling. `answered`: polls Mailshake
 * answered (not finished); `waited`: units waited so far; `retryAfter`: the last poll was refused
 * by the rate limit, which asked for that wait. The import is accepted by then, so a refused poll
 * is asked again after its Retry-After rather than ending the step; nothing is waited past
 * POLL_WAIT_UNITS.
 */
export const nextPollWait = (answered: number, waited: number, retryAfter: number | null): number | null => {
  if (answered >= ADD_STATUS_POLLS) return null;
  const wait = retryAfter ?? answered + 1;
  return waited + wait <= POLL_WAIT_UNITS ? wait : null;
};

/**
 * The polls ended without a finished import: cut short by the rate limit (a poll was refused —
 * `refused`, the refusal — and fewer than ADD_STATUS_POLLS were answered) → that refusal again,
 * a ThrottledError Zapier retries; every poll answered "not finished" (or there was no status id)
 * → ImportPending.
 */
export const pollsEnded = <E>(address: string, campaignId: string, answered: number, refused: E | null): Refusal | { rethrow: E } =>
  refused !== null && answered < ADD_STATUS_POLLS ? { rethrow: refused } : importPending(address, campaignId, ADD_STATUS_POLLS);

/**
 * Still importing after every status check: never "added" — until it finishes Mailshake may
 * still list the address as unsubscribed, already in the campaign or over the limit, and a
 * replay of the step then reports what really happened.
 */
export const importPending = (address: string, campaignId: string, polls: number): Refusal =>
  refusal(
    `Mailshake is still importing ${address} into campaign ${campaignId}: the import had not finished after ${polls} status checks, ` +
      'so whether it was added (or skipped as unsubscribed, already in the campaign or over the limit) is not known yet. ' +
      'Replay this step in a minute or two: it then reports the real outcome.',
    'ImportPending',
    409,
  );

const invalidEmail = (address: string): Refusal => refusal(`Mailshake rejected ${address} as an invalid email address.`, 'InvalidEmail', 400);

/**
 * `passedAccountLimitEmails`: "could not be imported because your campaign exceeded the number of
 * allowed recipients it can hold" (docs "Models" > Add Status Response); a campaign holds up to
 * 5,000 (docs "Recipients > Add"). Not a rate limit — waiting does not make room — so a plain error
 * saying what is full and what to do, never a ThrottledError that Zapier would retry for a day.
 */
export const campaignFull = (address: string, campaignId: string): Refusal =>
  refusal(
    `Mailshake campaign ${campaignId} is full: a campaign holds at most 5,000 recipients, so ${address} was not added. ` +
      'Choose another campaign, or start a new one (a copy of this campaign) in Mailshake and pick it in this step; ' +
      'retrying will not help until the campaign has room.',
    'MailshakeCampaignFull',
    409,
  );

/* ---- Enroll ---- */

/** Emails sent by another campaign are the only evidence of other campaigns: read them only for a skip policy. */
export const needsSentCheck = (policy: EnrollPolicy): boolean => policy.if_in_other_campaign === 'skip' || policy.if_previously_contacted === 'skip';

/** Emails to the address sent by a campaign other than `campaignId` (a message without a campaign is no evidence). */
export const sentByOtherCampaigns = (sent: SentMessage[], campaignId: string): SentMessage[] =>
  sent.filter((s) => str(s.campaign?.id) && str(s.campaign?.id) !== campaignId);

/** Before adding: another campaign emailed the address → skipped by the policy that asks for it. */
export const beforeAdding = (req: EnrollRequest, elsewhere: SentMessage[]): Finish | Next<'add'> => {
  if (!elsewhere.length) return next('add');
  const address = addressOf(req.lead.email);
  const names = [...new Set(elsewhere.map((s) => str(s.campaign?.title) ?? str(s.campaign?.id)))].join(', ');
  if (req.policy.if_in_other_campaign === 'skip')
    return finish('skipped_in_other_campaign', `${address} was already emailed by Mailshake campaign ${names}; not enrolled.`);
  if (req.policy.if_previously_contacted === 'skip')
    return finish('skipped_previously_contacted', `${address} was already contacted by Mailshake campaign ${names}; not enrolled.`);
  return next('add');
};

/** The enrolment's outcome from what the import did with the address, and the already-enrolled policy. */
export const afterImport = (req: EnrollRequest, result: Imported): Finish | Refusal => {
  const address = addressOf(req.lead.email);
  const campaign = req.campaign_id;
  switch (result) {
    case 'invalid':
      return invalidEmail(address);
    case 'unsubscribed':
      return finish('skipped_unsubscribed', `${address} is on the Mailshake unsubscribe list; not enrolled.`);
    case 'capacity':
      return campaignFull(address, campaign);
    case 'already':
      return req.policy.if_already_enrolled === 'error'
        ? refusal(`${address} is already in Mailshake campaign ${campaign}.`, 'AlreadyEnrolled', 409)
        : finish('already_enrolled', `${address} is already in Mailshake campaign ${campaign}; nothing was changed.`);
    default:
      return finish('enrolled', `Added ${address} to Mailshake campaign ${campaign}.`);
  }
};

/* ---- Create Lead ---- */

/** Mailshake has no lead record outside campaigns: Create without a Campaign is refused before any call. */
export const missingCampaign: Refusal = refusal('Mailshake keeps recipients inside campaigns: choose a Campaign.', 'MissingCampaign', 400);

/** After Create's import: added or already there → read the recipient back; anything else refuses. */
export const afterCreateImport = (address: string, campaignId: string, result: Imported): Refusal | Next<'read'> => {
  if (result === 'invalid') return invalidEmail(address);
  if (result === 'unsubscribed') return refusal(`${address} is on the Mailshake unsubscribe list; it was not added.`, 'Unsubscribed', 409);
  if (result === 'capacity') return campaignFull(address, campaignId);
  return next('read');
};

/* ---- Stop (pause) ---- */

/** One campaign, first: already paused there → already_stopped, nothing paused again. */
export const beforePausing = (address: string, campaignId: string, paused: boolean): Finish | Next<'pause'> =>
  paused ? finish('already_stopped', `${address} is already paused in Mailshake campaign ${campaignId}; nothing changed.`) : next('pause');

/** One campaign, after `recipients/pause`: paused → stopped; not a recipient there → does Mailshake know it at all? */
export const afterPausing = (address: string, campaignId: string, paused: boolean): Finish | Next<'known'> =>
  paused ? finish('stopped', `Paused ${address} in Mailshake campaign ${campaignId}.`) : next('known');

/** One campaign, not a recipient there: known elsewhere → already_stopped; unknown → not_found (project rule). */
export const stopNotInCampaign = (address: string, campaignId: string, known: Known): Finish | Refusal => {
  if (known && 'unknown' in known) {
    return scanCutShort(
      `${address} is not a recipient of Mailshake campaign ${campaignId} (nothing was paused), and whether Mailshake knows it at all (already_stopped) or not (not_found) could not be settled:`,
      known.unknown,
      'Check the campaign ID.',
    );
  }
  if (known) return finish('already_stopped', `${address} is not a recipient of Mailshake campaign ${campaignId} (${whereKnown(known)}); nothing to stop.`);
  return finish('not_found', `Mailshake does not know ${address}: it is a recipient of no active campaign and was never emailed; nothing to stop.`);
};

/** One campaign of a Stop scan where the address is a recipient: paused now, or already paused. */
export interface StopHit {
  campaign: Campaign;
  state: 'paused' | 'already';
}

/**
 * Every campaign, after the scan: a scan cut short is an error saying where it paused; paused
 * anywhere → stopped; only already paused → already_stopped; a recipient nowhere → does Mailshake
 * know it at all?
 */
export const afterStopScan = (address: string, hits: StopHit[], scan: ScanCount): Finish | Refusal | Next<'known'> => {
  const changed = hits.filter((h) => h.state === 'paused');
  const already = hits.filter((h) => h.state === 'already');
  const names = (list: StopHit[]) => list.map((h) => campaignName(h.campaign)).join(', ');
  const done = [changed.length ? `paused it in ${names(changed)}` : '', already.length ? `it was already paused in ${names(already)}` : '']
    .filter(Boolean)
    .join('; ');
  if (!scan.complete) {
    return scanCutShort(
      `Stopping ${address} in every Mailshake campaign was cut short${done ? ` (${done})` : ''}.`,
      scan,
      'Choose the Campaign to stop it in (one campaign is a few calls), or replay this step.',
    );
  }
  if (changed.length) return finish('stopped', `Mailshake: ${done} (checked ${scanned(scan)}).`);
  if (already.length) {
    return finish(
      'already_stopped',
      `${address} is already paused in Mailshake campaign${already.length > 1 ? 's' : ''} ${names(already)}; nothing changed (checked ${scanned(scan)}).`,
    );
  }
  return next('known');
};

/** Every campaign, a recipient of none: known (emailed) → already_stopped, else not_found. */
export const stopInNoCampaign = (address: string, known: Known, scan: ScanCount): Finish =>
  known && !('unknown' in known)
    ? finish('already_stopped', `${address} is in no active Mailshake campaign (${whereKnown(known)}); nothing to stop (checked ${scanned(scan)}).`)
    : finish('not_found', `Mailshake does not know ${address}: it is a recipient of none of ${scanned(scan)} and was never emailed; nothing to stop.`);

/* ---- Resume (unpause) ---- */

/**
 * What the address's replies forbid (docs "Models > Reply": an unsubscribe and a bounce are
 * Replies of that `type`): an unsubscribe anywhere is team-wide; a bounce counts per campaign.
 * `replies` are those to exactly this address.
 */
export interface Blocks {
  unsubscribed: boolean;
  bouncedIn: Set<string>;
}
export const blocksOf = (replies: Reply[]): Blocks => ({
  unsubscribed: replies.some((r) => str(r.type) === 'unsubscribe'),
  bouncedIn: new Set(replies.filter((r) => str(r.type) === 'bounce').map((r) => str(r.campaign?.id) ?? '')),
});

/** An address that unsubscribed is never unpaused, in any campaign. */
export const beforeResuming = (address: string, blocks: Blocks): Finish | Next<'campaigns'> =>
  blocks.unsubscribed ? finish('skipped_unsubscribed', `${address} unsubscribed from Mailshake; nothing was unpaused.`) : next('campaigns');

/** What Resume found in one campaign. */
export type ResumeState = 'resumed' | 'running' | 'bounced';

/**
 * One campaign the address is a recipient of: bounced there → never unpaused; not paused →
 * running; paused → unpause.
 */
export const resumeHere = (blocks: Blocks, campaignId: string, paused: boolean): 'bounced' | 'running' | Next<'unpause'> => {
  if (blocks.bouncedIn.has(campaignId)) return 'bounced';
  return paused ? next('unpause') : 'running';
};

/** A campaign Resume found the address in: its id, its name (null when not listed) and the state. */
export interface ResumeHit {
  id: string;
  name: string | null;
  state: ResumeState;
}

const RESUME_STATUS = { resumed: 'active', running: 'active', bounced: 'bounced' } as const;

/** The campaigns a Resume affected, with the status each is left in. */
export const resumeAffected = (hits: ResumeHit[]): LeadCampaign[] => hits.map((h) => ({ id: h.id, name: h.name, status: RESUME_STATUS[h.state] }));

/** Unpaused anywhere → resumed; else running anywhere → already_running; else (bounced only) not_paused. `checked` ends the detail's first clause. */
export const resumeOutcome = (address: string, hits: ResumeHit[], checked: string): Finish => {
  const names = (state: ResumeState) =>
    hits
      .filter((h) => h.state === state)
      .map((h) => h.name ?? h.id)
      .join(', ');
  if (hits.some((h) => h.state === 'resumed')) return finish('resumed', `Unpaused ${address} in Mailshake campaign(s) ${names('resumed')}${checked}.`);
  if (hits.some((h) => h.state === 'running'))
    return finish('already_running', `${address} is not paused in Mailshake campaign(s) ${names('running')}${checked}; nothing changed.`);
  return finish('not_paused', `${address} bounced in Mailshake campaign(s) ${names('bounced')}; it was not unpaused${checked}.`);
};

/** One campaign, not a recipient there: known elsewhere → not_paused; unknown → not_found. */
export const resumeNotInCampaign = (address: string, campaignId: string, known: Known): Finish | Refusal => {
  if (known && 'unknown' in known) {
    return scanCutShort(
      `${address} is not a recipient of Mailshake campaign ${campaignId} (nothing was unpaused), and whether Mailshake knows it at all could not be settled:`,
      known.unknown,
      'Check the campaign ID.',
    );
  }
  if (known) return finish('not_paused', `${address} is not a recipient of Mailshake campaign ${campaignId} (${whereKnown(known)}); nothing to resume.`);
  return finish('not_found', `Mailshake does not know ${address}: it is a recipient of no active campaign and was never emailed; nothing to resume.`);
};

/** Every campaign, after the scan: cut short → an error naming where it unpaused; hits → their outcome; none → known? */
export const afterResumeScan = (address: string, hits: ResumeHit[], scan: ScanCount): Finish | Refusal | Next<'known'> => {
  if (!scan.complete) {
    const done = hits
      .filter((h) => h.state === 'resumed')
      .map((h) => h.name ?? h.id)
      .join(', ');
    return scanCutShort(
      `Resuming ${address} in every Mailshake campaign was cut short${done ? ` (unpaused in ${done})` : ''}.`,
      scan,
      'Choose the Campaign to resume it in, or replay this step.',
    );
  }
  if (hits.length) return resumeOutcome(address, hits, ` (checked ${scanned(scan)})`);
  return next('known');
};

/** Every campaign, a recipient of none: known (emailed) → not_paused, else not_found. */
export const resumeInNoCampaign = (address: string, known: Known, scan: ScanCount): Finish =>
  known && !('unknown' in known)
    ? finish('not_paused', `${address} is in no active Mailshake campaign (${whereKnown(known)}); nothing to resume (checked ${scanned(scan)}).`)
    : finish('not_found', `Mailshake does not know ${address}: it is a recipient of none of ${scanned(scan)} and was never emailed; nothing to resume.`);
