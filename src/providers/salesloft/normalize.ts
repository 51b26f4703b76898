import { emptyLead, type UnifiedEvent } from '../../model/event';
import type { Lead } from '../../model/lead';
import type { EventType } from '../../model/tools';
import { email, eventId, isoUtc, joinName, splitName, str } from '../../model/values';
import type { CadenceMembership, Email, Meeting, Person } from './payloads';

const TOOL = 'salesloft' as const;

const cadenceOf = (ref: { id?: unknown } | null | undefined) => {
  const id = str(ref?.id);
  return id ? { id, name: null } : null;
};

/**
 * `meeting_booked`: the Meeting object. The id is the meeting id alone — Salesloft's retries of a
 * failed delivery (three more, 15 s apart) carry the same object, and the polling list of
 * meetings gives the same id, whatever `updated_at` says later. `occurred_at` is when the
 * meeting was created (booked), which also does not move.
 */
export const normalizeMeeting = (m: Meeting, raw: unknown): UnifiedEvent | null => {
  const occurredAt = isoUtc(m.created_at) ?? isoUtc(m.updated_at);
  if (!occurredAt) return null;
  const attendees = m.attendees ?? [];
  const organizer = attendees.find((a) => a.organizer === true);
  const prospect = attendees.find((a) => a.organizer !== true && email(a.email) === email(m.recipient_email)) ?? attendees.find((a) => a.organizer !== true);
  const leadEmail = email(m.recipient_email) ?? email(prospect?.email) ?? email(m.guests?.[0]);
  const fullName = str(m.recipient_name) ?? str(prospect?.name);
  const { first, last } = splitName(fullName);
  const location = str(m.location);
  return {
    id: eventId(TOOL, 'meeting_booked', [m.id]),
    event: 'meeting_booked',
    tool: TOOL,
    occurred_at: occurredAt,
    lead: { ...emptyLead(), email: leadEmail, first_name: first, last_name: last, full_name: fullName, tool_lead_id: str(m.person?.id) },
    campaign: cadenceOf(m.cadence),
    message: null,
    meeting: {
      id: str(m.id),
      title: str(m.title),
      start_time: isoUtc(m.start_time),
      end_time: isoUtc(m.end_time),
      timezone: null,
      join_url: location && /^https?:\/\//i.test(location) ? location : null,
      location,
      organizer_email: email(organizer?.email) ?? email(m.owned_by_meetings_settings?.email_address),
      rescheduled: Boolean(str(m.reschedule_status)),
      canceled_by: null,
      cancel_reason: null,
    },
    category: str(m.status),
    raw,
  };
};

/**
 * `meeting_updated` / `GET /v2/meetings` with `canceled_at` set: Meeting Canceled. The documented
 * meeting statuses (pending / booked / failed / retry) have no "canceled"; `canceled_at` ("Datetime
 * of when the meeting was canceled") is the signal. Salesloft does not say who canceled or why
 * (null). The id is the meeting id, like its booking's: one cancellation per meeting, the same from
 * every later `meeting_updated` of that meeting and from polling.
 */
export const normalizeCanceledMeeting = (m: Meeting, raw: unknown): UnifiedEvent | null => {
  const canceledAt = isoUtc(m.canceled_at);
  if (!canceledAt) return null;
  const booked = normalizeMeeting(m, raw);
  if (!booked || !booked.meeting) return null;
  return {
    ...booked,
    id: eventId(TOOL, 'meeting_canceled', [m.id]),
    event: 'meeting_canceled',
    occurred_at: canceledAt,
    meeting: { ...booked.meeting, rescheduled: false, canceled_by: null, cancel_reason: null },
    category: str(m.status) ?? 'canceled',
  };
};

/**
 * A canceled meeting that is being (or was) rescheduled — `reschedule_status` set (pending, booked,
 * failed, retry: "Status of the meeting rescheduling progress") — is left out unless the reschedule
 * failed: the meeting moves rather than ends, like Calendly's cancel half of a reschedule, and a
 * "canceled → resume the sequence" Zap must not fire for a lead who still has a meeting.
 */
export const isCanceled = (m: Meeting): boolean => {
  if (!isoUtc(m.canceled_at)) return false;
  const reschedule = str(m.reschedule_status);
  return !reschedule || reschedule === 'failed';
};

/**
 * A membership that reached the end of its cadence without a reply: `current_state` `completed`
 * ("The cadence has been completed for this person"), no reply and no bounce counted on it, the
 * person not deleted. Removed people (opt-outs, manual removals: `removed` / `removed_no_action`)
 * are other states.
 */
export const finishedWithoutReply = (m: CadenceMembership): boolean =>
  (str(m.current_state) ?? '') === 'completed' && (m.counts?.replies ?? 0) === 0 && (m.counts?.bounces ?? 0) === 0 && m.person_deleted !== true;

/**
 * Sequence Finished: a completed cadence membership, with its person when Salesloft listed them.
 * Id: membership id + `added_at` (when the person was last added): the same finish gives the same
 * id every poll, a person added to the cadence again and finishing again fires again.
 * `occurred_at` is the membership's `updated_at` (when Salesloft recorded the completion).
 */
export const normalizeFinished = (m: CadenceMembership, person: Person | null): UnifiedEvent | null => {
  const occurredAt = isoUtc(m.updated_at);
  if (!occurredAt) return null;
  const first = str(person?.first_name);
  const last = str(person?.last_name);
  return {
    id: eventId(TOOL, 'sequence_finished', [m.id, str(m.added_at)]),
    event: 'sequence_finished',
    tool: TOOL,
    occurred_at: occurredAt,
    lead: {
      ...emptyLead(),
      email: email(person?.email_address),
      first_name: first,
      last_name: last,
      full_name: str(person?.display_name) ?? joinName(first, last),
      company: str(person?.person_company_name),
      title: str(person?.title),
      phone: str(person?.phone) ?? str(person?.mobile_phone),
      linkedin_url: str(person?.linkedin_url),
      tool_lead_id: str(m.person?.id),
    },
    campaign: cadenceOf(m.cadence),
    message: null,
    meeting: null,
    category: str(m.current_state),
    raw: m,
  };
};

/** What an email activity says: a reply counted on it, or a bounce. */
export const emailEvents = (e: Email): EventType[] => {
  const types: EventType[] = [];
  if ((e.counts?.replies ?? 0) > 0) types.push('reply_received');
  if (e.bounced === true) types.push('email_bounced');
  return types;
};

/**
 * An email activity as Reply Received / Email Bounced. The email is ours; the id is its id, so
 * each email fires once per type (polling dedupes by id). Salesloft does not expose the reply
 * itself or its time here: `occurred_at` is the email's `updated_at` (when Salesloft recorded
 * the reply or bounce on it), the reply text is unknown.
 */
export const normalizeEmail = (e: Email, type: 'reply_received' | 'email_bounced', raw: unknown): UnifiedEvent | null => {
  const occurredAt = isoUtc(e.updated_at) ?? isoUtc(e.sent_at) ?? isoUtc(e.created_at);
  if (!occurredAt) return null;
  const leadEmail = email(e.recipient_email_address);
  const isReply = type === 'reply_received';
  return {
    id: eventId(TOOL, type, [e.id]),
    event: type,
    tool: TOOL,
    occurred_at: occurredAt,
    lead: { ...emptyLead(), email: leadEmail, tool_lead_id: str(e.recipient?.id) },
    campaign: cadenceOf(e.cadence),
    message: {
      id: str(e.id),
      thread_id: null,
      subject: str(e.subject),
      text: null,
      html: null,
      from_email: isReply ? leadEmail : null,
      to_email: isReply ? null : leadEmail,
      sent_at: isReply ? null : isoUtc(e.sent_at),
    },
    meeting: null,
    category: null,
    raw,
  };
};

export const leadFromPerson = (p: Person, memberships: CadenceMembership[]): Lead => {
  const first = str(p.first_name);
  const last = str(p.last_name);
  return {
    id: `salesloft:${p.id}`,
    tool: TOOL,
    tool_lead_id: String(p.id),
    email: email(p.email_address),
    first_name: first,
    last_name: last,
    full_name: str(p.display_name) ?? joinName(first, last),
    company: str(p.person_company_name),
    title: str(p.title),
    phone: str(p.phone) ?? str(p.mobile_phone),
    linkedin_url: str(p.linkedin_url),
    unsubscribed: typeof p.do_not_contact === 'boolean' ? p.do_not_contact : null,
    campaigns: memberships.filter((m) => str(m.cadence?.id)).map((m) => ({ id: String(m.cadence?.id), name: null, status: str(m.current_state) })),
  };
};
