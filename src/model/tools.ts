/**
 * Tool ids and event types as plain data (no zod): the app definition, its forms and the
 * capability tables read these at load time, and a step that never validates a payload should
 * not pay for loading zod. The zod enums are in ./schemas.
 */
/** Every tool a connection can be made to. Order is the order of the connection dropdown. */
export const TOOL_IDS = ['smartlead', 'lemlist', 'replyio', 'woodpecker', 'mailshake', 'apollo', 'salesloft', 'calendly', 'mixmax'] as const;

export type ToolId = (typeof TOOL_IDS)[number];

/** The tool's name as people write it (the `tool_label` output, the connection label). */
export const TOOL_LABELS: Record<ToolId, string> = {
  smartlead: 'Smartlead',
  lemlist: 'lemlist',
  replyio: 'Reply.io',
  woodpecker: 'Woodpecker',
  mailshake: 'Mailshake',
  apollo: 'Apollo',
  salesloft: 'Salesloft',
  calendly: 'Calendly',
  mixmax: 'Mixmax',
};

/** The tool id a connection names, or null — an own key only (never `constructor` & co). */
export const toolIdOf = (value: unknown): ToolId | null =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(TOOL_LABELS, value) ? (value as ToolId) : null;

export const EVENT_TYPES = [
  'reply_received',
  'lead_interested',
  'meeting_booked',
  'email_bounced',
  'lead_unsubscribed',
  'meeting_canceled',
  'sequence_finished',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** What a person reads in the Zap editor for each event type. */
export const EVENT_LABELS: Record<EventType, string> = {
  reply_received: 'Reply Received',
  lead_interested: 'Lead Interested',
  meeting_booked: 'Meeting Booked',
  email_bounced: 'Email Bounced',
  lead_unsubscribed: 'Lead Unsubscribed',
  meeting_canceled: 'Meeting Canceled',
  sequence_finished: 'Sequence Finished',
};
