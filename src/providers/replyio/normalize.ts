import { NoTimestamp } from '../shared/webhook';
import { type EventLead, type EventMeeting, type UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { email, eventId, isoUtc, joinName, splitName, str } from '../../model/values';
import { inCategoryList } from '../shared/input';
import type { TriggerInput } from '../types';
import type { EnvelopeA, EnvelopeB } from './payloads';

const TOOL = 'replyio' as const;

/** Both documented shapes, read into one form. `fields` holds the event-specific values. */
export interface ReplyEvent {
  type: string;
  /** Reply's event id ("use for idempotency"). */
  id: string | null;
  at: string | null;
  lead: EventLead;
  campaign: { id: string; name: string | null } | null;
  fields: Record<string, unknown>;
}

const sequenceOf = (id: unknown, name: unknown) => {
  const sid = str(id);
  // "If SequenceId is 0 (manual action outside a sequence), the object is empty or omitted."
  return sid && sid !== '0' ? { id: sid, name: str(name) } : null;
};

export const fromShapeA = (p: EnvelopeA, body: Record<string, unknown>): ReplyEvent => {
  const c = p.contact_fields ?? {};
  const first = str(c.first_name);
  const last = str(c.last_name);
  const full = str(c.full_name) ?? joinName(first, last);
  const fields: Record<string, unknown> = { ...body };
  delete fields.event;
  delete fields.contact_fields;
  delete fields.sequence_fields;
  return {
    type: p.event.type,
    id: str(p.event.id),
    at: isoUtc(p.event.date),
    lead: {
      email: email(c.email),
      first_name: first ?? splitName(full).first,
      last_name: last ?? splitName(full).last,
      full_name: full,
      company: str(c.company) ?? str(c.company_name),
      title: str(c.title),
      phone: str(c.phone),
      linkedin_url: str(c.linkedin_url) ?? str(c.linkedin_profile),
      tool_lead_id: str(c.id),
    },
    campaign: sequenceOf(p.sequence_fields?.id, p.sequence_fields?.name),
    fields,
  };
};

export const fromShapeB = (p: EnvelopeB): ReplyEvent => {
  const c = p.payload.contact ?? {};
  const first = str(c.firstName);
  const last = str(c.lastName);
  const full = str(c.fullName) ?? joinName(first, last);
  return {
    type: p.event.type,
    id: str(p.event.id),
    at: isoUtc(p.event.timestamp) ?? isoUtc(p.event.date),
    lead: {
      email: email(c.email),
      first_name: first ?? splitName(full).first,
      last_name: last ?? splitName(full).last,
      full_name: full,
      company: str(c.company),
      title: str(c.title),
      phone: str(c.phone),
      linkedin_url: str(c.linkedInProfile),
      tool_lead_id: str(c.id),
    },
    campaign: sequenceOf(p.payload.sequence?.id, p.payload.sequence?.name),
    fields: { ...(p.payload.data ?? {}) },
  };
};

/** The first present value among snake_case / camelCase spellings of a field. */
const pick = (fields: Record<string, unknown>, ...keys: string[]): unknown => {
  for (const key of keys) {
    const value = fields[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
};
const pickStr = (fields: Record<string, unknown>, ...keys: string[]) => str(pick(fields, ...keys));
const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Reply category of a `reply_categorized` event: a string, or an object with a name. */
export const categoryOf = (fields: Record<string, unknown>): string | null => {
  const value = pick(
    fields,
    'category',
    'category_name',
    'categoryName',
    'reply_category',
    'replyCategory',
    'new_category',
    'newCategory',
    'inbox_category',
    'inboxCategory',
  );
  if (typeof value === 'string') return str(value);
  const obj = asRecord(value);
  return str(obj.name) ?? str(obj.title) ?? null;
};

const occurred = (e: ReplyEvent, ...more: unknown[]): string => {
  const at = e.at ?? more.map((m) => isoUtc(m)).find(Boolean) ?? null;
  if (!at) throw new NoTimestamp();
  return at;
};

const idOf = (e: ReplyEvent, type: EventType, fallback: unknown[]) =>
  e.id ? eventId(TOOL, type, [e.id]) : eventId(TOOL, type, [e.type, e.lead.tool_lead_id ?? e.lead.email, e.campaign?.id, ...fallback]);

const base = (e: ReplyEvent, type: EventType, at: string, raw: unknown, idParts: unknown[]): UnifiedEvent => ({
  id: idOf(e, type, [at, ...idParts]),
  event: type,
  tool: TOOL,
  occurred_at: at,
  lead: e.lead,
  campaign: e.campaign,
  message: null,
  meeting: null,
  category: null,
  raw,
});

/** `email_replied`: the prospect wrote; `from_email` is the prospect, never our mailbox. */
export const normalizeReply = (e: ReplyEvent, raw: unknown): UnifiedEvent => {
  const f = e.fields;
  const repliedAt = isoUtc(pick(f, 'reply_date', 'replyDate', 'replied_at', 'repliedAt'));
  const at = occurred(e, repliedAt);
  const messageId = pickStr(f, 'reply_message_id', 'replyMessageId', 'message_id', 'messageId');
  return {
    ...base(e, 'reply_received', at, raw, [messageId]),
    message: {
      id: messageId,
      thread_id: pickStr(f, 'thread_id', 'threadId', 'sent_email_id', 'sentEmailId'),
      subject: pickStr(f, 'reply_subject', 'replySubject', 'subject', 'email_subject', 'emailSubject'),
      text: pickStr(f, 'reply_text', 'replyText', 'email_text', 'emailText', 'reply_message_text', 'text'),
      html: pickStr(f, 'reply_html', 'replyHtml', 'email_html', 'emailHtml'),
      from_email: e.lead.email,
      to_email: email(pick(f, 'email_account', 'emailAccount', 'email_account_email', 'emailAccountEmail', 'mailbox_email', 'to_email')),
      sent_at: repliedAt ?? at,
    },
    // reply_reason: "EmailDetected" (a real reply) or a manual mark; kept as the label.
    category: pickStr(f, 'reply_reason', 'replyReason'),
  };
};

/** `reply_categorized`: Lead Interested when the category is one the trigger counts as interested. */
export const normalizeCategorized = (e: ReplyEvent, raw: unknown, input: TriggerInput): UnifiedEvent[] => {
  const category = categoryOf(e.fields);
  if (!inCategoryList(category, input.interested_categories)) return [];
  const at = occurred(e, pick(e.fields, 'categorized_at', 'categorizedAt'));
  return [{ ...base(e, 'lead_interested', at, raw, [category]), category }];
};

export const normalizeMeeting = (e: ReplyEvent, raw: unknown): UnifiedEvent => {
  const f = e.fields;
  const m = { ...f, ...asRecord(pick(f, 'meeting_fields', 'meeting', 'meetingFields')) };
  const at = occurred(e, pick(m, 'booked_at', 'bookedAt', 'created_at', 'createdAt'));
  const meetingId = pickStr(m, 'meeting_id', 'meetingId', 'id');
  const meeting: EventMeeting = {
    id: meetingId,
    title: pickStr(m, 'title', 'meeting_title', 'meetingTitle', 'name', 'subject'),
    start_time: isoUtc(pick(m, 'start_time', 'startTime', 'start_date', 'startDate', 'meeting_date', 'meetingDate', 'start')),
    end_time: isoUtc(pick(m, 'end_time', 'endTime', 'end_date', 'endDate', 'end')),
    timezone: pickStr(m, 'timezone', 'time_zone', 'timeZone'),
    join_url: pickStr(m, 'join_url', 'joinUrl', 'meeting_url', 'meetingUrl', 'url', 'link'),
    location: pickStr(m, 'location'),
    organizer_email: email(pick(m, 'organizer_email', 'organizerEmail', 'host_email', 'hostEmail')),
    rescheduled: false,
    canceled_by: null,
    cancel_reason: null,
  };
  return { ...base(e, 'meeting_booked', at, raw, [meetingId]), meeting };
};

export const normalizeBounce = (e: ReplyEvent, raw: unknown): UnifiedEvent => {
  const f = e.fields;
  const at = occurred(e, pick(f, 'bounce_date', 'bounceDate', 'bounced_at', 'bouncedAt'));
  return {
    ...base(e, 'email_bounced', at, raw, [pickStr(f, 'sent_email_id', 'sentEmailId')]),
    message: {
      id: pickStr(f, 'sent_email_id', 'sentEmailId', 'message_id', 'messageId'),
      thread_id: null,
      subject: pickStr(f, 'subject', 'email_subject', 'emailSubject'),
      text: pickStr(f, 'bounce_reason', 'bounceReason', 'bounce_message', 'bounceMessage', 'reason'),
      html: null,
      from_email: null,
      to_email: e.lead.email,
      sent_at: at,
    },
    // Bounce type ("Hard" / "Soft"): Reply's own label for what happened.
    category: pickStr(f, 'bounce_type', 'bounceType'),
  };
};

export const normalizeUnsubscribe = (e: ReplyEvent, raw: unknown): UnifiedEvent =>
  base(e, 'lead_unsubscribed', occurred(e, pick(e.fields, 'unsubscribed_at', 'unsubscribedAt', 'opted_out_at', 'optedOutAt')), raw, []);

/**
 * Why a contact finished, as Reply words it. Legacy finish reasons are numbered (v1 people/stats,
 * per Pipedream's reply_io component): 0 Replied, 1 Bounced, 2 Manual, 3 Finished after days,
 * 4 Called, 5 Opt-out, 6 Meeting booked. v3 names are PascalCase enum values (docs "Shared
 * conventions"); the exact field name of `contact_finished` is UNCONFIRMED, so several spellings
 * are read.
 */
const LEGACY_FINISH_REASONS: Record<string, string> = {
  '0': 'Replied',
  '1': 'Bounced',
  '2': 'Manual',
  '3': 'FinishedAfterDays',
  '4': 'Called',
  '5': 'OptedOut',
  '6': 'MeetingBooked',
};
/** Reasons that mean the contact did not run out of steps unanswered: no Sequence Finished. */
const NOT_FINISHED_REASONS = [
  'replied',
  'reply',
  'bounced',
  'bounce',
  'manual',
  'manually',
  'called',
  'optout',
  'optedout',
  'unsubscribed',
  'meetingbooked',
  'interested',
  'autoreplied',
];

const flagSet = (fields: Record<string, unknown>, ...keys: string[]) => keys.some((k) => fields[k] === true || fields[k] === 'true');

/**
 * `contact_finished` → Sequence Finished, unless the event says the contact replied, bounced,
 * opted out, booked a meeting, was called or was finished by hand (a reason, or a flag such as
 * `is_replied`): then no event. Without any reason the event fires (`category` "Finished"):
 * Reply sends `contact_finished` when the contact's sequence is over, and the body names no
 * other cause. The id is Reply's event id, so a redelivery is the same event.
 */
export const normalizeFinished = (e: ReplyEvent, raw: unknown): UnifiedEvent | null => {
  const f = e.fields;
  const given = pickStr(f, 'finish_reason', 'finishReason', 'finished_reason', 'finishedReason', 'reason', 'status_reason', 'statusReason');
  const reason = given === null ? null : (LEGACY_FINISH_REASONS[given] ?? given);
  const key = (reason ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (NOT_FINISHED_REASONS.includes(key)) return null;
  if (flagSet(f, 'is_replied', 'isReplied', 'replied', 'is_bounced', 'isBounced', 'bounced', 'is_opted_out', 'isOptedOut', 'opted_out')) return null;
  const at = occurred(e, pick(f, 'finished_at', 'finishedAt', 'finish_date', 'finishDate'));
  return { ...base(e, 'sequence_finished', at, raw, []), category: reason ?? 'Finished' };
};
