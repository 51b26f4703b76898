import { z } from 'zod';

/**
 * Reply.io v3 webhook bodies. The docs publish two shapes (research §3.3), both accepted:
 *
 * A. docs.reply.io "Webhook event payloads": an `event` envelope
 *    `{date, id, type, user_id, team_id, subscription_id}` with snake_case event fields flat
 *    at the top level (`contact_fields`, `sequence_fields`, `reply_reason`, …).
 * B. the older v3 sample: `{event: {id, type, timestamp}, subscription: {id, workspaceId},
 *    payload: {contact, sequence, customFields, data}, attempt}` with camelCase fields.
 *
 * Schemas are loose (unknown fields kept in `raw`); ids may be strings or numbers.
 */
const Id = z.union([z.string(), z.number()]);
/**
 * Scalar text (names, phone, `event.date` / `timestamp`, statuses): a string, or a number where
 * Reply sends one (epoch dates, numeric phones). Always read through `str()` / `isoUtc()`.
 */
const Str = z.union([z.string(), z.number()]).nullish();
const Loose = z.record(z.string(), z.unknown());

export const EnvelopeA = z.object({
  event: z.object({
    type: z.string(),
    id: Id.nullish(),
    date: Str,
    user_id: Id.nullish(),
    team_id: Id.nullish(),
    subscription_id: Id.nullish(),
  }),
  contact_fields: z
    .object({
      id: Id.nullish(),
      email: Str,
      first_name: Str,
      last_name: Str,
      full_name: Str,
      company: Str,
      company_name: Str,
      title: Str,
      phone: Str,
      linkedin_url: Str,
      linkedin_profile: Str,
    })
    .partial()
    .nullish(),
  sequence_fields: z.object({ id: Id.nullish(), name: Str, step_number: Id.nullish() }).partial().nullish(),
});
export type EnvelopeA = z.infer<typeof EnvelopeA>;

export const EnvelopeB = z.object({
  event: z.object({ type: z.string(), id: Id.nullish(), timestamp: Str, date: Str }),
  subscription: z.object({ id: Id.nullish(), workspaceId: Id.nullish() }).partial().nullish(),
  payload: z.object({
    contact: z
      .object({
        id: Id.nullish(),
        email: Str,
        firstName: Str,
        lastName: Str,
        fullName: Str,
        title: Str,
        company: Str,
        phone: Str,
        linkedInProfile: Str,
      })
      .partial()
      .nullish(),
    sequence: z.object({ id: Id.nullish(), name: Str, stepNumber: Id.nullish() }).partial().nullish(),
    customFields: z.unknown().optional(),
    data: Loose.nullish(),
  }),
  attempt: z.number().nullish(),
});
export type EnvelopeB = z.infer<typeof EnvelopeB>;

/** Event types Reply.io documents that carry no unified event (recognised, answered with []). */
export const IGNORED_TYPES = [
  'email_sent',
  'email_opened',
  'email_link_clicked',
  'link_clicked',
  'email_auto_reply',
  'auto_reply_received',
  'email_spam_reported',
  'email_account_connection_lost',
  'email_account_error',
  'email_account_reconnected',
  'meeting_cancelled',
  'meeting_rescheduled',
  'meeting_completed',
  'sequence_started',
  'sequence_stopped',
  'sequence_completed',
  'sequence_paused',
  'sequence_resumed',
  // v3 catalogue (docs.reply.io/webhook-events), no unified counterpart.
  'contact_called',
  'autopilot_stopped',
  'linkedin_connection_request_sent',
  'linkedin_connection_request_accepted',
  'linkedin_message_sent',
  'linkedin_message_replied',
  'linkedin_reply_categorized',
  'linkedin_account_alerts',
] as const;

/** v1 `GET /v1/people?email=` and `POST /v1/people` (official CLI `replyio/reply-cli`). */
export const Person = z.object({
  id: Id,
  email: Str,
  firstName: Str,
  lastName: Str,
  company: Str,
  title: Str,
  phone: Str,
  linkedInProfile: Str,
});
export type Person = z.infer<typeof Person>;

/** v1 `GET /v1/stats/person?email=` (legacy API docs example). */
/**
 * `GET /v3/contacts/{id}/statuses` (docs.reply.io "Get a contact's statuses", beta): the opt-out
 * flag and, per sequence the contact is in, `statusInSequence` (active, paused, finished,
 * inactive, outOfOffice).
 */
export const ContactStatuses = z
  .object({
    contactId: Id.nullish(),
    isOptedOut: z.boolean().nullish(),
    sequences: z.array(z.object({ sequenceId: Id, sequenceName: Str, statusInSequence: Str }).passthrough()).nullish(),
  })
  .passthrough();
export type ContactStatuses = z.infer<typeof ContactStatuses>;

/** v1 `POST /v1/Actions/pushContactsToSequence` answer: counters, never an error for a skip. */
export const PushResult = z.object({
  affectedIdList: z.array(Id).nullish(),
  skipped: z.number().nullish(),
  skippedByInvalidEmail: z.number().nullish(),
  skippedByOptedOutStatus: z.number().nullish(),
  skippedByOwner: z.number().nullish(),
});
export type PushResult = z.infer<typeof PushResult>;
