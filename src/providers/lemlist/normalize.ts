import { NoTimestamp } from '../shared/webhook';
import type { EventLead, EventMessage, UnifiedEvent } from '../../model/event';
import type { Lead, LeadCampaign } from '../../model/lead';
import { withoutSecretFields } from '../shared/secrets';
import type { EventType } from '../../model/tools';
import { email, eventId, isoUtc, joinName, str } from '../../model/values';
import { type Activity, type ContactRecord, type ExportedLead, HOOK_TYPE, INTERESTED_TYPES, LeadEntry } from './payloads';

const TOOL = 'lemlist' as const;

/** Which unified event an activity type is, or null when it is none of ours. */
export const eventTypeOfActivity = (type: string): EventType | null => {
  if (type === HOOK_TYPE.reply_received) return 'reply_received';
  if ((INTERESTED_TYPES as readonly string[]).includes(type)) return 'lead_interested';
  if (type === HOOK_TYPE.email_bounced) return 'email_bounced';
  if (type === HOOK_TYPE.lead_unsubscribed) return 'lead_unsubscribed';
  return null;
};

const variable = (a: Activity, key: string): string | null => str(a.lead?.variables?.[key]);

const leadOf = (a: Activity): EventLead => {
  const first = str(a.leadFirstName) ?? variable(a, 'firstName');
  const last = str(a.leadLastName) ?? variable(a, 'lastName');
  return {
    email: email(a.leadEmail) ?? email(variable(a, 'email')),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(a.leadCompanyName) ?? variable(a, 'companyName'),
    title: str(a.jobTitle) ?? variable(a, 'jobTitle'),
    phone: str(a.leadPhone) ?? variable(a, 'phone'),
    linkedin_url: str(a.leadLinkedinUrl) ?? str(a.linkedinUrl) ?? variable(a, 'linkedinUrl'),
    tool_lead_id: str(a.leadId) ?? str(a.lead?._id),
  };
};

/** A reply's writer: `fromEmail` (the inbox shows it equal to `leadEmail`), never our mailbox. */
const replyWriter = (a: Activity, leadEmail: string | null): string | null => {
  const from = email(a.fromEmail);
  const ours = email(a.sendUserEmail);
  return from && from !== ours ? from : leadEmail;
};

const messageOf = (a: Activity, event: EventType, lead: EventLead, at: string): EventMessage | null => {
  if (event === 'reply_received') {
    return {
      id: str(a.messageId),
      thread_id: str(a.emailId),
      subject: str(a.subject),
      text: str(a.text) ?? str(a.messagePreview),
      html: str(a.html) ?? str(a.message),
      from_email: replyWriter(a, lead.email),
      to_email: email(a.sendUserEmail),
      sent_at: at,
    };
  }
  if (event === 'email_bounced') {
    return {
      id: str(a.messageId),
      thread_id: str(a.emailId),
      subject: str(a.subject),
      text: str(a.errorMessage) ?? str(a.text) ?? str(a.messagePreview),
      html: null,
      from_email: null,
      to_email: lead.email,
      sent_at: at,
    };
  }
  return null;
};

const rawWithoutSecret = (raw: unknown): unknown => withoutSecretFields(raw, ['secret']);

/**
 * One lemlist activity (webhook body or `GET /activities` item) as the unified event it is, or
 * null. The id is built from the activity `_id`, so the webhook and the activity list give the
 * same id for the same activity.
 */
export const normalizeActivity = (a: Activity, raw: unknown): UnifiedEvent | null => {
  const event = eventTypeOfActivity(a.type);
  if (!event) return null;
  const at = isoUtc(a.createdAt);
  if (!at) throw new NoTimestamp();
  const lead = leadOf(a);
  const campaignId = str(a.campaignId);
  return {
    id: eventId(TOOL, event, a._id !== null && a._id !== undefined ? [a._id] : [a.type, campaignId, lead.tool_lead_id ?? lead.email, at]),
    event,
    tool: TOOL,
    occurred_at: at,
    lead,
    campaign: campaignId ? { id: campaignId, name: str(a.campaignName) ?? str(a.name) } : null,
    message: messageOf(a, event, lead, at),
    meeting: null,
    category: event === 'lead_interested' ? a.type : null,
    raw: rawWithoutSecret(raw),
  };
};

/**
 * Last states that mean the lead answered, bounced, unsubscribed or was qualified: a lead whose
 * status is `done` after one of these did not "finish the sequence without replying" (the
 * vendor's export example shows `linkedinReplied` with status `done`).
 */
const NOT_FINISHED_STATES =
  /(Replied|Interested|NotInterested|Bounced|Unsubscribed|Failed)$|^(warmed|interested|notInterested|meetingBooked|failed|outOfOffice)$/;

/**
 * A campaign lead from the export whose status is `done` and whose last state is an outbound one
 * (sent, opened, clicked, a LinkedIn visit…): it went through the sequence without replying.
 * `category` = the status (`done`). The export has no time: `occurred_at` is when this poll saw it
 * (`seenAt`); the id holds no time (a lemlist lead entry finishes its campaign once), so every poll
 * yields the same id and Zapier triggers once, at the first poll that sees it.
 */
export const normalizeExportedLead = (l: ExportedLead, campaign: { id: string; name: string | null }, seenAt: string): UnifiedEvent | null => {
  const status = str(l.status);
  const last = str(l.lastState) ?? '';
  if (status !== 'done' || NOT_FINISHED_STATES.test(last)) return null;
  const address = email(l.email);
  if (!address) return null;
  const first = str(l.firstName);
  const lastName = str(l.lastName);
  return {
    id: eventId(TOOL, 'sequence_finished', [campaign.id, l._id]),
    event: 'sequence_finished',
    tool: TOOL,
    occurred_at: seenAt,
    lead: {
      email: address,
      first_name: first,
      last_name: lastName,
      full_name: joinName(first, lastName),
      company: str(l.companyName),
      title: str(l.jobTitle),
      phone: str(l.phone),
      linkedin_url: str(l.linkedinUrl),
      tool_lead_id: str(l._id),
    },
    campaign,
    message: null,
    meeting: null,
    category: status,
    raw: l,
  };
};

/*
 * lemlist leads live inside campaigns: `GET /leads/{email}?version=v2` answers one entry per
 * campaign the address is in (each with its own `lea_` id, its state and whether it is paused).
 * Below: reading those entries (and a contact's campaign entries) into the unified lead.
 */

const UNSUBSCRIBED_STATES = ['emailsUnsubscribed', 'unsubscribed'];

export const campaignIdOf = (e: LeadEntry): string | null => str(e.campaign?.id) ?? str(e.campaignId);
export const campaignNameOf = (e: LeadEntry): string | null => str(e.campaign?.name) ?? str(e.campaignName);
const v = (e: LeadEntry, key: string): string | null => str(e.variables?.[key]);
export const isUnsubscribed = (e: LeadEntry): boolean => UNSUBSCRIBED_STATES.includes(str(e.state) ?? '');
/** The entry's status in the unified lead: `paused` when paused, else its state (or status). */
export const statusOf = (e: LeadEntry): string | null => (e.isPaused ? 'paused' : (str(e.state) ?? str(e.status)));

/** The lead entries of an answer (an array, or one object), most recently updated first. */
export const entriesFrom = (data: unknown): LeadEntry[] =>
  (Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [])
    .map((item) => LeadEntry.safeParse(item))
    .filter((r) => r.success)
    .map((r) => r.data)
    .sort((a, b) => (str(b.updatedAt) ?? '').localeCompare(str(a.updatedAt) ?? ''));

/** The unified lead of an address's campaign entries (the most recently updated one names it). */
export const leadFromEntries = (entries: LeadEntry[], fallbackEmail: string): Lead | null => {
  const main = entries[0];
  if (!main) return null;
  const first = str(main.firstName) ?? v(main, 'firstName');
  const last = str(main.lastName) ?? v(main, 'lastName');
  const campaigns: LeadCampaign[] = [];
  for (const e of entries) {
    const id = campaignIdOf(e);
    if (id && !campaigns.some((c) => c.id === id)) campaigns.push({ id, name: campaignNameOf(e), status: statusOf(e) });
  }
  const toolLeadId = String(main._id);
  return {
    id: `lemlist:${toolLeadId}`,
    tool: 'lemlist',
    tool_lead_id: toolLeadId,
    email: email(main.email) ?? email(v(main, 'email')) ?? email(fallbackEmail),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(main.companyName) ?? v(main, 'companyName'),
    title: str(main.jobTitle) ?? v(main, 'jobTitle'),
    phone: str(main.phone) ?? v(main, 'phone'),
    linkedin_url: str(main.linkedinUrl) ?? v(main, 'linkedinUrl'),
    unsubscribed: entries.some(isUnsubscribed),
    campaigns,
  };
};

/** The campaign entries a contact lists, as lead entries (leadId, campaignId; paused state unknown). */
export const entriesOfContact = (contact: ContactRecord | null, address: string): LeadEntry[] => {
  if (!contact) return [];
  const f = contact.fields ?? {};
  const field = (k: string) => str(f[k]);
  return (contact.campaigns ?? [])
    .filter((c) => str(c.leadId) && str(c.campaignId))
    .map((c) => ({
      _id: String(c.leadId),
      email: email(contact.email) ?? address,
      firstName: field('firstName'),
      lastName: field('lastName'),
      companyName: field('companyName'),
      jobTitle: field('jobTitle'),
      phone: field('phone'),
      linkedinUrl: field('linkedinUrl'),
      status: str(c.leadState),
      campaign: { id: String(c.campaignId), name: null, status: str(c.campaignState) },
    }));
};
