import type { LeadCampaign } from '../../model/lead';
import { str } from '../../model/values';
import { finish, next, refusal, type Decision, type Finish, type Next, type Refusal } from '../shared/decision';
import type { EnrollRequest } from '../types';
import type { CampaignLeadRow, SmartleadLead, UploadResult } from './payloads';

/**
 * Smartlead's outcome decisions, pure (docs/ARCHITECTURE.md, "Lead operations: one shape"): given
 * the upload's counters, the lead's status in a campaign, the lookup by email and Smartlead's
 * answers to pause / resume / delete, and the step's policy, what happens next.
 */

/* ---- reading Smartlead's answers ---- */

/** A counter of the upload answer; `unsubscribed_leads` may be a list of emails instead of a count. */
const count = (v: number | unknown[] | null | undefined): number => (Array.isArray(v) ? v.length : (v ?? 0));

/** Lead statuses in a campaign (API reference "Lead Status") that mean the sequence is not running. */
const FINISHED_OR_PAUSED = /^(PAUSED|COMPLETED|STOPPED|BLOCKED)$/;
/** Statuses of a lead whose sequence still runs in a campaign (STARTED: queued, INPROGRESS: sending). */
const RUNNING = /^(STARTED|INPROGRESS|ACTIVE)$/;

/** The lead's status in a campaign, upper-cased, from its search row (null: no row, or no status). */
export const statusOf = (row: CampaignLeadRow | null | undefined): string | null => str(row?.status)?.toUpperCase() ?? null;

/** Smartlead answers pause / resume / delete of a lead or campaign it does not have with 200 `{}`: only `ok: true` is done. */
export const confirmed = (data: unknown): boolean => Boolean(data && typeof data === 'object' && (data as { ok?: unknown }).ok === true);

/** A delete that answered 404 or without `ok: true` removed nothing: the lead was not (or no longer) in that campaign. */
export const removed = (status: number, data: unknown): boolean => status !== 404 && confirmed(data);

const names = (list: LeadCampaign[]): string => list.map((c) => c.name ?? c.id).join(', ');
const answered = (data: unknown): string => JSON.stringify(data ?? null).slice(0, 200);

/* ---- the upload (Enroll Lead, Create Lead) ---- */

/**
 * The upload's answer as a whole ("Add leads to a campaign by ID"): the lead-limit answer is
 * `{ok: false, is_lead_limit_exhausted: true, lead_import_stopped_count, error}`. Neither is a
 * skip of this one lead: say what to do. `answer` is the body as Smartlead sent it.
 */
export const afterUpload = (who: string, campaignId: string, result: UploadResult, answer: unknown): Refusal | Next<'counters'> => {
  const said = str(result.error);
  if (result.is_lead_limit_exhausted) {
    return refusal(
      `Smartlead's lead limit is used up: ${who} was not added to campaign ${campaignId}${said ? ` (${said})` : ''}. ` +
        'Remove leads you no longer need to free lead credits or upgrade the Smartlead plan, then run this step again.',
      'LeadLimitExhausted',
      402,
    );
  }
  if (count(result.lead_import_stopped_count) > 0) {
    return refusal(
      `Smartlead stopped the import: ${who} was not added to campaign ${campaignId}${said ? ` (${said})` : ''}. ` +
        'This usually means the account reached its lead limit; check the lead credits in Smartlead, then run this step again.',
      'LeadImportStopped',
      402,
    );
  }
  if (result.ok === false) {
    return refusal(`Smartlead did not add ${who} to campaign ${campaignId}: ${said ?? JSON.stringify(answer).slice(0, 200)}`, 'NotEnrolled', 502);
  }
  return next('counters');
};

const invalidEmail = (who: string): Refusal => refusal(`Smartlead rejected ${who} as an invalid email address.`, 'InvalidEmail', 400);

/** Refusals of this one address that no policy turns into an outcome: invalid, or on the bounce list (null: neither). */
export const unusable = (who: string, result: UploadResult): Refusal | null => {
  if (count(result.invalid_email_count) > 0) return invalidEmail(who);
  if (count(result.bounce_count) > 0) {
    return refusal(
      `Smartlead skipped ${who}: the address is on Smartlead's bounce list (mail to it bounced before). Check the address; this step never overrides the bounce list.`,
      'BouncedEmail',
      400,
    );
  }
  return null;
};

/**
 * Enroll: the upload's counters. Added → enrolled; unsubscribed or blocked → skipped (never
 * re-subscribed); invalid or bounce-listed → an error; already in this campaign → its status
 * there decides (next: read it); in another campaign → skipped.
 */
export const fromCounters = (req: EnrollRequest, result: UploadResult): Decision<'status'> => {
  const who = req.lead.email;
  // An invalid address is refused even when Smartlead counted it as uploaded.
  if (count(result.invalid_email_count) > 0) return invalidEmail(who);
  if ((result.upload_count ?? 0) > 0) return finish('enrolled', `${who} was added to Smartlead campaign ${req.campaign_id}.`);
  if (count(result.unsubscribed_leads) > 0 || count(result.block_count) > 0) {
    return finish('skipped_unsubscribed', `Smartlead skipped ${who}: the lead unsubscribed or is on the block list. They were not re-subscribed.`);
  }
  const refused = unusable(who, result);
  if (refused) return refused;
  if ((result.already_added_to_campaign ?? 0) > 0) return next('status');
  if ((result.duplicate_count ?? 0) > 0) {
    return finish(
      'skipped_in_other_campaign',
      `Smartlead skipped ${who}: the lead is already in another campaign. Set "If In Another Campaign" to "Add anyway" to add them.`,
    );
  }
  return refusal(`Smartlead did not add ${who} and gave no reason (${JSON.stringify(result)}).`, 'NotEnrolled', 502);
};

/**
 * Enroll, the lead already in this campaign: its status there tells "enrolled now" from
 * "contacted before". Paused, with "Enroll again": look the lead up first (never resume someone
 * who unsubscribed meanwhile; the campaign row does not say). A finished sequence cannot restart
 * in the same campaign.
 */
export const inCampaign = (req: EnrollRequest, status: string | null): Decision<'lookup'> => {
  const who = req.lead.email;
  if (status && FINISHED_OR_PAUSED.test(status)) {
    if (req.policy.if_previously_contacted === 're_enroll' && status === 'PAUSED') return next('lookup');
    return finish(
      'skipped_previously_contacted',
      status === 'PAUSED'
        ? `${who} is paused in Smartlead campaign ${req.campaign_id}. Set "If Previously Contacted" to "Enroll again" to resume them.`
        : `${who} already went through Smartlead campaign ${req.campaign_id} (${status}); Smartlead cannot restart a finished sequence in the same campaign — enroll them in another campaign.`,
    );
  }
  if (req.policy.if_already_enrolled === 'error') return refusal(`${who} is already in Smartlead campaign ${req.campaign_id}.`, 'AlreadyEnrolled', 409);
  return finish('already_enrolled', `${who} is already in Smartlead campaign ${req.campaign_id}; nothing changed.`);
};

/** Enroll again a lead paused in the campaign: not if the lookup says they unsubscribed. */
export const beforeReEnroll = (who: string, lead: SmartleadLead | null): Finish | Next<'resume'> =>
  lead?.is_unsubscribed ? finish('skipped_unsubscribed', `${who} unsubscribed from Smartlead; they were not re-subscribed.`) : next('resume');

/** Enroll again: Smartlead's answer to the resume. */
export const afterReEnroll = (req: EnrollRequest, answer: unknown): Finish | Refusal =>
  confirmed(answer)
    ? finish('enrolled', `${req.lead.email} was paused in Smartlead campaign ${req.campaign_id}; resumed their sequence (re-enroll).`)
    : refusal(
        `Smartlead did not confirm resuming ${req.lead.email} in campaign ${req.campaign_id} (it answered ${answered(answer)}); check the lead in Smartlead.`,
        'ResumeFailed',
        502,
      );

/** Create Lead: an upload that added nobody is an error when the address is unusable; else the lookup says. */
export const afterCreateUpload = (who: string, result: UploadResult): Refusal | Next<'lookup'> =>
  ((result.upload_count ?? 0) === 0 ? unusable(who, result) : null) ?? next('lookup');

/** Create Lead: the lookup after the upload found no lead. */
export const notCreated = (who: string, result: UploadResult): Refusal =>
  refusal(`Smartlead did not create ${who} (${JSON.stringify(result)}).`, 'NotCreated', 502);

/* ---- Stop Sequence ---- */

/** Stop / Resume: the lookup by email knows no such lead. */
export const notFound = (who: string, what: 'stop' | 'resume'): Finish => finish('not_found', `No Smartlead lead with email ${who}; nothing to ${what}.`);

/** Stop (pause) with a campaign whose search has no row for the lead: the lookup tells not_found from already_stopped. */
export const notInCampaign = (who: string, campaignId: string, lead: SmartleadLead | null): Finish =>
  lead ? finish('already_stopped', `${who} is not in Smartlead campaign ${campaignId}; nothing to stop.`) : notFound(who, 'stop');

/** Stop without a campaign, for a lead in none: nothing to stop. */
export const inNoCampaign = (who: string): Finish => finish('already_stopped', `${who} is in no Smartlead campaign; nothing to stop.`);

/** A campaign the lead is in: its status (read from its search row) and the row itself (null: not there). */
export interface CampaignRow {
  campaign: LeadCampaign;
  row: CampaignLeadRow | null;
}

/** Pause only where the sequence may still run: a paused, finished or absent membership needs no call. */
export const needsPause = (r: CampaignRow): r is CampaignRow & { row: CampaignLeadRow } =>
  Boolean(r.row) && !(r.campaign.status && FINISHED_OR_PAUSED.test(r.campaign.status));

/** A pause not answered `ok: true`: an error naming the campaign, and where the lead is paused already. */
export const pauseUnconfirmed = (who: string, campaign: LeadCampaign, answer: unknown, affected: LeadCampaign[]): Refusal => {
  const paused = affected.filter((a) => a.status === 'PAUSED');
  return refusal(
    `Smartlead did not confirm pausing ${who} in campaign ${campaign.name ?? campaign.id} (it answered ${answered(answer)})` +
      (paused.length ? `; already paused in ${names(paused)}` : '') +
      '. Check the lead in Smartlead.',
    'StopFailed',
    502,
  );
};

/** After pausing (`affected`: every campaign, with its status now; `alreadyStopped`: those that needed no call). */
export const afterPausing = (who: string, rows: CampaignRow[], affected: LeadCampaign[], alreadyStopped: number): Finish => {
  if (alreadyStopped === rows.length) return finish('already_stopped', `${who} was already paused, finished or out of ${names(affected)}; nothing changed.`);
  const pausedNow = affected.length - alreadyStopped;
  const pausedHere = affected.filter((a) => a.status === 'PAUSED' && !rows.find((r) => r.campaign.id === a.id && r.campaign.status === 'PAUSED'));
  return finish('stopped', `Paused ${who} in ${pausedNow} Smartlead campaign${pausedNow > 1 ? 's' : ''}: ${names(pausedHere)}. The lead was not unsubscribed.`);
};

/** After removing (`affected`: every campaign, REMOVED where the delete was confirmed; `alreadyOut`: the others). */
export const afterRemoving = (who: string, affected: LeadCampaign[], alreadyOut: number): Finish => {
  if (alreadyOut === affected.length) return finish('already_stopped', `${who} was already out of ${names(affected)}.`);
  // Count and name only the campaigns this step removed the lead from; say where it already was out.
  const removedNow = affected.filter((c) => c.status === 'REMOVED');
  const out = affected.filter((c) => c.status !== 'REMOVED');
  return finish(
    'stopped',
    `Removed ${who} from ${removedNow.length} Smartlead campaign${removedNow.length > 1 ? 's' : ''}: ${names(removedNow)}` +
      `${out.length ? ` (already out of ${names(out)})` : ''}. The lead was not unsubscribed.`,
  );
};

/* ---- Resume Sequence ---- */

/** Resume, the lead found: one who unsubscribed is never resumed (nor re-subscribed); else read its campaigns. */
export const beforeResuming = (who: string, lead: SmartleadLead): Finish | Next<'campaigns'> =>
  lead.is_unsubscribed
    ? finish('skipped_unsubscribed', `${who} unsubscribed from Smartlead; their sequence was not resumed and they were not re-subscribed.`)
    : next('campaigns');

/** Only a PAUSED lead is resumed; STARTED / INPROGRESS already run, COMPLETED / STOPPED / BLOCKED cannot be. */
export const needsResume = (status: string | null): boolean => status === 'PAUSED';

/** The sequence still runs in this campaign. */
export const runs = (status: string | null): boolean => Boolean(status && RUNNING.test(status));

/** A resume not answered `ok: true`: an error naming the campaign, and where the lead was resumed already. */
export const resumeUnconfirmed = (who: string, campaign: LeadCampaign, answer: unknown, resumed: LeadCampaign[]): Refusal =>
  refusal(
    `Smartlead did not confirm resuming ${who} in campaign ${campaign.name ?? campaign.id} (it answered ${answered(answer)})` +
      (resumed.length ? `; already resumed in ${names(resumed)}` : '') +
      '. Check the lead in Smartlead.',
    'ResumeFailed',
    502,
  );

/**
 * After resuming: `affected` holds every campaign that has the lead (with its status now),
 * `resumed` those resumed, `running` those already running. Resumed anywhere → resumed; else
 * running anywhere → already_running; else not_paused.
 */
export const afterResuming = (who: string, campaignId: string | null, affected: LeadCampaign[], resumed: LeadCampaign[], running: LeadCampaign[]): Finish => {
  if (resumed.length) return finish('resumed', `Resumed ${who} in ${resumed.length} Smartlead campaign${resumed.length > 1 ? 's' : ''}: ${names(resumed)}.`);
  if (running.length) return finish('already_running', `${who} is not paused: their sequence already runs in ${names(running)}.`);
  return finish(
    'not_paused',
    affected.length
      ? `${who} is not paused in ${names(affected)} (${affected.map((a) => a.status ?? 'unknown status').join(', ')}): a finished, stopped or blocked lead cannot be resumed.`
      : campaignId
        ? `${who} is not in Smartlead campaign ${campaignId}; nothing to resume.`
        : `${who} is in no Smartlead campaign; nothing to resume.`,
  );
};
