import { pathSegment, withQuery } from '../../http/path';
import type { ActionOutcome } from '../../model/lead';
import { str } from '../../model/values';
import { callJson } from '../../http/client';
import { now } from '../../delivery/clock';
import { conclude, isEnd, isFinish, isRefusal, raise } from '../shared/decision';
import type { CampaignOption, Ctx, EnrollRequest, LeadInput, LeadOperations, StopMode, StopRequest } from '../types';
import { apolloApi } from './api';
import {
  afterAdding,
  afterCreate,
  afterStopping,
  beforeAdding,
  beforeStopping,
  customFieldIds,
  notFound,
  scopeCampaigns,
  sendingMailbox,
  stopTargets,
  stoppedCampaigns,
  untouchedNote,
  withNote,
  type AddAnswer,
} from './decide';
import { hasEmail, leadFromContact } from './normalize';
import { Contact, TypedCustomField } from './payloads';

/*
 * Apollo's lead operations as named steps (docs/ARCHITECTURE.md, "Lead operations: one shape"):
 * the calls below, the decisions in decide.ts. Both writes look the email up first and never
 * write through a blind dedupe match (see the provider's README, "Leads").
 */

/** Our stop modes → Apollo's `remove_or_stop_contact_ids` modes. */
const APOLLO_MODE: Record<StopMode, string> = { pause: 'stop', remove: 'remove', mark_finished: 'mark_as_finished' };

/**
 * The contact fields we have, for `POST /contacts` and `PATCH /contacts/{id}`. An empty value
 * would clear the field in Apollo: send only what we have. `custom` is already keyed by Apollo
 * field id (see `customFieldIds`). LinkedIn is not a create / update field in Apollo's API.
 */
const contactFields = (lead: LeadInput, custom: Record<string, string>): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  if (lead.first_name) body.first_name = lead.first_name;
  if (lead.last_name) body.last_name = lead.last_name;
  if (lead.company) body.organization_name = lead.company;
  if (lead.title) body.title = lead.title;
  if (lead.phone) body.direct_phone = lead.phone;
  if (Object.keys(custom).length) body.typed_custom_fields = custom;
  return body;
};

/** The contact with this id in an answer's `contacts[]`, or null. */
const contactIn = (list: unknown[] | undefined, id: Contact['id']): Contact | null => {
  const returned = (list ?? []).map((c) => Contact.safeParse(c)).find((c) => c.success && String(c.data.id) === String(id));
  return returned?.success ? returned.data : null;
};

/* ---- steps: one Apollo call each ---- */

/** `POST /contacts/search {q_keywords}`: the contact with exactly this email (or an additional one), or null. */
const searchContact = async (ctx: Ctx, address: string): Promise<Contact | null> => {
  const { data } = await callJson<{ contacts?: unknown[] }>(ctx, apolloApi, {
    method: 'POST',
    path: '/contacts/search',
    body: { q_keywords: address, page: 1, per_page: 100 },
  });
  for (const item of data?.contacts ?? []) {
    const c = Contact.safeParse(item);
    if (c.success && hasEmail(c.data, address)) return c.data;
  }
  return null;
};

/**
 * `GET /typed_custom_fields` (the list the create / update docs point to; `/fields` has no
 * picklist options): the account's custom field definitions.
 */
const listCustomFields = async (ctx: Ctx): Promise<TypedCustomField[]> => {
  const { data } = await callJson<{ typed_custom_fields?: unknown[] }>(ctx, apolloApi, { method: 'GET', path: '/typed_custom_fields' });
  return (data?.typed_custom_fields ?? [])
    .map((f) => TypedCustomField.safeParse(f))
    .filter((r) => r.success)
    .map((r) => r.data);
};

/**
 * `POST /contacts` with `run_dedupe: true` (never a duplicate, e.g. of a contact created a moment
 * ago that the search index does not show yet): the contact Apollo answered with, and when we asked.
 */
const createContact = async (ctx: Ctx, lead: LeadInput, custom: Record<string, string>): Promise<{ contact: Contact; sentAt: number }> => {
  const sentAt = now();
  const { data } = await callJson<{ contact?: unknown }>(ctx, apolloApi, {
    method: 'POST',
    path: '/contacts',
    body: { email: lead.email, run_dedupe: true, ...contactFields(lead, custom) },
  });
  const c = Contact.safeParse(data?.contact);
  if (!c.success) throw new ctx.z.errors.Error(`Apollo saved ${lead.email} but returned no contact.`, 'UnexpectedResponse', 502);
  return { contact: c.data, sentAt };
};

/** `PATCH /contacts/{contact_id}` (Update a Contact: by id, no matching, email untouched). */
const updateContact = async (ctx: Ctx, id: Contact['id'], address: string, body: Record<string, unknown>): Promise<Contact> => {
  const { data } = await callJson<{ contact?: unknown }>(ctx, apolloApi, { method: 'PATCH', path: `/contacts/${pathSegment(String(id))}`, body });
  const c = Contact.safeParse(data?.contact);
  if (!c.success) throw new ctx.z.errors.Error(`Apollo updated ${address} but returned no contact.`, 'UnexpectedResponse', 502);
  return c.data;
};

/**
 * `POST /emailer_campaigns/{id}/add_contact_ids` with query parameters: what Apollo answered about
 * the contact. The returned contact is read only when Apollo did not skip it.
 */
const addToSequence = async (ctx: Ctx, req: EnrollRequest, contactId: Contact['id'], mailbox: string): Promise<AddAnswer> => {
  const path = withQuery(`/emailer_campaigns/${pathSegment(req.campaign_id, 'Campaign')}/add_contact_ids`, [
    ['emailer_campaign_id', req.campaign_id],
    ['contact_ids[]', String(contactId)],
    ['send_email_from_email_account_id', mailbox],
    ['sequence_active_in_other_campaigns', String(req.policy.if_in_other_campaign === 'add_anyway')],
    ['sequence_finished_in_other_campaigns', String(req.policy.if_previously_contacted === 're_enroll')],
  ]);
  const { data } = await callJson<{
    contacts?: unknown[];
    skipped_contact_ids?: Record<string, string>;
    emailer_campaign?: { id?: unknown; name?: unknown };
  }>(ctx, apolloApi, { method: 'POST', path });
  const name = str(data?.emailer_campaign?.name);
  const reason = data?.skipped_contact_ids?.[String(contactId)];
  return { reason, name, after: reason ? null : contactIn(data?.contacts, contactId) };
};

/** `POST /emailer_campaigns/remove_or_stop_contact_ids`, all sequences `ids` in one call: the contact as returned, or null. */
const stopInSequences = async (ctx: Ctx, contactId: Contact['id'], ids: string[], mode: StopMode): Promise<Contact | null> => {
  const path = withQuery('/emailer_campaigns/remove_or_stop_contact_ids', [
    ...ids.map((id): [string, string] => ['emailer_campaign_ids[]', id]),
    ['contact_ids[]', String(contactId)],
    ['mode', APOLLO_MODE[mode]],
  ]);
  const { data } = await callJson<{ contacts?: unknown[] }>(ctx, apolloApi, { method: 'POST', path });
  return contactIn(data?.contacts, contactId);
};

/** `GET /email_accounts`: the sending mailboxes, inactive ones marked. */
const listEmailAccounts = async (ctx: Ctx): Promise<CampaignOption[]> => {
  const { data } = await callJson<{ email_accounts?: { id?: unknown; email?: unknown; active?: unknown }[] }>(ctx, apolloApi, {
    method: 'GET',
    path: '/email_accounts',
  });
  return (data?.email_accounts ?? [])
    .filter((a) => str(a.id))
    .map((a) => ({ id: String(a.id), name: `${str(a.email) ?? a.id}${a.active === false ? ' (inactive)' : ''}` }));
};

/* ---- writing a contact: steps with their decision ---- */

/** Custom Fields keyed by Apollo ids: no call without custom fields; an unknown name or option fails the step. */
const mapCustomFields = async (ctx: Ctx, fields: Record<string, string>): Promise<Record<string, string>> => {
  if (!Object.keys(fields).length) return {};
  const mapped = customFieldIds(await listCustomFields(ctx), fields);
  return isRefusal(mapped) ? raise(ctx, mapped) : mapped.ids;
};

/** A new contact, for an email the search did not find; a dedupe answer that is not ours and new fails the step. */
const newContact = async (ctx: Ctx, lead: LeadInput, custom: Record<string, string>, consequence: string): Promise<Contact> => {
  const { contact, sentAt } = await createContact(ctx, lead, custom);
  const check = afterCreate(lead.email, contact, sentAt, consequence);
  return isRefusal(check) ? raise(ctx, check) : contact;
};

/* ---- operations ---- */

const upsert: LeadOperations['upsert'] = async (ctx, input) => {
  // Custom field names first: an unknown one fails before anything is written.
  const custom = await mapCustomFields(ctx, input.custom_fields);
  const existing = await searchContact(ctx, input.email);
  if (!existing) return { lead: leadFromContact(await newContact(ctx, input, custom, 'No contact was created.')), created: true };
  // A known contact is updated by id (Update a Contact): no matching involved, email untouched.
  const body = contactFields(input, custom);
  if (!Object.keys(body).length) return { lead: leadFromContact(existing), created: false };
  return { lead: leadFromContact(await updateContact(ctx, existing.id, input.email, body)), created: false };
};

const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const mailbox = sendingMailbox(req);
  if (typeof mailbox !== 'string') return raise(ctx, mailbox);
  // Search by email first: a contact that has it is used as it is (Enroll Lead writes nothing to
  // it); only an unknown email is created, through the guarded dedupe create.
  const found = await searchContact(ctx, req.lead.email);
  const contact =
    found ?? (await newContact(ctx, req.lead, await mapCustomFields(ctx, req.lead.custom_fields), `Nothing was enrolled in sequence ${req.campaign_id}.`));
  const note = untouchedNote(found !== null, req.lead);
  const lead = leadFromContact(contact);
  const gate = beforeAdding(req, contact);
  if (isEnd(gate)) return conclude(ctx, 'apollo', withNote(gate, note), lead, { id: req.campaign_id, name: null });
  const answer = await addToSequence(ctx, req, contact.id, mailbox);
  const decided = afterAdding(req, contact, answer);
  const shown = isFinish(decided) && decided.outcome === 'enrolled' && answer.after ? leadFromContact(answer.after) : lead;
  return conclude(ctx, 'apollo', withNote(decided, note), shown, { id: req.campaign_id, name: answer.name });
};

const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const contact = await searchContact(ctx, req.email);
  const campaign = req.campaign_id ? { id: req.campaign_id, name: null } : null;
  if (!contact) return conclude(ctx, 'apollo', notFound(req), null, campaign);
  const lead = leadFromContact(contact);
  const gate = beforeStopping(req, contact);
  if (isFinish(gate)) return conclude(ctx, 'apollo', gate, lead, campaign, scopeCampaigns(contact, req.campaign_id));
  const ids = stopTargets(contact, req).map((s) => String(s.emailer_campaign_id));
  const after = await stopInSequences(ctx, contact.id, ids, req.mode);
  return conclude(ctx, 'apollo', afterStopping(req, ids), after ? leadFromContact(after) : lead, campaign, stoppedCampaigns(req.mode, ids, after));
};

export const apolloLeads: LeadOperations = {
  async find(ctx, address) {
    const c = await searchContact(ctx, address);
    return c ? leadFromContact(c) : null;
  },
  upsert,
  enroll,
  stop,
  listMailboxes: listEmailAccounts,
};
