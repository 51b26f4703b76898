import { z } from 'zod';

/**
 * Smartlead webhook bodies (help.smartlead.ai payload pages and the API reference's
 * "Capturing Email Replies" example). Ids arrive as strings or integers, so every id is
 * `Id`. Schemas are loose: unknown fields are kept in `raw`, never rejected.
 */
const Id = z.union([z.string(), z.number()]);
// Text fields are read with str(): a number where a string is documented must not reject the delivery.
const Str = z.union([z.string(), z.number()]).nullish();

const Message = z.object({ message_id: Str, html: Str, text: Str, time: Str }).partial().nullish();

const Common = z.object({
  campaign_id: Id.nullish(),
  campaign_name: Str,
  secret_key: Str,
  event_timestamp: Str,
  webhook_id: Id.nullish(),
});

export const EmailReply = Common.extend({
  sl_lead_email: Str,
  to_email: Str,
  to_name: Str,
  from_email: Str,
  subject: Str,
  message_id: Str,
  stats_id: Str,
  stats_thread_id: Id.nullish(),
  sl_email_lead_id: Id.nullish(),
  sl_email_lead_map_id: Id.nullish(),
  time_replied: Str,
  preview_text: Str,
  reply_body: Str,
  reply_message: Message,
  leadCorrespondence: z.object({ targetLeadEmail: Str, replyReceivedFrom: Str, repliedCompanyDomain: Str }).partial().nullish(),
});
export type EmailReply = z.infer<typeof EmailReply>;

export const LeadCategoryUpdated = Common.extend({
  lead_id: Id.nullish(),
  lead_email: Str,
  to_email: Str,
  lead_name: Str,
  to_name: Str,
  created_at: Str,
  category: z.union([z.string(), z.object({ name: Str }).partial()]).nullish(),
  lead_category: z.object({ old_id: Id.nullish(), old_name: Str, new_id: Id.nullish(), new_name: Str }).partial().nullish(),
  lead_data: z
    .object({
      email: Str,
      first_name: Str,
      last_name: Str,
      company_name: Str,
      phone_number: Str,
      linkedin_profile: Str,
    })
    .partial()
    .nullish(),
});
export type LeadCategoryUpdated = z.infer<typeof LeadCategoryUpdated>;

export const EmailBounce = Common.extend({
  stats_id: Str,
  to_email: Str,
  to_name: Str,
  from_email: Str,
  subject: Str,
  message_id: Str,
  time_sent: Str,
  created_at: Str,
  bounce_reply_message_id: Str,
  bounce_reply_email: Str,
  bounce_reply_email_preview: Str,
  bounce_message: Message,
  sent_message: Message,
});
export type EmailBounce = z.infer<typeof EmailBounce>;

export const LeadUnsubscribed = Common.extend({
  lead_email: Str,
  to_email: Str,
  lead_name: Str,
  to_name: Str,
  lead_id: Id.nullish(),
  stats_id: Str,
});
export type LeadUnsubscribed = z.infer<typeof LeadUnsubscribed>;

/** The event names Smartlead documents that carry none of our events (the mapped ones are the webhook table, webhook.ts). */
export const IGNORED_TYPES = [
  'EMAIL_SENT',
  'FIRST_EMAIL_SENT',
  'EMAIL_OPEN',
  'EMAIL_LINK_CLICK',
  'MANUAL_STEP_REACHED',
  'UNTRACKED_REPLIES',
  'CAMPAIGN_STATUS_CHANGED',
  'CAMPAIGN_STATUS_CHANGE',
] as const;

/** Older payloads say `event`, current ones `event_type` (2024 field migration). */
export const eventTypeOf = (body: Record<string, unknown>): string | null => {
  const value = body.event_type ?? body.event;
  return typeof value === 'string' ? value.toUpperCase() : null;
};

/** Lead statistics rows (`GET /campaigns/{id}/statistics`), used for recent items. */
export const StatisticsRow = z.object({
  lead_name: Str,
  lead_email: Str,
  lead_category: Str,
  sequence_number: Id.nullish(),
  stats_id: Str,
  email_subject: Str,
  email_message: Str,
  sent_time: Str,
  reply_time: Str,
  is_unsubscribed: z.boolean().nullish(),
  is_bounced: z.boolean().nullish(),
});
export type StatisticsRow = z.infer<typeof StatisticsRow>;

/**
 * One lead of a campaign (`GET /campaigns/{id}/leads`, "Get Campaign Leads"). The legacy reference
 * answers `{total_leads, data: [{campaign_lead_map_id, status, created_at, lead: {…}}]}`; the
 * vendor's OpenAPI draft answers `{leads: [{id, email, …, status, campaign_id, created_at,
 * updated_at}], total_count}`. Both are read.
 */
/** The lead's own fields: flat in the draft's rows, under `lead` in the legacy reference's. */
const EntryPerson = {
  email: Str,
  first_name: Str,
  last_name: Str,
  company_name: Str,
  phone_number: z.union([z.string(), z.number()]).nullish(),
  linkedin_profile: Str,
  is_unsubscribed: z.boolean().nullish(),
};

export const CampaignLeadEntry = z
  .object({
    campaign_lead_map_id: Id.nullish(),
    id: Id.nullish(),
    status: Str,
    lead_category_id: Id.nullish(),
    created_at: Str,
    updated_at: Str,
    ...EntryPerson,
    lead: z
      .object({ id: Id.nullish(), ...EntryPerson })
      .passthrough()
      .nullish(),
  })
  .passthrough();
export type CampaignLeadEntry = z.infer<typeof CampaignLeadEntry>;

/* ---- What the lead operations read (Smartlead's API answers) ---- */

/** The person fields of a Smartlead lead, as the lookup and a campaign's search rows both carry them. */
const LeadPerson = z.object({
  id: Id,
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  company_name: z.string().nullish(),
  linkedin_profile: z.string().nullish(),
  custom_fields: z.record(z.string(), z.unknown()).nullish(),
});

/**
 * A lead as "Fetch Lead by email" (`GET /leads/?email=`) answers it; `{}` when there is none.
 * Leads exist only inside campaigns: "create" and "enroll" are the same call,
 * `POST /campaigns/{id}/leads`, which reports duplicates and skips as counters in a 200.
 */
export const SmartleadLead = LeadPerson.extend({
  phone_number: z.string().nullish(),
  is_unsubscribed: z.boolean().nullish(),
  lead_campaign_data: z
    .array(
      z
        .object({
          // As documented ("Fetch Lead by email"): campaign_lead_map_id, campaign_id,
          // campaign_name, client_id, client_email, lead_category_id — no status.
          campaign_id: Id,
          campaign_name: z.string().nullish(),
          campaign_lead_map_id: Id.nullish(),
          lead_category_id: Id.nullish(),
        })
        .passthrough(),
    )
    .nullish(),
}).passthrough();
export type SmartleadLead = z.infer<typeof SmartleadLead>;

/** The 200 of "Add leads to a campaign by ID" (`POST /campaigns/{id}/leads`): counters, or the lead-limit answer. */
export const UploadResult = z
  .object({
    ok: z.boolean().nullish(),
    upload_count: z.number().nullish(),
    total_leads: z.number().nullish(),
    already_added_to_campaign: z.number().nullish(),
    duplicate_count: z.number().nullish(),
    invalid_email_count: z.number().nullish(),
    // Documented as a count; some responses carry the list of emails instead.
    unsubscribed_leads: z.union([z.number(), z.array(z.unknown())]).nullish(),
    block_count: z.number().nullish(),
    bounce_count: z.number().nullish(),
    is_lead_limit_exhausted: z.boolean().nullish(),
    lead_import_stopped_count: z.number().nullish(),
    error: z.string().nullish(),
  })
  .passthrough();
export type UploadResult = z.infer<typeof UploadResult>;

/**
 * One lead's row in one campaign, from `POST /campaigns/{id}/leads/filter` (api.smartlead.ai
 * "Search Campaign Leads"): `id` is the lead map id, `status` the lead's status in that campaign
 * (STARTED, INPROGRESS, COMPLETED, STOPPED, PAUSED, BLOCKED), `email_lead` the lead itself.
 */
export const CampaignLeadRow = z
  .object({
    id: Id.nullish(),
    status: z.string().nullish(),
    email_lead: LeadPerson.extend({ phone_number: z.union([z.string(), z.number()]).nullish() }).passthrough(),
  })
  .passthrough();
export type CampaignLeadRow = z.infer<typeof CampaignLeadRow>;

/** Search Campaign Leads' answer: a page of rows and the cursor of the next page. */
export const SearchAnswer = z.object({ leads: z.array(z.unknown()).nullish(), lastSeenEclmId: Id.nullish() }).passthrough();
