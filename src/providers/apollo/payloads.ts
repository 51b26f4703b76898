import { z } from 'zod';

/**
 * Apollo REST objects (vendor OpenAPI, docs.apollo.io/openapi/apollo-rest-api.json). Apollo has
 * no webhooks for sequence events, so these are the objects its list/search endpoints return.
 * Loose: unknown fields are kept, ids may be strings or numbers.
 */
const Id = z.union([z.string(), z.number()]);
const Str = z.string().nullish();
const Bool = z.boolean().nullish();

const Address = z.object({ email: Str, raw_name: Str, contact_id: Id.nullish(), recipient_type_cd: Str }).partial().passthrough();

/** One outreach email (`GET /emailer_messages/search` → `emailer_messages[]`). */
export const EmailerMessage = z
  .object({
    id: Id,
    contact_id: Id.nullish(),
    emailer_campaign_id: Id.nullish(),
    campaign_name: Str,
    subject: Str,
    status: Str,
    from_email: Str,
    from_name: Str,
    to_email: Str,
    to_name: Str,
    provider_thread_id: Str,
    provider_message_id: Str,
    completed_at: Str,
    failed_at: Str,
    due_at: Str,
    created_at: Str,
    replied: Bool,
    reply_class: Str,
    bounce: Bool,
    /** Not in the documented example; read if Apollo sends it. */
    unsubscribed: Bool,
    recipients: z.array(Address).nullish(),
    send_from: Address.nullish(),
  })
  .passthrough();
export type EmailerMessage = z.infer<typeof EmailerMessage>;

export const EmailerMessageSearch = z.object({ emailer_messages: z.array(z.unknown()) }).passthrough();

export const ContactCampaignStatus = z
  .object({
    id: Id.nullish(),
    emailer_campaign_id: Id,
    status: Str,
    added_at: Str,
    finished_at: Str,
    paused_at: Str,
    inactive_reason: Str,
    send_email_from_email_account_id: Id.nullish(),
  })
  .passthrough();
export type ContactCampaignStatus = z.infer<typeof ContactCampaignStatus>;

export const Contact = z
  .object({
    id: Id,
    first_name: Str,
    last_name: Str,
    name: Str,
    email: Str,
    title: Str,
    organization_name: Str,
    linkedin_url: Str,
    sanitized_phone: Str,
    phone_numbers: z.array(z.object({ raw_number: Str, sanitized_number: Str }).partial().passthrough()).nullish(),
    email_unsubscribed: Bool,
    emailer_campaign_ids: z.array(Id).nullish(),
    contact_campaign_statuses: z.array(ContactCampaignStatus).nullish(),
    contact_emails: z.array(z.object({ email: Str }).partial().passthrough()).nullish(),
    account: z.object({ name: Str }).partial().passthrough().nullish(),
    /** When Apollo created the record: tells a dedupe match of an older contact from a new one. */
    created_at: Str,
  })
  .passthrough();
export type Contact = z.infer<typeof Contact>;

/** One custom field definition (`GET /typed_custom_fields` → `typed_custom_fields[]`). */
export const TypedCustomField = z
  .object({
    id: Id,
    modality: Str,
    name: Str,
    type: Str,
    picklist_values: z.array(z.object({ id: Id.nullish(), name: Str }).partial().passthrough()).nullish(),
  })
  .passthrough();
export type TypedCustomField = z.infer<typeof TypedCustomField>;

/** The reply classes Apollo's `emailer_message_reply_classes[]` filter documents. */
export const REPLY_CLASSES = [
  'willing_to_meet',
  'follow_up_question',
  'person_referral',
  'out_of_office',
  'already_left_company_or_not_right_person',
  'not_interested',
  'unsubscribe',
  'none_of_the_above',
] as const;

/**
 * Reply Received means a person wrote back, whatever the tool: automatic answers are left out, as
 * Woodpecker (`prospect_autoreplied`), Reply.io (`email_auto_reply`) and Mailshake (out-of-office
 * replies) keep them apart.
 */
export const HUMAN_REPLY_CLASSES = REPLY_CLASSES.filter((c) => c !== 'out_of_office');

/** `skipped_contact_ids` reason codes (vendor OpenAPI x-enumDescriptions of add_contact_ids). */
export const SKIP_REASONS: Record<string, string> = {
  contact_not_found: 'the contact ID was not found for the team',
  contacts_already_exists_in_current_campaign: 'the contact is already part of this sequence',
  contacts_active_in_other_campaigns: 'the contact is active in another sequence',
  contacts_finished_in_other_campaigns: 'the contact has finished another sequence',
  contacts_without_email: 'the contact has no email address',
  contacts_unverified_email: 'the contact has no verified email address',
  contacts_with_job_change: 'the contact has a pending job change',
  contacts_in_same_company: 'a contact from the same company is already in this sequence',
  contacts_without_ownership_permission: 'the API key’s user may not reach out to this contact',
  contacts_in_pending_state: 'the contact is already in the account queue',
  contacts_with_unverified_user_managed_email: 'the contact has an unverified user-managed email',
};
