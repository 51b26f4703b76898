import type { UnifiedEvent } from '../../model/event';
import { EVENT_LABELS, type EventType } from '../../model/tools';
import { email, str } from '../../model/values';
import { callJson } from '../../http/client';
import type { Delivery } from '../../delivery/delivery';
import { rejectedDelivery, unrecognisedPayload, issuesText } from '../shared/errors';
import { safeEqual, URL_SECRET_PARAM, mustVerify } from '../shared/secrets';
import type { CampaignOption, Ctx, Provider, SubscribeData, TriggerInput } from '../types';
import { mixmaxCapabilities } from './capabilities';
import { mixmaxLeads } from './leads';
import { isDaemon, normalizeBounce, normalizeReceived } from './normalize';
import { isBounceName, MESSAGE_EVENTS, MessageEvent, Sequence, TRACKING_EVENTS, TrackingEvent } from './payloads';

const errorMessage = (content: string): string | null => {
  try {
    const body = JSON.parse(content) as Record<string, unknown>;
    return str(body.message) ?? str(body.error) ?? (Array.isArray(body.errors) ? body.errors.map(String).join('; ') : null);
  } catch {
    return null;
  }
};

const parse = async (ctx: Ctx, delivery: Delivery, sub: SubscribeData | null, _input: TriggerInput): Promise<UnifiedEvent[]> => {
  const { z } = ctx;
  if (mustVerify(z, 'Mixmax', sub)) {
    const given = delivery.query[URL_SECRET_PARAM];
    if (!given || !safeEqual(given, sub.secret)) throw rejectedDelivery(z, 'Mixmax', 'the webhook URL secret is missing or wrong');
  }
  const body = delivery.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw unrecognisedPayload(z, 'Mixmax', body);
  const name = (body as { eventName?: unknown }).eventName;
  if (typeof name !== 'string') throw unrecognisedPayload(z, 'Mixmax', body, 'no eventName');
  try {
    if ((MESSAGE_EVENTS as readonly string[]).includes(name) || isBounceName(name)) {
      const parsed = MessageEvent.safeParse(body);
      if (!parsed.success) throw unrecognisedPayload(z, 'Mixmax', body, `${name} fields do not match: ${issuesText(parsed.error)}`);
      const m = parsed.data;
      if (isBounceName(name) || (name === 'message:received' && isDaemon(m))) return [normalizeBounce(m, body)];
      if (name === 'message:sent') return [];
      // message:received: a reply only when someone other than our own mailbox wrote it.
      const writer = email(m.from?.email);
      if (!writer || writer === email(m.receivedBy?.email)) return [];
      return [normalizeReceived(m, body)];
    }
    if ((TRACKING_EVENTS as readonly string[]).includes(name)) {
      const parsed = TrackingEvent.safeParse(body);
      if (!parsed.success) throw unrecognisedPayload(z, 'Mixmax', body, `${name} fields do not match: ${issuesText(parsed.error)}`);
      return []; // opens and clicks are not unified events
    }
    throw unrecognisedPayload(z, 'Mixmax', body, `unknown eventName ${name}`);
  } catch (err) {
    if ((err as Error).message === 'no timestamp') throw unrecognisedPayload(z, 'Mixmax', body, `${name} carries no usable "sent" or "timestamp" time`);
    throw err;
  }
};

const PAGE_SIZE = 50;
/** Sequences are cursor-paginated (`next`); a 0-based page follows the cursor page times. */
const listSequences = async (ctx: Ctx, page: number): Promise<CampaignOption[]> => {
  let cursor: string | null = null;
  for (let i = 0; i <= page; i += 1) {
    const params: Record<string, string> = { limit: String(PAGE_SIZE) };
    if (cursor) params.next = cursor;
    const { data } = await callJson<{ results?: unknown[]; next?: unknown; hasNext?: unknown } | null>(ctx, mixmax, {
      method: 'GET',
      path: '/sequences',
      params,
    });
    if (i === page) {
      return (data?.results ?? [])
        .map((r) => Sequence.safeParse(r))
        .filter((r) => r.success)
        .map((r) => ({ id: r.data._id, name: str(r.data.name) ?? r.data._id }));
    }
    cursor = str(data?.next);
    if (!cursor || data?.hasNext === false) return [];
  }
  return [];
};

export const mixmax: Provider = {
  id: 'mixmax',
  label: 'Mixmax',
  capabilities: mixmaxCapabilities,
  defaultBaseUrl: 'https://api.mixmax.com/v1',
  // success.mixmax.com article 11643056: 120 requests per minute per user and IP; clients should honour Retry-After.
  rateLimit: { description: '120 requests per minute', retryAfterSeconds: 60 },
  authorize(request, apiKey) {
    request.headers = { ...(request.headers ?? {}), 'X-API-Token': apiKey };
  },
  errorMessage,
  forbiddenHint: 'Mixmax API access needs a Growth+ or Enterprise plan, and sequences must be owned by or shared with this user.',
  async testAuth(ctx) {
    const { data } = await callJson<{ _id?: unknown; email?: unknown; name?: unknown }>(ctx, mixmax, { method: 'GET', path: '/users/me' });
    return { account: str(data?.email) ?? str(data?.name) ?? str(data?._id) ?? 'Mixmax user' };
  },
  events: {
    parse,
  },
  listCampaigns: (ctx, page) => listSequences(ctx, page),
  get leads() {
    return mixmaxLeads(mixmax);
  },
};
