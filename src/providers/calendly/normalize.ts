import { emptyLead, type UnifiedEvent } from '../../model/event';
import { email, eventId, isoUtc, splitName, str, uriId } from '../../model/values';
import type { Invitee, ScheduledEvent } from './payloads';

/**
 * An invitee of a scheduled event is a booked meeting. A reschedule arrives as a new invitee
 * whose `old_invitee` points at the one it replaces: still a booking, marked `rescheduled`.
 */
export const normalizeInvitee = (invitee: Invitee, scheduled: ScheduledEvent, raw: unknown): UnifiedEvent => {
  const fullName = str(invitee.name);
  const split = splitName(fullName);
  const host = scheduled.event_memberships?.[0];
  const location = scheduled.location ?? null;
  const inviteeId = uriId(invitee.uri);
  const occurredAt = isoUtc(invitee.created_at);
  if (!occurredAt) throw new Error('no timestamp');
  return {
    id: eventId('calendly', 'meeting_booked', [inviteeId]),
    event: 'meeting_booked',
    tool: 'calendly',
    occurred_at: occurredAt,
    lead: {
      ...emptyLead(),
      email: email(invitee.email),
      first_name: str(invitee.first_name) ?? split.first,
      last_name: str(invitee.last_name) ?? split.last,
      full_name: fullName,
      phone: str(invitee.text_reminder_number),
      tool_lead_id: inviteeId,
    },
    campaign: null,
    message: null,
    meeting: {
      id: uriId(scheduled.uri),
      title: str(scheduled.name),
      start_time: isoUtc(scheduled.start_time),
      end_time: isoUtc(scheduled.end_time),
      timezone: str(invitee.timezone),
      join_url: str(location?.join_url),
      location: str(location?.location) ?? str(location?.join_url) ?? str(location?.type),
      organizer_email: email(host?.user_email),
      rescheduled: Boolean(str(invitee.old_invitee)),
    },
    category: null,
    raw,
  };
};
