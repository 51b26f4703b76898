import { refuseOlderThanDedupeWindow } from '../../delivery/dedupe';
import { pathSegment } from '../../http/path';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { str } from '../../model/values';
import { callJson } from '../../http/client';
import { now } from '../../delivery/clock';
import type { Delivery } from '../../delivery/delivery';
import { rejectedDelivery, unrecognisedPayload, issuesText } from '../shared/errors';
import { newSecret, mustVerify } from '../shared/secrets';
import type { CampaignOption, Ctx, EventSupport, Provider, SubscribeData, SubscribeRequest, TriggerInput } from '../types';
import { salesloftLeads, withQuery } from './leads';
import { emailEvents, normalizeEmail, normalizeMeeting } from './normalize';
import { Email, isKnownEvent, Meeting } from './payloads';
import { verifySalesloftSignature } from './signature';

/** Salesloft errors: `{error}` (403/404), `{errors: {field: [messages]}}` (422), or `{message}`. */
const errorMessage = (content: string): string | null => {
  const text = content.trim();
  if (!text) return null;
  try {
    const body = JSON.parse(text) as { error?: unknown; errors?: unknown; message?: unknown };
    if (str(body.error)) return str(body.error);
    if (body.errors && typeof body.errors === 'object') {
      const parts = Object.entries(body.errors as Record<string, unknown>).map(([field, msgs]) =>
        `${field} ${Array.isArray(msgs) ? msgs.join(', ') : String(msgs)}`.trim(),
      );
      if (parts.length) return parts.join('; ');
    }
    return str(body.message);
  } catch {
    return text.slice(0, 300);
  }
};

const dataOf = (body: unknown): unknown => (body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body);

const polling = (what: string): EventSupport => ({
  mode: 'polling',
  why: `Salesloft sends no webhook for ${what}; the polling trigger checks Salesloft’s recently updated email activities instead.`,
});

const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  // Only Meeting Booked is instant for Salesloft (the trigger layer refuses the others first).
  const callbackToken = newSecret();
  const created = await callJson<unknown>(ctx, salesloft, {
    method: 'POST',
    path: '/v2/webhook_subscriptions',
    body: { callback_url: req.targetUrl, callback_token: callbackToken, event_type: 'meeting_booked' },
  });
  const id = str((dataOf(created.data) as { id?: unknown } | null)?.id);
  if (!id) throw new ctx.z.errors.Error('Salesloft created the webhook subscription but returned no id.', 'SubscribeFailed', 502);
  return { tool: 'salesloft', id, secret: callbackToken };
};

const unsubscribe = async (ctx: Ctx, data: SubscribeData): Promise<void> => {
  await callJson(ctx, salesloft, { method: 'DELETE', path: `/v2/webhook_subscriptions/${pathSegment(data.id)}`, allowStatuses: [404] });
};

const parse = async (ctx: Ctx, delivery: Delivery, sub: SubscribeData | null, _input: TriggerInput): Promise<UnifiedEvent[]> => {
  const { z } = ctx;
  if (mustVerify(z, 'Salesloft', sub)) {
    const check = verifySalesloftSignature(delivery.headers['x-salesloft-signature'], delivery.rawBody, sub.secret);
    if (!check.ok) throw rejectedDelivery(z, 'Salesloft', check.reason);
  }
  // The signature has no timestamp: a verified delivery older than the dedupe window is a replay.
  const fresh = (events: UnifiedEvent[]) => (sub ? refuseOlderThanDedupeWindow(events, delivery.receivedAt, (why) => rejectedDelivery(z, 'Salesloft', why)) : events);
  const body = delivery.body;
  const event = str(delivery.headers['x-salesloft-event']);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw unrecognisedPayload(z, 'Salesloft', body);
  if (!event) {
    throw unrecognisedPayload(z, 'Salesloft', body, 'no x-salesloft-event header (Salesloft names the event only there; pass the headers along)');
  }
  if (!isKnownEvent(event)) throw unrecognisedPayload(z, 'Salesloft', body, `unknown event ${event}`);
  if (event === 'meeting_booked') {
    const m = Meeting.safeParse(body);
    if (!m.success) throw unrecognisedPayload(z, 'Salesloft', body, `meeting_booked fields do not match: ${issuesText(m.error)}`);
    const e = normalizeMeeting(m.data, body);
    if (!e) throw unrecognisedPayload(z, 'Salesloft', body, 'meeting_booked carries no created_at / updated_at');
    return fresh([e]);
  }
  if (event === 'email_updated' || event === 'email_with_body_and_subject_updated') {
    // Not subscribed by this app, but accepted by hand (Normalize Webhook): same ids as polling.
    const e = Email.safeParse(body);
    if (!e.success) throw unrecognisedPayload(z, 'Salesloft', body, `${event} fields do not match: ${issuesText(e.error)}`);
    return fresh(
      emailEvents(e.data)
        .map((type) => normalizeEmail(e.data, type as 'reply_received' | 'email_bounced', body))
        .filter((x): x is UnifiedEvent => x !== null),
    );
  }
  return []; // a Salesloft event that is none of ours
};

/** Emails polling looks back this far on `updated_at` (a reply or bounce updates the email). */
export const EMAIL_WINDOW_DAYS = 7;
/** Pages of 100 emails followed per poll, newest first; deeper pages cost Salesloft more. */
export const EMAIL_MAX_PAGES = 5;
const PER_PAGE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

const listOf = (body: unknown): unknown[] => {
  const list = dataOf(body);
  return Array.isArray(list) ? list : [];
};

/** Salesloft's `metadata.paging.next_page`: null on the last page, undefined when the answer has no paging. */
const nextPage = (body: unknown): number | null | undefined => {
  const paging = (body as { metadata?: { paging?: { next_page?: unknown } } } | null)?.metadata?.paging;
  if (!paging || !('next_page' in paging)) return undefined;
  return typeof paging.next_page === 'number' ? paging.next_page : null;
};

const listRecent = async (ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]> => {
  if (event === 'meeting_booked') {
    // Newest bookings first (documented sort keys: start_time — the default —, created_at, updated_at);
    // `occurred_at` is the meeting's created_at.
    const { data } = await callJson<unknown>(ctx, salesloft, {
      method: 'GET',
      path: withQuery('/v2/meetings', [
        ['status', 'booked'],
        ['include_meetings_settings', 'true'],
        ['sort_by', 'created_at'],
        ['sort_direction', 'DESC'],
        ['per_page', String(PER_PAGE)],
      ]),
    });
    return listOf(data)
      .map((m) => Meeting.safeParse(m))
      .filter((r) => r.success)
      .map((r) => normalizeMeeting(r.data, r.data))
      .filter((e): e is UnifiedEvent => e !== null)
      .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
  }
  if (event !== 'reply_received' && event !== 'email_bounced') return [];
  // Opens and clicks update emails too, so "the 100 most recently updated" can push a reply out
  // between two polls: read every email updated in the window, newest first, page by page.
  const pairs: [string, string][] = [['updated_at[gt]', new Date(now() - EMAIL_WINDOW_DAYS * DAY_MS).toISOString()]];
  if (event === 'email_bounced') pairs.push(['bounced', 'true']);
  if (input.campaign_id) pairs.push(['cadence_id[]', input.campaign_id]);
  pairs.push(['sort_by', 'updated_at'], ['sort_direction', 'DESC'], ['per_page', String(PER_PAGE)]);
  const events = new Map<string, UnifiedEvent>();
  for (let page = 1; page <= EMAIL_MAX_PAGES; page += 1) {
    const { data } = await callJson<unknown>(ctx, salesloft, { method: 'GET', path: withQuery('/v2/activities/emails', [...pairs, ['page', String(page)]]) });
    const items = listOf(data);
    for (const item of items) {
      const r = Email.safeParse(item);
      if (!r.success || !emailEvents(r.data).includes(event)) continue;
      const e = normalizeEmail(r.data, event, r.data);
      if (e && !events.has(e.id)) events.set(e.id, e);
    }
    if (items.length < PER_PAGE || nextPage(data) === null) break;
  }
  return [...events.values()].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

export const salesloft: Provider = {
  id: 'salesloft',
  label: 'Salesloft',
  apiKeyHelp:
    'In Salesloft open **Settings → Your Applications → API Keys** (an admin may need to allow API keys), create a key with the scopes for people, cadences, cadence memberships, emails, meetings and webhook subscriptions, and copy it.',
  apiKeyUrl: 'https://app.salesloft.com/app/settings/integrations/api',
  defaultBaseUrl: 'https://api.salesloft.com',
  rateLimit: { description: '600 cost units per minute per team (most requests cost 1)', retryAfterSeconds: 60 },
  authorize(request, apiKey) {
    request.headers = { ...(request.headers ?? {}), Authorization: `Bearer ${apiKey}` };
  },
  errorMessage,
  forbiddenHint:
    'The Salesloft user behind this key lacks a permission or the key lacks a scope for this (e.g. webhook subscriptions, cadence memberships, or team cadences). Ask a Salesloft admin to grant it, then reconnect.',
  async testAuth(ctx) {
    const { data } = await callJson<unknown>(ctx, salesloft, { method: 'GET', path: '/v2/me' });
    const me = dataOf(data) as { email?: unknown; name?: unknown; id?: unknown } | null;
    return { account: str(me?.email) ?? str(me?.name) ?? `user ${str(me?.id) ?? 'unknown'}` };
  },
  events: {
    support: {
      reply_received: polling('replies'),
      lead_interested: {
        mode: 'none',
        why:
          'Salesloft has no "interested" signal in its API or webhooks (no reply sentiment or category). Use "Reply Received (Polling)" and filter on the reply, or use Meeting Booked, which Salesloft sends instantly.',
      },
      meeting_booked: { mode: 'instant' },
      email_bounced: polling('bounces'),
      lead_unsubscribed: {
        mode: 'none',
        why:
          'Salesloft has no unsubscribe event: opting out only changes a person’s do-not-contact flag. Use Find Lead (its "unsubscribed" field) to check a person instead.',
      },
    },
    subscribe,
    unsubscribe,
    parse,
    listRecent,
  },
  async listCampaigns(ctx, page): Promise<CampaignOption[]> {
    const { data } = await callJson<unknown>(ctx, salesloft, {
      method: 'GET',
      path: withQuery('/v2/cadences', [
        ['per_page', '100'],
        ['page', String(page + 1)],
      ]),
    });
    const list = dataOf(data);
    return (Array.isArray(list) ? list : [])
      .map((c) => c as { id?: unknown; name?: unknown; archived_at?: unknown })
      .filter((c) => str(c.id))
      .map((c) => ({ id: String(c.id), name: `${str(c.name) ?? String(c.id)}${str(c.archived_at) ? ' (archived)' : ''}` }));
  },
};

salesloft.leads = salesloftLeads(salesloft);
