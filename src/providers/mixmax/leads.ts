import { pathSegment } from '../../http/path';
import type { ActionOutcome, Lead } from '../../model/lead';
import { leadFromInput } from '../shared/outcome';
import { conclude, isFinish, isRefusal, raise } from '../shared/decision';
import { email as lowerEmail, joinName, splitName, str } from '../../model/values';
import { callJson } from '../../http/client';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, StopRequest } from '../types';
import { mixmaxApi } from './api';
import { addressOf, afterAdding, afterCancel, afterDuplicate, cancelledIn, resultFor, stateOnPage, stopNeedsSequence } from './decide';
import { Contact, RecipientResult, SequenceRecipient } from './payloads';

/*
 * Mixmax's lead operations as named steps (docs/ARCHITECTURE.md, "Lead operations: one shape";
 * developer.mixmax.com /contacts, /sequences): the calls below, the decisions in decide.ts.
 * Decisions on unconfirmed points: README.md.
 */

const TOOL = 'mixmax' as const;

/** `GET /sequences/{id}/recipients` page size and the most pages read to find one recipient. */
export const RECIPIENT_SCAN = { limit: 100, maxPages: 10 };

const leadOf = (c: Contact): Lead => {
  const fullName = str(c.name);
  const { first, last } = splitName(fullName);
  const meta = c.meta ?? {};
  return {
    id: `${TOOL}:${c._id}`,
    tool: TOOL,
    tool_lead_id: c._id,
    email: lowerEmail(c.email),
    first_name: str(meta['First Name']) ?? first,
    last_name: str(meta['Last Name']) ?? last,
    full_name: fullName,
    company: str(meta.Company),
    title: str(meta.Title),
    phone: str(meta.Phone),
    linkedin_url: null,
    // Mixmax keeps unsubscribes per sequence send, not on the contact; sequence membership is
    // only listable per sequence (GET /sequences/{id}/recipients), so neither is known here.
    unsubscribed: null,
    campaigns: [],
  };
};

/** Sequence variables Mixmax substitutes: its built-in names plus the caller's custom fields. */
const variablesOf = (lead: LeadInput): Record<string, string> => {
  const vars: Record<string, string> = {};
  if (lead.first_name) vars['First Name'] = lead.first_name;
  if (lead.last_name) vars['Last Name'] = lead.last_name;
  if (lead.company) vars.Company = lead.company;
  if (lead.title) vars.Title = lead.title;
  if (lead.phone) vars.Phone = lead.phone;
  return { ...vars, ...(lead.custom_fields ?? {}) };
};

/* ---- steps: one Mixmax call each ---- */

/** `GET /v1/contacts?search=` then an exact (case-insensitive) email match on the results. */
const findContact = async (ctx: Ctx, address: string): Promise<Contact | null> => {
  const { data } = await callJson<{ results?: unknown[] } | unknown[] | null>(ctx, mixmaxApi, {
    method: 'GET',
    path: '/contacts',
    params: { search: address, limit: '50' },
  });
  const rows = Array.isArray(data) ? data : (data?.results ?? []);
  for (const row of rows) {
    const parsed = Contact.safeParse(row);
    if (parsed.success && lowerEmail(parsed.data.email) === address) return parsed.data;
  }
  return null;
};

/** `POST /v1/contacts {email, name}`: the contact created. */
const createContact = async (ctx: Ctx, address: string, lead: LeadInput): Promise<Contact> => {
  const body: Record<string, unknown> = { email: address };
  const name = joinName(lead.first_name, lead.last_name);
  if (name) body.name = name;
  const { data } = await callJson<unknown>(ctx, mixmaxApi, { method: 'POST', path: '/contacts', body });
  const parsed = Contact.safeParse(data);
  if (!parsed.success) {
    throw new ctx.z.errors.Error(`Mixmax did not return the contact it created for ${address}.`, 'UnexpectedResponse', 502);
  }
  return parsed.data;
};

/** `POST /sequences/{id}/recipients {recipients: [{email, variables}]}`: Mixmax's result for the address. */
const addRecipient = async (ctx: Ctx, sequenceId: string, address: string, lead: LeadInput): Promise<RecipientResult> => {
  const { data } = await callJson<{ recipients?: unknown[] }>(ctx, mixmaxApi, {
    method: 'POST',
    path: `/sequences/${pathSegment(sequenceId, 'Campaign')}/recipients`,
    body: { recipients: [{ email: address, variables: variablesOf(lead) }] },
  });
  const rows = (data?.recipients ?? [])
    .map((r) => RecipientResult.safeParse(r))
    .filter((r) => r.success)
    .map((r) => r.data);
  const mine = resultFor(address, rows);
  if (!mine) throw new ctx.z.errors.Error(`Mixmax answered without a result for ${address}.`, 'UnexpectedResponse', 502);
  return mine;
};

/** `GET /sequences/{id}/recipients?limit=&offset=`: one page of the sequence's recipients (a bare array) and how many rows came. */
const recipientsPage = async (ctx: Ctx, sequenceId: string, offset: number): Promise<{ recipients: SequenceRecipient[]; received: number }> => {
  const { data } = await callJson<unknown>(ctx, mixmaxApi, {
    method: 'GET',
    path: `/sequences/${pathSegment(sequenceId)}/recipients`,
    params: { limit: String(RECIPIENT_SCAN.limit), offset: String(offset) },
  });
  const rows = Array.isArray(data) ? data : [];
  return { recipients: rows.map((row) => SequenceRecipient.safeParse(row)).flatMap((r) => (r.success ? [r.data] : [])), received: rows.length };
};

/** `POST /sequences/{id}/cancel {emails: [address]}`: the status (404 allowed) and the answer. */
const cancelRecipient = async (ctx: Ctx, sequenceId: string, address: string) =>
  callJson<{ recipients?: unknown } | null>(ctx, mixmaxApi, {
    method: 'POST',
    path: `/sequences/${pathSegment(sequenceId, 'Campaign')}/cancel`,
    body: { emails: [address] },
    allowStatuses: [404],
  });

/**
 * The state of one recipient of a sequence (`active` | `failed` | `completed`, developer.mixmax.com
 * GET /sequences/:id/recipients "Recipient structure"), or null when it is not among the rows read.
 * That endpoint has no email filter and pages by `offset` (at most 10,000 rows), so pages are read
 * until the address shows up, a page comes back empty, or RECIPIENT_SCAN.maxPages were read.
 * `offset` advances by the rows actually received, so a smaller page than asked for never skips anyone.
 */
const recipientState = async (ctx: Ctx, sequenceId: string, address: string): Promise<{ state: string | null; complete: boolean }> => {
  let offset = 0;
  for (let page = 0; page < RECIPIENT_SCAN.maxPages; page += 1) {
    const { recipients, received } = await recipientsPage(ctx, sequenceId, offset);
    const found = stateOnPage(address, recipients);
    if (found) return { state: found.state, complete: true };
    if (received === 0) return { state: null, complete: true };
    offset += received;
  }
  return { state: null, complete: false };
};

/* ---- operations ---- */

const find = async (ctx: Ctx, email: string): Promise<Lead | null> => {
  const contact = await findContact(ctx, addressOf(email));
  return contact ? leadOf(contact) : null;
};

/** Find, then create when missing. The contacts API documents no update call: an existing contact is returned as it is. */
const upsert = async (ctx: Ctx, lead: LeadInput): Promise<{ lead: Lead; created: boolean }> => {
  const address = addressOf(lead.email);
  const existing = await findContact(ctx, address);
  if (existing) return { lead: leadOf(existing), created: false };
  return { lead: leadOf(await createContact(ctx, address, lead)), created: true };
};

/** Add to the sequence; a `duplicated` answer is told apart by the recipient's state in the sequence. */
const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const address = addressOf(req.lead.email);
  const lead = leadFromInput(TOOL, { ...req.lead, email: address });
  const campaign = { id: req.campaign_id, name: null };
  const d = afterAdding(req, await addRecipient(ctx, req.campaign_id, address, req.lead));
  if ('throttle' in d) throw new ctx.z.errors.ThrottledError(d.throttle.message, d.throttle.retryAfter);
  if (isFinish(d)) return conclude(ctx, TOOL, d, d.outcome === 'skipped_unsubscribed' ? { ...lead, unsubscribed: true } : lead, campaign);
  if (isRefusal(d)) return raise(ctx, d);
  const { state, complete } = await recipientState(ctx, req.campaign_id, address);
  return conclude(ctx, TOOL, afterDuplicate(req, state, complete, RECIPIENT_SCAN.limit * RECIPIENT_SCAN.maxPages), lead, campaign);
};

/** `POST /sequences/{id}/cancel` is the only per-recipient stop the API documents. */
const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const address = addressOf(req.email);
  if (!req.campaign_id) return raise(ctx, stopNeedsSequence);
  const res = await cancelRecipient(ctx, req.campaign_id, address);
  const d = afterCancel(address, req.campaign_id, res.status, res.data);
  return conclude(ctx, TOOL, d, null, { id: req.campaign_id, name: null }, cancelledIn(req.campaign_id, d));
};

export const mixmaxLeads: LeadOperations = { find, upsert, enroll, stop };
