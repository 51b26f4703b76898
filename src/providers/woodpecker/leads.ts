import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { outcomeFor } from '../shared/outcome';
import { email as emailOf, str } from '../../model/values';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, ResumeRequest, StopRequest } from '../types';
import { reportedItem, wpCall, woodpeckerApi } from './api';
import { leadFromInput, leadFromRow } from './normalize';
import { ProspectRow } from './payloads';

const TOOL = 'woodpecker' as const;

/** Campaign-level prospect statuses under which Woodpecker may still send follow-ups. */
const SENDING_STATUSES = ['ACTIVE', 'AUTOREPLIED', 'TO-CHECK', 'TO-REVIEW'];
/** Campaign statuses that will never send again. */
const CLOSED_CAMPAIGNS = ['COMPLETED', 'STOPPED', 'DELETED'];

/** Woodpecker's standard prospect columns besides the ones LeadInput names, plus snippet1–15. */
const EXTRA_COLUMNS = ['website', 'tags', 'address', 'city', 'state', 'country', 'industry'];
const isWoodpeckerColumn = (key: string) => EXTRA_COLUMNS.includes(key) || /^snippet([1-9]|1[0-5])$/.test(key);

/** What we send for one prospect: only the fields we have (omitted fields are left unchanged). */
const prospectBody = (lead: LeadInput): Record<string, string> => {
  const body: Record<string, string> = { email: lead.email.toLowerCase() };
  for (const key of ['first_name', 'last_name', 'company', 'title', 'phone', 'linkedin_url'] as const) {
    const value = lead[key];
    if (value) body[key] = value;
  }
  for (const [key, value] of Object.entries(lead.custom_fields ?? {})) {
    const k = key.trim().toLowerCase();
    if (isWoodpeckerColumn(k) && value !== '') body[k] = value;
  }
  return body;
};

/**
 * `GET /v1/prospects?search=email=<address>&campaigns_details=true`: a full address is an exact
 * match (developers.woodpecker.co "Search for prospects"); we still compare case-insensitively.
 */
const findRow = async (ctx: Ctx, address: string): Promise<ProspectRow | null> => {
  const wanted = address.trim().toLowerCase();
  const { data } = await wpCall<unknown[]>(ctx, woodpeckerApi, {
    method: 'GET',
    path: '/v1/prospects',
    params: { search: `email=${wanted}`, campaigns_details: 'true' },
  });
  for (const item of Array.isArray(data) ? data : []) {
    const row = ProspectRow.safeParse(item);
    if (row.success && emailOf(row.data.email) === wanted) return row.data;
  }
  return null;
};

const campaignNumber = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

const addToCampaign = async (ctx: Ctx, campaignId: string, prospect: Record<string, string>, opts: { force: boolean; update?: boolean }) => {
  const body: Record<string, unknown> = { campaign: { campaign_id: campaignNumber(campaignId) }, force: opts.force };
  if (opts.update) body.update = true;
  body.prospects = [prospect];
  const { data } = await wpCall(ctx, woodpeckerApi, { method: 'POST', path: '/v1/add_prospects_campaign', body });
  return reportedItem(ctx, data, prospect.email as string);
};

const outcome = outcomeFor(TOOL);

const alreadyEnrolled = (ctx: Ctx, req: EnrollRequest, lead: Lead, campaign: { id: string; name: string | null }): ActionOutcome => {
  const label = `${req.lead.email.trim().toLowerCase()} is already in Woodpecker campaign ${campaign.name ?? campaign.id}`;
  if (req.policy.if_already_enrolled === 'error') {
    throw new ctx.z.errors.Error(`${label}.`, 'AlreadyEnrolled', 409);
  }
  return outcome('already_enrolled', lead, campaign, `${label}; nothing was changed.`);
};

const stillSendingElsewhere = (row: ProspectRow, campaignId: string) =>
  (row.campaigns_details ?? []).filter(
    (c) =>
      String(c.campaign_id) !== campaignId &&
      SENDING_STATUSES.includes((str(c.campaign_prospect_status) ?? 'ACTIVE').toUpperCase()) &&
      !CLOSED_CAMPAIGNS.includes((str(c.campaign_status) ?? '').toUpperCase()),
  );

/**
 * Enroll: one `add_prospects_campaign` call with `force: false` (Woodpecker refuses prospects
 * whose global status is not ACTIVE, and reports duplicates per prospect). A lookup is added only
 * when the policy needs facts Woodpecker does not report on add: other campaigns (policy `skip`),
 * or which non-ACTIVE status caused a refusal. A re-enroll retries once with `force: true` — only
 * when the lookup found the prospect and read a global status other than BLACKLIST. A refusal
 * whose status cannot be read is never forced.
 */
const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const address = req.lead.email.trim().toLowerCase();
  const prospect = prospectBody(req.lead);
  let known: ProspectRow | null | undefined;
  let campaign = { id: req.campaign_id, name: null as string | null };
  if (req.policy.if_in_other_campaign === 'skip') {
    known = await findRow(ctx, address);
    if (known) {
      const lead = leadFromRow(known);
      const here = (known.campaigns_details ?? []).find((c) => String(c.campaign_id) === req.campaign_id);
      if (here) return alreadyEnrolled(ctx, req, lead, { id: req.campaign_id, name: str(here.campaign_name) });
      if (str(known.status)?.toUpperCase() === 'BLACKLIST') {
        return outcome('skipped_unsubscribed', lead, campaign, `${address} is blacklisted in Woodpecker (unsubscribed); not enrolled.`);
      }
      const elsewhere = stillSendingElsewhere(known, req.campaign_id);
      if (elsewhere.length) {
        const names = elsewhere.map((c) => str(c.campaign_name) ?? String(c.campaign_id)).join(', ');
        return outcome('skipped_in_other_campaign', lead, campaign, `${address} is still active in Woodpecker campaign ${names}; not enrolled.`);
      }
    }
  }
  let result = await addToCampaign(ctx, req.campaign_id, prospect, { force: false });
  if (result.kind === 'not_active') {
    // Woodpecker refused by status: read the status now — again if an earlier lookup found
    // nothing or still showed ACTIVE (it changed in between).
    if (!known || str(known.status)?.toUpperCase() === 'ACTIVE') known = await findRow(ctx, address);
    const status = str(known?.status)?.toUpperCase() ?? null;
    const lead = leadFromInput(req.lead, null, known ?? null);
    if (status === 'BLACKLIST') {
      return outcome('skipped_unsubscribed', lead, campaign, `${address} is blacklisted in Woodpecker (unsubscribed); not enrolled.`);
    }
    if (status === null) {
      // Refused as "not ACTIVE", but the status cannot be read (no prospect found, or no status
      // on it): it may be BLACKLIST, so it is never forced.
      const why = known ? 'its Woodpecker status could not be read' : 'the prospect could not be found to read its status';
      if (req.policy.if_previously_contacted === 're_enroll') {
        throw new ctx.z.errors.Error(
          `Woodpecker refused ${address} for campaign ${req.campaign_id} (${result.message}) and ${why}, so it was not forced in: it may be blacklisted (unsubscribed). Check the prospect in Woodpecker.`,
          'StatusUnknown',
          409,
        );
      }
      return outcome(
        'skipped_previously_contacted',
        lead,
        campaign,
        `Woodpecker refused ${address} (its status is not ACTIVE) and ${why}; not enrolled.`,
      );
    }
    if (req.policy.if_previously_contacted !== 're_enroll') {
      return outcome(
        'skipped_previously_contacted',
        lead,
        campaign,
        `${address} has Woodpecker status ${status} (already contacted); not enrolled. Choose "re-enroll" to add them anyway.`,
      );
    }
    result = await addToCampaign(ctx, req.campaign_id, prospect, { force: true });
  }
  if (result.kind === 'ok' && !result.id && !known) known = await findRow(ctx, address);
  const lead = leadFromInput(req.lead, result.kind === 'ok' ? result.id : null, known ?? null);
  if (known) {
    const here = (known.campaigns_details ?? []).find((c) => String(c.campaign_id) === req.campaign_id);
    campaign = { id: req.campaign_id, name: str(here?.campaign_name) };
  }
  switch (result.kind) {
    case 'ok':
      return outcome('enrolled', lead, campaign, `Added ${address} to Woodpecker campaign ${req.campaign_id}.`);
    case 'duplicate':
      return alreadyEnrolled(ctx, req, lead, campaign);
    case 'not_active':
      throw new ctx.z.errors.Error(`Woodpecker refused ${address} even with force: ${result.message}`, 'EnrollFailed', 400);
    default:
      throw new ctx.z.errors.Error(`Woodpecker did not add ${address} to campaign ${req.campaign_id}: ${result.message}`, 'EnrollFailed', 400);
  }
};

/**
 * Stop = set the prospect's status in each campaign where Woodpecker may still send to PAUSED
 * (`add_prospects_campaign` with `update: true, force: true`, one call per campaign). `force` is
 * needed because Woodpecker refuses any update of a prospect whose global status is not ACTIVE
 * (E_INV_STATUS) — yet an AUTOREPLIED / TO-CHECK prospect still gets follow-ups. The update only
 * ever carries `status: PAUSED` (never BLACKLIST), and a BLACKLIST prospect is never sent one.
 * A refusal even with force is an error, never "already stopped".
 */
const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  const row = await findRow(ctx, address);
  const campaignRef = req.campaign_id ? { id: req.campaign_id, name: null as string | null } : null;
  if (!row) return outcome('not_found', null, campaignRef, `No Woodpecker prospect has the email ${address}; nothing to stop.`);
  const lead = leadFromRow(row);
  const details = row.campaigns_details ?? [];
  const targets = req.campaign_id ? details.filter((c) => String(c.campaign_id) === req.campaign_id) : details;
  const campaign = req.campaign_id ? { id: req.campaign_id, name: str(targets[0]?.campaign_name) } : null;
  if (req.campaign_id && targets.length === 0) {
    // A known prospect with nothing to stop there (never added, or gone since): already stopped.
    return outcome('already_stopped', lead, campaign, `${address} is not in Woodpecker campaign ${req.campaign_id}; nothing to stop.`);
  }
  const asLeadCampaign = (c: (typeof details)[number], status?: string): LeadCampaign => ({
    id: String(c.campaign_id),
    name: str(c.campaign_name),
    status: status ?? str(c.campaign_prospect_status),
  });
  const blacklisted = str(row.status)?.toUpperCase() === 'BLACKLIST';
  const sending = blacklisted
    ? []
    : targets.filter(
        (c) =>
          SENDING_STATUSES.includes((str(c.campaign_prospect_status) ?? '').toUpperCase()) &&
          !CLOSED_CAMPAIGNS.includes((str(c.campaign_status) ?? '').toUpperCase()),
      );
  if (sending.length === 0) {
    const where = req.campaign_id ? `campaign ${campaign?.name ?? req.campaign_id}` : targets.length ? 'any campaign' : 'any campaign (it is in none)';
    return outcome('already_stopped', lead, campaign, `Woodpecker is not sending to ${address} in ${where}; nothing changed.`, targets.map((c) => asLeadCampaign(c)));
  }
  const changed: LeadCampaign[] = [];
  for (const c of sending) {
    const result = await addToCampaign(ctx, String(c.campaign_id), { email: address, status: 'PAUSED' }, { force: true, update: true });
    if (result.kind === 'ok' || result.kind === 'duplicate') changed.push(asLeadCampaign(c, 'PAUSED'));
    else {
      throw new ctx.z.errors.Error(
        `Woodpecker did not pause ${address} in campaign ${str(c.campaign_name) ?? c.campaign_id}: ${result.message}` +
          (changed.length ? ` (already paused in ${changed.map((x) => x.name ?? x.id).join(', ')})` : ''),
        'StopFailed',
        400,
      );
    }
  }
  const names = changed.map((c) => c.name ?? c.id).join(', ');
  return outcome('stopped', lead, campaign, `Paused ${address} in Woodpecker campaign${changed.length > 1 ? 's' : ''} ${names}.`, changed);
};

/** Global statuses of a prospect that must never be sent to again (unsubscribed, bounced, invalid address). */
const NEVER_RESUME = ['BLACKLIST', 'BOUNCED', 'INVALID'];

/**
 * Resume = the undo of Stop: a campaign membership whose prospect status is PAUSED is set back to
 * ACTIVE (`add_prospects_campaign` with `update: true, force: true`, `status: "ACTIVE"`, one call
 * per campaign — the same documented "Update prospects in a campaign" call Stop uses). Never for a
 * prospect whose global status is BLACKLIST (unsubscribed), BOUNCED or INVALID, nor in a campaign
 * that is COMPLETED / STOPPED / DELETED. A membership that still sends is already_running; any
 * other status (REPLIED, BOUNCED, …) is not_paused.
 */
const resume = async (ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  const row = await findRow(ctx, address);
  const campaignRef = req.campaign_id ? { id: req.campaign_id, name: null as string | null } : null;
  if (!row) return outcome('not_found', null, campaignRef, `No Woodpecker prospect has the email ${address}; nothing to resume.`);
  const lead = leadFromRow(row);
  const details = row.campaigns_details ?? [];
  const targets = req.campaign_id ? details.filter((c) => String(c.campaign_id) === req.campaign_id) : details;
  const campaign = req.campaign_id ? { id: req.campaign_id, name: str(targets[0]?.campaign_name) } : null;
  const global = str(row.status)?.toUpperCase() ?? '';
  if (global === 'BLACKLIST') {
    return outcome('skipped_unsubscribed', lead, campaign, `${address} is blacklisted in Woodpecker (unsubscribed); their follow-ups were not resumed.`);
  }
  if (targets.length === 0) {
    return outcome('not_paused', lead, campaign, `${address} is not in Woodpecker ${req.campaign_id ? `campaign ${req.campaign_id}` : 'any campaign'}; nothing to resume.`);
  }
  const asLeadCampaign = (c: (typeof details)[number], status?: string): LeadCampaign => ({
    id: String(c.campaign_id),
    name: str(c.campaign_name),
    status: status ?? str(c.campaign_prospect_status),
  });
  const statusOf = (c: (typeof details)[number]) => (str(c.campaign_prospect_status) ?? '').toUpperCase();
  const open = (c: (typeof details)[number]) => !CLOSED_CAMPAIGNS.includes((str(c.campaign_status) ?? '').toUpperCase());
  const paused = NEVER_RESUME.includes(global) ? [] : targets.filter((c) => statusOf(c) === 'PAUSED' && open(c));
  const running = targets.filter((c) => SENDING_STATUSES.includes(statusOf(c)) && open(c) && !NEVER_RESUME.includes(global));
  const changed: LeadCampaign[] = [];
  for (const c of paused) {
    const result = await addToCampaign(ctx, String(c.campaign_id), { email: address, status: 'ACTIVE' }, { force: true, update: true });
    if (result.kind === 'ok' || result.kind === 'duplicate') changed.push(asLeadCampaign(c, 'ACTIVE'));
    else {
      throw new ctx.z.errors.Error(
        `Woodpecker did not resume ${address} in campaign ${str(c.campaign_name) ?? c.campaign_id}: ${result.message}` +
          (changed.length ? ` (already resumed in ${changed.map((x) => x.name ?? x.id).join(', ')})` : ''),
        'ResumeFailed',
        400,
      );
    }
  }
  const affected = targets.map((c) => changed.find((x) => x.id === String(c.campaign_id)) ?? asLeadCampaign(c));
  const after: Lead = { ...lead, campaigns: lead.campaigns.map((c) => changed.find((x) => x.id === c.id) ?? c) };
  const names = (cs: LeadCampaign[]) => cs.map((c) => c.name ?? c.id).join(', ');
  if (changed.length) {
    return outcome('resumed', after, campaign, `Resumed ${address} in Woodpecker campaign${changed.length > 1 ? 's' : ''} ${names(changed)}.`, affected);
  }
  if (running.length) {
    return outcome('already_running', after, campaign, `${address} is not paused: Woodpecker still sends to them in ${names(running.map((c) => asLeadCampaign(c)))}.`, affected);
  }
  const why = NEVER_RESUME.includes(global) ? ` (the prospect is ${global} in Woodpecker)` : '';
  return outcome(
    'not_paused',
    after,
    campaign,
    `${address} cannot be resumed in ${names(affected)} (${affected.map((c) => c.status ?? 'unknown').join(', ')})${why}: only a PAUSED prospect in a running campaign can.`,
    affected,
  );
};

/**
 * Create-or-update in the global prospect list: `add_prospects_list` with `update: true`. Woodpecker
 * does not say whether it created or updated, so one lookup first tells us (and gives the
 * existing record to merge into the answer).
 */
const upsert = async (ctx: Ctx, lead: LeadInput, _campaignId: string | null): Promise<{ lead: Lead; created: boolean }> => {
  const address = lead.email.trim().toLowerCase();
  const existing = await findRow(ctx, address);
  const { data } = await wpCall(ctx, woodpeckerApi, {
    method: 'POST',
    path: '/v1/add_prospects_list',
    body: { update: true, prospects: [prospectBody(lead)] },
  });
  const result = reportedItem(ctx, data, address);
  if (result.kind === 'error' || result.kind === 'not_active') {
    throw new ctx.z.errors.Error(`Woodpecker did not save ${address}: ${result.message}`, 'CreateFailed', 400);
  }
  // Reported saved without an id (and not known before): one search gives it.
  const known = result.kind === 'ok' && !result.id && !existing ? await findRow(ctx, address) : existing;
  return { lead: leadFromInput(lead, result.kind === 'ok' ? result.id : null, known), created: existing === null };
};

export const woodpeckerLeads: LeadOperations = {
  async find(ctx, address) {
    const row = await findRow(ctx, address);
    return row ? leadFromRow(row) : null;
  },
  upsert,
  enroll,
  stop,
  resume,
};
