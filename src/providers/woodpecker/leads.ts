import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { email as emailOf } from '../../model/values';
import { conclude, isEnd, isRefusal, raise } from '../shared/decision';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, ResumeRequest, StopRequest } from '../types';
import { reportedId, reportedItem, woodpeckerApi, wpCall, type Reported } from './api';
import {
  afterAdding,
  afterNotActive,
  afterSaving,
  afterUpdating,
  beforeAdding,
  beforeResuming,
  beforeStopping,
  campaignName,
  idUnreported,
  membershipsIn,
  needsLookup,
  noProspect,
  rereadsStatus,
  resumeAffected,
  resumed,
  stopped,
  toPause,
  toResume,
} from './decide';
import { asLeadCampaign, leadFromInput, leadFromRow, type Membership } from './normalize';
import { ProspectRow } from './payloads';

/*
 * Woodpecker's lead operations as named steps (docs/ARCHITECTURE.md, "Lead operations: one
 * shape"): the calls below, the decisions in decide.ts. Every change goes through the v1
 * add_prospects_* calls; Stop and Resume set the prospect's status in each campaign (see the
 * Stop and Resume notes in this folder's README.md).
 */

const TOOL = 'woodpecker' as const;

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

const campaignNumber = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

/* ---- steps: one Woodpecker call each ---- */

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

/** `POST /v1/add_prospects_list {update: true}`: create or update in the global prospect list. */
const saveProspect = async (ctx: Ctx, lead: LeadInput, address: string): Promise<Reported> => {
  const { data } = await wpCall(ctx, woodpeckerApi, {
    method: 'POST',
    path: '/v1/add_prospects_list',
    body: { update: true, prospects: [prospectBody(lead)] },
  });
  return reportedItem(ctx, data, address);
};

/** `POST /v1/add_prospects_campaign` without `update` (a prospect already there is reported, not updated). */
const addToCampaign = async (ctx: Ctx, campaignId: string, prospect: Record<string, string>, force: boolean): Promise<Reported> => {
  const body = { campaign: { campaign_id: campaignNumber(campaignId) }, force, prospects: [prospect] };
  const { data } = await wpCall(ctx, woodpeckerApi, { method: 'POST', path: '/v1/add_prospects_campaign', body });
  return reportedItem(ctx, data, prospect.email as string);
};

/**
 * `POST /v1/add_prospects_campaign {update: true, force: true}` carrying only `{email, status}`:
 * the prospect's status in one campaign. `force`, because Woodpecker refuses any update of a
 * prospect whose global status is not ACTIVE (E_INV_STATUS), yet an AUTOREPLIED / TO-CHECK
 * prospect still gets follow-ups.
 */
const setStatusIn = async (ctx: Ctx, campaignId: string, address: string, status: 'PAUSED' | 'ACTIVE'): Promise<Reported> => {
  const body = { campaign: { campaign_id: campaignNumber(campaignId) }, force: true, update: true, prospects: [{ email: address, status }] };
  const { data } = await wpCall(ctx, woodpeckerApi, { method: 'POST', path: '/v1/add_prospects_campaign', body });
  return reportedItem(ctx, data, address);
};

/**
 * One status update per membership, in order; the first refusal is raised (naming those already
 * changed). Returns the memberships changed, with their new status.
 */
const setStatusEach = async (ctx: Ctx, action: 'pause' | 'resume', address: string, memberships: Membership[]): Promise<LeadCampaign[]> => {
  const status = action === 'pause' ? 'PAUSED' : 'ACTIVE';
  const changed: LeadCampaign[] = [];
  for (const c of memberships) {
    const answered = afterUpdating(action, address, c, await setStatusIn(ctx, String(c.campaign_id), address, status), changed);
    if (isRefusal(answered)) return raise(ctx, answered);
    changed.push(asLeadCampaign(c, status));
  }
  return changed;
};

/* ---- operations ---- */

/**
 * Create-or-update in the global prospect list. Woodpecker does not say whether it created or
 * updated, so one search first tells us (and gives the existing record to merge into the answer).
 * A campaign passed in is not used: enrolment is Enroll Lead's job.
 */
const upsert = async (ctx: Ctx, lead: LeadInput): Promise<{ lead: Lead; created: boolean }> => {
  const address = lead.email.trim().toLowerCase();
  const existing = await findRow(ctx, address);
  const result = await saveProspect(ctx, lead, address);
  const then = afterSaving(address, result, existing);
  if (isRefusal(then)) return raise(ctx, then);
  const known = then.next === 'read id' ? await findRow(ctx, address) : existing;
  return { lead: leadFromInput(lead, reportedId(result), known), created: existing === null };
};

/**
 * Enroll: one `add_prospects_campaign` call with `force: false` (Woodpecker refuses prospects
 * whose global status is not ACTIVE, and reports duplicates per prospect). A search is added only
 * when the policy needs facts Woodpecker does not report on add: other campaigns (policy `skip`),
 * or which non-ACTIVE status caused a refusal. A re-enroll retries once with `force: true` — only
 * when the search found the prospect and read a global status other than BLACKLIST.
 */
const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const address = req.lead.email.trim().toLowerCase();
  const prospect = prospectBody(req.lead);
  let known = needsLookup(req) ? await findRow(ctx, address) : null;
  const gate = beforeAdding(req, known);
  if (isEnd(gate)) {
    return conclude(ctx, TOOL, gate, known && leadFromRow(known), { id: req.campaign_id, name: campaignName(known, req.campaign_id) });
  }
  let result = await addToCampaign(ctx, req.campaign_id, prospect, false);
  if (result.kind === 'not_active') {
    if (rereadsStatus(known)) known = await findRow(ctx, address);
    const refused = afterNotActive(req, known, result.message);
    if (isEnd(refused)) {
      return conclude(ctx, TOOL, refused, leadFromInput(req.lead, null, known), { id: req.campaign_id, name: null });
    }
    result = await addToCampaign(ctx, req.campaign_id, prospect, true);
  }
  if (idUnreported(result, known)) known = await findRow(ctx, address);
  const campaign = { id: req.campaign_id, name: campaignName(known, req.campaign_id) };
  return conclude(ctx, TOOL, afterAdding(req, result, campaign.name), leadFromInput(req.lead, reportedId(result), known), campaign);
};

/**
 * Stop = set the prospect's status to PAUSED in each campaign where Woodpecker may still send
 * (one update per campaign). The update only ever carries `status: PAUSED`, never for a BLACKLIST
 * prospect; a refusal even with force is an error, never "already stopped".
 */
const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  const row = await findRow(ctx, address);
  const campaign = req.campaign_id ? { id: req.campaign_id, name: campaignName(row, req.campaign_id) } : null;
  if (!row) return conclude(ctx, TOOL, noProspect(address, 'stop'), null, campaign);
  const lead = leadFromRow(row);
  const gate = beforeStopping(req, row);
  if (isEnd(gate)) {
    return conclude(
      ctx,
      TOOL,
      gate,
      lead,
      campaign,
      membershipsIn(row, req.campaign_id).map((c) => asLeadCampaign(c)),
    );
  }
  const changed = await setStatusEach(ctx, 'pause', address, toPause(row, req.campaign_id));
  return conclude(ctx, TOOL, stopped(address, changed), lead, campaign, changed);
};

/**
 * Resume = the undo of Stop: each PAUSED membership in a running campaign back to ACTIVE (the same
 * update call). Never for a prospect BLACKLIST, BOUNCED or INVALID, nor in a COMPLETED / STOPPED /
 * DELETED campaign.
 */
const resume = async (ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  const row = await findRow(ctx, address);
  const campaign = req.campaign_id ? { id: req.campaign_id, name: campaignName(row, req.campaign_id) } : null;
  if (!row) return conclude(ctx, TOOL, noProspect(address, 'resume'), null, campaign);
  const lead = leadFromRow(row);
  const gate = beforeResuming(req, row);
  if (isEnd(gate)) return conclude(ctx, TOOL, gate, lead, campaign, resumeAffected(row, req.campaign_id, []));
  const changed = await setStatusEach(ctx, 'resume', address, toResume(row, req.campaign_id));
  const after: Lead = { ...lead, campaigns: lead.campaigns.map((c) => changed.find((x) => x.id === c.id) ?? c) };
  return conclude(ctx, TOOL, resumed(address, changed), after, campaign, resumeAffected(row, req.campaign_id, changed));
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
