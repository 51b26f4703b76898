import { NoTimestamp } from '../shared/webhook';
import { emptyLead, type EventLead, type UnifiedEvent } from '../../model/event';
import { email, eventId, isoUtc, joinName, lookup, splitName, str } from '../../model/values';
import { REPLY_TYPES, type LeadModel, type Recipient, type Reply } from './payloads';

const TOOL = 'mailshake' as const;

/**
 * A recipient as the unified lead. `tool_lead_id` is the lower-cased email, as in Find / Create /
 * Enroll / Stop (`mailshake:<email>`): Mailshake's recipient ids are per campaign (the same person
 * has one id in each campaign), so the address is the only id that names the person everywhere.
 */
export const leadOfRecipient = (r: Recipient | null | undefined): EventLead => {
  if (!r) return emptyLead();
  const full = str(r.fullName) ?? joinName(str(r.first), str(r.last));
  const split = splitName(full);
  const fields = (r.fields ?? {}) as Record<string, unknown>;
  return {
    ...emptyLead(),
    email: email(r.emailAddress),
    first_name: str(r.first) ?? split.first,
    last_name: str(r.last) ?? split.last,
    full_name: full,
    company: str(fields.company) ?? str(fields.Company),
    title: str(fields.title) ?? str(fields.Title),
    phone: str(fields.phone) ?? str(fields.Phone),
    linkedin_url: str(fields.linkedin_url),
    tool_lead_id: email(r.emailAddress),
  };
};

const campaignOf = (c: { id?: unknown; title?: string | null } | null | undefined) => {
  const id = str(c?.id);
  return id ? { id, name: str(c?.title) } : null;
};

/**
 * A Reply model → its unified event by `type` (reply / bounce / unsubscribe); other reply types
 * (out-of-office, delay-notification) → none. The recipient is the prospect who wrote, so a
 * reply's `from_email` is the recipient's address; our sending mailbox is not in the model.
 */
export const normalizeReply = (r: Reply, raw: unknown): UnifiedEvent[] => {
  const type = lookup(REPLY_TYPES, (str(r.type) ?? '').toLowerCase());
  if (!type) return [];
  const at = isoUtc(r.actionDate);
  if (!at) throw new NoTimestamp();
  const lead = leadOfRecipient(r.recipient);
  return [
    {
      id: eventId(TOOL, type, [r.id]),
      event: type,
      tool: TOOL,
      occurred_at: at,
      lead,
      campaign: campaignOf(r.campaign),
      message:
        type === 'lead_unsubscribed'
          ? null
          : {
              id: str(r.externalRawMessageID) ?? str(r.id),
              thread_id: str(r.externalConversationID),
              subject: str(r.subject),
              text: str(r.plainTextBody),
              html: str(r.body) ?? str(r.rawBody),
              from_email: type === 'reply_received' ? lead.email : null,
              to_email: null,
              sent_at: at,
            },
      meeting: null,
      category: str(r.type),
      raw,
    },
  ];
};

/** LeadCreated: a recipient became a lead in Lead Catcher = Lead Interested. */
export const normalizeLead = (l: LeadModel, raw: unknown): UnifiedEvent[] => {
  const at = isoUtc(l.created) ?? isoUtc(l.openedDate);
  if (!at) throw new NoTimestamp();
  return [
    {
      id: eventId(TOOL, 'lead_interested', [l.id]),
      event: 'lead_interested',
      tool: TOOL,
      occurred_at: at,
      lead: leadOfRecipient(l.recipient),
      campaign: campaignOf(l.campaign),
      message: null,
      meeting: null,
      // The Lead's own status (open / ignored / closed); none sent → null, never a guess.
      category: str(l.status),
      raw,
    },
  ];
};
