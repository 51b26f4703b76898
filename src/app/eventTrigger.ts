import { EVENT_LABELS, type EventType } from '../model/tools';
import { triggerForm } from './forms';
import { EVENT_OUTPUT_FIELDS, SAMPLES } from './samples';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { triggerOps } from './lazy';

const NOUNS: Record<EventType, string> = {
  reply_received: 'Reply',
  lead_interested: 'Lead',
  meeting_booked: 'Meeting',
  email_bounced: 'Bounce',
  lead_unsubscribed: 'Unsubscribe',
  meeting_canceled: 'Cancellation',
  sequence_finished: 'Finished Lead',
};

/** An instant (REST hook) unified trigger: the Zapier surface over triggerOps. */
export const hookTrigger = (event: EventType, description: string) => ({
  key: event,
  noun: NOUNS[event],
  display: { label: EVENT_LABELS[event], description },
  operation: {
    type: 'hook' as const,
    inputFields: triggerForm(event, false),
    performSubscribe: (z: ZObject, bundle: Bundle) => triggerOps().subscribeTo(event)(z, bundle),
    performUnsubscribe: (z: ZObject, bundle: Bundle) => triggerOps().unsubscribeFrom(z, bundle),
    perform: (z: ZObject, bundle: Bundle) => triggerOps().receive(event)(z, bundle),
    performList: (z: ZObject, bundle: Bundle) => triggerOps().listRecent(event)(z, bundle),
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
    inputFields: triggerForm(event, true),
    perform: (z: ZObject, bundle: Bundle) => triggerOps().poll(event)(z, bundle),
    canPaginate: false,
    sample: SAMPLES[event],
    outputFields: EVENT_OUTPUT_FIELDS,
  },
});
