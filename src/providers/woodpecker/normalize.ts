import { NoTimestamp } from '../shared/webhook';
import { emptyLead, type EventLead, type UnifiedEvent } from '../../model/event';
import type { Lead, LeadCampaign } from '../../model/lead';
import type { EventType } from '../../model/tools';
import { email, eventId, isoUtc, joinName, str } from '../../model/values';
import type { LeadInput } from '../types';
import type { ProspectRow, WebhookItem } from './payloads';

const TOOL = 'woodpecker' as const;

const leadOf = (p: {
  id?: unknown;
  email?: unknown;
  first_name?: unknown;
  last_name?: unknown;
  company?: unknown;
  title?: unknown;
  phone?: unknown;
  linkedin_url?: unknown;
}): EventLead => {
  const first = str(p.first_name);
  const last = str(p.last_name);
  return {
    ...emptyLead(),
    email: email(p.email),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(p.company),
    title: str(p.title),
    phone: str(p.phone),
    linkedin_url: str(p.linkedin_url),
    tool_lead_id: str(p.id),
  };
};

const campaignOf = (p: WebhookItem['prospect']) => {
  const id = str(p.campaign_id);
  return id ? { id, name: str(p.campaign_name) } : null;
};

/**
 * One webhook item → its unified event. The lead is the prospect; a reply's `from_email` is the
 * address that wrote (the `email.email` of the reply, falling back to the prospect), and
 * `to_email` is the campaign mailbox that received it (`prospect.campaign_email`).
 */
export const normalizeItem = (item: WebhookItem, type: EventType, raw: unknown): UnifiedEvent => {
  const p = item.prospect;
  const lead = leadOf(p);
  const mail = item.email ?? null;
  const at = isoUtc(item.timestamp) ?? isoUtc(mail?.date) ?? isoUtc(p['last replied']) ?? isoUtc(p.last_replied) ?? isoUtc(p.updated);
  if (!at) throw new NoTimestamp();
  const campaign = campaignOf(p);
  let key: unknown[];
  switch (type) {
    case 'reply_received':
      key = mail?.id !== undefined && mail?.id !== null ? [mail.id] : [p.id ?? lead.email, p.campaign_id, at];
      break;
    case 'email_bounced':
      key = mail?.id !== undefined && mail?.id !== null ? ['bounce', mail.id] : [p.id ?? lead.email, p.campaign_id, at];
      break;
    default:
      key = [p.id ?? lead.email, p.campaign_id, at];
  }
  const withMessage = type === 'reply_received' || type === 'email_bounced';
  return {
    id: eventId(TOOL, type, key),
    event: type,
    tool: TOOL,
    occurred_at: at,
    lead,
    campaign,
    message: withMessage
      ? {
          id: str(mail?.id),
          thread_id: str(mail?.mail_id),
          subject: str(mail?.subject),
          text: str(mail?.message),
          html: null,
          from_email: type === 'reply_received' ? (email(mail?.email) ?? lead.email) : email(mail?.email),
          to_email: email(p.campaign_email),
          sent_at: isoUtc(mail?.date) ?? (type === 'reply_received' ? at : null),
        }
      : null,
    meeting: null,
    category: type === 'lead_interested' ? (str(p.interested) ?? 'INTERESTED') : null,
    raw,
  };
};

/**
 * A prospect row of the global list as the event its status records (recent items). The ids
 * differ from the webhook path (the list carries no message id); they are stable per prospect
 * and status change time, so the polling trigger dedupes correctly.
 */
export const normalizeProspectRow = (row: ProspectRow, type: EventType): UnifiedEvent | null => {
  const at = isoUtc(type === 'reply_received' ? (row['last replied'] ?? row.last_replied) : row.updated) ?? isoUtc(row.updated) ?? isoUtc(row.last_contacted);
  if (!at) return null;
  const lead = leadOf(row);
  return {
    id: eventId(TOOL, type, ['prospect', row.id, at]),
    event: type,
    tool: TOOL,
    occurred_at: at,
    lead,
    campaign: null,
    message:
      type === 'reply_received'
        ? { id: null, thread_id: null, subject: null, text: null, html: null, from_email: lead.email, to_email: null, sent_at: at }
        : null,
    meeting: null,
    category: null,
    raw: row,
  };
};

/* ---- The lead of Find Lead, Create Lead and the actions ---- */

/** One campaign membership of a prospect row (`campaigns_details`). */
export type Membership = NonNullable<ProspectRow['campaigns_details']>[number];

/** A membership as the lead's campaign; `status` overrides Woodpecker's (a membership we just changed). */
export const asLeadCampaign = (c: Membership, status?: string): LeadCampaign => ({
  id: String(c.campaign_id),
  name: str(c.campaign_name),
  status: status ?? str(c.campaign_prospect_status),
});

const campaignsOf = (row: ProspectRow): LeadCampaign[] =>
  (row.campaigns_details ?? [])
    .filter((c) => str(c.campaign_id))
    .map((c) => ({ id: String(c.campaign_id), name: str(c.campaign_name), status: str(c.campaign_prospect_status) }));

export const leadFromRow = (row: ProspectRow): Lead => {
  const first = str(row.first_name);
  const last = str(row.last_name);
  const id = String(row.id);
  return {
    id: `${TOOL}:${id}`,
    tool: TOOL,
    tool_lead_id: id,
    email: email(row.email),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(row.company),
    title: str(row.title),
    phone: str(row.phone),
    linkedin_url: str(row.linkedin_url),
    unsubscribed: str(row.status) ? str(row.status) === 'BLACKLIST' : null,
    campaigns: campaignsOf(row),
  };
};

/** Lead built from what we sent (and what was known), when Woodpecker returns only an id. */
export const leadFromInput = (lead: LeadInput, id: string | null, known: ProspectRow | null): Lead => {
  const base = known ? leadFromRow(known) : null;
  const first = lead.first_name ?? base?.first_name ?? null;
  const last = lead.last_name ?? base?.last_name ?? null;
  const toolId = id ?? base?.tool_lead_id ?? lead.email.toLowerCase();
  return {
    id: `${TOOL}:${toolId}`,
    tool: TOOL,
    tool_lead_id: toolId,
    email: lead.email.toLowerCase(),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: lead.company ?? base?.company ?? null,
    title: lead.title ?? base?.title ?? null,
    phone: lead.phone ?? base?.phone ?? null,
    linkedin_url: lead.linkedin_url ?? base?.linkedin_url ?? null,
    unsubscribed: base?.unsubscribed ?? null,
    campaigns: base?.campaigns ?? [],
  };
};
