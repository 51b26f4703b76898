import { EVENT_LABELS, type EventType } from '../model/tools';
import { DEFAULT_INTERESTED, DEFAULT_MEETING } from './triggerInput';
import { EVENT_OUTPUT_FIELDS, SAMPLES } from './samples';
import { listRecent, poll, receive, subscribeTo, unsubscribeFrom } from './triggerOps';

const campaignField = {
  key: 'campaign_id',
  label: 'Campaign',
  type: 'string' as const,
  required: false,
  dynamic: 'campaign_list.id.name',
  altersDynamicFields: false,
  helpText:
    'Only events from this campaign / sequence. Leave empty for all campaigns. **Smartlead** webhooks belong to one campaign, so Smartlead needs one here.',
};

const interestedField = {
  key: 'interested_categories',
  label: 'Interested Categories',
  type: 'string' as const,
  list: true,
  required: false,
  default: DEFAULT_INTERESTED[0],
  helpText:
    'For tools that mark interest with a category or label (Smartlead categories, Reply.io reply categories): the names that count as interested. Default: `Interested`.',
};

const meetingField = {
  key: 'meeting_categories',
  label: 'Meeting Categories',
  type: 'string' as const,
  list: true,
  required: false,
  default: DEFAULT_MEETING[0],
  helpText:
    'For tools that record meetings as a lead category (Smartlead): the category names that mean a meeting was booked. Default: `Meeting Booked`.',
};

const inputFieldsFor = (event: EventType) => [
  campaignField,
  ...(event === 'lead_interested' ? [interestedField] : []),
  ...(event === 'meeting_booked' ? [meetingField] : []),
];

const NOUNS: Record<EventType, string> = {
  reply_received: 'Reply',
  lead_interested: 'Lead',
  meeting_booked: 'Meeting',
  email_bounced: 'Bounce',
  lead_unsubscribed: 'Unsubscribe',
};

/** An instant (REST hook) unified trigger: the Zapier surface over triggerOps. */
export const hookTrigger = (event: EventType, description: string) => ({
  key: event,
  noun: NOUNS[event],
  display: { label: EVENT_LABELS[event], description },
  operation: {
    type: 'hook' as const,
    inputFields: inputFieldsFor(event),
    performSubscribe: subscribeTo(event),
    performUnsubscribe: unsubscribeFrom,
    perform: receive(event),
    performList: listRecent(event),
    sample: SAMPLES[event],
    outputFields: EVENT_OUTPUT_FIELDS,
  },
});

/** The polling twin (docs/ARCHITECTURE.md, "Keys the rest of the system relies on"): same output and ids, for tools without webhooks (Apollo). */
export const pollingTrigger = (event: EventType, description: string) => ({
  key: `${event}_polling`,
  noun: NOUNS[event],
  display: { label: `${EVENT_LABELS[event]} (Polling)`, description },
  operation: {
    type: 'polling' as const,
    inputFields: inputFieldsFor(event),
    perform: poll(event),
    canPaginate: false,
    sample: SAMPLES[event],
    outputFields: EVENT_OUTPUT_FIELDS,
  },
});
