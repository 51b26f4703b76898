import { createHash } from 'node:crypto';
import { str } from '../../model/values';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { newSecret, withUrlSecret } from '../shared/secrets';
import type { CampaignOption, Ctx, Provider, SubscribeData, SubscribeRequest, TriggerInput } from '../types';
import { woodpeckerCapabilities } from './capabilities';
import { woodpeckerApi, woodpeckerErrorMessage, wpCall } from './api';
import { woodpeckerLeads } from './leads';
import { woodpeckerWebhook } from './webhook';
import { normalizeProspectRow } from './normalize';
import { CampaignRow, ProspectRow } from './payloads';

/** The one webhook event each unified trigger subscribes to (account-wide; campaign filtered on receipt). */
const WEBHOOK_EVENT: Partial<Record<EventType, string>> = {
  reply_received: 'prospect_replied',
  lead_interested: 'prospect_interested',
  email_bounced: 'prospect_bounced',
  lead_unsubscribed: 'prospect_blacklisted',
};

/** Global prospect status and sort column per trigger, for recent items. */
const RECENT_QUERY: Partial<Record<EventType, { status: string; sort: string }>> = {
  reply_received: { status: 'REPLIED', sort: '-last_replied' },
  email_bounced: { status: 'BOUNCED', sort: '-updated' },
  lead_unsubscribed: { status: 'BLACKLIST', sort: '-updated' },
};

export const listCampaignRows = async (ctx: Ctx): Promise<CampaignRow[]> => {
  const { data } = await wpCall<unknown[]>(ctx, woodpecker, { method: 'GET', path: '/v1/campaign_list' });
  return (Array.isArray(data) ? data : [])
    .map((row) => CampaignRow.safeParse(row))
    .filter((r) => r.success)
    .map((r) => r.data);
};

const subscriptionId = (event: string, url: string) => `${event}@${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;

/**
 * `POST /v1/webhooks/subscribe {target_url, event}`. The URL carries our secret (Woodpecker signs
 * nothing), so unsubscribe must send that exact URL: it is stored as `target_url`. Woodpecker
 * allows the same event up to three times per account, each with a unique target_url
 * (developers.woodpecker.co "Subscribe to a webhook"; help "You can only subscribe to the same
 * webhook 3 times per one account"). Our URL is always new, so a 409 is that limit — an error
 * saying how to free a slot, never "already subscribed".
 */
const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  const event = WEBHOOK_EVENT[req.event];
  if (!event) throw new ctx.z.errors.Error(`Woodpecker has no webhook for ${req.event}.`, 'UnsupportedTrigger', 400);
  const secret = newSecret();
  const targetUrl = withUrlSecret(req.targetUrl, secret);
  const res = await wpCall(ctx, woodpecker, {
    method: 'POST',
    path: '/v1/webhooks/subscribe',
    body: { target_url: targetUrl, event },
    allowStatuses: [409],
  });
  if (res.status === 409) {
    const said = woodpeckerErrorMessage(JSON.stringify(res.data ?? {}));
    throw new ctx.z.errors.Error(
      `Woodpecker allows at most 3 webhook subscriptions per event per account, and this account already has 3 for ${event}` +
        `${said ? ` (Woodpecker: ${said})` : ''}. To free a slot, turn off another Zap that uses this Woodpecker trigger, or remove a subscription ` +
        'you no longer need (Woodpecker lists them at GET /rest/v2/webhooks; POST /rest/v1/webhooks/unsubscribe removes one), then turn this Zap on again.',
      'WebhookLimitReached',
      409,
    );
  }
  return { tool: 'woodpecker', id: subscriptionId(event, targetUrl), secret, event, target_url: targetUrl };
};

const unsubscribe = async (ctx: Ctx, data: SubscribeData): Promise<void> => {
  const event = str(data.event) ?? str(data.id?.split('@')[0]);
  const targetUrl = str(data.target_url);
  if (!event || !targetUrl) return; // nothing we registered
  await wpCall(ctx, woodpecker, {
    method: 'POST',
    path: '/v1/webhooks/unsubscribe',
    body: { target_url: targetUrl, event },
    allowStatuses: [404],
  });
};

/**
 * Recent items from the global prospect list by status (REPLIED / BOUNCED / BLACKLIST), newest
 * first. Interest has no global status filter, so Lead Interested has no recent items ([] → the
 * sample). With a campaign chosen, the list is restricted to that campaign (`campaigns_id`).
 */
const listRecent = async (ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]> => {
  const q = RECENT_QUERY[event];
  if (!q) return [];
  const params: Record<string, string> = { status: q.status, sort: q.sort, page: '1', per_page: '25' };
  if (input.campaign_id) params.campaigns_id = input.campaign_id;
  const { data } = await wpCall<unknown[]>(ctx, woodpecker, { method: 'GET', path: '/v1/prospects', params });
  const campaign = input.campaign_id ? { id: input.campaign_id, name: null } : null;
  return (Array.isArray(data) ? data : [])
    .map((row) => ProspectRow.safeParse(row))
    .filter((r) => r.success)
    .map((r) => normalizeProspectRow(r.data, event))
    .filter((e): e is UnifiedEvent => e !== null)
    .map((e) => ({ ...e, campaign }))
    .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

export const woodpecker: Provider = {
  ...woodpeckerApi,
  capabilities: woodpeckerCapabilities,
  leads: woodpeckerLeads,
  authorize(request, apiKey) {
    request.headers = { ...(request.headers ?? {}), 'x-api-key': apiKey };
  },
  forbiddenHint: 'Check that the API key is active and that your Woodpecker plan includes the API add-on.',
  async testAuth(ctx) {
    const campaigns = await listCampaignRows(ctx);
    const mailbox = campaigns.map((c) => str(c.from_email)).find(Boolean);
    return { account: mailbox ?? `${campaigns.length} campaign${campaigns.length === 1 ? '' : 's'}` };
  },
  events: {
    subscribe,
    unsubscribe,
    webhook: woodpeckerWebhook,
    listRecent,
  },
  async listCampaigns(ctx, page): Promise<CampaignOption[]> {
    // campaign_list returns every campaign in one array: serve it as one page.
    if (page > 0) return [];
    return (await listCampaignRows(ctx)).map((c) => ({ id: String(c.id), name: `${c.name ?? c.id}${c.status ? ` (${c.status})` : ''}` }));
  },
};
