import { NoTimestamp } from '../shared/webhook';
import { emptyLead, type UnifiedEvent } from '../../model/event';
import { email, eventId, isoUtc, splitName, str, uriId } from '../../model/values';
import type { Invitee, ScheduledEvent } from './payloads';

/**
 * Conferencing location types (vendor OpenAPI `Location` oneOf: ZoomConference `zoom`,
 * GoogleConference `google_conference`, MicrosoftTeamsConference `microsoft_teams_conference`,
 * WebExConference `webex_conference`, GotoMeetingConference `gotomeeting`; event types spell some
 * of them `zoom_conference` / `gotomeeting_conference`, accepted too) → the name people know.
 */
const CONFERENCING: Record<string, string> = {
  zoom: 'Zoom',
  zoom_conference: 'Zoom',
  google_conference: 'Google Meet',
  microsoft_teams_conference: 'Microsoft Teams',
  webex_conference: 'Webex',
  gotomeeting: 'GoTo Meeting',
  gotomeeting_conference: 'GoTo Meeting',
};

/**
 * `meeting.location` is text a person can use, never a type code: the host's or invitee's text
 * (physical, custom, ask_invitee, phone numbers) when there is some; for a conferencing type its
 * readable name with the join URL (the name alone while Calendly has not pushed the URL yet);
 * otherwise null — e.g. `{"type":"custom","location":null}` (CustomLocation's `location` is nullable).
 */
export const meetingLocation = (location: ScheduledEvent['location']): string | null => {
  const text = str(location?.location);
  if (text) return text;
  const joinUrl = str(location?.join_url);
  const conferencing = CONFERENCING[str(location?.type) ?? ''];
  if (conferencing) return joinUrl ? `${conferencing}: ${joinUrl}` : conferencing;
  return joinUrl;
};

/**
 * The cancel half of a reschedule: Calendly cancels the old invitee with `rescheduled: true` and
 * `new_invitee` pointing at the booking that replaces it (which arrives as Meeting Booked,
 * `rescheduled`). The meeting still takes place, so this is no cancellation.
 */
export const isRescheduleCancel = (invitee: Invitee): boolean => invitee.rescheduled === true || Boolean(str(invitee.new_invitee));

const CANCELERS = ['host', 'invitee'] as const;

/**
 * An invitee Calendly canceled (`invitee.canceled`, or an invitee of a canceled scheduled event):
 * Meeting Canceled. Who canceled is the Cancellation's `canceler_type` (host / invitee), the
 * reason its `reason`; `occurred_at` is when the cancellation was made (`cancellation.created_at`,
 * else the invitee's `updated_at`). The id is the invitee's uuid, as for its booking: one
 * cancellation per invitee, the same from the webhook and from polling.
 */
export const normalizeCanceledInvitee = (invitee: Invitee, scheduled: ScheduledEvent, raw: unknown): UnifiedEvent => {
  const cancellation = invitee.cancellation ?? null;
  const occurredAt = isoUtc(cancellation?.created_at) ?? isoUtc(invitee.updated_at);
  if (!occurredAt) throw new NoTimestamp();
  // The booking's own time is not needed for a cancellation.
  const booked = normalizeInvitee({ ...invitee, created_at: invitee.created_at ?? occurredAt }, scheduled, raw);
  const canceler = str(cancellation?.canceler_type);
  return {
    ...booked,
    id: eventId('calendly', 'meeting_canceled', [uriId(invitee.uri)]),
    event: 'meeting_canceled',
    occurred_at: occurredAt,
    meeting: {
      ...(booked.meeting as NonNullable<UnifiedEvent['meeting']>),
      rescheduled: false,
      canceled_by: (CANCELERS as readonly string[]).includes(canceler ?? '') ? (canceler as (typeof CANCELERS)[number]) : null,
      cancel_reason: str(cancellation?.reason),
    },
  };
};

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
  if (!occurredAt) throw new NoTimestamp();
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
      location: meetingLocation(location),
      organizer_email: email(host?.user_email),
      rescheduled: Boolean(str(invitee.old_invitee)),
      canceled_by: null,
      cancel_reason: null,
    },
    category: null,
    raw,
  };
};
