import { pathSegment } from '../../http/path';
import { callApi, callJson, parseJson, toolMessage } from '../../http/client';
import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { str } from '../../model/values';
import { conclude, finish, isEnd, isRefusal, raise } from '../shared/decision';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, ResumeRequest, StopRequest } from '../types';
import { lemlistApi } from './api';
import {
  afterRefusedCreate,
  afterResuming,
  afterStopping,
  beforeCreating,
  beforeResuming,
  beforeStopping,
  campaignIn,
  campaignLabel,
  deduplicate,
  inScope,
  namedCampaign,
  rejectedBy,
  resumeCall,
  resumeWithoutEntries,
  stopCall,
  upsertNeedsCampaign,
  upsertStep,
} from './decide';
import { campaignIdOf, campaignNameOf, entriesFrom, entriesOfContact, leadFromEntries } from './normalize';
import { ContactRecord, type LeadEntry } from './payloads';

/*
 * lemlist's lead operations as named steps (docs/ARCHITECTURE.md, "Lead operations: one shape"):
 * the calls below, the decisions in decide.ts. lemlist leads live inside campaigns:
 * `GET /leads/{email}?version=v2` answers one entry per campaign the address is in (each with its
 * own `lea_` id, its state and whether it is paused), so one lookup tells us everything Enroll /
 * Stop / Resume need to decide.
 */

/** The fields lemlist's create / update lead bodies take (custom variables are strings). */
const leadBody = (lead: LeadInput, withEmail: boolean): Record<string, string> => {
  const body: Record<string, string> = {};
  for (const [k, value] of Object.entries(lead.custom_fields ?? {})) if (str(value) !== null) body[k] = String(value);
  const core: Record<string, string | null> = {
    email: withEmail ? lead.email.toLowerCase() : null,
    firstName: lead.first_name,
    lastName: lead.last_name,
    companyName: lead.company,
    jobTitle: lead.title,
    phone: lead.phone,
    linkedinUrl: lead.linkedin_url,
  };
  for (const [k, value] of Object.entries(core)) if (value !== null && value !== '') body[k] = value;
  return body;
};

/** The lead with the statuses Stop / Resume left in the campaigns they touched (a removed entry's campaign dropped when asked). */
const withStatuses = (lead: Lead | null, touched: LeadCampaign[], dropRemoved = false): Lead | null => {
  if (!lead) return null;
  const campaigns = lead.campaigns.map((c) => touched.find((x) => x.id === c.id) ?? c);
  return { ...lead, campaigns: dropRemoved ? campaigns.filter((c) => c.status !== 'removed') : campaigns };
};

/* ---- steps: one lemlist call each ---- */

/** `GET /leads/{email}?version=v2`: the address's campaign entries; 404 "Lead not found" = none. */
const lookup = async (ctx: Ctx, address: string): Promise<LeadEntry[]> => {
  const res = await callJson<unknown>(ctx, lemlistApi, {
    method: 'GET',
    path: `/leads/${pathSegment(address.trim().toLowerCase())}`,
    params: { version: 'v2' },
    allowStatuses: [404],
  });
  return res.status === 404 ? [] : entriesFrom(res.data);
};

/**
 * `GET /contacts/{email}`: whether lemlist knows the address at all, and the campaign entries its
 * contact lists. A lead removed from its last campaign (`action=remove`) is gone from
 * `GET /leads/{email}` (404), but its contact stays (only `DELETE /contacts/{id}` deletes it).
 * The spec documents 200/400/401/405 only; an unknown contact is read as the public
 * attio/lemlist-app client reads it (src/lemlist-api/contacts.ts: 404 → none), and a 400 whose text
 * says "not found" the same way. Any other 400 ("Bad team") is lemlist's error, verbatim.
 */
const contactLookup = async (ctx: Ctx, address: string): Promise<{ known: boolean; contact: ContactRecord | null }> => {
  const res = await callApi(ctx, lemlistApi, {
    method: 'GET',
    path: `/contacts/${pathSegment(address.trim().toLowerCase())}`,
    allowStatuses: [400, 404],
  });
  if (res.status === 404) return { known: false, contact: null };
  if (res.status === 400) {
    const said = toolMessage(lemlistApi, res);
    if (/not\s*found|no contact/i.test(said)) return { known: false, contact: null };
    return raise(ctx, rejectedBy(res.status, said));
  }
  const parsed = ContactRecord.safeParse(parseJson(res));
  return { known: true, contact: parsed.success ? parsed.data : null };
};

/** `POST /campaigns/{c}/leads/` (`deduplicate` when given): the created entries, or lemlist's refusal (400/409). */
const createInCampaign = async (
  ctx: Ctx,
  campaignId: string,
  lead: LeadInput,
  dedupe: boolean | null,
): Promise<{ created: LeadEntry[] } | { refused: { status: number; said: string } }> => {
  const res = await callApi(ctx, lemlistApi, {
    method: 'POST',
    path: `/campaigns/${pathSegment(campaignId, 'Campaign')}/leads/`,
    ...(dedupe === null ? {} : { params: { deduplicate: String(dedupe) } }),
    body: leadBody(lead, true),
    allowStatuses: [400, 409],
  });
  if (res.status >= 400) return { refused: { status: res.status, said: toolMessage(lemlistApi, res) } };
  return { created: entriesFrom(parseJson(res)) };
};

/** `PATCH /campaigns/{c}/leads/{leadId}` with the fields to change: the entry as updated. */
const updateInCampaign = async (ctx: Ctx, campaignId: string, existing: LeadEntry, changes: Record<string, string>): Promise<LeadEntry[]> => {
  const { data } = await callJson<Record<string, unknown>>(ctx, lemlistApi, {
    method: 'PATCH',
    path: `/campaigns/${pathSegment(campaignId, 'Campaign')}/leads/${pathSegment(String(existing._id))}`,
    body: changes,
  });
  return entriesFrom({ ...existing, ...(data ?? {}), campaign: existing.campaign, variables: existing.variables });
};

/**
 * `DELETE /campaigns/{c}/leads/{leadId}?action=remove`; true when the entry was gone already (404).
 * Always action=remove: without it lemlist unsubscribes the lead instead (never wanted).
 */
const removeFromCampaign = async (ctx: Ctx, campaignId: string, e: LeadEntry): Promise<boolean> => {
  const res = await callApi(ctx, lemlistApi, {
    method: 'DELETE',
    path: `/campaigns/${pathSegment(campaignId, 'Campaign')}/leads/${pathSegment(String(e._id))}`,
    params: { action: 'remove' },
    allowStatuses: [404],
  });
  return res.status === 404;
};

/** `POST /leads/pause/{leadId}?campaignId={c}`; true when the entry was gone already (404). */
const pauseInCampaign = async (ctx: Ctx, campaignId: string, e: LeadEntry): Promise<boolean> => {
  const res = await callApi(ctx, lemlistApi, {
    method: 'POST',
    path: `/leads/pause/${pathSegment(String(e._id))}`,
    params: { campaignId },
    allowStatuses: [404],
  });
  return res.status === 404;
};

/** `POST /leads/start/{leadId}` ("Resume Paused Lead", no body); true on 404 "Lead not found" (removed since the lookup). */
const startLead = async (ctx: Ctx, e: LeadEntry): Promise<boolean> => {
  const res = await callApi(ctx, lemlistApi, {
    method: 'POST',
    path: `/leads/start/${pathSegment(String(e._id))}`,
    allowStatuses: [404],
  });
  return res.status === 404;
};

/* ---- operations ---- */

/**
 * The address's entries: the lead lookup, and when it lists none, the contact lookup (whose
 * campaign entries are acted on too). `known` is false only when lemlist knows neither.
 */
const lookUpOrContact = async (
  ctx: Ctx,
  address: string,
): Promise<{ entries: LeadEntry[]; known: boolean; contact: ContactRecord | null; fromContact: boolean }> => {
  const entries = await lookup(ctx, address);
  if (entries.length) return { entries, known: true, contact: null, fromContact: false };
  const { known, contact } = await contactLookup(ctx, address);
  return { entries: entriesOfContact(contact, address), known, contact, fromContact: true };
};

const upsert: LeadOperations['upsert'] = async (ctx, input, campaignId) => {
  const gate = upsertNeedsCampaign(campaignId);
  if (isRefusal(gate)) return raise(ctx, gate);
  const campaign = campaignId!;
  const entries = await lookup(ctx, input.email);
  const existing = entries.find((e) => campaignIdOf(e) === campaign);
  const changes = leadBody(input, false);
  const step = upsertStep(existing, changes).next;
  if (existing && step === 'keep') return { lead: leadFromEntries(entries, input.email)!, created: false };
  if (existing && step === 'update') {
    const updated = await updateInCampaign(ctx, campaign, existing, changes);
    return { lead: leadFromEntries([...updated, ...entries.filter((e) => e !== existing)], input.email)!, created: false };
  }
  const made = await createInCampaign(ctx, campaign, input, null);
  if ('refused' in made) return raise(ctx, rejectedBy(made.refused.status, made.refused.said));
  return { lead: leadFromEntries([...made.created, ...entries], input.email)!, created: true };
};

const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const address = req.lead.email.toLowerCase();
  const entries = await lookup(ctx, address);
  const gate = beforeCreating(req, entries);
  if (isEnd(gate)) return conclude(ctx, 'lemlist', gate, leadFromEntries(entries, address), campaignIn(entries, req.campaign_id));
  const made = await createInCampaign(ctx, req.campaign_id, req.lead, deduplicate(req));
  if ('refused' in made) {
    const again = await lookup(ctx, address);
    const after = afterRefusedCreate(req, again, made.refused.status, made.refused.said);
    return conclude(ctx, 'lemlist', after, leadFromEntries(again, address), campaignIn(again, req.campaign_id));
  }
  const created = made.created[0];
  const campaign = { id: req.campaign_id, name: created ? campaignNameOf(created) : null };
  return conclude(
    ctx,
    'lemlist',
    finish('enrolled', `Added ${address} to lemlist campaign ${campaignLabel(campaign)}.`),
    leadFromEntries([...made.created, ...entries], address),
    campaign,
  );
};

/** Stop's calls, entry by entry: what changed, and what was paused or gone already. */
const stopEach = async (ctx: Ctx, req: StopRequest, targets: LeadEntry[]): Promise<{ changed: LeadCampaign[]; already: LeadCampaign[] }> => {
  const changed: LeadCampaign[] = [];
  const already: LeadCampaign[] = [];
  for (const e of targets) {
    const campaignId = campaignIdOf(e)!;
    const entry = { id: campaignId, name: campaignNameOf(e) };
    const call = stopCall(req.mode, e);
    if (call === 'already paused') {
      already.push({ ...entry, status: 'paused' });
      continue;
    }
    const gone = call === 'remove' ? await removeFromCampaign(ctx, campaignId, e) : await pauseInCampaign(ctx, campaignId, e);
    (gone ? already : changed).push({ ...entry, status: call === 'remove' ? 'removed' : 'paused' });
  }
  return { changed, already };
};

const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const address = req.email.toLowerCase();
  // No lead entry: not_found only when lemlist does not know the address at all. A known
  // contact may still list campaign entries (campaigns[].leadId): those are stopped too.
  const { entries, known } = await lookUpOrContact(ctx, address);
  const targets = inScope(entries, req.campaign_id);
  const lead = leadFromEntries(entries, address);
  const named = namedCampaign(targets, req.campaign_id);
  const gate = beforeStopping(req, known, lead, targets);
  if (isEnd(gate)) return conclude(ctx, 'lemlist', gate, lead, named);
  const { changed, already } = await stopEach(ctx, req, targets);
  const touched = [...changed, ...already];
  return conclude(ctx, 'lemlist', afterStopping(req, changed, already), withStatuses(lead, touched, req.mode === 'remove'), named, touched);
};

/** Resume's calls, entry by entry: resumed, already running, or over (bounced, finished, removed). */
const resumeEach = async (ctx: Ctx, targets: LeadEntry[]): Promise<{ resumed: LeadCampaign[]; running: LeadCampaign[]; over: LeadCampaign[] }> => {
  const resumed: LeadCampaign[] = [];
  const running: LeadCampaign[] = [];
  const over: LeadCampaign[] = [];
  for (const e of targets) {
    const entry = { id: campaignIdOf(e)!, name: campaignNameOf(e) };
    const call = resumeCall(e);
    if ('over' in call) over.push({ ...entry, status: call.over });
    else if ('running' in call) running.push({ ...entry, status: call.running });
    else if (await startLead(ctx, e)) over.push({ ...entry, status: 'removed' });
    else resumed.push({ ...entry, status: str(e.state) ?? 'running' });
  }
  return { resumed, running, over };
};

/**
 * Resume: `POST /leads/start/{leadId}` ("Resume Paused Lead") for each paused entry in scope.
 * A `lea_` id is one campaign entry, so the campaign is implied by the entry. Never resumed: an
 * address unsubscribed in any campaign (skipped_unsubscribed, no call), an entry whose state is a
 * bounce or failure, an entry whose sequence is over (`status` done / interested / …).
 */
const resume = async (ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome> => {
  const address = req.email.toLowerCase();
  const { entries, known, contact, fromContact } = await lookUpOrContact(ctx, address);
  if (fromContact)
    return conclude(ctx, 'lemlist', resumeWithoutEntries(req, known, contact), leadFromEntries(entries, address), namedCampaign([], req.campaign_id));
  const lead = leadFromEntries(entries, address);
  const campaign = namedCampaign(entries, req.campaign_id);
  const targets = inScope(entries, req.campaign_id);
  const gate = beforeResuming(req, entries, lead, targets);
  if (isEnd(gate)) return conclude(ctx, 'lemlist', gate, lead, campaign);
  const { resumed, running, over } = await resumeEach(ctx, targets);
  const affected = [...resumed, ...running, ...over];
  return conclude(ctx, 'lemlist', afterResuming(req, resumed, running, over), withStatuses(lead, affected), campaign, affected);
};

export const lemlistLeads: LeadOperations = {
  find: async (ctx, address) => leadFromEntries(await lookup(ctx, address), address),
  upsert,
  enroll,
  stop,
  resume,
};
