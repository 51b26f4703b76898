import { pathSegment } from '../../http/path';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { str } from '../../model/values';
import { callJson } from '../../http/client';
import { newSecret, withUrlSecret } from '../shared/secrets';
import { inCategoryList } from '../shared/input';
import type { CampaignOption, Ctx, Provider, SubscribeData, SubscribeRequest, TriggerInput } from '../types';
import { smartleadApi } from './api';
import { smartleadCapabilities } from './capabilities';
import { smartleadLeads } from './leads';
import { smartleadWebhook } from './webhook';
import { StatisticsRow, CampaignLeadEntry } from './payloads';
import { normalizeFinishedLead, normalizeStatisticsRow } from './normalize';

/** Webhook event types per unified trigger (Smartlead campaign webhooks). */
const WEBHOOK_EVENT: Partial<Record<EventType, string>> = {
  reply_received: 'EMAIL_REPLY',
  lead_interested: 'LEAD_CATEGORY_UPDATED',
  meeting_booked: 'LEAD_CATEGORY_UPDATED',
  email_bounced: 'EMAIL_BOUNCE',
  lead_unsubscribed: 'LEAD_UNSUBSCRIBED',
};

/** `email_status` filter of the lead statistics endpoint per trigger. */
const STATISTICS_STATUS: Partial<Record<EventType, string>> = {
  reply_received: 'replied',
  lead_interested: 'replied',
  meeting_booked: 'replied',
  email_bounced: 'bounced',
  lead_unsubscribed: 'unsubscribed',
};

interface Campaign {
  id: number | string;
  name?: string;
  status?: string;
  user_id?: number | string;
}

const listCampaigns = async (ctx: Ctx): Promise<Campaign[]> => {
  const { data } = await callJson<Campaign[] | { data?: Campaign[] }>(ctx, smartlead, { method: 'GET', path: '/campaigns' });
  return Array.isArray(data) ? data : (data?.data ?? []);
};

const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  const campaignId = req.input.campaign_id;
  if (!campaignId) {
    throw new ctx.z.errors.Error(
      'Smartlead webhooks belong to one campaign: choose a Campaign in this trigger (or use a Smartlead ' +
        'user-level webhook with the Normalize Webhook action to cover every campaign).',
      'MissingCampaign',
      400,
    );
  }
  const secret = newSecret();
  const webhookUrl = withUrlSecret(req.targetUrl, secret);
  const eventType = WEBHOOK_EVENT[req.event];
  // The trigger layer refuses what the capability table does not list; this is the same fact.
  if (!eventType) throw new ctx.z.errors.Error(`Smartlead has no webhook for ${req.event}.`, 'UnsupportedTrigger', 400);
  const body: Record<string, unknown> = {
    id: null,
    name: `Zapier · Sales Connect · ${req.event}`,
    webhook_url: webhookUrl,
    event_types: [eventType],
  };
  if (eventType === 'LEAD_CATEGORY_UPDATED') {
    body.categories = req.event === 'lead_interested' ? req.input.interested_categories : req.input.meeting_categories;
  }
  const path = `/campaigns/${pathSegment(campaignId, 'Campaign')}/webhooks`;
  const created = await callJson<{ id?: number | string }>(ctx, smartlead, { method: 'POST', path, body });
  // The documented create response has no id: find ours by its (unique, secret-bearing) URL.
  let id = str(created.data?.id);
  if (!id) {
    const listed = await callJson<unknown>(ctx, smartlead, { method: 'GET', path });
    const hooks = (Array.isArray(listed.data) ? listed.data : [listed.data]) as { id?: unknown; webhook_url?: unknown }[];
    id = str(hooks.find((h) => h && h.webhook_url === webhookUrl)?.id);
  }
  if (!id) {
    throw new ctx.z.errors.Error(
      `Smartlead accepted the webhook for campaign ${campaignId} but did not list it afterwards; turn the Zap on again.`,
      'SubscribeFailed',
      502,
    );
  }
  return { tool: 'smartlead', id, secret, campaign_id: campaignId };
};

const unsubscribe = async (ctx: Ctx, data: SubscribeData): Promise<void> => {
  if (!data.campaign_id) {
    // Not one of ours (every subscription we store names its campaign): nothing we can address.
    ctx.z.console.log(`Smartlead webhook ${data.id} has no campaign in its subscription data; not deleted.`);
    return;
  }
  await callJson(ctx, smartlead, {
    method: 'DELETE',
    path: `/campaigns/${pathSegment(String(data.campaign_id))}/webhooks`,
    body: { id: Number.isNaN(Number(data.id)) ? data.id : Number(data.id) },
    allowStatuses: [404],
  });
};

/** Page size of the finished-leads listing (the legacy reference's maximum) and how many pages we read at most. */
const FINISHED_PAGE = 100;
const FINISHED_PAGES = 5;

type LeadsPage = { data?: unknown[]; leads?: unknown[]; total_leads?: unknown; total_count?: unknown };

/**
 * Sequence Finished: the campaign's leads with status COMPLETED (`GET /campaigns/{id}/leads
 * ?status=COMPLETED`, "Get Campaign Leads"). Smartlead sends no webhook when a lead completes.
 * The listing has no sort parameter and answers in the order leads were added, so the first page
 * alone would show the same oldest 100 forever: when `total_leads` (legacy) / `total_count`
 * (draft) says there are more, the LAST pages are read instead (newest additions), up to
 * FINISHED_PAGES pages — the most recent 500 completed leads of the campaign.
 */
const listFinished = async (ctx: Ctx, campaignId: string): Promise<UnifiedEvent[]> => {
  const campaigns = await listCampaigns(ctx);
  const found = campaigns.find((c) => String(c.id) === campaignId);
  const campaign = { id: campaignId, name: str(found?.name) };
  const page = async (offset: number) =>
    (
      await callJson<LeadsPage>(ctx, smartlead, {
        method: 'GET',
        path: `/campaigns/${pathSegment(campaignId)}/leads`,
        params: { status: 'COMPLETED', offset: String(offset), limit: String(FINISHED_PAGE) },
      })
    ).data;
  const rowsOf = (data: LeadsPage | null | undefined) => data?.data ?? data?.leads ?? [];
  const first = await page(0);
  const total = Number(first?.total_leads ?? first?.total_count ?? NaN);
  let rows = rowsOf(first);
  if (Number.isFinite(total) && total > FINISHED_PAGE) {
    rows = [];
    const lastOffset = Math.floor((total - 1) / FINISHED_PAGE) * FINISHED_PAGE;
    for (let offset = lastOffset, n = 0; offset >= 0 && n < FINISHED_PAGES; offset -= FINISHED_PAGE, n += 1) {
      rows.push(...(offset === 0 ? rowsOf(first) : rowsOf(await page(offset))));
    }
  }
  return rows
    .map((row) => CampaignLeadEntry.safeParse(row))
    .filter((r) => r.success)
    .map((r) => normalizeFinishedLead(r.data, campaign))
    .filter((e): e is UnifiedEvent => e !== null)
    .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

const listRecent = async (ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]> => {
  if (event === 'sequence_finished') return input.campaign_id ? listFinished(ctx, input.campaign_id) : [];
  // Lead statistics are per campaign; without one there is no cheap account-wide list.
  const status = STATISTICS_STATUS[event];
  if (!input.campaign_id || !status) return [];
  const campaigns = await listCampaigns(ctx);
  const found = campaigns.find((c) => String(c.id) === input.campaign_id);
  const campaign = { id: input.campaign_id, name: str(found?.name) };
  const { data } = await callJson<{ data?: unknown[] }>(ctx, smartlead, {
    method: 'GET',
    path: `/campaigns/${pathSegment(input.campaign_id)}/statistics`,
    params: { email_status: status, offset: '0', limit: '25' },
  });
  const wantCategories = event === 'lead_interested' ? input.interested_categories : event === 'meeting_booked' ? input.meeting_categories : null;
  return (data?.data ?? [])
    .map((row) => StatisticsRow.safeParse(row))
    .filter((r) => r.success)
    .map((r) => r.data)
    .filter((row) => !wantCategories || inCategoryList(str(row.lead_category), wantCategories))
    .map((row) => normalizeStatisticsRow(row, event, campaign))
    .filter((e): e is UnifiedEvent => e !== null)
    .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

export const smartlead: Provider = {
  ...smartleadApi,
  capabilities: smartleadCapabilities,
  leads: smartleadLeads,
  // api.smartlead.ai guides/rate-limits (Standard tier): 60 requests per minute, 1,000 per hour,
  // bursts of 10 per second, per API key across all endpoints; a 429 carries Retry-After. Without
  // one, wait out the minute window.
  rateLimit: { description: '60 requests per minute and 1,000 per hour per API key (bursts up to 10 per second)', retryAfterSeconds: 60 },
  authorize(request, apiKey) {
    request.params = { ...(request.params ?? {}), api_key: apiKey };
  },
  forbiddenHint: 'Check that the API key belongs to the Smartlead account (or client) that owns this campaign.',
  async testAuth(ctx) {
    const campaigns = await listCampaigns(ctx);
    const userId = str(campaigns[0]?.user_id);
    return { account: userId ? `user ${userId}` : `${campaigns.length} campaigns` };
  },
  events: {
    subscribe,
    unsubscribe,
    webhook: smartleadWebhook,
    listRecent,
  },
  // GET /leads/fetch-categories (api.smartlead.ai api-reference, leads/categories): a top-level
  // array of {id, name, sentiment_type, created_at} — global categories first, then the account's own.
  async listCategories(ctx) {
    const { data } = await callJson<unknown>(ctx, smartlead, { method: 'GET', path: '/leads/fetch-categories' });
    return (Array.isArray(data) ? data : []).map((c) => str((c as { name?: unknown })?.name)).filter((n): n is string => n !== null);
  },
  async listCampaigns(ctx, page): Promise<CampaignOption[]> {
    // GET /campaigns returns every campaign in one array: serve it as one page.
    if (page > 0) return [];
    return (await listCampaigns(ctx)).map((c) => ({ id: String(c.id), name: `${c.name ?? c.id}${c.status ? ` (${c.status})` : ''}` }));
  },
};
