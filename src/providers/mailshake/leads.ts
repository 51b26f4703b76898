import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { leadFromInput as leadOf, outcomeFor } from '../shared/outcome';
import { email as emailOf, joinName, str } from '../../model/values';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, StopRequest } from '../types';
import { msCall } from './api';
import { listCampaignPage, mailshake } from './index';
import { leadOfRecipient } from './normalize';
import { AddedRecipients, AddStatus, Paginated, Recipient, SentMessage } from './payloads';

const TOOL = 'mailshake' as const;
/** Campaigns searched when no campaign is given (Mailshake finds recipients per campaign only). */
export const MAX_CAMPAIGNS_SCANNED = 25;
/** add-status polls after recipients/add, waiting 1, 2, 3, 4 units (s) before each: ≤ 10 s. */
export const ADD_STATUS_POLLS = 4;
const pollUnitMs = (): number => Number(process.env.SALES_CONNECT_BACKOFF_UNIT_MS ?? 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const campaignNumber = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

const leadFrom = (r: Recipient, campaigns: LeadCampaign[]): Lead => {
  const e = leadOfRecipient(r);
  const id = str(r.id) ?? e.email ?? '';
  return {
    id: `${TOOL}:${id}`,
    tool: TOOL,
    tool_lead_id: id,
    email: e.email,
    first_name: e.first_name,
    last_name: e.last_name,
    full_name: e.full_name,
    company: e.company,
    title: e.title,
    phone: e.phone,
    linkedin_url: e.linkedin_url,
    unsubscribed: null,
    campaigns,
  };
};


/** `recipients/get {campaignID, emailAddress}`; `not_found` → null. */
const getRecipient = async (ctx: Ctx, campaignId: string, address: string): Promise<Recipient | null> => {
  const data = await msCall(ctx, mailshake, {
    method: 'POST',
    path: '/recipients/get',
    body: { campaignID: campaignNumber(campaignId), emailAddress: address },
    notFoundOk: true,
  });
  const r = Recipient.safeParse(data ?? undefined);
  return data && r.success ? r.data : null;
};

/**
 * Find: Mailshake looks recipients up per campaign only (`recipients/get` needs a campaignID),
 * so we list campaigns (1 call) and ask each of the first MAX_CAMPAIGNS_SCANNED (1 call each).
 */
const find = async (ctx: Ctx, address: string): Promise<Lead | null> => {
  const wanted = address.trim().toLowerCase();
  const { campaigns } = await listCampaignPage(ctx, null);
  let first: Recipient | null = null;
  const memberships: LeadCampaign[] = [];
  for (const c of campaigns.slice(0, MAX_CAMPAIGNS_SCANNED)) {
    const r = await getRecipient(ctx, String(c.id), wanted);
    if (r && emailOf(r.emailAddress) === wanted) {
      first ??= r;
      memberships.push({ id: String(c.id), name: str(c.title), status: c.isPaused ? 'campaign paused' : null });
    }
  }
  return first ? leadFrom(first, memberships) : null;
};

const addressEntry = (lead: LeadInput) => {
  const fields: Record<string, string> = {};
  for (const key of ['company', 'title', 'phone', 'linkedin_url'] as const) {
    if (lead[key]) fields[key] = lead[key] as string;
  }
  Object.assign(fields, lead.custom_fields ?? {});
  const entry: Record<string, unknown> = { emailAddress: lead.email.trim().toLowerCase() };
  const fullName = joinName(lead.first_name, lead.last_name);
  if (fullName) entry.fullName = fullName;
  if (Object.keys(fields).length) entry.fields = fields;
  return entry;
};

type AddResult =
  | { kind: 'added'; finished: boolean }
  | { kind: 'already' }
  | { kind: 'unsubscribed' }
  | { kind: 'capacity' }
  | { kind: 'invalid' };

/**
 * `recipients/add` (asynchronous) then up to ADD_STATUS_POLLS `recipients/add-status` polls.
 * The outcome comes from `problems`; if the import has not finished within the polls, a
 * non-empty import (`isEmpty: false`) is reported as added, still processing.
 */
const addRecipient = async (ctx: Ctx, campaignId: string, lead: LeadInput): Promise<AddResult> => {
  const address = lead.email.trim().toLowerCase();
  const data = await msCall(ctx, mailshake, {
    method: 'POST',
    path: '/recipients/add',
    body: { campaignID: campaignNumber(campaignId), addAsNewList: false, addresses: [addressEntry(lead)] },
  });
  const added = AddedRecipients.safeParse(data ?? {});
  const info = added.success ? added.data : {};
  if ((info.invalidEmails ?? []).some((e) => emailOf(e) === address)) return { kind: 'invalid' };
  const statusId = str(info.checkStatusID);
  for (let i = 1; statusId && i <= ADD_STATUS_POLLS; i += 1) {
    await sleep(pollUnitMs() * i);
    const status = AddStatus.safeParse((await msCall(ctx, mailshake, { method: 'POST', path: '/recipients/add-status', body: { statusID: campaignNumber(statusId) } })) ?? {});
    if (!status.success || !status.data.isFinished) continue;
    const p = status.data.problems ?? {};
    const has = (list: string[] | null | undefined) => (list ?? []).some((e) => emailOf(e) === address);
    if (has(p.unsubscribedEmails)) return { kind: 'unsubscribed' };
    if (has(p.alreadyInCampaignEmails)) return { kind: 'already' };
    if (has(p.passedAccountLimitEmails)) return { kind: 'capacity' };
    return { kind: 'added', finished: true };
  }
  if (info.isEmpty === false) return { kind: 'added', finished: false };
  throw new ctx.z.errors.Error(
    `Mailshake has not finished importing ${address} into campaign ${campaignId} and reported nothing imported yet; check the campaign in Mailshake before replaying this step.`,
    'ImportPending',
    409,
  );
};

const outcome = outcomeFor(TOOL);

const capacityError = (ctx: Ctx, address: string, campaignId: string) =>
  new ctx.z.errors.ThrottledError(
    `Mailshake campaign ${campaignId} cannot hold more recipients (5,000 per campaign or your plan's limit); ${address} was not added.`,
    24 * 60 * 60,
  );

/**
 * Enroll = `recipients/add` + add-status polls. When a policy asks to skip people contacted in
 * other campaigns, one `activity/sent` lookup for this exact address comes first (Mailshake has
 * no by-email membership lookup across campaigns; sent emails are the evidence).
 */
const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const address = req.lead.email.trim().toLowerCase();
  const campaign = { id: req.campaign_id, name: null as string | null };
  if (req.policy.if_in_other_campaign === 'skip' || req.policy.if_previously_contacted === 'skip') {
    const data = await msCall(ctx, mailshake, { method: 'POST', path: '/activity/sent', body: { recipientEmailAddress: address, perPage: 100 } });
    const page = Paginated.safeParse(data ?? {});
    const sent = (page.success ? (page.data.results ?? []) : [])
      .map((s) => SentMessage.safeParse(s))
      .filter((s) => s.success)
      .map((s) => s.data)
      .filter((s) => emailOf(s.recipient?.emailAddress) === address);
    const elsewhere = sent.filter((s) => str(s.campaign?.id) && str(s.campaign?.id) !== req.campaign_id);
    if (elsewhere.length) {
      const names = [...new Set(elsewhere.map((s) => str(s.campaign?.title) ?? str(s.campaign?.id)))].join(', ');
      const lead = elsewhere[0]?.recipient ? leadFrom(elsewhere[0].recipient, []) : leadOf(TOOL, req.lead, []);
      if (req.policy.if_in_other_campaign === 'skip') {
        return outcome('skipped_in_other_campaign', lead, campaign, `${address} was already emailed by Mailshake campaign ${names}; not enrolled.`);
      }
      return outcome('skipped_previously_contacted', lead, campaign, `${address} was already contacted by Mailshake campaign ${names}; not enrolled.`);
    }
  }
  const result = await addRecipient(ctx, req.campaign_id, req.lead);
  const lead = leadOf(TOOL, req.lead, result.kind === 'added' || result.kind === 'already' ? [{ id: req.campaign_id, name: null, status: null }] : []);
  switch (result.kind) {
    case 'invalid':
      throw new ctx.z.errors.Error(`Mailshake rejected ${address} as an invalid email address.`, 'InvalidEmail', 400);
    case 'unsubscribed':
      return outcome('skipped_unsubscribed', lead, campaign, `${address} is on the Mailshake unsubscribe list; not enrolled.`);
    case 'capacity':
      throw capacityError(ctx, address, req.campaign_id);
    case 'already':
      if (req.policy.if_already_enrolled === 'error') {
        throw new ctx.z.errors.Error(`${address} is already in Mailshake campaign ${req.campaign_id}.`, 'AlreadyEnrolled', 409);
      }
      return outcome('already_enrolled', lead, campaign, `${address} is already in Mailshake campaign ${req.campaign_id}; nothing was changed.`);
    default:
      return outcome(
        'enrolled',
        lead,
        campaign,
        result.finished
          ? `Added ${address} to Mailshake campaign ${req.campaign_id}.`
          : `Mailshake accepted ${address} for campaign ${req.campaign_id} and is still processing the import.`,
      );
  }
};

/** `recipients/pause {campaignID, emailAddress}`: the Recipient, or null when not in that campaign. */
const pause = async (ctx: Ctx, campaignId: string, address: string): Promise<Recipient | null> => {
  const data = await msCall(ctx, mailshake, {
    method: 'POST',
    path: '/recipients/pause',
    body: { campaignID: campaignNumber(campaignId), emailAddress: address },
    notFoundOk: true,
  });
  if (data === null) return null;
  const r = Recipient.safeParse(data);
  return r.success ? r.data : { emailAddress: address };
};

/**
 * Stop = `recipients/pause` (never `recipients/unsubscribe`, which is team-wide and permanent).
 * One campaign: a `recipients/list` paused-filter check first, so a repeat says already_stopped.
 * All campaigns: pause in each of the first MAX_CAMPAIGNS_SCANNED campaigns (not_found = not there).
 */
const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  if (req.campaign_id) {
    const campaign = { id: req.campaign_id, name: null };
    const listed = await msCall(ctx, mailshake, {
      method: 'POST',
      path: '/recipients/list',
      body: { campaignID: campaignNumber(req.campaign_id), search: address, filter: { action: 'paused' }, perPage: 100 },
      notFoundOk: true,
    });
    const page = Paginated.safeParse(listed ?? {});
    const paused = (page.success ? (page.data.results ?? []) : [])
      .map((r) => Recipient.safeParse(r))
      .find((r) => r.success && emailOf(r.data.emailAddress) === address);
    if (paused?.success) {
      const lead = leadFrom(paused.data, [{ id: req.campaign_id, name: null, status: 'paused' }]);
      return outcome('already_stopped', lead, campaign, `${address} is already paused in Mailshake campaign ${req.campaign_id}; nothing changed.`, lead.campaigns);
    }
    const r = await pause(ctx, req.campaign_id, address);
    if (!r) return outcome('not_found', null, campaign, `${address} is not a recipient of Mailshake campaign ${req.campaign_id}; nothing to stop.`);
    const lead = leadFrom(r, [{ id: req.campaign_id, name: null, status: 'paused' }]);
    return outcome('stopped', lead, campaign, `Paused ${address} in Mailshake campaign ${req.campaign_id}.`, lead.campaigns);
  }
  const { campaigns } = await listCampaignPage(ctx, null);
  const changed: LeadCampaign[] = [];
  let recipient: Recipient | null = null;
  for (const c of campaigns.slice(0, MAX_CAMPAIGNS_SCANNED)) {
    const r = await pause(ctx, String(c.id), address);
    if (r) {
      recipient ??= r;
      changed.push({ id: String(c.id), name: str(c.title), status: 'paused' });
    }
  }
  if (!recipient) return outcome('not_found', null, null, `${address} is not a recipient of any Mailshake campaign; nothing to stop.`);
  const names = changed.map((c) => c.name ?? c.id).join(', ');
  return outcome('stopped', leadFrom(recipient, changed), null, `Paused ${address} in Mailshake campaign${changed.length > 1 ? 's' : ''} ${names}.`, changed);
};

/**
 * Create = add to a campaign (Mailshake has no lead record outside campaigns, so
 * campaignRequiredForCreate). An address already in the campaign is left as it is: Mailshake's
 * add ignores it and has no recipient update call.
 */
const upsert = async (ctx: Ctx, lead: LeadInput, campaignId: string | null): Promise<{ lead: Lead; created: boolean }> => {
  if (!campaignId) throw new ctx.z.errors.Error('Mailshake keeps recipients inside campaigns: choose a Campaign.', 'MissingCampaign', 400);
  const address = lead.email.trim().toLowerCase();
  const result = await addRecipient(ctx, campaignId, lead);
  if (result.kind === 'invalid') throw new ctx.z.errors.Error(`Mailshake rejected ${address} as an invalid email address.`, 'InvalidEmail', 400);
  if (result.kind === 'unsubscribed') throw new ctx.z.errors.Error(`${address} is on the Mailshake unsubscribe list; it was not added.`, 'Unsubscribed', 409);
  if (result.kind === 'capacity') throw capacityError(ctx, address, campaignId);
  const membership = [{ id: campaignId, name: null, status: null }];
  const r = result.kind === 'added' && !result.finished ? null : await getRecipient(ctx, campaignId, address);
  return { lead: r ? leadFrom(r, membership) : leadOf(TOOL, lead, membership), created: result.kind === 'added' };
};

export const mailshakeLeads: LeadOperations = {
  find,
  upsert,
  campaignRequiredForCreate: true,
  enroll,
  stop,
  stopModes: ['pause'],
};
