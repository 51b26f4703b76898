import { emptyLead, type UnifiedEvent } from '../../model/event';
import type { Lead } from '../../model/lead';
import type { EventType } from '../../model/tools';
import { email, eventId, isoUtc, joinName, splitName, str } from '../../model/values';
import type { TriggerInput } from '../types';
import { REPLY_CLASSES, type Contact, type ContactCampaignStatus, type EmailerMessage } from './payloads';

const TOOL = 'apollo' as const;

/**
 * Which reply classes count as "interested". The trigger's Interested Categories may name
 * Apollo reply classes (`willing_to_meet`, "follow up question"…); the default `Interested`
 * means `willing_to_meet`. Names that are not reply classes are ignored.
 */
export const interestedClasses = (input: Pick<TriggerInput, 'interested_categories'>): string[] => {
  const out = new Set<string>();
  for (const name of input.interested_categories) {
    const key = name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (key === 'interested') out.add('willing_to_meet');
    else if ((REPLY_CLASSES as readonly string[]).includes(key)) out.add(key);
  }
  return out.size ? [...out] : ['willing_to_meet'];
};

/** The events one outreach email carries, judged from its own fields (used for hand-fed payloads). */
export const eventsOf = (m: EmailerMessage, input: TriggerInput): EventType[] => {
  const types: EventType[] = [];
  const replyClass = str(m.reply_class);
  if ((m.replied === true || replyClass) && replyClass !== 'out_of_office') types.push('reply_received');
  if (replyClass && interestedClasses(input).includes(replyClass)) types.push('lead_interested');
  if (m.bounce === true) types.push('email_bounced');
  if (m.unsubscribed === true) types.push('lead_unsubscribed');
  return types;
};

/**
 * One outreach email as the unified event `type`. The email is OUR message to the prospect:
 * the lead is its recipient, and a reply's `from_email` is that recipient (the prospect who
 * wrote back), its `to_email` our sending mailbox. Apollo's search carries no reply or bounce
 * time, so `occurred_at` is when our email was delivered (stable across polls); the id is
 * Apollo's message id, so every poll gives the same id for the same email.
 */
export const normalizeMessage = (m: EmailerMessage, type: EventType): UnifiedEvent | null => {
  const recipient = m.recipients?.find((r) => r.recipient_type_cd === 'to') ?? m.recipients?.[0];
  const leadEmail = email(m.to_email) ?? email(recipient?.email);
  const fullName = str(m.to_name) ?? str(recipient?.raw_name);
  const { first, last } = splitName(fullName);
  const occurredAt = isoUtc(m.completed_at) ?? isoUtc(m.failed_at) ?? isoUtc(m.due_at) ?? isoUtc(m.created_at);
  if (!occurredAt) return null;
  const ours = email(m.from_email) ?? email(m.send_from?.email);
  const isReply = type === 'reply_received' || type === 'lead_interested';
  const withMessage = type === 'reply_received' || type === 'email_bounced';
  return {
    id: eventId(TOOL, type, [m.id]),
    event: type,
    tool: TOOL,
    occurred_at: occurredAt,
    lead: {
      ...emptyLead(),
      email: leadEmail,
      first_name: first,
      last_name: last,
      full_name: fullName,
      tool_lead_id: str(m.contact_id) ?? str(recipient?.contact_id),
    },
    campaign: m.emailer_campaign_id === null || m.emailer_campaign_id === undefined ? null : { id: String(m.emailer_campaign_id), name: str(m.campaign_name) },
    message: withMessage
      ? {
          id: str(m.id),
          thread_id: str(m.provider_thread_id),
          subject: str(m.subject),
          // The search returns our email's body, not the reply's: leave the reply text unknown.
          text: null,
          html: null,
          from_email: isReply ? leadEmail : null,
          to_email: isReply ? ours : leadEmail,
          sent_at: isReply ? null : isoUtc(m.completed_at),
        }
      : null,
    meeting: null,
    category: isReply ? str(m.reply_class) : null,
    raw: m,
  };
};

const phoneOf = (c: Contact): string | null => str(c.sanitized_phone) ?? str(c.phone_numbers?.[0]?.sanitized_number) ?? str(c.phone_numbers?.[0]?.raw_number);

export const leadFromContact = (c: Contact): Lead => {
  const first = str(c.first_name);
  const last = str(c.last_name);
  return {
    id: `apollo:${c.id}`,
    tool: TOOL,
    tool_lead_id: String(c.id),
    email: email(c.email),
    first_name: first,
    last_name: last,
    full_name: str(c.name) ?? joinName(first, last),
    company: str(c.organization_name) ?? str(c.account?.name),
    title: str(c.title),
    phone: phoneOf(c),
    linkedin_url: str(c.linkedin_url),
    // Apollo leaves `email_unsubscribed` null for contacts who never opted out.
    unsubscribed: c.email_unsubscribed === true,
    campaigns: (c.contact_campaign_statuses ?? []).map((s) => ({ id: String(s.emailer_campaign_id), name: null, status: str(s.status) })),
  };
};

/** True when `c` is the contact for `address` (primary or additional email, case-insensitive). */
export const hasEmail = (c: Contact, address: string): boolean => {
  const wanted = address.trim().toLowerCase();
  return email(c.email) === wanted || (c.contact_emails ?? []).some((e) => email(e.email) === wanted);
};

/**
 * Apollo's `inactive_reason` of a contact that went through every step of a sequence (vendor
 * OpenAPI examples of `contact_campaign_statuses`: `status: "finished"` with "Completed last step";
 * other finished reasons there are "replied" and "manually finished"). Only this one is "reached
 * the end without replying": a reply, a bounce, an unsubscribe or a manual finish is not.
 */
export const COMPLETED_LAST_STEP = 'completed last step';

/** A finished sequence status that means "went through every step", or false. */
export const finishedAtEnd = (c: Contact, s: ContactCampaignStatus): boolean =>
  (str(s.status) ?? '').toLowerCase() === 'finished' &&
  (str(s.inactive_reason) ?? '').trim().toLowerCase() === COMPLETED_LAST_STEP &&
  c.email_unsubscribed !== true &&
  Boolean(isoUtc(s.finished_at));

/**
 * Sequence Finished: one contact's finished status in one sequence. The id is contact + sequence
 * + `finished_at`, so every poll gives the same id for the same finish, and a contact who goes
 * through the sequence again (a later `finished_at`) fires again. `category` is Apollo's status
 * (`finished`); the reason is in `raw.inactive_reason`.
 */
export const normalizeFinished = (c: Contact, s: ContactCampaignStatus): UnifiedEvent | null => {
  const occurredAt = isoUtc(s.finished_at);
  if (!occurredAt) return null;
  const lead = leadFromContact(c);
  return {
    id: eventId(TOOL, 'sequence_finished', [c.id, s.emailer_campaign_id, occurredAt]),
    event: 'sequence_finished',
    tool: TOOL,
    occurred_at: occurredAt,
    lead: {
      email: lead.email,
      first_name: lead.first_name,
      last_name: lead.last_name,
      full_name: lead.full_name,
      company: lead.company,
      title: lead.title,
      phone: lead.phone,
      linkedin_url: lead.linkedin_url,
      tool_lead_id: lead.tool_lead_id,
    },
    campaign: { id: String(s.emailer_campaign_id), name: null },
    message: null,
    meeting: null,
    category: str(s.status),
    raw: { contact_id: c.id, email: c.email, ...s },
  };
};
