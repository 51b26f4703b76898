import { createHash } from 'node:crypto';
import { str } from '../../model/values';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { newSecret, withUrlSecret } from '../shared/secrets';
import type { CampaignOption, Ctx, Provider, SubscribeData, SubscribeRequest, TriggerInput } from '../types';
import { mailshakeCapabilities } from './capabilities';
import { campaignNumber, mailshakeApi, mailshakeRetryAfterFromBody, msCall, QUOTA_WINDOW_SECONDS } from './api';
import { listCampaignPage } from './campaigns';
import { mailshakeLeads } from './leads';
import { mailshakeWebhook } from './webhook';

export { checkResourceUrl } from './resourceUrl';
import { normalizeLead, normalizeReply } from './normalize';
import { LeadModel, Paginated, Reply } from './payloads';

/**
 * Push event per unified trigger. Mailshake has no bounce or unsubscribe push: bounces and
 * unsubscribes are Reply objects (type `bounce` / `unsubscribe`), so those triggers subscribe to
 * `Replied` and keep only their reply type on receipt (see README).
 */
const PUSH_EVENT: Partial<Record<EventType, string>> = {
  reply_received: 'Replied',
  email_bounced: 'Replied',
  lead_unsubscribed: 'Replied',
  lead_interested: 'LeadCreated',
};

/** `activity/replies` replyType per trigger, for recent items. */
const REPLY_TYPE: Partial<Record<EventType, string>> = {
  reply_received: 'reply',
  email_bounced: 'bounce',
  lead_unsubscribed: 'unsubscribe',
};

/**
 * `push/create {targetUrl, event, filter}`. Mailshake signs nothing and recommends a secret in
 * the URL: we add ours, and since `targetUrl` is also the subscription's identity, the exact URL
 * is stored for `push/delete`.
 */
const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  const event = PUSH_EVENT[req.event];
  if (!event) throw new ctx.z.errors.Error(`Mailshake has no push for ${req.event}.`, 'UnsupportedTrigger', 400);
  const secret = newSecret();
  const targetUrl = withUrlSecret(req.targetUrl, secret);
  const body: Record<string, unknown> = { targetUrl, event };
  if (req.input.campaign_id) body.filter = { campaignID: campaignNumber(req.input.campaign_id) };
  await msCall(ctx, mailshake, { method: 'POST', path: '/push/create', body });
  const id = `${event}@${createHash('sha256').update(targetUrl).digest('hex').slice(0, 12)}`;
  return { tool: 'mailshake', id, secret, event, target_url: targetUrl };
};

const unsubscribe = async (ctx: Ctx, data: SubscribeData): Promise<void> => {
  const targetUrl = str(data.target_url);
  if (!targetUrl) return;
  await msCall(ctx, mailshake, { method: 'POST', path: '/push/delete', body: { targetUrl }, notFoundOk: true });
};

const listRecent = async (ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]> => {
  const body: Record<string, unknown> = { perPage: 25 };
  if (input.campaign_id) body.campaignID = campaignNumber(input.campaign_id);
  let path: string;
  if (event === 'lead_interested') path = '/activity/created-leads';
  else if (REPLY_TYPE[event]) {
    path = '/activity/replies';
    body.replyType = REPLY_TYPE[event];
  } else return [];
  const data = await msCall(ctx, mailshake, { method: 'POST', path, body });
  const page = Paginated.safeParse(data ?? {});
  const events: UnifiedEvent[] = [];
  for (const item of page.success ? (page.data.results ?? []) : []) {
    const r = Reply.safeParse(item);
    const l = LeadModel.safeParse(item);
    try {
      if (r.success) events.push(...normalizeReply(r.data, item));
      else if (l.success) events.push(...normalizeLead(l.data, item));
    } catch {
      /* an item without a date cannot be placed in time: skip it */
    }
  }
  return events.filter((e) => e.event === event).sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

export const mailshake: Provider = {
  ...mailshakeApi,
  id: 'mailshake',
  capabilities: mailshakeCapabilities,
  rateLimit: { description: 'a quota of units per hour (most calls 1 unit, adding recipients 10 + 1 per recipient)', retryAfterSeconds: QUOTA_WINDOW_SECONDS },
  authorize(request, apiKey) {
    // HTTP Basic with the key as user and an empty password (the docs' `curl -u "my-api-key:"`).
    request.headers = { ...(request.headers ?? {}), Authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}` };
  },
  retryAfterFromBody: mailshakeRetryAfterFromBody,
  forbiddenHint: 'Check that the key belongs to an active Mailshake team with API access (team administrator, paid subscription).',
  async testAuth(ctx) {
    const data = await msCall<{ user?: { emailAddress?: unknown; teamName?: unknown } }>(ctx, mailshake, { method: 'POST', path: '/me', body: {} });
    const who = str(data?.user?.emailAddress);
    const team = str(data?.user?.teamName);
    return { account: [who, team ? `(${team})` : null].filter(Boolean).join(' ') || 'Mailshake account' };
  },
  events: {
    subscribe,
    unsubscribe,
    webhook: mailshakeWebhook,
    listRecent,
  },
  async listCampaigns(ctx, page): Promise<CampaignOption[]> {
    // campaigns/list pages by token: walk to the requested page (100 per page).
    let token: string | null = null;
    for (let i = 0; i <= page; i += 1) {
      const { campaigns, nextToken } = await listCampaignPage(ctx, token);
      if (i === page) return campaigns.map((c) => ({ id: String(c.id), name: `${c.title ?? c.id}${c.isPaused ? ' (paused)' : ''}` }));
      if (!nextToken) return [];
      token = nextToken;
    }
    return [];
  },
  leads: mailshakeLeads,
};
