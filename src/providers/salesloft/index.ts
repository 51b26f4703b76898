import { pathSegment, withQuery } from '../../http/path';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { str } from '../../model/values';
import { callJson } from '../../http/client';
import { now } from '../../delivery/clock';
import { newSecret } from '../shared/secrets';
import type { CampaignOption, Ctx, Provider, SubscribeData, SubscribeRequest, TriggerInput } from '../types';
import { salesloftCapabilities } from './capabilities';
import { dataOf, salesloftApi } from './api';
import { salesloftLeads } from './leads';
import { emailEvents, finishedWithoutReply, isCanceled, normalizeCanceledMeeting, normalizeEmail, normalizeFinished, normalizeMeeting } from './normalize';
import { CadenceMembership, Email, Meeting, Person } from './payloads';
import { salesloftWebhook } from './webhook';

/** The Salesloft event type each instant trigger subscribes (the trigger layer refuses the others first). */
const WEBHOOK_EVENT: Partial<Record<EventType, string>> = {
  meeting_booked: 'meeting_booked',
  // A cancellation is an update of the meeting (`canceled_at` set); parse keeps only those.
  meeting_canceled: 'meeting_updated',
};

const subscribe = async (ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData> => {
  const eventType = WEBHOOK_EVENT[req.event];
  if (!eventType) throw new ctx.z.errors.Error(`Salesloft has no webhook for ${req.event}.`, 'UnsupportedTrigger', 400);
  const callbackToken = newSecret();
  const created = await callJson<unknown>(ctx, salesloft, {
    method: 'POST',
    path: '/v2/webhook_subscriptions',
    body: { callback_url: req.targetUrl, callback_token: callbackToken, event_type: eventType },
  });
  const id = str((dataOf(created.data) as { id?: unknown } | null)?.id);
  if (!id) throw new ctx.z.errors.Error('Salesloft created the webhook subscription but returned no id.', 'SubscribeFailed', 502);
  return { tool: 'salesloft', id, secret: callbackToken };
};

const unsubscribe = async (ctx: Ctx, data: SubscribeData): Promise<void> => {
  await callJson(ctx, salesloft, { method: 'DELETE', path: `/v2/webhook_subscriptions/${pathSegment(data.id)}`, allowStatuses: [404] });
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

/** Pages of 100 ended memberships followed per Sequence Finished poll. */
export const FINISHED_MAX_PAGES = 5;

/**
 * Sequence Finished: memberships that ended (`currently_on_cadence=false`) and were updated in the
 * last EMAIL_WINDOW_DAYS days, newest first, page by page (at most FINISHED_MAX_PAGES); kept when
 * `completed` without a reply or bounce. Their people are read in one call
 * (`GET /v2/people?ids[]=…`) for the email and name, and a person who opted out
 * (`do_not_contact`) or whose email bounces (`bouncing`) is left out.
 */
const listFinished = async (ctx: Ctx, input: TriggerInput): Promise<UnifiedEvent[]> => {
  if (input.campaign_id && !/^\d+$/.test(input.campaign_id)) {
    throw new ctx.z.errors.Error(`Cadence must be a Salesloft cadence id (a number); got "${input.campaign_id}".`, 'InvalidInput', 400);
  }
  const pairs: [string, string][] = [
    ['currently_on_cadence', 'false'],
    ['updated_at[gt]', new Date(now() - EMAIL_WINDOW_DAYS * DAY_MS).toISOString()],
  ];
  if (input.campaign_id) pairs.push(['cadence_id', input.campaign_id]);
  pairs.push(['sort_by', 'updated_at'], ['sort_direction', 'DESC'], ['per_page', String(PER_PAGE)]);
  const finished = new Map<string, CadenceMembership>();
  for (let page = 1; page <= FINISHED_MAX_PAGES; page += 1) {
    const { data } = await callJson<unknown>(ctx, salesloft, { method: 'GET', path: withQuery('/v2/cadence_memberships', [...pairs, ['page', String(page)]]) });
    const items = listOf(data);
    for (const item of items) {
      const r = CadenceMembership.safeParse(item);
      if (r.success && finishedWithoutReply(r.data)) finished.set(String(r.data.id), r.data);
    }
    if (items.length < PER_PAGE || nextPage(data) === null) break;
  }
  if (!finished.size) return [];
  const personIds = [...new Set([...finished.values()].map((m) => str(m.person?.id)).filter((id): id is string => Boolean(id)))];
  const people = new Map<string, Person>();
  for (let i = 0; i < personIds.length; i += PER_PAGE) {
    const ids = personIds.slice(i, i + PER_PAGE);
    const { data } = await callJson<unknown>(ctx, salesloft, {
      method: 'GET',
      path: withQuery('/v2/people', [...ids.map((id): [string, string] => ['ids[]', id]), ['per_page', String(PER_PAGE)]]),
    });
    for (const item of listOf(data)) {
      const p = Person.safeParse(item);
      if (p.success) people.set(String(p.data.id), p.data);
    }
  }
  const events: UnifiedEvent[] = [];
  for (const m of finished.values()) {
    const person = people.get(str(m.person?.id) ?? '') ?? null;
    if (person && (person.do_not_contact === true || person.bouncing === true)) continue;
    const e = normalizeFinished(m, person);
    if (e) events.push(e);
  }
  return events.sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

/**
 * Meeting Canceled: the most recently updated meetings (one page of 100, `show_deleted=true` so a
 * canceled calendar event is not hidden) with `canceled_at` set, newest cancellation first.
 */
const listCanceled = async (ctx: Ctx): Promise<UnifiedEvent[]> => {
  const { data } = await callJson<unknown>(ctx, salesloft, {
    method: 'GET',
    path: withQuery('/v2/meetings', [
      ['show_deleted', 'true'],
      ['include_meetings_settings', 'true'],
      ['sort_by', 'updated_at'],
      ['sort_direction', 'DESC'],
      ['per_page', String(PER_PAGE)],
    ]),
  });
  return listOf(data)
    .map((m) => Meeting.safeParse(m))
    .filter((r) => r.success && isCanceled(r.data))
    .map((r) => normalizeCanceledMeeting(r.data as Meeting, r.data))
    .filter((e): e is UnifiedEvent => e !== null)
    .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

const listRecent = async (ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]> => {
  if (event === 'sequence_finished') return listFinished(ctx, input);
  if (event === 'meeting_canceled') return listCanceled(ctx);
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
  ...salesloftApi,
  capabilities: salesloftCapabilities,
  leads: salesloftLeads,
  rateLimit: { description: '600 cost units per minute per team (most requests cost 1)', retryAfterSeconds: 60 },
  authorize(request, apiKey) {
    request.headers = { ...(request.headers ?? {}), Authorization: `Bearer ${apiKey}` };
  },
  forbiddenHint:
    'The Salesloft user behind this key lacks a permission or the key lacks a scope for this (e.g. webhook subscriptions, cadence memberships, or team cadences). Ask a Salesloft admin to grant it, then reconnect.',
  async testAuth(ctx) {
    const { data } = await callJson<unknown>(ctx, salesloft, { method: 'GET', path: '/v2/me' });
    const me = dataOf(data) as { email?: unknown; name?: unknown; id?: unknown } | null;
    return { account: str(me?.email) ?? str(me?.name) ?? `user ${str(me?.id) ?? 'unknown'}` };
  },
  events: {
    subscribe,
    unsubscribe,
    webhook: salesloftWebhook,
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
