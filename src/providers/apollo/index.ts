import { withQuery } from '../../http/path';
import type { UnifiedEvent } from '../../model/event';
import type { EventType } from '../../model/tools';
import { str } from '../../model/values';
import { callJson } from '../../http/client';
import { now } from '../../delivery/clock';
import type { CampaignOption, Ctx, Provider, TriggerInput } from '../types';
import { apolloCapabilities } from './capabilities';
import { apolloApi } from './api';
import { apolloLeads } from './leads';
import { apolloWebhook } from './webhook';
import { eventsOf, finishedAtEnd, interestedClasses, normalizeFinished, normalizeMessage } from './normalize';
import { Contact, EmailerMessage, HUMAN_REPLY_CLASSES } from './payloads';

/** The search filter that selects each event type's emails (`GET /emailer_messages/search`). */
const filterFor = (event: EventType, input: TriggerInput): [string, string][] => {
  switch (event) {
    case 'reply_received':
      return HUMAN_REPLY_CLASSES.map((c): [string, string] => ['emailer_message_reply_classes[]', c]);
    case 'lead_interested':
      return interestedClasses(input).map((c): [string, string] => ['emailer_message_reply_classes[]', c]);
    case 'email_bounced':
      return [['emailer_message_stats[]', 'bounced']];
    case 'lead_unsubscribed':
      return [['emailer_message_stats[]', 'unsubscribed']];
    default:
      return [];
  }
};

/** How far back polling looks: emails Apollo delivered (`completed_at`) in the last 7 days. */
export const POLL_WINDOW_DAYS = 7;
/** Pages of 100 followed per poll (the search has no documented sort, so the window is read whole, up to this bound). */
export const POLL_MAX_PAGES = 5;
const PER_PAGE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Recent emails of one event type, newest first. `GET /emailer_messages/search` documents no
 * sort, so instead of trusting "page 1" we bound the search by date — the documented
 * `emailer_message_date_range_mode=completed_at` with `emailer_message_date_range[min]` (7 days
 * back) and `[max]` (tomorrow, so today is in whatever time zone Apollo reads the dates) — and
 * follow the pages until one is short, at most POLL_MAX_PAGES; then sort newest first ourselves.
 */
/** Pages of 100 recently updated contacts read per Sequence Finished poll. */
export const FINISHED_MAX_PAGES = 3;

/**
 * Sequence Finished: contacts whose status in a sequence is `finished` with the reason "Completed
 * last step" (every step sent, no reply: replied / manually finished / bounced… are other
 * reasons), finished in the last POLL_WINDOW_DAYS. No Apollo search filters by sequence status, so
 * we read the most recently updated contacts (`POST /contacts/search`, documented
 * `sort_by_field=contact_updated_at`, newest first) — a status change is a change of the contact —
 * and stop at a short page, at a page whose last contact was updated before the window, or after
 * FINISHED_MAX_PAGES pages. Unsubscribed contacts are left out.
 */
const listFinished = async (ctx: Ctx, input: TriggerInput): Promise<UnifiedEvent[]> => {
  const since = now() - POLL_WINDOW_DAYS * DAY_MS;
  const events = new Map<string, UnifiedEvent>();
  for (let page = 1; page <= FINISHED_MAX_PAGES; page += 1) {
    const { data } = await callJson<{ contacts?: unknown[] }>(ctx, apollo, {
      method: 'POST',
      path: '/contacts/search',
      body: { sort_by_field: 'contact_updated_at', sort_ascending: false, page, per_page: PER_PAGE },
    });
    const items = data?.contacts ?? [];
    let oldest: number | null = null;
    for (const item of items) {
      const c = Contact.safeParse(item);
      if (!c.success) continue;
      const updated = Date.parse(String((item as { updated_at?: unknown }).updated_at ?? ''));
      if (Number.isFinite(updated)) oldest = oldest === null ? updated : Math.min(oldest, updated);
      for (const st of c.data.contact_campaign_statuses ?? []) {
        if (input.campaign_id && String(st.emailer_campaign_id) !== input.campaign_id) continue;
        if (!finishedAtEnd(c.data, st) || Date.parse(String(st.finished_at)) < since) continue;
        const e = normalizeFinished(c.data, st);
        if (e && !events.has(e.id)) events.set(e.id, e);
      }
    }
    if (items.length < PER_PAGE || (oldest !== null && oldest < since)) break;
  }
  return [...events.values()].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

const listRecent = async (ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]> => {
  if (event === 'sequence_finished') return listFinished(ctx, input);
  if (event === 'meeting_booked' || event === 'meeting_canceled') return [];
  const t = now();
  const pairs: [string, string][] = [...filterFor(event, input)];
  if (input.campaign_id) pairs.push(['emailer_campaign_ids[]', input.campaign_id]);
  pairs.push(
    ['emailer_message_date_range_mode', 'completed_at'],
    ['emailer_message_date_range[min]', isoDay(t - POLL_WINDOW_DAYS * DAY_MS)],
    ['emailer_message_date_range[max]', isoDay(t + DAY_MS)],
  );
  const events = new Map<string, UnifiedEvent>();
  for (let page = 1; page <= POLL_MAX_PAGES; page += 1) {
    const { data } = await callJson<{ emailer_messages?: unknown[] }>(ctx, apollo, {
      method: 'GET',
      path: withQuery('/emailer_messages/search', [...pairs, ['page', String(page)], ['per_page', String(PER_PAGE)]]),
    });
    const items = data?.emailer_messages ?? [];
    for (const item of items) {
      const m = EmailerMessage.safeParse(item);
      // The filter asked Apollo for this type; its own fields must agree (an out-of-office answer is no reply).
      const e = m.success && (event !== 'reply_received' || eventsOf(m.data, input).includes(event)) ? normalizeMessage(m.data, event) : null;
      if (e && !events.has(e.id)) events.set(e.id, e);
    }
    if (items.length < PER_PAGE) break;
  }
  return [...events.values()].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};

export const apollo: Provider = {
  ...apolloApi,
  capabilities: apolloCapabilities,
  leads: apolloLeads,
  rateLimit: { description: 'per endpoint and plan, e.g. 600 calls per hour for sequence endpoints', retryAfterSeconds: 60 },
  authorize(request, apiKey) {
    request.headers = { ...(request.headers ?? {}), 'x-api-key': apiKey };
  },
  forbiddenHint:
    'This endpoint needs an Apollo master API key (error_code API_INACCESSIBLE) — or, for "paid plans" messages, a paid Apollo plan. ' +
    'Create a master key in Apollo (Settings → Integrations → API), or add this endpoint to the key’s scope, then reconnect.',
  async testAuth(ctx) {
    const { data } = await callJson<{ email?: unknown; first_name?: unknown; last_name?: unknown; id?: unknown }>(ctx, apollo, {
      method: 'GET',
      path: '/users/api_profile',
    });
    const name = [str(data?.first_name), str(data?.last_name)].filter(Boolean).join(' ');
    return { account: str(data?.email) ?? (name || `user ${str(data?.id) ?? 'unknown'}`) };
  },
  events: {
    webhook: apolloWebhook,
    listRecent,
  },
  async listCampaigns(ctx, page): Promise<CampaignOption[]> {
    const { data } = await callJson<{ emailer_campaigns?: { id?: unknown; name?: unknown; archived?: unknown; active?: unknown }[] }>(ctx, apollo, {
      method: 'POST',
      path: withQuery('/emailer_campaigns/search', [
        ['page', String(page + 1)],
        ['per_page', '100'],
      ]),
    });
    return (data?.emailer_campaigns ?? [])
      .filter((c) => str(c.id))
      .map((c) => ({
        id: String(c.id),
        name: `${str(c.name) ?? String(c.id)}${c.archived === true ? ' (archived)' : c.active === false ? ' (inactive)' : ''}`,
      }));
  },
};
