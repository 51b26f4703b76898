import { z } from 'zod';

/**
 * Salesloft v2 objects (developers.salesloft.com/docs/api). A webhook delivery is the resource
 * object itself, without an envelope; the event name travels only in `x-salesloft-event`.
 * Loose: unknown fields are kept, ids may be strings or numbers.
 */
const Id = z.union([z.string(), z.number()]);
const Str = z.string().nullish();
const Ref = z.object({ id: Id.nullish(), _href: Str }).partial().passthrough().nullish();

/** Meeting object (`meeting_booked`, `GET /v2/meetings`). */
export const Meeting = z
  .object({
    id: Id,
    title: Str,
    start_time: Str,
    end_time: Str,
    calendar_id: Str,
    calendar_type: Str,
    meeting_type: Str,
    recipient_name: Str,
    recipient_email: Str,
    location: Str,
    description: Str,
    event_id: Str,
    status: Str,
    reschedule_status: Str,
    canceled_at: Str,
    created_at: Str,
    updated_at: Str,
    guests: z.array(z.string()).nullish(),
    attendees: z.array(z.object({ email: Str, name: Str, status: Str, organizer: z.boolean().nullish() }).partial().passthrough()).nullish(),
    person: Ref,
    cadence: Ref,
    step: Ref,
    owned_by_meetings_settings: z.object({ email_address: Str }).partial().passthrough().nullish(),
  })
  .passthrough();
export type Meeting = z.infer<typeof Meeting>;

/** Email activity (`email_updated`, `GET /v2/activities/emails`). */
export const Email = z
  .object({
    id: Id,
    bounced: z.boolean().nullish(),
    status: Str,
    subject: Str,
    recipient_email_address: Str,
    sent_at: Str,
    created_at: Str,
    updated_at: Str,
    counts: z.object({ replies: z.number().nullish(), clicks: z.number().nullish(), views: z.number().nullish() }).partial().passthrough().nullish(),
    recipient: Ref,
    cadence: Ref,
    step: Ref,
    user: Ref,
  })
  .passthrough();
export type Email = z.infer<typeof Email>;

export const Person = z
  .object({
    id: Id,
    first_name: Str,
    last_name: Str,
    display_name: Str,
    email_address: Str,
    title: Str,
    phone: Str,
    mobile_phone: Str,
    linkedin_url: Str,
    person_company_name: Str,
    do_not_contact: z.boolean().nullish(),
    bouncing: z.boolean().nullish(),
    contact_restrictions: z.array(z.string()).nullish(),
    last_contacted_at: Str,
  })
  .passthrough();
export type Person = z.infer<typeof Person>;

export const CadenceMembership = z
  .object({
    id: Id,
    added_at: Str,
    updated_at: Str,
    currently_on_cadence: z.boolean().nullish(),
    current_state: Str,
    person_deleted: z.boolean().nullish(),
    /** Vendor spec `CadenceMembershipCounts`: what the cadence did with / got from this person. */
    counts: z.object({ sent_emails: z.number().nullish(), replies: z.number().nullish(), bounces: z.number().nullish() }).partial().passthrough().nullish(),
    cadence: Ref,
    person: Ref,
  })
  .passthrough();
export type CadenceMembership = z.infer<typeof CadenceMembership>;

/** Every webhook event type Salesloft documents (developers.salesloft.com/docs/platform/webhooks/event-types). */
export const KNOWN_EVENTS = [
  'account_created',
  'account_updated',
  'account_deleted',
  'bulk_job_completed',
  'cadence_created',
  'cadence_updated',
  'cadence_deleted',
  'cadence_membership_created',
  'cadence_membership_updated',
  'call_created',
  'call_updated',
  'call_data_record_created',
  'call_data_record_updated',
  'email_updated',
  'email_with_body_and_subject_updated',
  'link_swap',
  'meeting_booked',
  'meeting_updated',
  'note_created',
  'note_updated',
  'note_deleted',
  'person_created',
  'person_updated',
  'person_deleted',
  'step_created',
  'step_updated',
  'step_deleted',
  'success_created',
  'task_created',
  'task_updated',
  'task_completed',
  'task_deleted',
  'user_created',
  'user_updated',
] as const;

/** The docs list the conversation events as `conversation_*`: any such name is Salesloft's. */
export const isKnownEvent = (name: string): boolean => (KNOWN_EVENTS as readonly string[]).includes(name) || /^conversation_[a-z_]+$/.test(name);
