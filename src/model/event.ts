import { z } from 'zod';
import { EventType, ToolId } from './schemas';

/** ISO-8601 in UTC exactly as Date.prototype.toISOString() writes it. */
export const IsoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be Date.prototype.toISOString() form (UTC)');

const nullableString = z.string().nullable();

export const EventLead = z.object({
  email: z
    .string()
    .refine((v) => v === v.toLowerCase(), 'lead email must be lower-cased')
    .nullable(),
  first_name: nullableString,
  last_name: nullableString,
  full_name: nullableString,
  company: nullableString,
  title: nullableString,
  phone: nullableString,
  linkedin_url: nullableString,
  tool_lead_id: nullableString,
});
export type EventLead = z.infer<typeof EventLead>;

export const EventCampaign = z.object({ id: nullableString, name: nullableString });
export type EventCampaign = z.infer<typeof EventCampaign>;

export const EventMessage = z.object({
  id: nullableString,
  thread_id: nullableString,
  subject: nullableString,
  text: nullableString,
  html: nullableString,
  from_email: nullableString,
  to_email: nullableString,
  sent_at: IsoUtc.nullable(),
});
export type EventMessage = z.infer<typeof EventMessage>;

export const EventMeeting = z.object({
  id: nullableString,
  title: nullableString,
  start_time: IsoUtc.nullable(),
  end_time: IsoUtc.nullable(),
  timezone: nullableString,
  join_url: nullableString,
  location: nullableString,
  organizer_email: nullableString,
  rescheduled: z.boolean(),
  /** Meeting Canceled: who canceled (the host or the invitee), when the tool says. */
  canceled_by: z.enum(['host', 'invitee']).nullable(),
  /** Meeting Canceled: the reason given, if any. */
  cancel_reason: nullableString,
});
export type EventMeeting = z.infer<typeof EventMeeting>;

/** The one shape every trigger emits, whatever the tool (docs/ARCHITECTURE.md, "The unified event"). */
export const UnifiedEvent = z.object({
  id: z.string().min(1),
  event: EventType,
  tool: ToolId,
  occurred_at: IsoUtc,
  lead: EventLead,
  campaign: EventCampaign.nullable(),
  message: EventMessage.nullable(),
  meeting: EventMeeting.nullable(),
  category: nullableString,
  raw: z.unknown(),
});
export type UnifiedEvent = z.infer<typeof UnifiedEvent>;

export const emptyLead = (): EventLead => ({
  email: null,
  first_name: null,
  last_name: null,
  full_name: null,
  company: null,
  title: null,
  phone: null,
  linkedin_url: null,
  tool_lead_id: null,
});
