import { pathSegment } from '../../http/path';
import type { EventType } from '../../model/tools';
import { str } from '../../model/values';
import { callJson } from '../../http/client';
import { newSecret, withUrlSecret } from '../shared/secrets';
import type { CampaignOption, Ctx, Provider, SubscribeData, SubscribeRequest } from '../types';
import { replyioCapabilities } from './capabilities';
import { replyioApi } from './api';
import { replyioLeads } from './leads';
import { replyioWebhook } from './webhook';

/**
 * One v3 event type per subscription (docs.reply.io "Create a webhook subscription"), from the v3
 * catalogue (docs.reply.io/webhook-events): it has `contact_opted_out` and no meeting event
 * (`meeting_booked` / `email_unsubscribed` are only on the legacy page essentials/webhook-events).
 */
const WEBHOOK_EVENT: Partial<Record<EventType, string>> = {
  reply_received: 'email_replied',
  lead_interested: 'reply_categorized',
  email_bounced: 'email_bounced',
  lead_unsubscribed: 'contact_opted_out',
  sequence_finished: 'contact_finished',
};

const isV3 = (url: string): boolean => {
  try {
    return /(^|\/)v3\//.test(new URL(url).pathname);
  } catch {
    return url.includes('/v3/');
  }
};

const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  const secret = newSecret();
  const url = withUrlSecret(req.targetUrl, secret);
  const body = (eventType: string) => ({
    eventType,
    url,
    scope: 'Team',
    enabled: true,
    payloadConfig: { includeEmailUrl: false, includeEmailText: true, includeProspectCustomFields: true },
  });
  const eventType = WEBHOOK_EVENT[req.event];
  if (!eventType) throw new ctx.z.errors.Error(`Reply.io has no webhook event for ${req.event}.`, 'UnsupportedTrigger', 400);
  const created = await callJson<{ id?: unknown }>(ctx, replyio, { method: 'POST', path: '/v3/webhooks', body: body(eventType) });
  const id = str(created.data?.id);
  if (!id) throw new ctx.z.errors.Error('Reply.io created the webhook but returned no subscription id.', 'SubscribeFailed', 502);
  return { tool: 'replyio', id, secret, event_type: eventType };
};

const unsubscribe = async (ctx: Ctx, data: SubscribeData): Promise<void> => {
  await callJson(ctx, replyio, { method: 'DELETE', path: `/v3/webhooks/${pathSegment(data.id)}`, allowStatuses: [404] });
};

interface Campaign {
  id: number | string;
  name?: string;
  status?: number | string;
}

export const replyio: Provider = {
  ...replyioApi,
  capabilities: replyioCapabilities,
  leads: replyioLeads,
  rateLimit: { description: '15,000 API calls per key per month; some v1 statistics calls allow one request per 10 s', retryAfterSeconds: 10 },
  /** v3 takes `Authorization: Bearer`; the legacy v1/v2 paths take `X-Api-Key` (decided by path). */
  authorize(request, apiKey) {
    const header: Record<string, string> = isV3(request.url) ? { Authorization: `Bearer ${apiKey}` } : { 'X-Api-Key': apiKey };
    request.headers = { ...(request.headers ?? {}), ...header };
  },
  forbiddenHint: 'Team-scope webhooks on a private team need the team owner’s key, and other users’ contacts need a Master API key: reconnect with that key.',
  async testAuth(ctx) {
    const { data } = await callJson<{ userId?: unknown; username?: unknown; email?: unknown }>(ctx, replyio, { method: 'GET', path: '/v3/whoami' });
    return { account: str(data?.username) ?? str(data?.email) ?? (str(data?.userId) ? `user ${str(data?.userId)}` : 'Reply.io user') };
  },
  events: {
    subscribe,
    unsubscribe,
    webhook: replyioWebhook,
    // No listRecent: the API has no account-wide activity feed (v1 stats are per person and
    // throttled), so the editor shows the sample and the polling triggers say to use the instant ones.
  },
  // GET /v3/inbox/threads/categories (docs.reply.io api-reference, inbox "list inbox categories",
  // beta): an array of {id, name, color, isReserved, unreadThreadsCount} — the categories replies get.
  async listCategories(ctx) {
    const { data } = await callJson<unknown>(ctx, replyio, { method: 'GET', path: '/v3/inbox/threads/categories' });
    return (Array.isArray(data) ? data : []).map((c) => str((c as { name?: unknown })?.name)).filter((n): n is string => n !== null);
  },
  async listCampaigns(ctx, page): Promise<CampaignOption[]> {
    // GET /v1/campaigns returns every sequence in one array: one page.
    if (page > 0) return [];
    const { data } = await callJson<Campaign[] | null>(ctx, replyio, { method: 'GET', path: '/v1/campaigns' });
    return (Array.isArray(data) ? data : []).map((c) => ({ id: String(c.id), name: str(c.name) ?? String(c.id) }));
  },
};
