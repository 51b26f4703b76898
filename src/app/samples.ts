import type { PublishedEvent, UnifiedEvent } from '../model/event';
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
    lead: { ...lead, company: null, title: null, linkedin_url: null, tool_lead_id: 'AAAAAAAAAAAAAAAA' },
    campaign: null,
    message: nullMessage,
    meeting: {
      id: 'BBBBBBBBBBBBBBBB',
      title: '30 Minute Intro',
      start_time: '2025-04-10T15:00:00.000Z',
      end_time: '2025-04-10T15:30:00.000Z',
      timezone: 'America/New_York',
      join_url: 'https://zoom.us/j/000000000',
      location: 'https://zoom.us/j/000000000',
      organizer_email: 'rep@yourcompany.example',
      rescheduled: false,
    },
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

/** Output fields of the unified event, labelled for the Zap editor (keys use Zapier's `__` nesting). */
export const EVENT_OUTPUT_FIELDS = [
  { key: 'id', label: 'Event ID', type: 'string' as const },
  { key: 'event', label: 'Event Type', type: 'string' as const },
  { key: 'tool', label: 'Tool ID', type: 'string' as const },
  { key: 'tool_label', label: 'Tool', type: 'string' as const },
  { key: 'occurred_at', label: 'Occurred At', type: 'datetime' as const },
  { key: 'lead__email', label: 'Lead Email', type: 'string' as const },
  { key: 'lead__first_name', label: 'Lead First Name', type: 'string' as const },
  { key: 'lead__last_name', label: 'Lead Last Name', type: 'string' as const },
  { key: 'lead__full_name', label: 'Lead Full Name', type: 'string' as const },
  { key: 'lead__company', label: 'Lead Company', type: 'string' as const },
  { key: 'lead__title', label: 'Lead Title', type: 'string' as const },
  { key: 'lead__phone', label: 'Lead Phone', type: 'string' as const },
  { key: 'lead__linkedin_url', label: 'Lead LinkedIn URL', type: 'string' as const },
  { key: 'lead__tool_lead_id', label: 'Lead ID in Tool', type: 'string' as const },
  { key: 'lead__url', label: 'Lead URL in Tool', type: 'string' as const },
  { key: 'campaign__id', label: 'Campaign ID', type: 'string' as const },
  { key: 'campaign__name', label: 'Campaign Name', type: 'string' as const },
  { key: 'message__id', label: 'Message ID', type: 'string' as const },
  { key: 'message__thread_id', label: 'Message Thread ID', type: 'string' as const },
  { key: 'message__subject', label: 'Message Subject', type: 'string' as const },
  { key: 'message__text', label: 'Message Text', type: 'string' as const },
  { key: 'message__html', label: 'Message HTML', type: 'string' as const },
  { key: 'message__from_email', label: 'Message From Email', type: 'string' as const },
  { key: 'message__to_email', label: 'Message To Email', type: 'string' as const },
  { key: 'message__sent_at', label: 'Message Sent At', type: 'datetime' as const },
  { key: 'meeting__id', label: 'Meeting ID', type: 'string' as const },
  { key: 'meeting__title', label: 'Meeting Title', type: 'string' as const },
  { key: 'meeting__start_time', label: 'Meeting Start Time', type: 'datetime' as const },
  { key: 'meeting__end_time', label: 'Meeting End Time', type: 'datetime' as const },
  { key: 'meeting__timezone', label: 'Meeting Timezone', type: 'string' as const },
  { key: 'meeting__join_url', label: 'Meeting Join URL', type: 'string' as const },
  { key: 'meeting__location', label: 'Meeting Location', type: 'string' as const },
  { key: 'meeting__organizer_email', label: 'Meeting Organizer Email', type: 'string' as const },
  { key: 'meeting__rescheduled', label: 'Meeting Rescheduled', type: 'boolean' as const },
  { key: 'category', label: 'Category', type: 'string' as const },
];
