import type { UnifiedEvent } from '../model/event';
import type { PublishedEvent } from '../model/published';
import type { EventType } from '../model/tools';
import { publishEvent } from './publish';

/**
 * Sample events for the Zap editor (shown when a tool has no recent items, and as static
 * `sample`). Illustrative values in the unified shape; every field a Zap can map is present.
 */
/** The sample lead, shared by the event samples and the Find / Create Lead sample. */
export const SAMPLE_LEAD = {
  email: 'jane.doe@example.com',
  first_name: 'Jane',
  last_name: 'Doe',
  full_name: 'Jane Doe',
  company: 'Example Inc',
  title: 'Head of Growth',
  phone: '+1 555 0100',
  linkedin_url: 'https://www.linkedin.com/in/janedoe',
  tool_lead_id: '2001',
};
const lead = SAMPLE_LEAD;
const campaign = { id: '9181', name: 'Q2 outbound' };
const nullMessage = null;
const nullMeeting = null;
/** Calendly's sample invitee and meeting (booked, then canceled). */
const calendlyInvitee = { ...lead, company: null, title: null, linkedin_url: null, tool_lead_id: 'AAAAAAAAAAAAAAAA' };
const calendlyMeeting = {
  id: 'BBBBBBBBBBBBBBBB',
  title: '30 Minute Intro',
  start_time: '2025-04-10T15:00:00.000Z',
  end_time: '2025-04-10T15:30:00.000Z',
  timezone: 'America/New_York',
  join_url: 'https://zoom.us/j/000000000',
  location: 'Zoom: https://zoom.us/j/000000000',
  organizer_email: 'rep@yourcompany.example',
  rescheduled: false,
  canceled_by: null,
  cancel_reason: null,
};

const EVENTS: Record<EventType, UnifiedEvent> = {
  reply_received: {
    id: 'smartlead:reply_received:sample',
    event: 'reply_received',
    tool: 'smartlead',
    occurred_at: '2025-03-28T09:35:01.000Z',
    lead,
    campaign,
    message: {
      id: '<reply-1@mail.example.com>',
      thread_id: 'a891fe37-c45d-21e8-67ba-fcd44e9c33a8',
      subject: 'Re: Quick question',
      text: 'Sounds good, can we talk Thursday?',
      html: '<p>Sounds good, can we talk Thursday?</p>',
      from_email: 'jane.doe@example.com',
      to_email: 'rep@yourcompany.example',
      sent_at: '2025-03-28T09:35:01.000Z',
    },
    meeting: nullMeeting,
    category: null,
    raw: {},
  },
  lead_interested: {
    id: 'smartlead:lead_interested:sample',
    event: 'lead_interested',
    tool: 'smartlead',
    occurred_at: '2025-04-01T10:00:00.000Z',
    lead,
    campaign,
    message: nullMessage,
    meeting: nullMeeting,
    category: 'Interested',
    raw: {},
  },
  meeting_booked: {
    id: 'calendly:meeting_booked:sample',
    event: 'meeting_booked',
    tool: 'calendly',
    occurred_at: '2025-04-02T15:04:05.000Z',
    lead: calendlyInvitee,
    campaign: null,
    message: nullMessage,
    meeting: calendlyMeeting,
    category: null,
    raw: {},
  },
  email_bounced: {
    id: 'smartlead:email_bounced:sample',
    event: 'email_bounced',
    tool: 'smartlead',
    occurred_at: '2025-04-03T08:00:00.000Z',
    lead,
    campaign,
    message: {
      id: '<bounce-1@mail.example.com>',
      thread_id: null,
      subject: 'Quick question',
      text: 'Address not found: the account jane.doe@example.com does not exist.',
      html: null,
      from_email: 'mailer-daemon@googlemail.com',
      to_email: 'rep@yourcompany.example',
      sent_at: '2025-04-03T08:00:00.000Z',
    },
    meeting: nullMeeting,
    category: null,
    raw: {},
  },
  meeting_canceled: {
    id: 'calendly:meeting_canceled:sample',
    event: 'meeting_canceled',
    tool: 'calendly',
    occurred_at: '2025-04-05T09:30:00.000Z',
    lead: calendlyInvitee,
    campaign: null,
    message: nullMessage,
    meeting: { ...calendlyMeeting, canceled_by: 'invitee', cancel_reason: 'Something came up, sorry!' },
    category: null,
    raw: {},
  },
  sequence_finished: {
    id: 'smartlead:sequence_finished:sample',
    event: 'sequence_finished',
    tool: 'smartlead',
    occurred_at: '2025-04-06T07:00:00.000Z',
    lead,
    campaign,
    message: nullMessage,
    meeting: nullMeeting,
    category: 'COMPLETED',
    raw: {},
  },
  lead_unsubscribed: {
    id: 'smartlead:lead_unsubscribed:sample',
    event: 'lead_unsubscribed',
    tool: 'smartlead',
    occurred_at: '2025-04-04T12:00:00.000Z',
    lead,
    campaign,
    message: nullMessage,
    meeting: nullMeeting,
    category: null,
    raw: {},
  },
};

/** The samples as triggers output them (tool name, lead link). */
export const SAMPLES = Object.fromEntries(Object.entries(EVENTS).map(([k, e]) => [k, publishEvent(e)])) as Record<EventType, PublishedEvent>;

/** Output fields of the unified event: generated from the published schema. */
export { EVENT_OUTPUT_FIELDS } from './outputFields';
