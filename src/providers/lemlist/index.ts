import { pathSegment } from '../../http/path';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { str } from '../../model/values';
import { callJson } from '../../http/client';
import { newSecret } from '../shared/secrets';
import type { CampaignOption, Ctx, Provider, SubscribeData, SubscribeRequest, TriggerInput } from '../types';
import { lemlistCapabilities } from './capabilities';
import { lemlistApi } from './api';
import { lemlistLeads } from './leads';
import { lemlistWebhook } from './webhook';
import { normalizeActivity, normalizeExportedLead } from './normalize';
import { Activity, Campaign, ExportedLead, HOOK_TYPE, INTERESTED_TYPES } from './payloads';

const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  const type = (HOOK_TYPE as Partial<Record<EventType, string>>)[req.event];
  if (!type) {
    throw new ctx.z.errors.Error(`lemlist has no webhook for ${req.event}.`, 'UnsupportedTrigger', 400);
  }
  const secret = newSecret();
  const campaignId = req.input.campaign_id;
  const { data } = await callJson<{ _id?: unknown }>(ctx, lemlist, {
    method: 'POST',
    path: '/hooks',
    ...(campaignId ? { params: { campaignId } } : {}),
    body: { targetUrl: req.targetUrl, type, secret },
  });
  const id = str(data?._id);
  if (!id) throw new ctx.z.errors.Error('lemlist created the webhook but returned no id; turn the Zap on again.', 'SubscribeFailed', 502);
  return { tool: 'lemlist', id, secret, ...(campaignId ? { campaign_id: campaignId } : {}) };
};

const unsubscribe = async (ctx: Ctx, data: SubscribeData): Promise<void> => {
  await callJson(ctx, lemlist, { method: 'DELETE', path: `/hooks/${pathSegment(data.id)}`, allowStatuses: [404] });
};

/**
 * Activity types to list per trigger (GET /activities takes one `type` per call): exactly the
 * types parse maps to that event, so polling sees what the webhook path would.
 */
const LIST_TYPES: Record<EventType, string[]> = {
  reply_received: [HOOK_TYPE.reply_received],
  lead_interested: [...INTERESTED_TYPES],
  meeting_booked: [],
  email_bounced: [HOOK_TYPE.email_bounced],
  lead_unsubscribed: [HOOK_TYPE.lead_unsubscribed],
  meeting_canceled: [],
  sequence_finished: [],
};

/**
 * Sequence Finished: the campaign's leads from `GET /campaigns/{id}/export/leads?state=all&format=json`
 * whose status is `done` without a reply, bounce or unsubscribe as last state (normalizeExportedLead).
 */
const listFinished = async (ctx: Ctx, campaignId: string): Promise<UnifiedEvent[]> => {
  const { data } = await callJson<unknown>(ctx, lemlist, {
    method: 'GET',
    path: `/campaigns/${pathSegment(campaignId)}/export/leads`,
    params: { state: 'all', format: 'json' },
  });
  const names = await listCampaigns(ctx, 0);
  const name = names.find((c) => c.id === campaignId)?.name.replace(/ \([^)]*\)$/, '') ?? null;
  const seenAt = new Date().toISOString();
  return (Array.isArray(data) ? data : [])
    .map((item) => ExportedLead.safeParse(item))
    .filter((r) => r.success)
    .map((r) => normalizeExportedLead(r.data, { id: campaignId, name }, seenAt))
    .filter((e): e is UnifiedEvent => e !== null);
};

const listRecent = async (ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]> => {
  if (event === 'sequence_finished') return input.campaign_id ? listFinished(ctx, input.campaign_id) : [];
  const out: UnifiedEvent[] = [];
  for (const type of LIST_TYPES[event]) {
    const { data } = await callJson<unknown>(ctx, lemlist, {
      method: 'GET',
      path: '/activities',
      params: { version: 'v2', type, ...(input.campaign_id ? { campaignId: input.campaign_id } : {}), limit: '25' },
    });
    const items = Array.isArray(data) ? data : [];
    for (const item of items) {
      const parsed = Activity.safeParse(item);
      if (!parsed.success) continue;
      try {
        const e = normalizeActivity(parsed.data, item);
        if (e && e.event === event) out.push(e);
      } catch {
        /* an activity without a timestamp cannot be placed in time: skipped */
      }
    }
  }
  return out.sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

const PAGE_SIZE = 100;

const listCampaigns = async (ctx: Ctx, page: number): Promise<CampaignOption[]> => {
  const { data } = await callJson<unknown>(ctx, lemlist, {
    method: 'GET',
    path: '/campaigns',
    params: { version: 'v2', limit: String(PAGE_SIZE), offset: String(page * PAGE_SIZE), sortBy: 'createdAt', sortOrder: 'desc' },
  });
  // The spec documents an array; the v2 API is also seen answering { campaigns: [...], pagination }.
  const items = Array.isArray(data) ? data : ((data as { campaigns?: unknown[] } | null)?.campaigns ?? []);
  return items
    .map((c) => Campaign.safeParse(c))
    .filter((r) => r.success)
    .map(({ data: c }) => ({ id: String(c._id), name: `${c.name ?? c._id}${c.status ? ` (${c.status})` : ''}` }));
};

export const lemlist: Provider = {
  ...lemlistApi,
  capabilities: lemlistCapabilities,
  leads: lemlistLeads,
  rateLimit: { description: '20 requests per 2 seconds', retryAfterSeconds: 2 },
  authorize(request, apiKey) {
    // HTTP Basic with an empty user name and the key as the password (`curl --user ":KEY"`).
    request.headers = { ...(request.headers ?? {}), Authorization: `Basic ${Buffer.from(`:${apiKey}`).toString('base64')}` };
  },
  forbiddenHint:
    'lemlist refuses keys whose user is blocked ("User linked to this API key is blocked"): check the user in lemlist Settings → Team, or connect with the key of an active team member.',
  async testAuth(ctx) {
    const { data } = await callJson<{ name?: unknown; _id?: unknown }>(ctx, lemlist, { method: 'GET', path: '/team' });
    return { account: str(data?.name) ?? str(data?._id) ?? 'lemlist team' };
  },
  events: {
    subscribe,
    unsubscribe,
    webhook: lemlistWebhook,
    listRecent,
  },
  listCampaigns,
};
