import { createHash } from 'node:crypto';
import type { Delivery } from '../../delivery/delivery';
import { baseUrlFor, sameOrigin } from '../../http/baseUrl';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { str } from '../../model/values';
import { rejectedDelivery, unrecognisedPayload } from '../shared/errors';
import { newSecret, safeEqual, URL_SECRET_PARAM, withUrlSecret, mustVerify } from '../shared/secrets';
import type { CampaignOption, Ctx, Provider, SubscribeData, SubscribeRequest, TriggerInput } from '../types';
import { mailshakeCapabilities } from './capabilities';
import { mailshakeApi, mailshakeRetryAfterFromBody, msCall, QUOTA_WINDOW_SECONDS } from './api';
import { listCampaignPage } from './campaigns';
import { mailshakeLeads } from './leads';
import { normalizeLead, normalizeReply } from './normalize';
import { Campaign, IGNORED_OBJECTS, LeadModel, Paginated, PushBody, Reply } from './payloads';

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

const campaignNumber = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);


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

/** The resource a push names, as unified events (a model, or a page of models). */
const normalizeResource = (ctx: Ctx, resource: unknown, pushBody: unknown): UnifiedEvent[] => {
  const { z } = ctx;
  // A model, a page `{results: [...]}`, or a single model wrapped as `{results: {...}}` (how a
  // third-party Mailshake reference describes single-record answers; the docs show bare models):
  // all three are read, since any read endpoint may be the one a push names.
  const results = resource && typeof resource === 'object' ? (resource as { results?: unknown }).results : undefined;
  const items = Array.isArray(results) ? results : results && typeof results === 'object' && 'object' in results ? [results] : [resource];
  const out: UnifiedEvent[] = [];
  for (const item of items) {
    const object = str((item as { object?: unknown } | null)?.object);
    try {
      if (object === 'reply') {
        const r = Reply.safeParse(item);
        if (!r.success) throw unrecognisedPayload(z, 'Mailshake', item, `reply fields do not match: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`);
        out.push(...normalizeReply(r.data, item));
      } else if (object === 'lead') {
        const l = LeadModel.safeParse(item);
        if (!l.success) throw unrecognisedPayload(z, 'Mailshake', item, `lead fields do not match: ${l.error.issues[0]?.path.join('.')} ${l.error.issues[0]?.message}`);
        out.push(...normalizeLead(l.data, item));
      } else if (!object || !(IGNORED_OBJECTS as readonly string[]).includes(object)) {
        throw unrecognisedPayload(z, 'Mailshake', item ?? pushBody, `the pushed resource is ${object ? `a ${object}` : 'no Mailshake model'}`);
      }
    } catch (err) {
      if ((err as Error).message === 'no timestamp') throw unrecognisedPayload(z, 'Mailshake', item, `the ${object} carries no usable date`);
      throw err;
    }
  }
  return out;
};

/**
 * The verbs of Mailshake operations that change data. Mailshake documents every operation as
 * `<resource>/<verb>` and accepts GET as well as POST on each (API docs "Making requests"), so a
 * GET of a write endpoint would write: campaigns/create|pause|unpause|export, recipients/add|pause|
 * unpause|unsubscribe, leads/create|close|ignore|reopen, push/create|delete — plus the verbs any
 * later write would carry. A resource_url whose path has one of them (as a segment, or a word of a
 * segment: `bulk-unsubscribe`, `addRecipients`) is refused before any request.
 */
export const MUTATING_VERBS = [
  'add', 'create', 'update', 'edit', 'set', 'delete', 'remove', 'destroy', 'purge', 'clear',
  'pause', 'unpause', 'resume', 'start', 'stop', 'cancel', 'unsubscribe', 'subscribe', 'close', 'ignore', 'reopen',
  'export', 'import', 'upload', 'send', 'assign', 'unassign', 'archive', 'unarchive', 'restore', 'move', 'merge',
  'copy', 'duplicate', 'clone', 'rename', 'enable', 'disable', 'activate', 'deactivate', 'block', 'unblock',
  'mark', 'reset', 'approve', 'reject', 'retry', 'schedule', 'unschedule', 'invite', 'revoke', 'complete', 'finish',
  'trigger', 'post', 'put', 'patch', 'write', 'modify', 'save', 'register', 'unregister',
] as const;

/**
 * Reads whose name contains a mutating word but only report on one: the status of an add or an
 * export (`recipients/add-status`, `campaigns/export-status`; the docs also spell them camelCase).
 */
const STATUS_READS = ['add-status', 'addstatus', 'export-status', 'exportstatus'];

/** The words of a path segment: `bulk-unsubscribe` → bulk, unsubscribe; `addRecipients` → add, recipients. */
const wordsOf = (segment: string): string[] =>
  segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Query keys that would carry a credential (`?apiKey=` is a documented way to send Mailshake's key). */
const CREDENTIAL_PARAM = /^(key|token|sig|signature)$|apikey|apitoken|accesstoken|secret|passw|auth|session|credential|bearer/;

/**
 * A push's `resource_url`, checked before anything is sent: the origin of the API base in force
 * (scheme, host, port; SALES_CONNECT_MAILSHAKE_BASE_URL honoured), no user-info, a path under the
 * base path (after the URL parser resolves `..` and `%2e%2e`) with no empty segment, no encoded
 * separator and no MUTATING_VERBS word, and no credential-like query key. Any read passes — the
 * resource_url format is undocumented (the docs show only `…/2017-04-01/...`), so no single path is
 * bet on; pushes are authenticated by the per-Zap URL secret. Returns the normalised URL to fetch,
 * or why not.
 */
export const checkResourceUrl = (raw: string, base: string): { url: string } | { refused: string } => {
  const baseUrl = new URL(base);
  let url: URL;
  try {
    if (!/^https?:\/\//i.test(raw)) throw new Error('not http(s)');
    url = new URL(raw);
  } catch {
    return { refused: `its resource_url does not point at Mailshake's API (${baseUrl.origin}), so it was not fetched` };
  }
  if (!sameOrigin(url.href, base)) {
    return { refused: `its resource_url does not point at Mailshake's API (${baseUrl.origin}), so it was not fetched` };
  }
  if (url.username || url.password) return { refused: 'its resource_url carries user credentials, so it was not fetched' };
  const basePath = baseUrl.pathname.replace(/\/+$/, '');
  if (!url.pathname.startsWith(`${basePath}/`)) {
    return { refused: `its resource_url is outside Mailshake's API path ${basePath || '/'} (${url.pathname}), so it was not fetched` };
  }
  const endpoint = url.pathname.slice(basePath.length + 1);
  const segments = endpoint.split('/');
  if (!endpoint || segments.some((seg) => seg === '')) {
    return { refused: `its resource_url names no Mailshake endpoint (${url.pathname}), so it was not fetched` };
  }
  // An encoded separator would let a path say one thing to us and another to Mailshake's router.
  if (/%(2f|5c)/i.test(endpoint) || endpoint.includes('\\')) {
    return { refused: `its resource_url hides a path separator (${endpoint}), so it was not fetched` };
  }
  for (const seg of segments) {
    if (STATUS_READS.includes(seg.toLowerCase())) continue;
    const verb = wordsOf(seg).find((w) => (MUTATING_VERBS as readonly string[]).includes(w));
    if (verb) {
      return {
        refused:
          `its resource_url names a Mailshake operation that changes data (${verb}) at ${endpoint}; a push only ever ` +
          'points at something to read, so it was not fetched',
      };
    }
  }
  for (const key of url.searchParams.keys()) {
    if (CREDENTIAL_PARAM.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''))) {
      return { refused: `its resource_url carries a credential parameter (${key}), so it was not fetched` };
    }
  }
  url.hash = '';
  return { url: url.href };
};

/**
 * A push is `{resource_url}`. We fetch it with the connection's key ONLY when checkResourceUrl
 * accepts it: anything else is refused before any request is made, so a forged push (Normalize
 * Webhook has no secret) can neither send the key elsewhere nor make us call a write endpoint.
 */
const parse = async (ctx: Ctx, delivery: Delivery, sub: SubscribeData | null, _input: TriggerInput): Promise<UnifiedEvent[]> => {
  const { z } = ctx;
  if (mustVerify(z, 'Mailshake', sub)) {
    const given = delivery.query[URL_SECRET_PARAM];
    if (!given || !safeEqual(given, sub.secret)) throw rejectedDelivery(z, 'Mailshake', 'the webhook URL secret is missing or wrong');
  }
  const body = delivery.body;
  const push = PushBody.safeParse(body);
  if (!push.success) throw unrecognisedPayload(z, 'Mailshake', body, 'a Mailshake push carries a resource_url');
  const checked = checkResourceUrl(push.data.resource_url.trim(), baseUrlFor('mailshake', mailshake.defaultBaseUrl));
  if ('refused' in checked) throw rejectedDelivery(z, 'Mailshake', checked.refused);
  const resource = await msCall(ctx, mailshake, { method: 'GET', path: checked.url, notFoundOk: true });
  if (resource === null) {
    throw new z.errors.Error(
      'Mailshake no longer has the item this push refers to (not_found), so there is nothing to trigger on.',
      'ResourceGone',
      404,
    );
  }
  return normalizeResource(ctx, resource, body);
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
    parse,
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
