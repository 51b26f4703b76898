import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { leadFromInput as leadOf } from '../shared/outcome';
import { conclude, isEnd, isFinish, isRefusal, raise } from '../shared/decision';
import { email as emailOf, joinName, str } from '../../model/values';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, ResumeRequest, StopRequest } from '../types';
import { campaignNumber, mailshakeApi, msCall, throttledFor } from './api';
import { listCampaignPage } from './campaigns';
import {
  addressOf,
  afterCreateImport,
  afterFindScan,
  afterImport,
  afterPausing,
  afterResumeScan,
  afterStopScan,
  beforeAdding,
  beforePausing,
  beforeResuming,
  blocksOf,
  emailedOutside,
  importResult,
  missingCampaign,
  needsSentCheck,
  nextPollWait,
  pollsEnded,
  rejectedOnUpload,
  resumeAffected,
  resumeHere,
  resumeInNoCampaign,
  resumeNotInCampaign,
  resumeOutcome,
  sentByOtherCampaigns,
  stopInNoCampaign,
  stopNotInCampaign,
  type Blocks,
  type Imported,
  type Known,
  type ResumeState,
  type ScanCount,
  type StopHit,
} from './decide';
import { leadOfRecipient } from './normalize';
import { AddedRecipients, AddStatus, type Campaign, Paginated, Recipient, Reply, SentMessage } from './payloads';

/*
 * Mailshake's lead operations as named steps (docs/ARCHITECTURE.md, "Lead operations: one shape"):
 * the calls below, one Mailshake call each, the decisions in decide.ts. Mailshake has no person
 * record — recipients exist per campaign — so Find, and Stop / Resume without a campaign, scan
 * the campaigns; Enroll and Create are an import (`recipients/add`) followed by status polls.
 */

const TOOL = 'mailshake' as const;
/**
 * Campaign scans (Find, and Stop in every campaign): Mailshake finds recipients one campaign at a
 * time, so every active campaign is asked, `concurrency` at a time, until `budgetMs` is spent —
 * well inside Zapier's 30 s step. A scan cut short never reports "not found". Tests shrink it.
 */
export const SCAN = { budgetMs: 15_000, concurrency: 4 };
const pollUnitMs = (): number => Number(process.env.SALES_CONNECT_BACKOFF_UNIT_MS ?? 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A lead from a Recipient. Its id is `mailshake:<email>` (lower-cased), as everywhere in this
 * provider — Find, Create, Enroll, Stop and the triggers' `tool_lead_id`: recipient ids are per
 * campaign (one person has a different id in each), so only the address names the person.
 */
const leadFrom = (r: Recipient | null, address: string, campaigns: LeadCampaign[]): Lead => {
  const e = leadOfRecipient(r);
  const id = address.trim().toLowerCase();
  return {
    id: `${TOOL}:${id}`,
    tool: TOOL,
    tool_lead_id: id,
    email: e.email ?? id,
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

/** The lead of what Mailshake knows elsewhere (null: it knows nothing, or could not tell). */
const leadOfKnown = (known: Known, address: string): Lead | null => {
  if (!known || 'unknown' in known) return null;
  return leadFrom('emailed' in known ? (known.emailed.recipient ?? null) : known.recipient, address, []);
};

const membershipOf = (c: Campaign, status: string | null): LeadCampaign => ({ id: String(c.id), name: str(c.title), status });

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

/** A page's `results` that parse as `schema`. */
const resultsOf = <T>(data: unknown, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T[] => {
  const page = Paginated.safeParse(data ?? {});
  return (page.success ? (page.data.results ?? []) : []).flatMap((item) => {
    const r = schema.safeParse(item);
    return r.success ? [r.data] : [];
  });
};

/* ---- steps: one Mailshake call each ---- */

/** `recipients/get {campaignID, emailAddress}`: the recipient with exactly that address, or null. */
const getRecipient = async (ctx: Ctx, campaignId: string, address: string): Promise<Recipient | null> => {
  const data = await msCall(ctx, mailshakeApi, {
    method: 'POST',
    path: '/recipients/get',
    body: { campaignID: campaignNumber(campaignId), emailAddress: address },
    notFoundOk: true,
  });
  const r = Recipient.safeParse(data ?? undefined);
  return data && r.success && emailOf(r.data.emailAddress) === address ? r.data : null;
};

/** `recipients/add {campaignID, addAsNewList: false, addresses: [one]}` (asynchronous): invalid addresses and the import's status id. */
const uploadRecipient = async (ctx: Ctx, campaignId: string, lead: LeadInput): Promise<AddedRecipients> => {
  const data = await msCall(ctx, mailshakeApi, {
    method: 'POST',
    path: '/recipients/add',
    body: { campaignID: campaignNumber(campaignId), addAsNewList: false, addresses: [addressEntry(lead)] },
    adding: addressOf(lead.email),
  });
  const added = AddedRecipients.safeParse(data ?? {});
  return added.success ? added.data : {};
};

/**
 * `recipients/add-status {statusID}`: the import's status (null: an answer we cannot read), or
 * the rate-limit refusal with the seconds Mailshake asked us to wait.
 */
const addStatus = async (ctx: Ctx, statusId: string): Promise<{ status: AddStatus | null } | { throttled: Error; retryAfter: number }> => {
  let data: unknown;
  try {
    data = await msCall(ctx, mailshakeApi, { method: 'POST', path: '/recipients/add-status', body: { statusID: campaignNumber(statusId) } });
  } catch (err) {
    const retryAfter = throttledFor(err);
    if (retryAfter === null) throw err;
    return { throttled: err as Error, retryAfter };
  }
  const status = AddStatus.safeParse(data ?? {});
  return { status: status.success ? status.data : null };
};

/** Sent messages to exactly this address (`activity/sent {recipientEmailAddress}`), newest first. */
const sentTo = async (ctx: Ctx, address: string): Promise<SentMessage[]> => {
  const data = await msCall(ctx, mailshakeApi, { method: 'POST', path: '/activity/sent', body: { recipientEmailAddress: address, perPage: 100 } });
  return resultsOf(data, SentMessage).filter((s) => emailOf(s.recipient?.emailAddress) === address);
};

/** The address's replies of any type (`activity/replies {recipientEmailAddress}`, newest 100). */
const repliesTo = async (ctx: Ctx, address: string): Promise<Reply[]> => {
  const data = await msCall(ctx, mailshakeApi, { method: 'POST', path: '/activity/replies', body: { recipientEmailAddress: address, perPage: 100 } });
  return resultsOf(data, Reply).filter((r) => emailOf(r.recipient?.emailAddress) === address);
};

/** `recipients/list {search, filter:{action:'paused'}}`: the recipient when it is paused in that campaign. */
const pausedRecipient = async (ctx: Ctx, campaignId: string, address: string): Promise<Recipient | null> => {
  const listed = await msCall(ctx, mailshakeApi, {
    method: 'POST',
    path: '/recipients/list',
    body: { campaignID: campaignNumber(campaignId), search: address, filter: { action: 'paused' }, perPage: 100 },
    notFoundOk: true,
  });
  return resultsOf(listed, Recipient).find((r) => emailOf(r.emailAddress) === address) ?? null;
};

/** `recipients/pause` or `recipients/unpause {campaignID, emailAddress}`: the Recipient, or null when not in that campaign. */
const setPaused = async (ctx: Ctx, verb: 'pause' | 'unpause', campaignId: string, address: string): Promise<Recipient | null> => {
  const data = await msCall(ctx, mailshakeApi, {
    method: 'POST',
    path: `/recipients/${verb}`,
    body: { campaignID: campaignNumber(campaignId), emailAddress: address },
    notFoundOk: true,
  });
  if (data === null) return null;
  const r = Recipient.safeParse(data);
  return r.success ? r.data : { emailAddress: address };
};
const pauseRecipient = (ctx: Ctx, campaignId: string, address: string) => setPaused(ctx, 'pause', campaignId, address);
const unpauseRecipient = (ctx: Ctx, campaignId: string, address: string) => setPaused(ctx, 'unpause', campaignId, address);

/* ---- look-ups made of several calls ---- */

interface CampaignScan<T> extends ScanCount {
  hits: { campaign: Campaign; result: T }[];
}

/**
 * Lists every active campaign (`campaigns/list`, 100 a page, archived skipped) and runs `check`
 * on each, SCAN.concurrency at a time, until all are done, `enough(hits)` says stop, or
 * SCAN.budgetMs is spent.
 */
const scanCampaigns = async <T>(
  ctx: Ctx,
  check: (c: Campaign) => Promise<T | null>,
  opts: { except?: string; enough?: (hits: CampaignScan<T>['hits']) => boolean } = {},
): Promise<CampaignScan<T>> => {
  const deadline = Date.now() + SCAN.budgetMs;
  const campaigns: Campaign[] = [];
  let listed = true;
  let token: string | null = null;
  do {
    if (Date.now() >= deadline) {
      listed = false;
      break;
    }
    const page = await listCampaignPage(ctx, token);
    campaigns.push(...page.campaigns.filter((c) => c.isArchived !== true && String(c.id) !== opts.except));
    token = page.nextToken;
  } while (token);
  const hits: CampaignScan<T>['hits'] = [];
  let checked = 0;
  while (checked < campaigns.length && Date.now() < deadline && !opts.enough?.(hits)) {
    const batch = campaigns.slice(checked, checked + Math.max(1, SCAN.concurrency));
    const results = await Promise.all(batch.map((c) => check(c)));
    results.forEach((result, i) => {
      if (result !== null) hits.push({ campaign: batch[i] as Campaign, result });
    });
    checked += batch.length;
  }
  return { hits, checked, total: campaigns.length, listed, complete: listed && checked === campaigns.length };
};

/**
 * Whether Mailshake knows the address outside `campaignId`: emails sent to it (one
 * `activity/sent` call, which also covers archived campaigns), else — with a campaign — a
 * recipient in another active campaign (a scan that stops at the first hit).
 */
const knownElsewhere = async (ctx: Ctx, address: string, campaignId: string | null): Promise<Known> => {
  const [emailed] = emailedOutside(await sentTo(ctx, address), campaignId);
  if (emailed) return { emailed };
  if (campaignId === null) return null;
  const scan = await scanCampaigns(ctx, (c) => getRecipient(ctx, String(c.id), address), { except: campaignId, enough: (hits) => hits.length > 0 });
  const hit = scan.hits[0];
  if (hit) return { recipientOf: hit.campaign, recipient: hit.result };
  return scan.complete ? null : { unknown: scan };
};

/**
 * `recipients/add`, then `recipients/add-status` polls on the schedule of nextPollWait (up to
 * ADD_STATUS_POLLS, 1, 2, 3, 4 units apart; a poll refused by the rate limit is asked again after
 * its Retry-After within the same waiting): what the finished import did with the address.
 */
const importRecipient = async (ctx: Ctx, campaignId: string, lead: LeadInput): Promise<Imported> => {
  const address = addressOf(lead.email);
  const uploaded = await uploadRecipient(ctx, campaignId, lead);
  if (rejectedOnUpload(address, uploaded)) return 'invalid';
  const statusId = str(uploaded.checkStatusID);
  let answered = 0;
  let waited = 0;
  let retryAfter: number | null = null;
  let refused: Error | null = null;
  for (let wait = nextPollWait(answered, waited, retryAfter); statusId && wait !== null; wait = nextPollWait(answered, waited, retryAfter)) {
    await sleep(pollUnitMs() * wait);
    waited += wait;
    const polled = await addStatus(ctx, statusId);
    if ('throttled' in polled) {
      refused = polled.throttled;
      retryAfter = polled.retryAfter;
      continue;
    }
    retryAfter = null;
    answered += 1;
    const result = polled.status ? importResult(address, polled.status) : null;
    if (result) return result;
  }
  const end = pollsEnded(address, campaignId, answered, refused);
  if ('rethrow' in end) throw end.rethrow;
  return raise(ctx, end);
};

/* ---- operations ---- */

/**
 * Find: `recipients/get` needs a campaignID, so every active campaign is asked (scanCampaigns).
 * Found → the lead, with every campaign checked that has it (a scan cut short after a hit still
 * returns the person: they exist).
 */
const find = async (ctx: Ctx, email: string): Promise<Lead | null> => {
  const address = addressOf(email);
  const scan = await scanCampaigns(ctx, (c) => getRecipient(ctx, String(c.id), address));
  const d = afterFindScan(address, scan.hits.length, scan);
  if (isRefusal(d)) return raise(ctx, d);
  const first = scan.hits[0];
  if (d.next === 'not_found' || !first) return null;
  return leadFrom(
    first.result,
    address,
    scan.hits.map((h) => membershipOf(h.campaign, h.campaign.isPaused ? 'campaign paused' : null)),
  );
};

/**
 * Enroll = `recipients/add` + add-status polls. When a policy asks to skip people contacted in
 * other campaigns, one `activity/sent` lookup for this exact address comes first (Mailshake has
 * no by-email membership lookup across campaigns; sent emails are the evidence).
 */
const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const address = addressOf(req.lead.email);
  const campaign = { id: req.campaign_id, name: null as string | null };
  if (needsSentCheck(req.policy)) {
    const elsewhere = sentByOtherCampaigns(await sentTo(ctx, address), req.campaign_id);
    const gate = beforeAdding(req, elsewhere);
    if (isFinish(gate)) {
      const contacted = elsewhere[0]?.recipient;
      return conclude(ctx, TOOL, gate, contacted ? leadFrom(contacted, address, []) : leadOf(TOOL, req.lead, []), campaign);
    }
  }
  const result = await importRecipient(ctx, req.campaign_id, req.lead);
  const lead = leadOf(TOOL, req.lead, result === 'added' || result === 'already' ? [{ id: req.campaign_id, name: null, status: null }] : []);
  return conclude(ctx, TOOL, afterImport(req, result), lead, campaign);
};

/**
 * Create = add to a campaign (Mailshake has no lead record outside campaigns, so
 * campaignRequiredForCreate), then `recipients/get` to return the recipient. An address already
 * in the campaign is left as it is: Mailshake's add ignores it and has no recipient update call.
 */
const upsert = async (ctx: Ctx, lead: LeadInput, campaignId: string | null): Promise<{ lead: Lead; created: boolean }> => {
  if (!campaignId) return raise(ctx, missingCampaign);
  const address = addressOf(lead.email);
  const result = await importRecipient(ctx, campaignId, lead);
  const gate = afterCreateImport(address, campaignId, result);
  if (isRefusal(gate)) return raise(ctx, gate);
  const membership = [{ id: campaignId, name: null, status: null }];
  const r = await getRecipient(ctx, campaignId, address);
  return { lead: r ? leadFrom(r, address, membership) : leadOf(TOOL, lead, membership), created: result === 'added' };
};

/** Stop in one campaign: the paused check, then `recipients/pause` (its not_found = not in that campaign), then "known?". */
const stopIn = async (ctx: Ctx, address: string, campaignId: string): Promise<ActionOutcome> => {
  const campaign = { id: campaignId, name: null };
  const affected = [{ id: campaignId, name: null, status: 'paused' }];
  const paused = await pausedRecipient(ctx, campaignId, address);
  const gate = beforePausing(address, campaignId, paused !== null);
  if (isFinish(gate)) return conclude(ctx, TOOL, gate, leadFrom(paused, address, affected), campaign, affected);
  const r = await pauseRecipient(ctx, campaignId, address);
  const after = afterPausing(address, campaignId, r !== null);
  if (isFinish(after)) return conclude(ctx, TOOL, after, leadFrom(r, address, affected), campaign, affected);
  const known = await knownElsewhere(ctx, address, campaignId);
  return conclude(ctx, TOOL, stopNotInCampaign(address, campaignId, known), leadOfKnown(known, address), campaign);
};

/** One campaign of a Stop scan: `recipients/get` first (1 quota unit; most campaigns do not have the person), then the paused check and the pause. */
const stopInScanned = async (ctx: Ctx, address: string, campaignId: string): Promise<{ state: StopHit['state']; recipient: Recipient } | null> => {
  if (!(await getRecipient(ctx, campaignId, address))) return null;
  const paused = await pausedRecipient(ctx, campaignId, address);
  if (paused) return { state: 'already', recipient: paused };
  const r = await pauseRecipient(ctx, campaignId, address);
  return r ? { state: 'paused', recipient: r } : null;
};

/** Stop in every active campaign (scanCampaigns), then "known?" when it is a recipient of none. */
const stopEverywhere = async (ctx: Ctx, address: string): Promise<ActionOutcome> => {
  const scan = await scanCampaigns(ctx, (c) => stopInScanned(ctx, address, String(c.id)));
  const d = afterStopScan(
    address,
    scan.hits.map((h) => ({ campaign: h.campaign, state: h.result.state })),
    scan,
  );
  if (isEnd(d)) {
    const affected = scan.hits.map((h) => membershipOf(h.campaign, 'paused'));
    return conclude(ctx, TOOL, d, leadFrom(scan.hits[0]?.result.recipient ?? null, address, affected), null, affected);
  }
  const known = await knownElsewhere(ctx, address, null);
  return conclude(ctx, TOOL, stopInNoCampaign(address, known, scan), leadOfKnown(known, address), null);
};

/**
 * Stop = pause (never `recipients/unsubscribe`, which is team-wide and permanent). Idempotent:
 * a recipient already paused (`recipients/list` paused filter) is already_stopped. not_found only
 * when Mailshake does not know the address at all; a known address with nothing to pause is
 * already_stopped (project rule).
 */
const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const address = addressOf(req.email);
  return req.campaign_id ? stopIn(ctx, address, req.campaign_id) : stopEverywhere(ctx, address);
};

/** Resume in one campaign the address is a recipient of: the paused check, then (not bounced there) `recipients/unpause`. */
const resumeInCampaign = async (
  ctx: Ctx,
  address: string,
  campaignId: string,
  blocks: Blocks,
  recipient: Recipient,
): Promise<{ state: ResumeState; recipient: Recipient } | null> => {
  const paused = await pausedRecipient(ctx, campaignId, address);
  const here = resumeHere(blocks, campaignId, paused !== null);
  if (here === 'bounced') return { state: 'bounced', recipient: paused ?? recipient };
  if (here === 'running') return { state: 'running', recipient };
  const r = await unpauseRecipient(ctx, campaignId, address);
  return r ? { state: 'resumed', recipient: r } : null;
};

/** Resume in the chosen campaign: `recipients/get`, then resumeInCampaign; not a recipient there → "known?". */
const resumeIn = async (ctx: Ctx, address: string, campaignId: string, blocks: Blocks): Promise<ActionOutcome> => {
  const campaign = { id: campaignId, name: null };
  const recipient = await getRecipient(ctx, campaignId, address);
  const found = recipient ? await resumeInCampaign(ctx, address, campaignId, blocks, recipient) : null;
  if (found) {
    const hits = [{ id: campaignId, name: null, state: found.state }];
    const affected = resumeAffected(hits);
    return conclude(ctx, TOOL, resumeOutcome(address, hits, ''), leadFrom(found.recipient, address, affected), campaign, affected);
  }
  const known = await knownElsewhere(ctx, address, campaignId);
  return conclude(ctx, TOOL, resumeNotInCampaign(address, campaignId, known), leadOfKnown(known, address), campaign);
};

/** Resume in every active campaign (scanned like Stop), then "known?" when it is a recipient of none. */
const resumeEverywhere = async (ctx: Ctx, address: string, blocks: Blocks): Promise<ActionOutcome> => {
  const scan = await scanCampaigns(ctx, async (c) => {
    const recipient = await getRecipient(ctx, String(c.id), address);
    return recipient ? resumeInCampaign(ctx, address, String(c.id), blocks, recipient) : null;
  });
  const hits = scan.hits.map((h) => ({ id: String(h.campaign.id), name: str(h.campaign.title), state: h.result.state }));
  const d = afterResumeScan(address, hits, scan);
  if (isEnd(d)) {
    const affected = resumeAffected(hits);
    return conclude(ctx, TOOL, d, scan.hits[0] ? leadFrom(scan.hits[0].result.recipient, address, affected) : null, null, affected);
  }
  const known = await knownElsewhere(ctx, address, null);
  return conclude(ctx, TOOL, resumeInNoCampaign(address, known, scan), leadOfKnown(known, address), null);
};

/**
 * Resume = `recipients/unpause` (docs "Recipients > Unpause": "Resumes sending for a recipient").
 * First one `activity/replies` call for the address: an unsubscribe reply (team-wide) →
 * skipped_unsubscribed, nothing unpaused; a bounce in a campaign → never unpaused there
 * (not_paused). Then per campaign (the chosen one, else every active campaign, scanned like
 * Stop): paused → unpause → resumed; a recipient not paused → already_running; not a recipient →
 * nothing there. Mailshake has no "finished" recipient state, so a recipient who received every
 * message and is not paused reads as already_running.
 */
const resume = async (ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome> => {
  const address = addressOf(req.email);
  const blocks = blocksOf(await repliesTo(ctx, address));
  const gate = beforeResuming(address, blocks);
  if (isFinish(gate)) return conclude(ctx, TOOL, gate, leadFrom(null, address, []), req.campaign_id ? { id: req.campaign_id, name: null } : null);
  return req.campaign_id ? resumeIn(ctx, address, req.campaign_id, blocks) : resumeEverywhere(ctx, address, blocks);
};

export const mailshakeLeads: LeadOperations = { find, upsert, enroll, stop, resume };
