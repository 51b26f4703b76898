import { pathSegment } from '../../http/path';
import type { UnifiedEvent } from '../../model/event';
import { str, uriId } from '../../model/values';
import { callJson } from '../../http/client';
import type { Delivery } from '../../delivery/delivery';
import { rejectedDelivery, unrecognisedPayload, issuesText } from '../shared/errors';
import { newSecret, mustVerify } from '../shared/secrets';
import type { Ctx, EventSupport, Provider, SubscribeData, SubscribeRequest, TriggerInput } from '../types';
import { normalizeInvitee } from './normalize';
import { Invitee, InviteeWebhook, KNOWN_EVENTS, ScheduledEvent } from './payloads';
import { verifyCalendlySignature } from './signature';

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

const notCalendly = (what: string): EventSupport => ({
  mode: 'none',
  why: `Calendly only knows about meetings, so it has no ${what} event. Use this trigger with the connection of the tool that sends your emails (Smartlead, lemlist, Reply.io…), and Calendly for Meeting Booked.`,
});

const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  const user = await me(ctx);
  const signingKey = newSecret();
  const body = {
    url: req.targetUrl,
    events: ['invitee.created'],
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

const parse = async (ctx: Ctx, delivery: Delivery, sub: SubscribeData | null, _input: TriggerInput): Promise<UnifiedEvent[]> => {
  const { z } = ctx;
  if (mustVerify(z, 'Calendly', sub)) {
    const check = verifyCalendlySignature(delivery.headers['calendly-webhook-signature'], delivery.rawBody, sub.secret, delivery.receivedAt.getTime());
    if (!check.ok) throw rejectedDelivery(z, 'Calendly', check.reason);
  }
  const body = delivery.body as { event?: unknown } | null;
  const event = typeof body?.event === 'string' ? body.event : null;
  if (!event || !(KNOWN_EVENTS as readonly string[]).includes(event)) {
    throw unrecognisedPayload(z, 'Calendly', body, event ? `unknown event ${event}` : 'no event name');
  }
  if (event !== 'invitee.created') return []; // cancellations, no-shows… are not bookings
  const parsed = InviteeWebhook.safeParse(body);
  if (!parsed.success) throw unrecognisedPayload(z, 'Calendly', body, `invitee.created fields do not match: ${issuesText(parsed.error)}`);
  try {
    return [normalizeInvitee(parsed.data.payload, parsed.data.payload.scheduled_event, body)];
  } catch (err) {
    if ((err as Error).message === 'no timestamp') throw unrecognisedPayload(z, 'Calendly', body, 'invitee.created carries no created_at');
    throw err;
  }
};

/** How far back the recent-bookings window reaches for meetings that already took place. */
const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;
const RECENT_EVENTS = 5;

/**
 * The organisation's most recent bookings. The API sorts scheduled events only by start time, so
 * we take the meetings from a day ago onwards (one page of 100), keep the five booked most
 * recently (their `created_at`), and read their invitees.
 */
const listRecent = async (ctx: Ctx): Promise<UnifiedEvent[]> => {
  const user = await me(ctx);
  const events = await callJson<{ collection?: unknown[] }>(ctx, calendly, {
    method: 'GET',
    path: '/scheduled_events',
    params: {
      organization: user.current_organization,
      status: 'active',
      min_start_time: new Date(Date.now() - RECENT_WINDOW_MS).toISOString(),
      sort: 'start_time:asc',
      count: '100',
    },
  });
  const newest = (events.data.collection ?? [])
    .map((item) => ({ item, parsed: ScheduledEvent.safeParse(item) }))
    .filter((e) => e.parsed.success)
    .sort((a, b) => (str(b.parsed.data?.created_at) ?? '').localeCompare(str(a.parsed.data?.created_at) ?? ''))
    .slice(0, RECENT_EVENTS);
  const out: UnifiedEvent[] = [];
  for (const { item, parsed } of newest) {
    const scheduled = parsed.data as ScheduledEvent;
    const invitees = await callJson<{ collection?: unknown[] }>(ctx, calendly, {
      method: 'GET',
      path: `/scheduled_events/${pathSegment(uriId(scheduled.uri))}/invitees`,
      params: { count: '10' },
    });
    for (const inv of invitees.data.collection ?? []) {
      const invitee = Invitee.safeParse(inv);
      if (!invitee.success || !invitee.data.created_at) continue;
      out.push(normalizeInvitee(invitee.data, scheduled, { event: 'invitee.created', payload: { ...(inv as object), scheduled_event: item } }));
    }
  }
  return out.sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

export const calendly: Provider = {
  id: 'calendly',
  label: 'Calendly',
  apiKeyHelp:
    'In Calendly open [Integrations → API & Webhooks](https://calendly.com/integrations/api_webhooks) and generate a **personal access token**. Organization-wide webhooks need an admin or owner.',
  apiKeyUrl: 'https://calendly.com/integrations/api_webhooks',
  defaultBaseUrl: 'https://api.calendly.com',
  rateLimit: { description: '500 requests per minute per user (50 on free plans)', retryAfterSeconds: 60 },
  authorize(request, apiKey) {
    request.headers = { ...(request.headers ?? {}), Authorization: `Bearer ${apiKey}` };
  },
  errorMessage,
  forbiddenHint:
    'Organization-wide webhooks need a Calendly admin or owner: reconnect with an admin’s personal access token.',
  async testAuth(ctx) {
    const user = await me(ctx);
    return { account: str(user.email) ?? str(user.name) ?? user.uri };
  },
  events: {
    support: {
      reply_received: notCalendly('reply'),
      lead_interested: notCalendly('lead-interested'),
      meeting_booked: { mode: 'instant' },
      email_bounced: notCalendly('bounce'),
      lead_unsubscribed: notCalendly('unsubscribe'),
    },
    subscribe,
    unsubscribe,
    parse,
    listRecent: (ctx, event) => (event === 'meeting_booked' ? listRecent(ctx) : Promise.resolve([])),
  },
};
