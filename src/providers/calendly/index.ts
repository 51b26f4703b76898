import { pathSegment } from '../../http/path';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { str, uriId } from '../../model/values';
import { callJson } from '../../http/client';
import { newSecret } from '../shared/secrets';
import type { Ctx, Provider, SubscribeData, SubscribeRequest } from '../types';
import { calendlyCapabilities } from './capabilities';
import { isRescheduleCancel, normalizeCanceledInvitee, normalizeInvitee } from './normalize';
import { Invitee, ScheduledEvent } from './payloads';
import { calendlyWebhook } from './webhook';

const errorMessage = (content: string): string | null => {
  try {
    const body = JSON.parse(content) as { title?: unknown; message?: unknown };
    return [str(body.title), str(body.message)].filter(Boolean).join(': ') || null;
  } catch {
    return null;
  }
};

interface Me {
  resource: { uri: string; name?: string; email?: string; current_organization: string };
}

const me = async (ctx: Ctx) => (await callJson<Me>(ctx, calendly, { method: 'GET', path: '/users/me' })).data.resource;

/** The one Calendly event each instant trigger subscribes (the trigger layer refuses the others first). */
const WEBHOOK_EVENT: Partial<Record<EventType, string>> = {
  meeting_booked: 'invitee.created',
  meeting_canceled: 'invitee.canceled',
};

const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  const webhookEvent = WEBHOOK_EVENT[req.event];
  if (!webhookEvent) throw new ctx.z.errors.Error(`Calendly has no webhook for ${req.event}.`, 'UnsupportedTrigger', 400);
  const user = await me(ctx);
  const signingKey = newSecret();
  const body = {
    url: req.targetUrl,
    events: [webhookEvent],
    organization: user.current_organization,
    scope: 'organization',
    signing_key: signingKey,
  };
  let created = await callJson<{ resource?: { uri?: string } }>(ctx, calendly, {
    method: 'POST',
    path: '/webhook_subscriptions',
    body,
    allowStatuses: [409],
  });
  if (created.status === 409) {
    // "Hook with this url already exists": a subscription of this same Zap left behind. We
    // cannot read its signing key back, so replace it with one whose key we know.
    const listed = await callJson<{ collection?: { uri?: string; callback_url?: string }[] }>(ctx, calendly, {
      method: 'GET',
      path: '/webhook_subscriptions',
      params: { organization: user.current_organization, scope: 'organization', count: '100' },
    });
    const stale = listed.data.collection?.find((h) => h.callback_url === req.targetUrl);
    if (stale?.uri) {
      await callJson(ctx, calendly, { method: 'DELETE', path: `/webhook_subscriptions/${pathSegment(uriId(stale.uri))}`, allowStatuses: [404] });
    }
    created = await callJson(ctx, calendly, { method: 'POST', path: '/webhook_subscriptions', body });
  }
  const id = uriId(created.data.resource?.uri);
  if (!id) throw new ctx.z.errors.Error('Calendly created the webhook but returned no subscription URI.', 'SubscribeFailed', 502);
  return { tool: 'calendly', id, secret: signingKey };
};

const unsubscribe = async (ctx: Ctx, data: SubscribeData): Promise<void> => {
  await callJson(ctx, calendly, { method: 'DELETE', path: `/webhook_subscriptions/${pathSegment(data.id)}`, allowStatuses: [404] });
};

/** How far back the recent-meetings window reaches for meetings that already took place. */
const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;
const RECENT_EVENTS = 5;

/** When a scheduled event was booked (active) or canceled (canceled): what "most recent" means. */
const changedAt = (e: ScheduledEvent, status: 'active' | 'canceled'): string =>
  (status === 'active' ? str(e.created_at) : (str(e.cancellation?.created_at) ?? str(e.updated_at))) ?? '';

/**
 * The organisation's most recent bookings (`active`) or cancellations (`canceled`). The API sorts
 * scheduled events only by start time, so we take the meetings of that status from a day ago
 * onwards (one page of 100), keep the five booked — or canceled — most recently (`created_at`,
 * resp. the event's `cancellation.created_at`), and read their invitees (of the same status).
 * A canceled invitee that was rescheduled (`rescheduled: true`) is left out: its meeting moved.
 */
const listRecent = async (ctx: Ctx, status: 'active' | 'canceled'): Promise<UnifiedEvent[]> => {
  const user = await me(ctx);
  const events = await callJson<{ collection?: unknown[] }>(ctx, calendly, {
    method: 'GET',
    path: '/scheduled_events',
    params: {
      organization: user.current_organization,
      status,
      min_start_time: new Date(Date.now() - RECENT_WINDOW_MS).toISOString(),
      sort: 'start_time:asc',
      count: '100',
    },
  });
  const newest = (events.data.collection ?? [])
    .map((item) => ({ item, parsed: ScheduledEvent.safeParse(item) }))
    .filter((e) => e.parsed.success)
    .sort((a, b) => changedAt(b.parsed.data as ScheduledEvent, status).localeCompare(changedAt(a.parsed.data as ScheduledEvent, status)))
    .slice(0, RECENT_EVENTS);
  const out: UnifiedEvent[] = [];
  for (const { item, parsed } of newest) {
    const scheduled = parsed.data as ScheduledEvent;
    const invitees = await callJson<{ collection?: unknown[] }>(ctx, calendly, {
      method: 'GET',
      path: `/scheduled_events/${pathSegment(uriId(scheduled.uri))}/invitees`,
      params: status === 'active' ? { count: '10' } : { status: 'canceled', count: '10' },
    });
    for (const inv of invitees.data.collection ?? []) {
      const invitee = Invitee.safeParse(inv);
      if (!invitee.success || !invitee.data.created_at) continue;
      const payload = { ...(inv as object), scheduled_event: item };
      if (status === 'active') {
        out.push(normalizeInvitee(invitee.data, scheduled, { event: 'invitee.created', payload }));
        continue;
      }
      if (isRescheduleCancel(invitee.data)) continue;
      if (!invitee.data.cancellation?.created_at && !invitee.data.updated_at) continue;
      out.push(normalizeCanceledInvitee(invitee.data, scheduled, { event: 'invitee.canceled', payload }));
    }
  }
  return out.sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

export const calendly: Provider = {
  id: 'calendly',
  label: 'Calendly',
  capabilities: calendlyCapabilities,
  defaultBaseUrl: 'https://api.calendly.com',
  rateLimit: { description: '500 requests per minute per user (50 on free plans)', retryAfterSeconds: 60 },
  authorize(request, apiKey) {
    request.headers = { ...(request.headers ?? {}), Authorization: `Bearer ${apiKey}` };
  },
  errorMessage,
  forbiddenHint: 'Organization-wide webhooks need a Calendly admin or owner: reconnect with an admin’s personal access token.',
  async testAuth(ctx) {
    const user = await me(ctx);
    return { account: str(user.email) ?? str(user.name) ?? user.uri };
  },
  events: {
    subscribe,
    unsubscribe,
    webhook: calendlyWebhook,
    listRecent: (ctx, event) =>
      event === 'meeting_booked' ? listRecent(ctx, 'active') : event === 'meeting_canceled' ? listRecent(ctx, 'canceled') : Promise.resolve([]),
  },
};
