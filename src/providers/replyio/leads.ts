import { pathSegment } from '../../http/path';
import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { email as lowerEmail, joinName, str } from '../../model/values';
import { callJson } from '../../http/client';
import { conclude, isEnd, isFinish, isRefusal, raise } from '../shared/decision';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, ResumeRequest, StopRequest } from '../types';
import { numericId, replyioApi } from './api';
import {
  afterPush,
  afterResuming,
  afterSetActive,
  afterSetStatus,
  afterStopping,
  asIsOf,
  beforeResuming,
  beforeStopping,
  enrolled,
  inScope,
  leftBehind,
  membershipOf,
  needsFirstName,
  overwrites,
  sequenceNamed,
  skippedByMembership,
  skippedOptedOut,
  statusAfter,
  stopTargets,
  toResume,
  type Membership,
} from './decide';
import { ContactStatuses, Person, PushResult } from './payloads';

/*
 * Reply.io's lead operations as named steps (docs/ARCHITECTURE.md, "Lead operations: one shape"):
 * the calls below, the decisions in decide.ts. The legacy v1 API (official CLI `replyio/reply-cli`)
 * plus the v3 per-sequence status endpoint for pausing / finishing / resuming. Every decision is
 * in README.md.
 */
const TOOL = 'replyio' as const;

const leadOf = (p: Person, campaigns: LeadCampaign[] = [], unsubscribed: boolean | null = null): Lead => {
  const first = str(p.firstName);
  const last = str(p.lastName);
  return {
    id: `${TOOL}:${String(p.id)}`,
    tool: TOOL,
    tool_lead_id: String(p.id),
    email: lowerEmail(p.email),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(p.company),
    title: str(p.title),
    phone: str(p.phone),
    linkedin_url: str(p.linkedInProfile),
    unsubscribed,
    campaigns,
  };
};

const campaignsOf = (statuses: ContactStatuses | null): LeadCampaign[] =>
  (statuses?.sequences ?? []).map((c) => ({ id: String(c.sequenceId), name: str(c.sequenceName), status: str(c.statusInSequence) }));

/** The contact id the v3 status calls take: the statuses' own, else the v1 contact's. */
const contactIdOf = (statuses: ContactStatuses | null, person: Person | null): string | null => str(statuses?.contactId) ?? str(person?.id);

const personBody = (lead: LeadInput): Record<string, unknown> => {
  const body: Record<string, unknown> = { email: lead.email };
  if (lead.first_name) body.firstName = lead.first_name;
  if (lead.last_name) body.lastName = lead.last_name;
  if (lead.company) body.company = lead.company;
  if (lead.title) body.title = lead.title;
  if (lead.phone) body.phone = lead.phone;
  if (lead.linkedin_url) body.linkedInProfile = lead.linkedin_url;
  const custom = Object.entries(lead.custom_fields ?? {});
  if (custom.length) body.customFields = custom.map(([key, value]) => ({ key, value }));
  return body;
};

/* ---- steps: one Reply.io call each ---- */

/** `GET /v1/people?email=`: the contact, or null (404, or an empty answer). */
const getPerson = async (ctx: Ctx, address: string): Promise<Person | null> => {
  const res = await callJson<unknown>(ctx, replyioApi, { method: 'GET', path: '/v1/people', params: { email: address }, allowStatuses: [404] });
  if (res.status === 404 || !res.data) return null;
  const data = Array.isArray(res.data) ? res.data[0] : ((res.data as { people?: unknown[] }).people?.[0] ?? res.data);
  const parsed = Person.safeParse(data);
  return parsed.success ? parsed.data : null;
};

/**
 * `GET /v3/contacts/{id}/statuses` (docs.reply.io "Get a contact's statuses", beta): `isOptedOut`
 * and the contact's `statusInSequence` in every sequence it is in. Not `GET /v1/stats/person`,
 * which Reply throttles to one request per 10 s: it would fail any Zap that runs twice in a row.
 * 404 (the contact went away meanwhile) → null.
 */
const getStatuses = async (ctx: Ctx, contactId: string | number): Promise<ContactStatuses | null> => {
  const res = await callJson<unknown>(ctx, replyioApi, {
    method: 'GET',
    path: `/v3/contacts/${pathSegment(String(contactId))}/statuses`,
    allowStatuses: [404],
  });
  if (res.status === 404 || !res.data) return null;
  const parsed = ContactStatuses.safeParse(res.data);
  if (!parsed.success) {
    throw new ctx.z.errors.Error(
      `Reply.io answered the contact's statuses with something unexpected: ${JSON.stringify(res.data).slice(0, 200)}`,
      'UnexpectedResponse',
      502,
    );
  }
  return parsed.data;
};

/** `POST /v1/people` creates or updates by email and answers with the contact. */
const savePerson = async (ctx: Ctx, lead: LeadInput): Promise<Person> => {
  const { data } = await callJson<unknown>(ctx, replyioApi, { method: 'POST', path: '/v1/people', body: personBody(lead) });
  const parsed = Person.safeParse(data);
  if (!parsed.success) {
    throw new ctx.z.errors.Error(`Reply.io saved ${lead.email} but did not return the contact's id.`, 'UnexpectedResponse', 502);
  }
  return parsed.data;
};

/** `POST /v1/Actions/pushContactsToSequence {ContactIds, SequenceId, OverwriteExisting}`: its counters (never an error for a skip). */
const pushToSequence = async (ctx: Ctx, personId: string | number, sequenceId: string, overwrite: boolean): Promise<PushResult> => {
  const { data } = await callJson<unknown>(ctx, replyioApi, {
    method: 'POST',
    path: '/v1/Actions/pushContactsToSequence',
    body: { ContactIds: [numericId(personId)], SequenceId: numericId(sequenceId), OverwriteExisting: overwrite },
  });
  const result = PushResult.safeParse(data ?? {});
  return result.success ? result.data : {};
};

/**
 * `POST /v1/actions/removepersonfromcampaignbyid {campaignId, email}` (200, no body): true when it
 * removed something; a 404 (contact or sequence gone meanwhile) removed nothing.
 */
const removeFromSequence = async (ctx: Ctx, sequenceId: string | number, address: string): Promise<boolean> => {
  const res = await callJson(ctx, replyioApi, {
    method: 'POST',
    path: '/v1/actions/removepersonfromcampaignbyid',
    body: { campaignId: numericId(sequenceId), email: address },
    allowStatuses: [404],
  });
  return res.status !== 404;
};

/** `POST /v3/sequences/{id}/contacts/set-status-in-sequence {contactIds, statusInSequence}`: the item's error (`{contactId: error}`), undefined on `{}`. */
const setStatusInSequence = async (ctx: Ctx, sequenceId: string | number, contactId: string, status: string): Promise<unknown> => {
  const { data } = await callJson<Record<string, unknown> | null>(ctx, replyioApi, {
    method: 'POST',
    path: `/v3/sequences/${pathSegment(String(sequenceId))}/contacts/set-status-in-sequence`,
    body: { contactIds: [Number(contactId)], statusInSequence: status },
  });
  return data && typeof data === 'object' ? (data as Record<string, unknown>)[contactId] : undefined;
};

const noContactId = (ctx: Ctx, address: string): never => {
  throw new ctx.z.errors.Error(`Reply.io did not return the id of ${address}.`, 'UnexpectedResponse', 502);
};

/* ---- operations ---- */

const find: LeadOperations['find'] = async (ctx, address) => {
  const person = await getPerson(ctx, address.trim().toLowerCase());
  if (!person) return null;
  const statuses = await getStatuses(ctx, person.id);
  return leadOf(person, campaignsOf(statuses), statuses ? Boolean(statuses.isOptedOut) : null);
};

const upsert: LeadOperations['upsert'] = async (ctx, input) => {
  const gate = needsFirstName(input);
  if (isRefusal(gate)) return raise(ctx, gate);
  const target = input.email.trim().toLowerCase();
  // The upsert answer does not say whether it created: the lookup before it does.
  const existing = await getPerson(ctx, target);
  const saved = await savePerson(ctx, { ...input, email: target });
  return { lead: leadOf(saved), created: existing === null };
};

const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const gate = needsFirstName(req.lead);
  if (isRefusal(gate)) return raise(ctx, gate);
  const address = req.lead.email.trim().toLowerCase();
  const campaign = { id: req.campaign_id, name: null };
  const person = await savePerson(ctx, { ...req.lead, email: address });
  const lead = leadOf(person);
  // OverwriteExisting moves the contact out of the sequence it is running in: read where it
  // runs first, so the outcome can say which sequence it left (only on this path).
  const overwrite = overwrites(req);
  const before = overwrite ? await getStatuses(ctx, person.id) : null;
  const pushed = afterPush(req, person.id, await pushToSequence(ctx, person.id, req.campaign_id, overwrite));
  if (isRefusal(pushed)) return raise(ctx, pushed);
  // The only finish the counters give: opted out.
  if (isFinish(pushed)) return conclude(ctx, TOOL, pushed, { ...lead, unsubscribed: true }, campaign);
  if (pushed.next === 'enrolled') {
    const left = leftBehind(req, before);
    if (!left.length) return conclude(ctx, TOOL, enrolled(req, left), lead, campaign);
    return conclude(
      ctx,
      TOOL,
      enrolled(req, left),
      { ...lead, campaigns: [{ id: req.campaign_id, name: null, status: 'active' }] },
      campaign,
      left.map((c) => ({ id: String(c.sequenceId), name: str(c.sequenceName), status: 'removed' })),
    );
  }
  // A plain "skipped": the contact is already in a sequence. Which one decides the outcome.
  const stats = before ?? (await getStatuses(ctx, person.id));
  const withCampaigns = { ...lead, campaigns: campaignsOf(stats), unsubscribed: stats ? Boolean(stats.isOptedOut) : null };
  const optedOut = skippedOptedOut(req, stats);
  if (isFinish(optedOut)) return conclude(ctx, TOOL, optedOut, withCampaigns, campaign);
  // Outcomes about this sequence (already in it, been through it) name it.
  const here = membershipOf(stats, req.campaign_id);
  return conclude(ctx, TOOL, skippedByMembership(req, stats), withCampaigns, here ? { id: req.campaign_id, name: str(here.sequenceName) } : campaign);
};

/** Remove: one removal per live membership (never removepersonfromallcampaigns, which would also drop finished ones). */
const removeEach = async (ctx: Ctx, address: string, targets: Membership[]): Promise<LeadCampaign[]> => {
  const done: LeadCampaign[] = [];
  for (const c of targets) {
    if (await removeFromSequence(ctx, c.sequenceId, address)) done.push({ id: String(c.sequenceId), name: str(c.sequenceName), status: 'removed' });
  }
  return done;
};

/** Pause / mark finished: the v3 status call per membership; an item's error stops the step. */
const setEach = async (ctx: Ctx, req: StopRequest, contactId: string | null, targets: Membership[]): Promise<LeadCampaign[]> => {
  const id = contactId ?? noContactId(ctx, req.email.trim().toLowerCase());
  const status = statusAfter(req.mode);
  const done: LeadCampaign[] = [];
  for (const c of targets) {
    const after = afterSetStatus(req, c, await setStatusInSequence(ctx, c.sequenceId, id, status));
    if (isRefusal(after)) return raise(ctx, after);
    done.push({ id: String(c.sequenceId), name: str(c.sequenceName), status });
  }
  return done;
};

const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  const person = await getPerson(ctx, address);
  const statuses = person ? await getStatuses(ctx, person.id) : null;
  const scoped = inScope(statuses, req.campaign_id);
  // not_found names no sequence; the other outcomes name the chosen one.
  const named = statuses ? sequenceNamed(scoped, req.campaign_id) : null;
  const asIs = asIsOf(scoped);
  const gate = beforeStopping(req, statuses, scoped);
  if (isEnd(gate)) return conclude(ctx, TOOL, gate, null, named, asIs);
  const targets = stopTargets(req.mode, scoped);
  const done = req.mode === 'remove' ? await removeEach(ctx, address, targets) : await setEach(ctx, req, contactIdOf(statuses, person), targets);
  return conclude(ctx, TOOL, afterStopping(req, scoped, done), null, named, done.length ? done : asIs);
};

/** Resume: `active` for each paused membership in scope; an item's error stops the step, saying where it resumed already. */
const resumeEach = async (ctx: Ctx, req: ResumeRequest, contactId: string | null, paused: Membership[]): Promise<LeadCampaign[]> => {
  if (!paused.length) return [];
  const id = contactId ?? noContactId(ctx, req.email.trim().toLowerCase());
  const done: LeadCampaign[] = [];
  for (const c of paused) {
    const after = afterSetActive(req, c, await setStatusInSequence(ctx, c.sequenceId, id, 'active'), done);
    if (isRefusal(after)) return raise(ctx, after);
    done.push({ id: String(c.sequenceId), name: str(c.sequenceName), status: 'active' });
  }
  return done;
};

/**
 * Resume: `POST /v3/sequences/{id}/contacts/set-status-in-sequence {contactIds, statusInSequence:
 * "active"}` for each sequence where the contact is paused. Reply accepts `active` from any
 * state (docs "Set contacts' status in this sequence"), so the statuses decide first: only a
 * paused membership is set active — never a finished or inactive one — and never for an
 * opted-out contact (skipped_unsubscribed, no write).
 */
const resume = async (ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome> => {
  const address = req.email.trim().toLowerCase();
  const person = await getPerson(ctx, address);
  const statuses = person ? await getStatuses(ctx, person.id) : null;
  const scoped = inScope(statuses, req.campaign_id);
  const named = sequenceNamed(scoped, req.campaign_id);
  const lead = person && statuses ? leadOf(person, campaignsOf(statuses), Boolean(statuses.isOptedOut)) : null;
  const gate = beforeResuming(req, statuses, scoped);
  if (isEnd(gate)) return conclude(ctx, TOOL, gate, lead, named);
  const done = await resumeEach(ctx, req, contactIdOf(statuses, person), toResume(scoped));
  const touched = (c: LeadCampaign) => done.find((d) => d.id === c.id) ?? c;
  const after = lead && { ...lead, campaigns: lead.campaigns.map(touched) };
  return conclude(ctx, TOOL, afterResuming(req, scoped, done), after, named, asIsOf(scoped).map(touched));
};

export const replyioLeads: LeadOperations = { find, upsert, enroll, stop, resume };
