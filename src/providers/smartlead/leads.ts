import { pathSegment } from '../../http/path';
import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { email as emailOf } from '../../model/values';
import { callJson } from '../../http/client';
import { conclude, isEnd, isFinish, isRefusal, raise } from '../shared/decision';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, ResumeRequest, StopRequest } from '../types';
import { smartleadApi } from './api';
import {
  afterCreateUpload,
  afterPausing,
  afterReEnroll,
  afterRemoving,
  afterResuming,
  afterUpload,
  beforeReEnroll,
  beforeResuming,
  confirmed,
  fromCounters,
  inCampaign,
  inNoCampaign,
  needsPause,
  needsResume,
  notCreated,
  notFound,
  notInCampaign,
  pauseUnconfirmed,
  removed,
  resumeUnconfirmed,
  runs,
  statusOf,
  type CampaignRow,
} from './decide';
import { leadFromLookup, leadFromRow } from './normalize';
import { CampaignLeadRow, SearchAnswer, SmartleadLead, UploadResult } from './payloads';

/*
 * Smartlead's lead operations as named steps (docs/ARCHITECTURE.md, "Lead operations: one shape"):
 * the calls below, the decisions in decide.ts. Smartlead leads exist only inside campaigns:
 * "create" and "enroll" are the same call, `POST /campaigns/{id}/leads`, which reports duplicates
 * and skips as counters in a 200. Smartlead answers pause / resume / delete of a lead or campaign
 * it does not have with 200 `{}`: only `ok: true` counts as done.
 */

const TOOL = 'smartlead';
type Campaign = ActionOutcome['campaign'];

/** Page size of Search Campaign Leads (its documented maximum) and how many pages we read at most. */
const SEARCH_LIMIT = 100;
const SEARCH_PAGES = 5;

const uploadEntry = (lead: LeadInput): Record<string, unknown> => {
  const entry: Record<string, unknown> = { email: lead.email };
  if (lead.first_name) entry.first_name = lead.first_name;
  if (lead.last_name) entry.last_name = lead.last_name;
  if (lead.company) entry.company_name = lead.company;
  if (lead.phone) entry.phone_number = lead.phone;
  if (lead.linkedin_url) entry.linkedin_profile = lead.linkedin_url;
  const custom = { ...lead.custom_fields, ...(lead.title ? { title: lead.title } : {}) };
  if (Object.keys(custom).length) entry.custom_fields = custom;
  return entry;
};

/* ---- steps: one Smartlead call each ---- */

/** `GET /leads/?email=`: the lead with exactly this address, or null. */
const findLead = async (ctx: Ctx, address: string): Promise<SmartleadLead | null> => {
  const { status, data } = await callJson<unknown>(ctx, smartleadApi, {
    method: 'GET',
    path: '/leads/',
    params: { email: address },
    allowStatuses: [404],
  });
  if (status === 404 || !data || typeof data !== 'object') return null;
  const parsed = SmartleadLead.safeParse(data);
  // Not found answers with an empty object; a different email would be a search, not a match.
  if (!parsed.success || emailOf(parsed.data.email) !== address) return null;
  return parsed.data;
};

/**
 * `POST /campaigns/{id}/leads/filter` (Search Campaign Leads), one page: its rows and the cursor
 * of the next page (null: none). null when the campaign is gone (404) and that was allowed.
 */
const searchPage = async (
  ctx: Ctx,
  campaignId: string,
  address: string,
  cursor: unknown,
  campaignMayBeGone: boolean,
): Promise<{ rows: unknown[]; next: unknown } | null> => {
  const body: Record<string, unknown> = { searchText: address, limit: SEARCH_LIMIT };
  if (cursor !== null) body.lastSeenLeadId = cursor;
  const { status, data } = await callJson<unknown>(ctx, smartleadApi, {
    method: 'POST',
    path: `/campaigns/${pathSegment(campaignId)}/leads/filter`,
    body,
    // A campaign the lookup listed may have been deleted since: nothing runs there.
    allowStatuses: campaignMayBeGone ? [404] : [],
  });
  if (status === 404) return null;
  const answer = SearchAnswer.safeParse(data ?? {});
  if (!answer.success) return { rows: [], next: null };
  return { rows: answer.data.leads ?? [], next: answer.data.lastSeenEclmId ?? null };
};

/**
 * The lead's row in one campaign — its status there — with one call: Search Campaign Leads
 * filtered by the address (`searchText` is a partial match on email and names, so the row is
 * picked by exact email; further pages only when a full page held no exact match). The
 * lookup by email has no status, and the campaign's plain lead list has no email filter.
 */
const campaignRow = async (ctx: Ctx, campaignId: string, address: string, campaignMayBeGone = false): Promise<CampaignLeadRow | null> => {
  let cursor: unknown = null;
  for (let page = 0; page < SEARCH_PAGES; page += 1) {
    const found = await searchPage(ctx, campaignId, address, cursor, campaignMayBeGone);
    if (!found) return null;
    for (const raw of found.rows) {
      const row = CampaignLeadRow.safeParse(raw);
      if (row.success && emailOf(row.data.email_lead.email) === address) return row.data;
    }
    if (found.rows.length < SEARCH_LIMIT || found.next === null) return null;
    cursor = found.next;
  }
  return null;
};

/** `POST /campaigns/{id}/leads` with one lead: the counters, and the answer as Smartlead sent it. */
const uploadLead = async (ctx: Ctx, campaignId: string, lead: LeadInput, ignoreOtherCampaigns: boolean): Promise<{ result: UploadResult; answer: unknown }> => {
  const { data } = await callJson<unknown>(ctx, smartleadApi, {
    method: 'POST',
    path: `/campaigns/${pathSegment(campaignId, 'Campaign')}/leads`,
    body: {
      lead_list: [uploadEntry(lead)],
      settings: {
        // Never re-add someone Smartlead has blocked or who unsubscribed.
        ignore_global_block_list: false,
        ignore_unsubscribe_list: false,
        ignore_duplicate_leads_in_other_campaign: ignoreOtherCampaigns,
      },
    },
  });
  const parsed = UploadResult.safeParse(data);
  if (!parsed.success) {
    throw new ctx.z.errors.Error(
      `Smartlead answered the lead upload with something unexpected: ${JSON.stringify(data).slice(0, 200)}`,
      'UnexpectedResponse',
      502,
    );
  }
  return { result: parsed.data, answer: data };
};

/** `POST /campaigns/{id}/leads/{lead_id}/pause`: Smartlead's answer. */
const pauseLead = async (ctx: Ctx, campaignId: string, leadId: string | number): Promise<unknown> =>
  (await callJson(ctx, smartleadApi, { method: 'POST', path: `/campaigns/${pathSegment(campaignId)}/leads/${pathSegment(String(leadId))}/pause` })).data;

/** `POST /campaigns/{id}/leads/{lead_id}/resume` without delay: Smartlead's answer. */
const resumeLead = async (ctx: Ctx, campaignId: string, leadId: string | number): Promise<unknown> =>
  (
    await callJson(ctx, smartleadApi, {
      method: 'POST',
      path: `/campaigns/${pathSegment(campaignId)}/leads/${pathSegment(String(leadId))}/resume`,
      body: { resume_lead_with_delay_days: 0 },
    })
  ).data;

/** `DELETE /campaigns/{id}/leads/{lead_id}`: whether Smartlead removed the lead (404 or `{}`: it was not there). */
const removeLead = async (ctx: Ctx, campaignId: string, leadId: string | number): Promise<boolean> => {
  const { status, data } = await callJson(ctx, smartleadApi, {
    method: 'DELETE',
    path: `/campaigns/${pathSegment(campaignId)}/leads/${pathSegment(String(leadId))}`,
    allowStatuses: [404],
  });
  return removed(status, data);
};

/* ---- Enroll Lead ---- */

/** Enroll again a lead paused in the campaign: never someone who unsubscribed meanwhile (the campaign row does not say). */
const reEnroll = async (ctx: Ctx, req: EnrollRequest, row: CampaignLeadRow, campaign: Campaign): Promise<ActionOutcome> => {
  const found = await findLead(ctx, req.lead.email);
  const gate = beforeReEnroll(req.lead.email, found);
  if (isFinish(gate)) return conclude(ctx, TOOL, gate, found && leadFromLookup(found), campaign);
  const answer = await resumeLead(ctx, req.campaign_id, row.email_lead.id);
  return conclude(ctx, TOOL, afterReEnroll(req, answer), leadFromRow(row, { id: req.campaign_id, name: null, status: 'INPROGRESS' }), campaign);
};

/** Already in this campaign: its status there (one Search Campaign Leads call) decides. */
const alreadyInCampaign = async (ctx: Ctx, req: EnrollRequest, campaign: Campaign): Promise<ActionOutcome> => {
  const row = await campaignRow(ctx, req.campaign_id, req.lead.email);
  const here: LeadCampaign = { id: req.campaign_id, name: null, status: statusOf(row) };
  const gate = inCampaign(req, here.status);
  if (isEnd(gate)) return conclude(ctx, TOOL, gate, row ? leadFromRow(row, here) : null, campaign);
  // Only a PAUSED status leads on, and a status comes from a row.
  return reEnroll(ctx, req, row as CampaignLeadRow, campaign);
};

const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const campaign = { id: req.campaign_id, name: null };
  const { result, answer } = await uploadLead(ctx, req.campaign_id, req.lead, req.policy.if_in_other_campaign === 'add_anyway');
  const accepted = afterUpload(req.lead.email, req.campaign_id, result, answer);
  if (isRefusal(accepted)) return raise(ctx, accepted);
  const counted = fromCounters(req, result);
  if (isEnd(counted)) return conclude(ctx, TOOL, counted, null, campaign);
  return alreadyInCampaign(ctx, req, campaign);
};

/* ---- Create Lead ---- */

const upsert: LeadOperations['upsert'] = async (ctx, input, campaignId) => {
  // Never move a lead out of another campaign's sequence just to create it here.
  const { result, answer } = await uploadLead(ctx, campaignId as string, input, false);
  const accepted = afterUpload(input.email, campaignId as string, result, answer);
  if (isRefusal(accepted)) return raise(ctx, accepted);
  const gate = afterCreateUpload(input.email, result);
  if (isRefusal(gate)) return raise(ctx, gate);
  const found = await findLead(ctx, input.email);
  if (!found) return raise(ctx, notCreated(input.email, result));
  return { lead: leadFromLookup(found), created: (result.upload_count ?? 0) > 0 };
};

/* ---- Stop Sequence ---- */

/** Pauses the lead where it still runs; a paused, finished or absent membership needs no call. */
const pauseWhereRunning = async (ctx: Ctx, who: string, rows: CampaignRow[], campaign: Campaign, lead: Lead): Promise<ActionOutcome> => {
  const affected: LeadCampaign[] = [];
  let alreadyStopped = 0;
  for (const r of rows) {
    if (!needsPause(r)) {
      alreadyStopped += 1;
      affected.push(r.campaign);
      continue;
    }
    const answer = await pauseLead(ctx, r.campaign.id, r.row.email_lead.id);
    if (!confirmed(answer)) return raise(ctx, pauseUnconfirmed(who, r.campaign, answer, affected));
    affected.push({ ...r.campaign, status: 'PAUSED' });
  }
  const withStatuses = { ...lead, campaigns: lead.campaigns.map((c) => affected.find((a) => a.id === c.id) ?? c) };
  return conclude(ctx, TOOL, afterPausing(who, rows, affected, alreadyStopped), withStatuses, campaign, affected);
};

/**
 * Pause in one campaign: 2 calls (search, pause); the lookup by email is only added when the
 * campaign does not hold the lead (to tell not_found from already_stopped).
 */
const pauseInCampaign = async (ctx: Ctx, who: string, campaignId: string): Promise<ActionOutcome> => {
  const row = await campaignRow(ctx, campaignId, who);
  if (!row) {
    const found = await findLead(ctx, who);
    const lead = found && leadFromLookup(found);
    const name = lead?.campaigns.find((c) => c.id === campaignId)?.name ?? null;
    return conclude(ctx, TOOL, notInCampaign(who, campaignId, found), lead, { id: campaignId, name });
  }
  const here: LeadCampaign = { id: campaignId, name: null, status: statusOf(row) };
  return pauseWhereRunning(ctx, who, [{ campaign: here, row }], { id: campaignId, name: null }, leadFromRow(row, here));
};

/** Remove: one DELETE per campaign, no status needed. */
const removeFrom = async (
  ctx: Ctx,
  who: string,
  leadId: string | number,
  memberships: LeadCampaign[],
  campaign: Campaign,
  lead: Lead,
): Promise<ActionOutcome> => {
  const affected: LeadCampaign[] = [];
  let alreadyOut = 0;
  for (const c of memberships) {
    if (await removeLead(ctx, c.id, leadId)) {
      affected.push({ ...c, status: 'REMOVED' });
    } else {
      alreadyOut += 1; // not (or no longer) in this campaign
      affected.push(c);
    }
  }
  return conclude(ctx, TOOL, afterRemoving(who, affected, alreadyOut), lead, campaign, affected);
};

/**
 * Stop. Pause: the lead's status in each campaign comes from Search Campaign Leads (the lookup
 * by email has none); a running lead is paused, a paused / finished one needs no call. Remove:
 * lookup + one DELETE per campaign. With a campaign, act on it even if the lookup does not list
 * it: Smartlead's answer says.
 */
const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const who = req.email;
  if (req.mode === 'pause' && req.campaign_id) return pauseInCampaign(ctx, who, req.campaign_id);
  const found = await findLead(ctx, who);
  if (!found) return conclude(ctx, TOOL, notFound(who, 'stop'), null, req.campaign_id ? { id: req.campaign_id, name: null } : null);
  const lead = leadFromLookup(found);
  const listed = lead.campaigns.find((c) => c.id === req.campaign_id);
  const memberships: LeadCampaign[] = req.campaign_id ? [listed ?? { id: req.campaign_id, name: null, status: null }] : lead.campaigns;
  const campaign = req.campaign_id ? { id: req.campaign_id, name: listed?.name ?? null } : null;
  if (memberships.length === 0) return conclude(ctx, TOOL, inNoCampaign(who), lead, campaign);
  if (req.mode !== 'pause') return removeFrom(ctx, who, found.id, memberships, campaign, lead);
  const rows: CampaignRow[] = [];
  for (const c of memberships) {
    const row = await campaignRow(ctx, c.id, who, true);
    rows.push({ campaign: { ...c, status: statusOf(row) }, row });
  }
  return pauseWhereRunning(ctx, who, rows, campaign, lead);
};

/* ---- Resume Sequence ---- */

/** Resumes the lead where it is paused (status per campaign from Search Campaign Leads); elsewhere no call. */
const resumeWherePaused = async (
  ctx: Ctx,
  who: string,
  memberships: LeadCampaign[],
  campaign: Campaign,
  lead: Lead,
  campaignId: string | null,
): Promise<ActionOutcome> => {
  const affected: LeadCampaign[] = [];
  const resumed: LeadCampaign[] = [];
  const running: LeadCampaign[] = [];
  for (const c of memberships) {
    const row = await campaignRow(ctx, c.id, who, true);
    const here = { ...c, status: statusOf(row) };
    if (!row || !needsResume(here.status)) {
      if (runs(here.status)) running.push(here);
      if (row) affected.push(here);
      continue;
    }
    const answer = await resumeLead(ctx, c.id, row.email_lead.id);
    if (!confirmed(answer)) return raise(ctx, resumeUnconfirmed(who, c, answer, resumed));
    const done = { ...c, status: 'INPROGRESS' };
    resumed.push(done);
    affected.push(done);
  }
  const withStatuses = { ...lead, campaigns: lead.campaigns.map((c) => affected.find((a) => a.id === c.id) ?? c) };
  return conclude(ctx, TOOL, afterResuming(who, campaignId, affected, resumed, running), withStatuses, campaign, affected);
};

/**
 * Resume: the undo of a pause. The lookup by email says whether the lead unsubscribed (never
 * resumed) and which campaigns hold it; Search Campaign Leads gives its status in each. Only a
 * PAUSED lead is resumed (no delay); STARTED / INPROGRESS already run; COMPLETED, STOPPED
 * (replied or stopped) and BLOCKED (bounced or blocked) cannot be resumed.
 */
const resume = async (ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome> => {
  const who = req.email;
  const found = await findLead(ctx, who);
  if (!found) return conclude(ctx, TOOL, notFound(who, 'resume'), null, req.campaign_id ? { id: req.campaign_id, name: null } : null);
  const lead = leadFromLookup(found);
  const listed = lead.campaigns.find((c) => c.id === req.campaign_id);
  const campaign = req.campaign_id ? { id: req.campaign_id, name: listed?.name ?? null } : null;
  const gate = beforeResuming(who, found);
  if (isFinish(gate)) return conclude(ctx, TOOL, gate, lead, campaign);
  const memberships: LeadCampaign[] = req.campaign_id ? [listed ?? { id: req.campaign_id, name: null, status: null }] : lead.campaigns;
  return resumeWherePaused(ctx, who, memberships, campaign, lead, req.campaign_id);
};

export const smartleadLeads: LeadOperations = {
  async find(ctx, address) {
    const found = await findLead(ctx, address);
    return found ? leadFromLookup(found) : null;
  },
  upsert,
  enroll,
  stop,
  resume,
};
