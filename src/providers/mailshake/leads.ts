import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { leadFromInput as leadOf, outcomeFor } from '../shared/outcome';
import { email as emailOf, joinName, str } from '../../model/values';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, ResumeRequest, StopRequest } from '../types';
import { msCall, mailshakeApi } from './api';
import { listCampaignPage } from './campaigns';
import { leadOfRecipient } from './normalize';
import { AddedRecipients, AddStatus, type Campaign, Paginated, Recipient, Reply, SentMessage } from './payloads';

const TOOL = 'mailshake' as const;
/**
 * Campaign scans (Find, and Stop in every campaign): Mailshake finds recipients one campaign at a
 * time, so every active campaign is asked, `concurrency` at a time, until `budgetMs` is spent —
 * well inside Zapier's 30 s step. A scan cut short never reports "not found". Tests shrink it.
 */
export const SCAN = { budgetMs: 15_000, concurrency: 4 };
/** add-status polls after recipients/add, waiting 1, 2, 3, 4 units (s) before each: ≤ 10 s. */
export const ADD_STATUS_POLLS = 4;
const pollUnitMs = (): number => Number(process.env.SALES_CONNECT_BACKOFF_UNIT_MS ?? 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const campaignNumber = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

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

interface CampaignScan<T> {
  hits: { campaign: Campaign; result: T }[];
  /** Campaigns asked. */
  checked: number;
  /** Active (not archived) campaigns listed. */
  total: number;
  /** false when the campaign listing itself was cut short (there may be more than `total`). */
  listed: boolean;
  complete: boolean;
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

const scanned = (scan: CampaignScan<unknown>): string =>
  `${scan.checked} of ${scan.listed ? '' : 'at least '}${scan.total} active Mailshake campaign${scan.total === 1 ? '' : 's'}`;

const scanCutShort = (ctx: Ctx, what: string, scan: CampaignScan<unknown>, advice: string): Error =>
  new ctx.z.errors.Error(
    `${what} Mailshake looks recipients up one campaign at a time and the time this step may take ran out after checking ` +
      `${scanned(scan)}, so the rest were not checked and this is NOT a "not found". ${advice} ` +
      'Archived campaigns are not checked, so archiving finished ones shortens the scan.',
    'ScanIncomplete',
    503,
  );

const membershipOf = (c: Campaign, status: string | null): LeadCampaign => ({ id: String(c.id), name: str(c.title), status });

/**
 * Find: `recipients/get` needs a campaignID, so every active campaign is asked (scanCampaigns).
 * Found → the lead, with every campaign checked that has it (a scan cut short after a hit still
 * returns the person: they exist). Not found in a complete scan → null; in a cut-short scan → an
 * error saying how many campaigns were checked.
 */
const find = async (ctx: Ctx, address: string): Promise<Lead | null> => {
  const wanted = address.trim().toLowerCase();
  const scan = await scanCampaigns(ctx, (c) => getRecipient(ctx, String(c.id), wanted));
  const first = scan.hits[0];
  if (first) return leadFrom(first.result, wanted, scan.hits.map((h) => membershipOf(h.campaign, h.campaign.isPaused ? 'campaign paused' : null)));
  if (!scan.complete) throw scanCutShort(ctx, `${wanted} was not in any of the campaigns checked.`, scan, 'Look the person up in Mailshake.');
  return null;
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

type AddResult = { kind: 'added' } | { kind: 'already' } | { kind: 'unsubscribed' } | { kind: 'capacity' } | { kind: 'invalid' };

/**
 * `recipients/add` (asynchronous) then up to ADD_STATUS_POLLS `recipients/add-status` polls; the
 * outcome comes from the finished import's `problems`. An import still running after the polls
 * is an error, never "added": until it finishes Mailshake may still list the address as
 * unsubscribed, already in the campaign or over the limit, and a replay of the step then
 * reports what really happened.
 */
const addRecipient = async (ctx: Ctx, campaignId: string, lead: LeadInput): Promise<AddResult> => {
  const address = lead.email.trim().toLowerCase();
  const data = await msCall(ctx, mailshakeApi, {
    method: 'POST',
    path: '/recipients/add',
    body: { campaignID: campaignNumber(campaignId), addAsNewList: false, addresses: [addressEntry(lead)] },
    adding: address,
  });
  const added = AddedRecipients.safeParse(data ?? {});
  const info = added.success ? added.data : {};
  if ((info.invalidEmails ?? []).some((e) => emailOf(e) === address)) return { kind: 'invalid' };
  const statusId = str(info.checkStatusID);
  for (let i = 1; statusId && i <= ADD_STATUS_POLLS; i += 1) {
    await sleep(pollUnitMs() * i);
    const status = AddStatus.safeParse((await msCall(ctx, mailshakeApi, { method: 'POST', path: '/recipients/add-status', body: { statusID: campaignNumber(statusId) } })) ?? {});
    if (!status.success || !status.data.isFinished) continue;
    const p = status.data.problems ?? {};
    const has = (list: string[] | null | undefined) => (list ?? []).some((e) => emailOf(e) === address);
    if (has(p.unsubscribedEmails)) return { kind: 'unsubscribed' };
    if (has(p.alreadyInCampaignEmails)) return { kind: 'already' };
    if (has(p.passedAccountLimitEmails)) return { kind: 'capacity' };
    return { kind: 'added' };
  }
  throw new ctx.z.errors.Error(
    `Mailshake is still importing ${address} into campaign ${campaignId}: the import had not finished after ${ADD_STATUS_POLLS} status checks, ` +
      'so whether it was added (or skipped as unsubscribed, already in the campaign or over the limit) is not known yet. ' +
      'Replay this step in a minute or two: it then reports the real outcome.',
    'ImportPending',
    409,
  );
};

const outcome = outcomeFor(TOOL);

/**
 * `passedAccountLimitEmails`: "could not be imported because your campaign exceeded the number of
 * allowed recipients it can hold" (docs "Models" > Add Status Response); a campaign holds up to
 * 5,000 (docs "Recipients > Add"). Not a rate limit — waiting does not make room — so a plain error
 * saying what is full and what to do, never a ThrottledError that Zapier would retry for a day.
 */
const capacityError = (ctx: Ctx, address: string, campaignId: string) =>
  new ctx.z.errors.Error(
    `Mailshake campaign ${campaignId} is full: a campaign holds at most 5,000 recipients, so ${address} was not added. ` +
      'Choose another campaign, or start a new one (a copy of this campaign) in Mailshake and pick it in this step; ' +
      'retrying will not help until the campaign has room.',
    'MailshakeCampaignFull',
    409,
  );

/** Sent messages to exactly this address (`activity/sent {recipientEmailAddress}`), newest first. */
const sentTo = async (ctx: Ctx, address: string) => {
  const data = await msCall(ctx, mailshakeApi, { method: 'POST', path: '/activity/sent', body: { recipientEmailAddress: address, perPage: 100 } });
  const page = Paginated.safeParse(data ?? {});
  return (page.success ? (page.data.results ?? []) : [])
    .map((s) => SentMessage.safeParse(s))
    .filter((s) => s.success)
    .map((s) => s.data)
    .filter((s) => emailOf(s.recipient?.emailAddress) === address);
};

/**
 * Enroll = `recipients/add` + add-status polls. When a policy asks to skip people contacted in
 * other campaigns, one `activity/sent` lookup for this exact address comes first (Mailshake has
 * no by-email membership lookup across campaigns; sent emails are the evidence).
 */
const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const address = req.lead.email.trim().toLowerCase();
  const campaign = { id: req.campaign_id, name: null as string | null };
  if (req.policy.if_in_other_campaign === 'skip' || req.policy.if_previously_contacted === 'skip') {
    const elsewhere = (await sentTo(ctx, address)).filter((s) => str(s.campaign?.id) && str(s.campaign?.id) !== req.campaign_id);
    if (elsewhere.length) {
      const names = [...new Set(elsewhere.map((s) => str(s.campaign?.title) ?? str(s.campaign?.id)))].join(', ');
      const lead = elsewhere[0]?.recipient ? leadFrom(elsewhere[0].recipient, address, []) : leadOf(TOOL, req.lead, []);
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
      return outcome('enrolled', lead, campaign, `Added ${address} to Mailshake campaign ${req.campaign_id}.`);
  }
};

/** `recipients/list {search, filter:{action:'paused'}}`: the recipient when it is paused in that campaign. */
const pausedRecipient = async (ctx: Ctx, campaignId: string, address: string): Promise<Recipient | null> => {
  const listed = await msCall(ctx, mailshakeApi, {
    method: 'POST',
    path: '/recipients/list',
    body: { campaignID: campaignNumber(campaignId), search: address, filter: { action: 'paused' }, perPage: 100 },
    notFoundOk: true,
  });
  const page = Paginated.safeParse(listed ?? {});
  const hit = (page.success ? (page.data.results ?? []) : [])
    .map((r) => Recipient.safeParse(r))
    .find((r) => r.success && emailOf(r.data.emailAddress) === address);
  return hit?.success ? hit.data : null;
};

/** `recipients/pause {campaignID, emailAddress}`: the Recipient, or null when not in that campaign. */
const pause = async (ctx: Ctx, campaignId: string, address: string): Promise<Recipient | null> => {
  const data = await msCall(ctx, mailshakeApi, {
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
 * Whether Mailshake knows the address outside `campaignId`: emails sent to it (one
 * `activity/sent` call, which also covers archived campaigns), else a recipient in another active
 * campaign (a scan that stops at the first hit). `'unknown'` when that scan was cut short.
 */
const knownElsewhere = async (
  ctx: Ctx,
  address: string,
  campaignId: string | null,
): Promise<{ recipient: Recipient | null; where: string } | null | { unknown: CampaignScan<unknown> }> => {
  const sent = (await sentTo(ctx, address)).filter((s) => campaignId === null || str(s.campaign?.id) !== campaignId);
  if (sent[0]) return { recipient: sent[0].recipient ?? null, where: `campaign ${str(sent[0].campaign?.title) ?? str(sent[0].campaign?.id) ?? '?'} emailed it` };
  if (campaignId === null) return null;
  const scan = await scanCampaigns(ctx, (c) => getRecipient(ctx, String(c.id), address), { except: campaignId, enough: (hits) => hits.length > 0 });
  const hit = scan.hits[0];
  if (hit) return { recipient: hit.result, where: `it is a recipient of campaign ${str(hit.campaign.title) ?? String(hit.campaign.id)}` };
  return scan.complete ? null : { unknown: scan };
};

/**
 * Stop = pause (never `recipients/unsubscribe`, which is team-wide and permanent). Idempotent:
 * a recipient already paused (`recipients/list` paused filter) is already_stopped. not_found only
 * when Mailshake does not know the address at all; a known address with nothing to pause is
 * already_stopped (project rule).
 *
 * One campaign: paused check, then `recipients/pause` (its not_found = not in that campaign).
 * All campaigns: every active campaign (scanCampaigns): `recipients/get` first (1 quota unit;
 * most campaigns do not have the person), then the paused check and the pause where it is.
 */
const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  if (req.campaign_id) {
    const campaign = { id: req.campaign_id, name: null };
    const affected = [{ id: req.campaign_id, name: null, status: 'paused' }];
    const paused = await pausedRecipient(ctx, req.campaign_id, address);
    if (paused) {
      return outcome('already_stopped', leadFrom(paused, address, affected), campaign, `${address} is already paused in Mailshake campaign ${req.campaign_id}; nothing changed.`, affected);
    }
    const r = await pause(ctx, req.campaign_id, address);
    if (r) return outcome('stopped', leadFrom(r, address, affected), campaign, `Paused ${address} in Mailshake campaign ${req.campaign_id}.`, affected);
    const known = await knownElsewhere(ctx, address, req.campaign_id);
    if (known && 'unknown' in known) {
      throw scanCutShort(
        ctx,
        `${address} is not a recipient of Mailshake campaign ${req.campaign_id} (nothing was paused), and whether Mailshake knows it at all (already_stopped) or not (not_found) could not be settled:`,
        known.unknown,
        'Check the campaign ID.',
      );
    }
    if (known) {
      return outcome('already_stopped', leadFrom(known.recipient, address, []), campaign, `${address} is not a recipient of Mailshake campaign ${req.campaign_id} (${known.where}); nothing to stop.`);
    }
    return outcome('not_found', null, campaign, `Mailshake does not know ${address}: it is a recipient of no active campaign and was never emailed; nothing to stop.`);
  }

  const scan = await scanCampaigns(ctx, async (c) => {
    const id = String(c.id);
    if (!(await getRecipient(ctx, id, address))) return null;
    const paused = await pausedRecipient(ctx, id, address);
    if (paused) return { state: 'already' as const, recipient: paused };
    const r = await pause(ctx, id, address);
    return r ? { state: 'paused' as const, recipient: r } : null;
  });
  const changed = scan.hits.filter((h) => h.result.state === 'paused');
  const already = scan.hits.filter((h) => h.result.state === 'already');
  const names = (hits: typeof scan.hits) => hits.map((h) => str(h.campaign.title) ?? String(h.campaign.id)).join(', ');
  const done = [changed.length ? `paused it in ${names(changed)}` : '', already.length ? `it was already paused in ${names(already)}` : ''].filter(Boolean).join('; ');
  if (!scan.complete) {
    throw scanCutShort(
      ctx,
      `Stopping ${address} in every Mailshake campaign was cut short${done ? ` (${done})` : ''}.`,
      scan,
      'Choose the Campaign to stop it in (one campaign is a few calls), or replay this step.',
    );
  }
  const affected = scan.hits.map((h) => membershipOf(h.campaign, 'paused'));
  const first = scan.hits[0];
  if (first) {
    const lead = leadFrom(first.result.recipient, address, affected);
    if (changed.length) return outcome('stopped', lead, null, `Mailshake: ${done} (checked ${scanned(scan)}).`, affected);
    return outcome('already_stopped', lead, null, `${address} is already paused in Mailshake campaign${already.length > 1 ? 's' : ''} ${names(already)}; nothing changed (checked ${scanned(scan)}).`, affected);
  }
  const known = await knownElsewhere(ctx, address, null);
  if (known && !('unknown' in known)) {
    return outcome('already_stopped', leadFrom(known.recipient, address, []), null, `${address} is in no active Mailshake campaign (${known.where}); nothing to stop (checked ${scanned(scan)}).`);
  }
  return outcome('not_found', null, null, `Mailshake does not know ${address}: it is a recipient of none of ${scanned(scan)} and was never emailed; nothing to stop.`);
};

/**
 * The address's unsubscribe and bounce replies (`activity/replies {recipientEmailAddress}`, any
 * type, newest 100): Mailshake records an unsubscribe and a bounce as a Reply of that `type`
 * (docs "Models > Reply"). An unsubscribe anywhere is team-wide; a bounce counts per campaign.
 */
const blockingReplies = async (ctx: Ctx, address: string): Promise<{ unsubscribed: boolean; bouncedIn: Set<string> }> => {
  const data = await msCall(ctx, mailshakeApi, { method: 'POST', path: '/activity/replies', body: { recipientEmailAddress: address, perPage: 100 } });
  const page = Paginated.safeParse(data ?? {});
  const replies = (page.success ? (page.data.results ?? []) : [])
    .map((r) => Reply.safeParse(r))
    .filter((r) => r.success)
    .map((r) => r.data)
    .filter((r) => emailOf(r.recipient?.emailAddress) === address);
  return {
    unsubscribed: replies.some((r) => str(r.type) === 'unsubscribe'),
    bouncedIn: new Set(replies.filter((r) => str(r.type) === 'bounce').map((r) => str(r.campaign?.id) ?? '')),
  };
};

/** `recipients/unpause {campaignID, emailAddress}`: the Recipient, or null when not in that campaign. */
const unpause = async (ctx: Ctx, campaignId: string, address: string): Promise<Recipient | null> => {
  const data = await msCall(ctx, mailshakeApi, {
    method: 'POST',
    path: '/recipients/unpause',
    body: { campaignID: campaignNumber(campaignId), emailAddress: address },
    notFoundOk: true,
  });
  if (data === null) return null;
  const r = Recipient.safeParse(data);
  return r.success ? r.data : { emailAddress: address };
};

/**
 * Resume = `recipients/unpause` (docs "Recipients > Unpause": "Resumes sending for a recipient").
 * First one `activity/replies` call for the address: an unsubscribe reply (team-wide) →
 * skipped_unsubscribed, nothing unpaused; a bounce in a campaign → never unpaused there
 * (not_paused). Then per campaign (the chosen one, else every active campaign, scanned like
 * Stop): paused (`recipients/list` paused filter) → unpause → resumed; a recipient not paused →
 * already_running; not a recipient → nothing there. Mailshake has no "finished" recipient state,
 * so a recipient who received every message and is not paused reads as already_running.
 */
const resume = async (ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  const campaign = req.campaign_id ? { id: req.campaign_id, name: null } : null;
  const blocked = await blockingReplies(ctx, address);
  if (blocked.unsubscribed) {
    return outcome('skipped_unsubscribed', leadFrom(null, address, []), campaign, `${address} unsubscribed from Mailshake; nothing was unpaused.`);
  }
  type State = { state: 'resumed' | 'running' | 'bounced'; recipient: Recipient };
  const inCampaign = async (id: string, knownRecipient: Recipient | null): Promise<State | null> => {
    const paused = await pausedRecipient(ctx, id, address);
    if (blocked.bouncedIn.has(id)) return paused || knownRecipient ? { state: 'bounced', recipient: (paused ?? knownRecipient) as Recipient } : null;
    if (!paused) return knownRecipient ? { state: 'running', recipient: knownRecipient } : null;
    const r = await unpause(ctx, id, address);
    return r ? { state: 'resumed', recipient: r } : null;
  };
  const finish = (hits: { id: string; name: string | null; result: State }[], checked: string): ActionOutcome => {
    const status = { resumed: 'active', running: 'active', bounced: 'bounced' } as const;
    const affected = hits.map((h) => ({ id: h.id, name: h.name, status: status[h.result.state] }));
    const names = (state: State['state']) => hits.filter((h) => h.result.state === state).map((h) => h.name ?? h.id).join(', ');
    const lead = hits[0] ? leadFrom(hits[0].result.recipient, address, affected) : null;
    if (hits.some((h) => h.result.state === 'resumed')) return outcome('resumed', lead, campaign, `Unpaused ${address} in Mailshake campaign(s) ${names('resumed')}${checked}.`, affected);
    if (hits.some((h) => h.result.state === 'running')) return outcome('already_running', lead, campaign, `${address} is not paused in Mailshake campaign(s) ${names('running')}${checked}; nothing changed.`, affected);
    return outcome('not_paused', lead, campaign, `${address} bounced in Mailshake campaign(s) ${names('bounced')}; it was not unpaused${checked}.`, affected);
  };

  if (req.campaign_id) {
    const id = req.campaign_id;
    const recipient = await getRecipient(ctx, id, address);
    const state = recipient ? await inCampaign(id, recipient) : null;
    if (state) return finish([{ id, name: null, result: state }], '');
    const known = await knownElsewhere(ctx, address, id);
    if (known && 'unknown' in known) {
      throw scanCutShort(ctx, `${address} is not a recipient of Mailshake campaign ${id} (nothing was unpaused), and whether Mailshake knows it at all could not be settled:`, known.unknown, 'Check the campaign ID.');
    }
    if (known) return outcome('not_paused', leadFrom(known.recipient, address, []), campaign, `${address} is not a recipient of Mailshake campaign ${id} (${known.where}); nothing to resume.`);
    return outcome('not_found', null, campaign, `Mailshake does not know ${address}: it is a recipient of no active campaign and was never emailed; nothing to resume.`);
  }

  const scan = await scanCampaigns(ctx, async (c) => {
    const recipient = await getRecipient(ctx, String(c.id), address);
    return recipient ? inCampaign(String(c.id), recipient) : null;
  });
  const hits = scan.hits.map((h) => ({ id: String(h.campaign.id), name: str(h.campaign.title), result: h.result }));
  if (!scan.complete) {
    const done = hits.filter((h) => h.result.state === 'resumed').map((h) => h.name ?? h.id).join(', ');
    throw scanCutShort(ctx, `Resuming ${address} in every Mailshake campaign was cut short${done ? ` (unpaused in ${done})` : ''}.`, scan, 'Choose the Campaign to resume it in, or replay this step.');
  }
  if (hits.length) return finish(hits, ` (checked ${scanned(scan)})`);
  const known = await knownElsewhere(ctx, address, null);
  if (known && !('unknown' in known)) {
    return outcome('not_paused', leadFrom(known.recipient, address, []), null, `${address} is in no active Mailshake campaign (${known.where}); nothing to resume (checked ${scanned(scan)}).`);
  }
  return outcome('not_found', null, null, `Mailshake does not know ${address}: it is a recipient of none of ${scanned(scan)} and was never emailed; nothing to resume.`);
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
  const r = await getRecipient(ctx, campaignId, address);
  return { lead: r ? leadFrom(r, address, membership) : leadOf(TOOL, lead, membership), created: result.kind === 'added' };
};

export const mailshakeLeads: LeadOperations = {
  find,
  upsert,
  enroll,
  stop,
  resume,
};
