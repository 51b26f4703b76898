import { z } from 'zod';

/**
 * Woodpecker webhook items (developers.woodpecker.co/docs/webhooks/*). A delivery is a JSON
 * array of up to 100 of these. Loose schemas: unknown fields stay in `raw`; ids may be
 * numbers or strings; empty strings are common for unset fields.
 */
const Id = z.union([z.string(), z.number()]);
/**
 * Scalar text (names, phone, status, timestamps): a string, or a number where a tool or a
 * spreadsheet import sends one (`"phone": 15550100`, epoch timestamps). Always read through
 * `str()` / `isoUtc()`, which turn numbers into their decimal string / an instant.
 */
const Str = z.union([z.string(), z.number()]).nullish();

/** The person fields a webhook's `prospect{}` block and a `GET /v1/prospects` row share. */
const prospectFields = {
  email: Str,
  first_name: Str,
  last_name: Str,
  company: Str,
  title: Str,
  phone: Str,
  linkedin_url: Str,
  status: Str,
  last_contacted: Str,
  last_replied: Str,
  /** The documented samples ("Browsing prospects") spell it with a space. */
  'last replied': Str,
  updated: Str,
};

export const Prospect = z.looseObject({
  ...prospectFields,
  id: Id.nullish(),
  interested: Str,
  campaign_id: Id.nullish(),
  campaign_name: Str,
  campaign_email: Str,
});
export type Prospect = z.infer<typeof Prospect>;

export const EmailBlock = z.looseObject({
  id: Id.nullish(),
  mail_id: Id.nullish(),
  subject: Str,
  sender: Str,
  email: Str,
  date: Str,
  message: Str,
});
export type EmailBlock = z.infer<typeof EmailBlock>;

export const WebhookItem = z.looseObject({
  method: Str,
  event: Str,
  prospect: Prospect,
  email: EmailBlock.nullish(),
  timestamp: Str,
  firm_id: Id.nullish(),
});
export type WebhookItem = z.infer<typeof WebhookItem>;

/** Webhook event names we map to unified events. */
export const MAPPED_EVENTS = {
  prospect_replied: 'reply_received',
  prospect_interested: 'lead_interested',
  prospect_bounced: 'email_bounced',
  prospect_blacklisted: 'lead_unsubscribed',
} as const;

/** Documented Woodpecker webhook events that have no unified counterpart: no event, no error. */
export const IGNORED_EVENTS = [
  'prospect_maybe_later',
  'prospect_not_interested',
  'prospect_invalid',
  'prospect_autoreplied',
  'followup_after_autoreply',
  'prospect_non_responsive',
  'prospect_saved',
  'email_opened',
  'link_clicked',
  'campaign_sent',
  'email_sent',
  'campaign_completed',
  'secondary_replied',
  'task_created',
  'task_done',
  'task_ignored',
] as const;

export const eventNameOf = (item: Record<string, unknown>): string | null => {
  const v = item.method ?? item.event ?? item.type;
  return typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : null;
};

/** One row of `GET /v1/prospects` (global list; `campaigns_details=true` adds the campaigns). */
export const ProspectRow = z.looseObject({
  ...prospectFields,
  id: Id,
  campaigns_details: z
    .array(
      z.looseObject({
        campaign_id: Id.nullish(),
        campaign_name: Str,
        campaign_status: Str,
        campaign_prospect_status: Str,
        interested: Str,
      }),
    )
    .nullish(),
});
export type ProspectRow = z.infer<typeof ProspectRow>;

/** `GET /v1/campaign_list` rows. */
export const CampaignRow = z.looseObject({ id: Id, name: Str, status: Str, from_email: Str });
export type CampaignRow = z.infer<typeof CampaignRow>;

/**
 * `POST /v1/add_prospects_campaign` / `add_prospects_list` answer: `{prospects: [{email, id, …}],
 * status: {status, code, msg}}`. The per-prospect error fields are UNCONFIRMED (see README):
 * we read `status` / `code` / `msg` on each item as the v1 error envelope uses them.
 */
export const AddProspectsResponse = z.looseObject({
  prospects: z
    .array(
      z.looseObject({
        email: Str,
        id: Id.nullish(),
        status: Str,
        code: Str,
        msg: Str,
        message: Str,
      }),
    )
    .nullish(),
  status: z.looseObject({ status: Str, code: Str, msg: Str }).nullish(),
});
export type AddProspectsResponse = z.infer<typeof AddProspectsResponse>;
