import { NoTimestamp } from '../shared/webhook';
import { emptyLead, type EventLead, type EventMeeting, type UnifiedEvent } from '../../model/event';
import type { Lead, LeadCampaign } from '../../model/lead';
import type { EventType } from '../../model/tools';
import { email, eventId, isoUtc, joinName, splitName, str } from '../../model/values';
import { inCategoryList } from '../shared/input';
import type { TriggerInput } from '../types';
import type {
  CampaignLeadEntry,
  CampaignLeadRow,
  EmailBounce,
  EmailReply,
  LeadCategoryUpdated,
  LeadUnsubscribed,
  SmartleadLead,
  StatisticsRow,
} from './payloads';

const TOOL = 'smartlead' as const;

const leadFrom = (address: string | null, fullName: string | null, toolLeadId: unknown): EventLead => {
  const { first, last } = splitName(fullName);
  return { ...emptyLead(), email: address, first_name: first, last_name: last, full_name: fullName, tool_lead_id: str(toolLeadId) };
};

const campaignOf = (p: { campaign_id?: unknown; campaign_name?: unknown }) =>
  p.campaign_id === null || p.campaign_id === undefined ? null : { id: str(p.campaign_id), name: str(p.campaign_name) };

const occurred = (...candidates: unknown[]): string => {
  for (const c of candidates) {
    const iso = isoUtc(c);
    if (iso) return iso;
  }
  throw new NoTimestamp();
};

/**
 * EMAIL_REPLY. The lead is the prospect: `sl_lead_email` (or `to_email`, since the reply
 * event describes our email *to* them). `from_email` is our sending mailbox. When a colleague
 * answers for the lead, `leadCorrespondence.replyReceivedFrom` names who actually wrote.
 */
export const normalizeReply = (p: EmailReply, raw: unknown): UnifiedEvent => {
  const leadEmail = email(p.sl_lead_email) ?? email(p.leadCorrespondence?.targetLeadEmail) ?? email(p.to_email);
  const writer = email(p.leadCorrespondence?.replyReceivedFrom) ?? leadEmail;
  const messageId = str(p.reply_message?.message_id) ?? str(p.message_id);
  const repliedAt = isoUtc(p.reply_message?.time) ?? isoUtc(p.time_replied) ?? isoUtc(p.event_timestamp);
  return {
    id: eventId(TOOL, 'reply_received', [p.campaign_id, p.sl_email_lead_map_id ?? leadEmail, messageId ?? repliedAt]),
    event: 'reply_received',
    tool: TOOL,
    occurred_at: occurred(p.time_replied, p.event_timestamp, p.reply_message?.time),
    lead: leadFrom(leadEmail, str(p.to_name), p.sl_email_lead_id),
    campaign: campaignOf(p),
    message: {
      id: messageId,
      thread_id: str(p.stats_thread_id) ?? str(p.stats_id),
      subject: str(p.subject),
      text: str(p.reply_message?.text) ?? str(p.preview_text),
      html: str(p.reply_message?.html) ?? str(p.reply_body),
      from_email: writer,
      to_email: email(p.from_email),
      sent_at: repliedAt,
    },
    meeting: null,
    category: null,
    raw,
  };
};

const categoryName = (p: LeadCategoryUpdated): string | null =>
  str(p.lead_category?.new_name) ?? (typeof p.category === 'string' ? str(p.category) : str(p.category?.name));

const emptyMeeting = (): EventMeeting => ({
  id: null,
  title: null,
  start_time: null,
  end_time: null,
  timezone: null,
  join_url: null,
  location: null,
  organizer_email: null,
  rescheduled: false,
  canceled_by: null,
  cancel_reason: null,
});

/**
 * LEAD_CATEGORY_UPDATED. Category names are the account's own (and ids differ between
 * accounts), so the trigger's category lists decide: a name in `interested_categories` is
 * Lead Interested, one in `meeting_categories` is Meeting Booked, anything else is no event.
 */
export const normalizeCategory = (p: LeadCategoryUpdated, raw: unknown, input: TriggerInput): UnifiedEvent[] => {
  const category = categoryName(p);
  const types: EventType[] = [];
  if (inCategoryList(category, input.interested_categories)) types.push('lead_interested');
  if (inCategoryList(category, input.meeting_categories)) types.push('meeting_booked');
  const d = p.lead_data ?? {};
  const fullName = str(p.lead_name) ?? str(p.to_name) ?? joinName(str(d.first_name), str(d.last_name));
  const split = splitName(fullName);
  const lead: EventLead = {
    email: email(p.lead_email) ?? email(d.email) ?? email(p.to_email),
    first_name: str(d.first_name) ?? split.first,
    last_name: str(d.last_name) ?? split.last,
    full_name: fullName,
    company: str(d.company_name),
    title: null,
    phone: str(d.phone_number),
    linkedin_url: str(d.linkedin_profile),
    tool_lead_id: str(p.lead_id),
  };
  const at = occurred(p.event_timestamp, p.created_at);
  return types.map((type) => ({
    id: eventId(TOOL, type, [p.campaign_id, p.lead_id ?? lead.email, p.lead_category?.new_id ?? category, at]),
    event: type,
    tool: TOOL,
    occurred_at: at,
    lead,
    campaign: campaignOf(p),
    message: null,
    meeting: type === 'meeting_booked' ? emptyMeeting() : null,
    category,
    raw,
  }));
};

export const normalizeBounce = (p: EmailBounce, raw: unknown): UnifiedEvent => {
  const leadEmail = email(p.to_email);
  const bounceId = str(p.bounce_message?.message_id) ?? str(p.bounce_reply_message_id);
  return {
    id: eventId(TOOL, 'email_bounced', [p.campaign_id, p.stats_id ?? leadEmail, bounceId ?? p.message_id]),
    event: 'email_bounced',
    tool: TOOL,
    occurred_at: occurred(p.event_timestamp, p.bounce_message?.time, p.created_at, p.time_sent),
    lead: leadFrom(leadEmail, str(p.to_name), null),
    campaign: campaignOf(p),
    message: {
      id: bounceId,
      thread_id: str(p.stats_id),
      subject: str(p.subject),
      text: str(p.bounce_message?.text) ?? str(p.bounce_reply_email_preview),
      html: str(p.bounce_message?.html),
      from_email: email(p.bounce_reply_email),
      to_email: email(p.from_email),
      sent_at: isoUtc(p.bounce_message?.time) ?? isoUtc(p.event_timestamp),
    },
    meeting: null,
    category: null,
    raw,
  };
};

export const normalizeUnsubscribe = (p: LeadUnsubscribed, raw: unknown): UnifiedEvent => {
  const leadEmail = email(p.lead_email) ?? email(p.to_email);
  return {
    id: eventId(TOOL, 'lead_unsubscribed', [p.campaign_id, p.lead_id ?? leadEmail, p.event_timestamp]),
    event: 'lead_unsubscribed',
    tool: TOOL,
    occurred_at: occurred(p.event_timestamp),
    lead: leadFrom(leadEmail, str(p.lead_name) ?? str(p.to_name), p.lead_id),
    campaign: campaignOf(p),
    message: null,
    meeting: null,
    category: null,
    raw,
  };
};

/** A lead statistics row as the event it records (recent items for performList / polling). */
export const normalizeStatisticsRow = (row: StatisticsRow, event: EventType, campaign: { id: string; name: string | null }): UnifiedEvent | null => {
  const leadEmail = email(row.lead_email);
  const at =
    isoUtc(event === 'reply_received' || event === 'lead_interested' || event === 'meeting_booked' ? row.reply_time : row.sent_time) ?? isoUtc(row.sent_time);
  if (!at) return null;
  const isReply = event === 'reply_received';
  return {
    id: eventId(TOOL, event, ['stats', campaign.id, row.stats_id ?? leadEmail, at]),
    event,
    tool: TOOL,
    occurred_at: at,
    lead: leadFrom(leadEmail, str(row.lead_name), null),
    campaign,
    message:
      isReply || event === 'email_bounced'
        ? {
            id: null,
            thread_id: str(row.stats_id),
            subject: str(row.email_subject),
            text: null,
            html: isReply ? null : str(row.email_message),
            from_email: isReply ? leadEmail : null,
            to_email: null,
            sent_at: at,
          }
        : null,
    meeting: event === 'meeting_booked' ? emptyMeeting() : null,
    category: str(row.lead_category),
    raw: row,
  };
};

/**
 * A campaign lead whose status is COMPLETED: it went through every step of the sequence.
 * Smartlead stops a lead who replies (STOPPED) and blocks one that bounced or unsubscribed
 * (BLOCKED / UNSUBSCRIBED / BOUNCED), so only COMPLETED counts; a row flagged unsubscribed is
 * left out all the same. The id holds no time: a lead finishes a campaign once (a finished lead
 * cannot be restarted in the same campaign), so every poll yields the same id.
 */
export const normalizeFinishedLead = (row: CampaignLeadEntry, campaign: { id: string; name: string | null }): UnifiedEvent | null => {
  const status = str(row.status)?.toUpperCase() ?? null;
  const l = row.lead ?? row;
  if (status !== 'COMPLETED' || l.is_unsubscribed || row.is_unsubscribed) return null;
  const at = isoUtc(row.updated_at) ?? isoUtc(row.created_at);
  const leadEmail = email(l.email);
  if (!at || !leadEmail) return null;
  const first = str(l.first_name);
  const last = str(l.last_name);
  const leadId = str(row.lead?.id) ?? (row.lead ? null : str(row.id));
  return {
    id: eventId(TOOL, 'sequence_finished', [campaign.id, leadId ?? leadEmail]),
    event: 'sequence_finished',
    tool: TOOL,
    occurred_at: at,
    lead: {
      ...emptyLead(),
      email: leadEmail,
      first_name: first,
      last_name: last,
      full_name: joinName(first, last),
      company: str(l.company_name),
      phone: str(l.phone_number),
      linkedin_url: str(l.linkedin_profile),
      tool_lead_id: leadId,
    },
    campaign,
    message: null,
    meeting: null,
    category: status,
    raw: row,
  };
};

/* ---- The lead operations' leads ---- */

/** A Smartlead lead's person fields (the lookup and a campaign's search rows share them). */
const personOf = (l: Pick<SmartleadLead, 'id' | 'email' | 'first_name' | 'last_name' | 'company_name' | 'linkedin_profile'> & { phone_number?: unknown }) => {
  const first = str(l.first_name);
  const last = str(l.last_name);
  return {
    id: `smartlead:${l.id}`,
    tool: TOOL,
    tool_lead_id: String(l.id),
    email: email(l.email),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(l.company_name),
    title: null,
    phone: str(l.phone_number),
    linkedin_url: str(l.linkedin_profile),
  };
};

/** The lead as the lookup by email (`GET /leads/?email=`) shows it. */
export const leadFromLookup = (l: SmartleadLead): Lead => ({
  ...personOf(l),
  unsubscribed: l.is_unsubscribed ?? null,
  // The lookup does not carry the lead's status in each campaign: unknown, never guessed.
  campaigns: (l.lead_campaign_data ?? []).map((c) => ({ id: String(c.campaign_id), name: str(c.campaign_name), status: null })),
});

/** The lead as a campaign's search row shows it (no unsubscribe flag there: unknown). */
export const leadFromRow = (row: CampaignLeadRow, campaign: LeadCampaign): Lead => ({ ...personOf(row.email_lead), unsubscribed: null, campaigns: [campaign] });
