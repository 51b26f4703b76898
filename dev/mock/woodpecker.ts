import { IGNORED_EVENTS, MAPPED_EVENTS } from '../../src/providers/woodpecker/payloads';
import { json, type MockResponse, type ToolMock } from './types';

/**
 * Woodpecker API (`https://api.woodpecker.co/rest`, paths `/v1/...`), the endpoints the app
 * calls (src/providers/woodpecker). Key: header `x-api-key` (developers.woodpecker.co
 * "Authentication"); the legacy `Authorization: Basic` form (the key as user or as password) is
 * accepted too, as Woodpecker documents it.
 *
 * Errors use the v1 envelope `{"status":{"status":"ERROR","code":"E_…","msg":"…"}}` with the
 * documented codes (help "Error codes"). Woodpecker's v1 help page puts every error under
 * "400 Bad Request"; the mock keeps 400 for request errors but answers a bad key with 401
 * (E_SESSION) and an overflow with 429 (E_TOO_MANY_REQUESTS) — those statuses are UNCONFIRMED and
 * the app handles both forms (401 → reconnect, 429 / 400 E_TOO_MANY_REQUESTS → throttle).
 *
 * State: the global prospect list (global status ACTIVE / REPLIED / BOUNCED / BLACKLIST …), each
 * prospect's per-campaign status, campaigns, and webhook subscriptions keyed by (target_url, event).
 */
interface Prospect {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  title: string;
  phone: string;
  linkedin_url: string;
  extra: Record<string, string>;
  /** Global status: ACTIVE, REPLIED, BOUNCED, BLACKLIST, INVALID, … */
  status: string;
  last_contacted: string;
  last_replied: string;
  updated: string;
  /** campaign id → the prospect's status in that campaign (ACTIVE, PAUSED, REPLIED, …). */
  campaigns: Map<number, { status: string; interested: string }>;
}
interface Campaign {
  id: number;
  name: string;
  status: string;
  created: string;
  from_name: string;
  from_email: string;
}
interface State {
  campaigns: Campaign[];
  prospects: Map<string, Prospect>;
  webhooks: Map<string, { target_url: string; event: string }>;
  nextId: number;
}

/** Documented webhook events (developers.woodpecker.co webhooks), lower case as subscribed. */
const EVENTS: string[] = [...Object.keys(MAPPED_EVENTS), ...IGNORED_EVENTS];
/** Documented: at most 3 subscriptions per event per account. */
const MAX_PER_EVENT = 3;
/** Columns a prospect may carry besides the named ones (prospect body keys the mock keeps). */
const EXTRA_COLUMNS = /^(website|tags|address|city|state|country|industry|snippet([1-9]|1[0-5]))$/;

const wpError = (status: number, code: string, msg: string): MockResponse => json(status, { status: { status: 'ERROR', code, msg } });
const CODE_FOR_STATUS: Record<number, string> = {
  400: 'E_WRONG_PARAM',
  401: 'E_SESSION',
  403: 'E_SESSION',
  404: 'E_URL_NOT_FOUND',
  409: 'E_WRONG_PARAM',
  429: 'E_TOO_MANY_REQUESTS',
};

/** Woodpecker timestamps: `2025-03-21T20:47:40+0100` (offset without a colon). */
const wpTime = (d = new Date()) => d.toISOString().replace(/\.\d{3}Z$/, '+0000');
const validEmail = (e: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e);
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const rowOf = (p: Prospect, s: State, withCampaigns: boolean) => ({
  id: p.id,
  email: p.email,
  first_name: p.first_name,
  last_name: p.last_name,
  company: p.company,
  title: p.title,
  phone: p.phone,
  linkedin_url: p.linkedin_url,
  ...p.extra,
  status: p.status,
  last_contacted: p.last_contacted,
  // As the documented sample ("Browsing prospects") spells it.
  'last replied': p.last_replied,
  updated: p.updated,
  ...(withCampaigns
    ? {
        campaigns_details: [...p.campaigns].map(([cid, m]) => {
          const c = s.campaigns.find((x) => x.id === cid);
          return {
            campaign_id: cid,
            campaign_name: c?.name ?? '',
            campaign_status: c?.status ?? 'DELETED',
            campaign_prospect_status: m.status,
            interested: m.interested,
          };
        }),
      }
    : {}),
});

/** Applies the fields of one prospect body (only those given; empty strings leave a field as is). */
const applyFields = (p: Prospect, body: Record<string, unknown>) => {
  for (const key of ['first_name', 'last_name', 'company', 'title', 'phone', 'linkedin_url'] as const) {
    const v = text(body[key]);
    if (v) p[key] = v;
  }
  for (const [key, value] of Object.entries(body)) if (EXTRA_COLUMNS.test(key) && text(value)) p.extra[key] = text(value);
  p.updated = wpTime();
};

const newProspect = (s: State, email: string, body: Record<string, unknown>): Prospect => {
  const p = seedProspect({ id: s.nextId++, email, updated: wpTime() });
  applyFields(p, body);
  s.prospects.set(email, p);
  return p;
};

const itemError = (email: string, code: string, msg: string, id?: number) => ({ email, ...(id ? { id } : {}), status: 'ERROR', code, msg });

const prospectsOf = (body: unknown): Record<string, unknown>[] | null => {
  const list = (body as { prospects?: unknown } | null)?.prospects;
  return Array.isArray(list) && list.length > 0 ? (list.filter((x) => x && typeof x === 'object') as Record<string, unknown>[]) : null;
};

const seedProspect = (over: Partial<Prospect> & Pick<Prospect, 'id' | 'email'>): Prospect => ({
  first_name: '',
  last_name: '',
  company: '',
  title: '',
  phone: '',
  linkedin_url: '',
  extra: {},
  status: 'ACTIVE',
  last_contacted: '',
  last_replied: '',
  updated: '2025-03-01T09:00:00+0000',
  campaigns: new Map(),
  ...over,
});

export const woodpeckerMock: ToolMock<State> = {
  tool: 'woodpecker',
  basePath: '/rest',
  // Woodpecker serves ONE request at a time per key, queues at most 6 more and drops queued
  // requests after 15 s (docs API reference). A sliding window cannot model concurrency, so it is
  // approximated as 7 requests per second: a sequential client never hits it, a burst of more
  // than 1 in flight + 6 queued does.
  rateLimit: { requests: 7, windowMs: 1000 },
  apiKeyOf: ({ headers }) => {
    const key = headers['x-api-key']?.trim();
    if (key) return key;
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(headers.authorization ?? '');
    if (!basic) return null;
    const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
    const [user = '', password = ''] = decoded.split(/:(.*)/s);
    // Legacy Basic: the key as user (any password, "X" in the old docs) or as password (":key").
    return user.trim() || password.trim() || null;
  },
  error: (status, message) => wpError(status, CODE_FOR_STATUS[status] ?? (status >= 500 ? 'E_SERVER' : 'E_WRONG_PARAM'), message),
  initialState: () => ({
    campaigns: [
      { id: 1201, name: 'Q2 outbound', status: 'RUNNING', created: '2025-02-01T10:00:00+0000', from_name: 'Sam Seller', from_email: 'sam@seller.example.com' },
      {
        id: 1202,
        name: 'Webinar follow-up',
        status: 'RUNNING',
        created: '2025-02-15T10:00:00+0000',
        from_name: 'Sam Seller',
        from_email: 'sam@seller.example.com',
      },
      { id: 1100, name: 'Last year', status: 'COMPLETED', created: '2024-01-10T10:00:00+0000', from_name: 'Sam Seller', from_email: 'sam@seller.example.com' },
    ],
    prospects: new Map([
      [
        'unsubscribed@example.com',
        seedProspect({
          id: 3001,
          email: 'unsubscribed@example.com',
          first_name: 'Una',
          last_name: 'Subscribed',
          status: 'BLACKLIST',
          last_contacted: '2025-02-20T09:00:00+0000',
          updated: '2025-02-21T09:00:00+0000',
          campaigns: new Map([[1100, { status: 'BLACKLIST', interested: '' }]]),
        }),
      ],
      [
        'rita@replied.example.com',
        seedProspect({
          id: 3002,
          email: 'rita@replied.example.com',
          first_name: 'Rita',
          last_name: 'Replied',
          company: 'Replied Inc',
          status: 'REPLIED',
          last_contacted: '2025-03-01T09:00:00+0000',
          last_replied: '2025-03-02T14:30:00+0000',
          updated: '2025-03-02T14:30:00+0000',
          campaigns: new Map([[1201, { status: 'REPLIED', interested: 'INTERESTED' }]]),
        }),
      ],
      [
        // An autoreply (out of office): Woodpecker keeps sending follow-ups, but the global status
        // is not ACTIVE, so any update without `force` is refused (E_INV_STATUS).
        'otto@autoreplied.example.com',
        seedProspect({
          id: 3003,
          email: 'otto@autoreplied.example.com',
          first_name: 'Otto',
          last_name: 'Reply',
          status: 'AUTOREPLIED',
          last_contacted: '2025-03-03T09:00:00+0000',
          updated: '2025-03-03T09:05:00+0000',
          campaigns: new Map([[1201, { status: 'AUTOREPLIED', interested: '' }]]),
        }),
      ],
      [
        // Resume Sequence offline: paused in Q2 outbound (Stop's PAUSED), still ACTIVE globally.
        'paused@example.com',
        seedProspect({
          id: 3004,
          email: 'paused@example.com',
          first_name: 'Paula',
          last_name: 'Used',
          status: 'ACTIVE',
          last_contacted: '2025-03-04T09:00:00+0000',
          updated: '2025-03-04T09:05:00+0000',
          campaigns: new Map([[1201, { status: 'PAUSED', interested: '' }]]),
        }),
      ],
      [
        // Paused, then the address was found invalid: never resumed.
        'invalid@example.com',
        seedProspect({
          id: 3005,
          email: 'invalid@example.com',
          first_name: 'Inva',
          last_name: 'Lid',
          status: 'INVALID',
          last_contacted: '2025-03-05T09:00:00+0000',
          updated: '2025-03-05T09:05:00+0000',
          campaigns: new Map([[1201, { status: 'PAUSED', interested: '' }]]),
        }),
      ],
    ]),
    webhooks: new Map(),
    nextId: 5000,
  }),
  routes: [
    {
      method: 'GET',
      path: '/v1/campaign_list',
      handle: (_req, s) => json(200, s.campaigns, { 'X-Total-Count': String(s.campaigns.length) }),
    },
    {
      // Search (`search=email=<address>`, exact), global status filter, campaign filter, sort,
      // pages. An empty result is 204 No Content (documented).
      method: 'GET',
      path: '/v1/prospects',
      handle: (req, s) => {
        let rows = [...s.prospects.values()];
        const search = req.query.get('search');
        if (search) {
          for (const clause of search.split(';')) {
            const [field = '', value = ''] = clause.split(/=(.*)/s);
            const wanted = value.trim().toLowerCase();
            rows = rows.filter((p) => {
              const have = field === 'email' ? p.email : text((p as unknown as Record<string, unknown>)[field] ?? p.extra[field]);
              return have.toLowerCase() === wanted;
            });
          }
        }
        const status = req.query.get('status');
        if (status) rows = rows.filter((p) => p.status === status.toUpperCase());
        const campaignsId = req.query.get('campaigns_id');
        if (campaignsId) {
          const ids = campaignsId.split(',').map(Number);
          rows = rows.filter((p) => ids.some((id) => p.campaigns.has(id)));
        }
        const sort = req.query.get('sort');
        if (sort) {
          const desc = sort.startsWith('-');
          const field = sort.replace(/^[-+]/, '') as keyof Prospect;
          rows.sort((a, b) => text(a[field]).localeCompare(text(b[field])) * (desc ? -1 : 1));
        }
        const perPage = Math.min(1000, Math.max(1, Number(req.query.get('per_page') ?? 100) || 100));
        const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
        const total = rows.length;
        const slice = rows.slice((page - 1) * perPage, page * perPage);
        if (slice.length === 0) return { status: 204 };
        const details = req.query.get('campaigns_details') === 'true';
        return json(
          200,
          slice.map((p) => rowOf(p, s, details)),
          { 'X-Total-Count': String(total) },
        );
      },
    },
    {
      // Create-or-update in the global prospect list. Without `update`, an existing address is a
      // per-prospect E_DUPLICATE.
      method: 'POST',
      path: '/v1/add_prospects_list',
      handle: (req, s) => {
        const list = prospectsOf(req.body);
        if (!list) return wpError(400, 'E_REQUIRED_ELEMENT', 'Element prospects is required');
        const update = (req.body as { update?: unknown }).update === true;
        const prospects = list.map((item) => {
          const email = text(item.email).trim().toLowerCase();
          if (!validEmail(email)) return itemError(email, 'E_EMAIL', 'Invalid email format');
          const existing = s.prospects.get(email);
          if (existing && !update) return itemError(email, 'E_DUPLICATE', 'Duplicate', existing.id);
          const p = existing ?? newProspect(s, email, item);
          if (existing) {
            applyFields(p, item);
            if (text(item.status)) p.status = text(item.status).toUpperCase();
          }
          return { email, id: p.id };
        });
        return json(200, { prospects, status: { status: 'OK', code: '', msg: '' } });
      },
    },
    {
      // Add to (or, with `update`, update in) a campaign. A prospect whose global status is not
      // ACTIVE is refused with E_INV_STATUS unless `force` — updates included, so pausing an
      // AUTOREPLIED prospect needs `force`; a BLACKLIST prospect is always refused (blacklisted
      // addresses are never contacted). Already in the campaign without `update` → E_DUPLICATE.
      // With `update`, a `status` (e.g. PAUSED) sets the prospect's campaign status.
      method: 'POST',
      path: '/v1/add_prospects_campaign',
      handle: (req, s) => {
        const b = req.body as { campaign?: { campaign_id?: unknown }; force?: unknown; update?: unknown } | undefined;
        const cid = Number(b?.campaign?.campaign_id);
        if (!b?.campaign || !Number.isFinite(cid)) return wpError(400, 'E_REQUIRED_ELEMENT', 'Element campaign is required');
        const campaign = s.campaigns.find((c) => c.id === cid);
        if (!campaign) return wpError(400, 'E_RECORD_NOT_FOUND', 'Campaign not found');
        const list = prospectsOf(b);
        if (!list) return wpError(400, 'E_REQUIRED_ELEMENT', 'Element prospects is required');
        const force = b.force === true;
        const update = b.update === true;
        const prospects = list.map((item) => {
          const email = text(item.email).trim().toLowerCase();
          if (!validEmail(email)) return itemError(email, 'E_EMAIL', 'Invalid email format');
          const existing = s.prospects.get(email);
          const membership = existing?.campaigns.get(cid);
          if (membership && !update) return itemError(email, 'E_DUPLICATE', 'Duplicate', existing?.id);
          if (existing && (existing.status === 'BLACKLIST' || (existing.status !== 'ACTIVE' && !force))) {
            return itemError(email, 'E_INV_STATUS', "Prospect's status is other than ACTIVE", existing.id);
          }
          const p = existing ?? newProspect(s, email, item);
          if (existing) applyFields(p, item);
          // Forcing a prospect INTO a campaign reactivates it; forcing a status update of an
          // existing membership (Stop's PAUSED) only changes that membership.
          if (force && !(membership && update)) p.status = 'ACTIVE';
          const wantedStatus = text(item.status).toUpperCase();
          if (membership) {
            if (wantedStatus) membership.status = wantedStatus;
          } else {
            p.campaigns.set(cid, { status: update && wantedStatus ? wantedStatus : 'ACTIVE', interested: '' });
          }
          p.updated = wpTime();
          return { email, id: p.id };
        });
        return json(200, { prospects, status: { status: 'OK', code: '', msg: '' } });
      },
    },
    {
      method: 'POST',
      path: '/v1/webhooks/subscribe',
      handle: (req, s) => {
        const b = req.body as { target_url?: unknown; event?: unknown } | undefined;
        const url = text(b?.target_url);
        const event = text(b?.event).toLowerCase();
        if (!/^https?:\/\/\S+$/.test(url)) return wpError(400, 'E_WRONG_PARAM', 'Invalid target_url');
        if (!EVENTS.includes(event)) return wpError(400, 'E_WRONG_PARAM', `Invalid event: ${text(b?.event)}`);
        const key = `${event} ${url}`;
        if (s.webhooks.has(key)) return wpError(409, 'E_WRONG_PARAM', 'Event defined for this url.');
        // developers.woodpecker.co "Subscribe to a webhook": the same event up to three times per
        // account; the refusal is a 409 with the help centre's wording ("Webhooks" article).
        if ([...s.webhooks.values()].filter((h) => h.event === event).length >= MAX_PER_EVENT) {
          return wpError(409, 'E_WRONG_PARAM', `You can only subscribe to the same webhook ${MAX_PER_EVENT} times per one account.`);
        }
        s.webhooks.set(key, { target_url: url, event });
        return json(201, { target_url: url, event, message: 'Subscribed.' });
      },
    },
    {
      method: 'POST',
      path: '/v1/webhooks/unsubscribe',
      handle: (req, s) => {
        const b = req.body as { target_url?: unknown; event?: unknown } | undefined;
        const key = `${text(b?.event).toLowerCase()} ${text(b?.target_url)}`;
        if (!s.webhooks.delete(key)) return wpError(404, 'E_RECORD_NOT_FOUND', 'Subscription not found');
        return json(200, { target_url: text(b?.target_url), event: text(b?.event).toLowerCase(), message: 'Unsubscribed.' });
      },
    },
  ],
};
