import { z } from 'zod';

/** Calendly v2 webhook bodies (vendor OpenAPI `WebhookPayload`, x-examples "Invitee Created"). */
const Str = z.string().nullish();

export const ScheduledEvent = z
  .object({
    uri: z.string(),
    name: Str,
    status: Str,
    start_time: Str,
    end_time: Str,
    created_at: Str,
    location: z.object({ type: Str, location: Str, join_url: Str, additional_info: Str }).partial().passthrough().nullish(),
    event_memberships: z.array(z.object({ user: Str, user_email: Str, user_name: Str }).partial()).nullish(),
    /** A canceled scheduled event: when (and by whom) it was canceled. */
    cancellation: z.object({ canceler_type: Str, reason: Str, created_at: Str }).partial().passthrough().nullish(),
  })
  .passthrough();
export type ScheduledEvent = z.infer<typeof ScheduledEvent>;

export const Invitee = z
  .object({
    uri: z.string(),
    email: z.string(),
    name: Str,
    first_name: Str,
    last_name: Str,
    status: Str,
    timezone: Str,
    rescheduled: z.boolean().nullish(),
    old_invitee: Str,
    new_invitee: Str,
    created_at: Str,
    updated_at: Str,
    event: Str,
    text_reminder_number: Str,
    /** `invitee.canceled`: who canceled and why (vendor OpenAPI `Cancellation`). */
    cancellation: z.object({ canceled_by: Str, reason: Str, canceler_type: Str, created_at: Str }).partial().passthrough().nullish(),
    tracking: z.object({ utm_campaign: Str, utm_source: Str }).partial().passthrough().nullish(),
  })
  .passthrough();
export type Invitee = z.infer<typeof Invitee>;

export const InviteeWebhook = z.object({
  event: z.string(),
  created_at: Str,
  created_by: Str,
  payload: Invitee.extend({ scheduled_event: ScheduledEvent }),
});

/** Every event name in the vendor's subscription enum: recognised, even when we emit nothing. */
export const KNOWN_EVENTS = [
  'invitee.created',
  'invitee.canceled',
  'invitee_no_show.created',
  'invitee_no_show.deleted',
  'meeting_recap.created',
  'meeting_recap.updated',
  'meeting_recap.deleted',
  'routing_form_submission.created',
  'contact.created',
  'contact.updated',
  'contact.deleted',
] as const;
