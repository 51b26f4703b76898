import { json, type ToolMock } from './types';

/**
 * Smartlead API (`https://server.smartlead.ai/api/v1`), the endpoints the app calls. Key: `?api_key=`.
 *
 * As documented: the lookup by email (`GET /leads/?email=`) lists `lead_campaign_data` without the
 * lead's status; the status in a campaign comes from Search Campaign Leads
 * (`POST /campaigns/{id}/leads/filter`). Pause / resume / delete of a lead or campaign Smartlead
 * does not have answer 200 `{}` (no `ok`). Limits (guides/rate-limits, Standard tier): 10 requests
 * per second, 60 per minute, 1,000 per hour; a 429 is `{error: {code, message, retry_after}}` with
 * `Retry-After`.
 *
 * Lifecycle seeds in campaign 9181 (so Sequence Finished and Resume Sequence run offline): a lead
 * who went through every step (COMPLETED), one who replied (STOPPED), one paused, one paused who
 * unsubscribed since, one whose mail bounced (BLOCKED). `GET /campaigns/{id}/leads?status=` lists them.
 */
interface Membership {
  mapId: number;
  status: string;
  /** When the status last changed (the campaign lead's `updated_at`). */
  updatedAt?: string;
}
interface MockLead {
  id: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  unsubscribed: boolean;
  campaigns: Map<number, Membership>;
}
interface State {
  campaigns: { id: number; user_id: number; name: string; status: string }[];
  leads: Map<string, MockLead>;
  webhooks: Map<number, { id: number; name: string; webhook_url: string; event_types: string[]; categories: string[]; email_campaign_id: number }>;
  nextId: number;
}

/** Leads seeded in campaign 9181 with the given membership. */
const seeded = (rows: [number, string, string, string, boolean, Membership][]): [string, MockLead][] =>
  rows.map(([id, email, first_name, last_name, unsubscribed, m]) => [
    email,
    { id, email, first_name, last_name, company_name: 'Example Inc', unsubscribed, campaigns: new Map([[9181, m]]) },
  ]);

export const smartleadMock: ToolMock<State> = {
  tool: 'smartlead',
  basePath: '/api/v1',
  rateLimit: { requests: 10, windowMs: 1000 },
  moreRateLimits: [
    { requests: 60, windowMs: 60_000 },
    { requests: 1000, windowMs: 3_600_000 },
  ],
  apiKeyOf: ({ query }) => query.get('api_key'),
  error: (status, message) =>
    status === 429 ? json(429, { error: { code: 'RATE_LIMIT_EXCEEDED', message, retry_after: 1 } }) : json(status, { error: message }),
  initialState: () => ({
    campaigns: [
      { id: 9181, user_id: 124, name: 'Q2 outbound', status: 'ACTIVE' },
      { id: 9200, user_id: 124, name: 'Webinar follow-up', status: 'ACTIVE' },
    ],
    leads: new Map([
      [
        'unsubscribed@example.com',
        {
          id: 3001,
          email: 'unsubscribed@example.com',
          first_name: 'Una',
          last_name: 'Subscribed',
          company_name: null,
          unsubscribed: true,
          campaigns: new Map(),
        },
      ],
      ...seeded([
        [3101, 'finished@example.com', 'Finn', 'Ished', false, { mapId: 4101, status: 'COMPLETED', updatedAt: '2025-04-06T07:00:00.000Z' }],
        [3102, 'replied@example.com', 'Rita', 'Plied', false, { mapId: 4102, status: 'STOPPED', updatedAt: '2025-04-05T10:00:00.000Z' }],
        [3103, 'paused@example.com', 'Paula', 'Used', false, { mapId: 4103, status: 'PAUSED', updatedAt: '2025-04-04T10:00:00.000Z' }],
        [3104, 'optout@example.com', 'Otto', 'Out', true, { mapId: 4104, status: 'PAUSED', updatedAt: '2025-04-03T10:00:00.000Z' }],
        [3105, 'bounced@example.com', 'Bo', 'Unce', false, { mapId: 4105, status: 'BLOCKED', updatedAt: '2025-04-02T10:00:00.000Z' }],
      ]),
    ]),
    webhooks: new Map(),
    nextId: 5000,
  }),
  routes: [
    { method: 'GET', path: '/campaigns', handle: (_req, s) => json(200, s.campaigns) },
    {
      method: 'GET',
      path: '/campaigns/:id',
      handle: (req, s) => {
        const c = s.campaigns.find((x) => String(x.id) === req.params.id);
        return c ? json(200, c) : json(404, { error: 'Campaign not found - Invalid campaign_id.' });
      },
    },
    {
      method: 'GET',
      path: '/campaigns/:id/webhooks',
      handle: (req, s) =>
        json(
          200,
          [...s.webhooks.values()].filter((h) => String(h.email_campaign_id) === req.params.id),
        ),
    },
    {
      method: 'POST',
      path: '/campaigns/:id/webhooks',
      handle: (req, s) => {
        const b = req.body as { webhook_url?: string; name?: string; event_types?: string[]; categories?: string[] };
        if (!s.campaigns.some((c) => String(c.id) === req.params.id)) return json(404, { error: 'Campaign not found - Invalid campaign_id.' });
        if (!b?.webhook_url || !/^https?:\/\//.test(b.webhook_url)) return json(400, { error: `Invalid webhook_url - ${b?.webhook_url}` });
        const id = s.nextId++;
        const hook = {
          id,
          name: b.name ?? '',
          webhook_url: b.webhook_url,
          event_types: b.event_types ?? [],
          categories: b.categories ?? [],
          email_campaign_id: Number(req.params.id),
        };
        s.webhooks.set(id, hook);
        const { id: _id, ...documented } = hook; // the documented create response carries no id
        return json(200, { ok: true, ...documented });
      },
    },
    {
      method: 'DELETE',
      path: '/campaigns/:id/webhooks',
      handle: (req, s) => {
        const id = Number((req.body as { id?: unknown })?.id);
        return s.webhooks.delete(id) ? json(200, { ok: true }) : json(404, { error: 'Webhook not found' });
      },
    },
    {
      // "Get Campaign Leads": the documented legacy shape {total_leads, data: [{campaign_lead_map_id, status, created_at, updated_at, lead}]}.
      method: 'GET',
      path: '/campaigns/:id/leads',
      handle: (req, s) => {
        const cid = Number(req.params.id);
        if (!s.campaigns.some((c) => c.id === cid)) return json(404, { error: 'Campaign not found - Invalid campaign_id.' });
        const want = req.query.get('status');
        const offset = Number(req.query.get('offset') ?? 0);
        const limit = Math.min(1000, Math.max(1, Number(req.query.get('limit') ?? 100)));
        const rows = [...s.leads.values()]
          .filter((l) => l.campaigns.has(cid))
          .map((l) => ({ l, m: l.campaigns.get(cid) as Membership }))
          .filter(({ m }) => !want || m.status === want)
          .sort((a, b) => a.m.mapId - b.m.mapId);
        return json(200, {
          total_leads: String(rows.length),
          offset,
          limit,
          data: rows.slice(offset, offset + limit).map(({ l, m }) => ({
            campaign_lead_map_id: String(m.mapId),
            lead_category_id: null,
            status: m.status,
            created_at: '2025-03-01T09:00:00.000Z',
            updated_at: m.updatedAt ?? '2025-03-01T09:00:00.000Z',
            lead: {
              id: l.id,
              first_name: l.first_name,
              last_name: l.last_name,
              email: l.email,
              phone_number: null,
              company_name: l.company_name,
              website: null,
              location: null,
              custom_fields: {},
              linkedin_profile: null,
              company_url: null,
              is_unsubscribed: l.unsubscribed,
            },
          })),
        });
      },
    },
    { method: 'GET', path: '/campaigns/:id/statistics', handle: () => json(200, { total_stats: '0', data: [] }) },
    {
      method: 'GET',
      path: '/leads/',
      handle: (req, s) => {
        const lead = s.leads.get((req.query.get('email') ?? '').toLowerCase());
        if (!lead) return json(200, {});
        return json(200, {
          id: lead.id,
          email: lead.email,
          first_name: lead.first_name,
          last_name: lead.last_name,
          company_name: lead.company_name,
          is_unsubscribed: lead.unsubscribed,
          // As documented: no status here (it is read from the campaign's lead search).
          lead_campaign_data: [...lead.campaigns].map(([cid, m]) => ({
            campaign_lead_map_id: m.mapId,
            campaign_id: cid,
            campaign_name: s.campaigns.find((c) => c.id === cid)?.name ?? null,
            client_id: null,
            client_email: null,
            lead_category_id: null,
          })),
        });
      },
    },
    {
      method: 'POST',
      path: '/campaigns/:id/leads/filter',
      handle: (req, s) => {
        const cid = Number(req.params.id);
        if (!s.campaigns.some((c) => c.id === cid)) return json(404, { error: 'Campaign not found - Invalid campaign_id.' });
        const b = (req.body ?? {}) as { searchText?: unknown; limit?: unknown; lastSeenLeadId?: unknown };
        const words = String(b.searchText ?? '')
          .toLowerCase()
          .split(/\s+/)
          .filter(Boolean);
        const limit = Math.min(100, Math.max(1, Number(b.limit ?? 25)));
        const after = Number(b.lastSeenLeadId ?? 0);
        const rows = [...s.leads.values()]
          .filter((l) => l.campaigns.has(cid))
          .filter((l) => words.every((w) => [l.email, l.first_name, l.last_name].some((f) => (f ?? '').toLowerCase().includes(w))))
          .map((l) => ({ lead: l, m: l.campaigns.get(cid) as Membership }))
          .filter(({ m }) => m.mapId > after)
          .sort((a, b2) => a.m.mapId - b2.m.mapId);
        const page = rows.slice(0, limit).map(({ lead: l, m }) => ({
          id: m.mapId,
          current_seq_num: 1,
          status: m.status,
          email_account_id: null,
          spintax_modulo_index: 0,
          email_lead: {
            id: l.id,
            email: l.email,
            first_name: l.first_name,
            last_name: l.last_name,
            company_name: l.company_name,
            phone_number: null,
            company_url: null,
            website: null,
            linkedin_profile: null,
            location: null,
            custom_fields: {},
            esp_domain_type: 1,
          },
          email_account: null,
        }));
        return json(200, { leads: page, lastSeenEclmId: page.length ? page[page.length - 1]?.id : null, count: rows.length });
      },
    },
    {
      method: 'POST',
      path: '/campaigns/:id/leads',
      handle: (req, s) => {
        const cid = Number(req.params.id);
        if (!s.campaigns.some((c) => c.id === cid)) return json(404, { error: 'Campaign not found - Invalid campaign_id.' });
        const b = req.body as { lead_list?: Record<string, string>[]; settings?: Record<string, boolean> };
        const counters = {
          ok: true,
          upload_count: 0,
          total_leads: b?.lead_list?.length ?? 0,
          already_added_to_campaign: 0,
          duplicate_count: 0,
          invalid_email_count: 0,
          unsubscribed_leads: 0,
          block_count: 0,
          bounce_count: 0,
          is_lead_limit_exhausted: false,
          lead_import_stopped_count: 0,
        };
        for (const entry of b?.lead_list ?? []) {
          const email = String(entry.email ?? '').toLowerCase();
          if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) counters.invalid_email_count += 1;
          else {
            const existing = s.leads.get(email);
            if (existing?.unsubscribed && !b?.settings?.ignore_unsubscribe_list) counters.unsubscribed_leads += 1;
            else if (existing?.campaigns.has(cid)) counters.already_added_to_campaign += 1;
            else if (existing && existing.campaigns.size > 0 && !b?.settings?.ignore_duplicate_leads_in_other_campaign) counters.duplicate_count += 1;
            else {
              const lead = existing ?? {
                id: s.nextId++,
                email,
                first_name: entry.first_name ?? null,
                last_name: entry.last_name ?? null,
                company_name: entry.company_name ?? null,
                unsubscribed: false,
                campaigns: new Map<number, Membership>(),
              };
              lead.campaigns.set(cid, { mapId: s.nextId++, status: 'STARTED' });
              s.leads.set(email, lead);
              counters.upload_count += 1;
            }
          }
        }
        return json(200, counters);
      },
    },
    ...(['pause', 'resume'] as const).map((action) => ({
      method: 'POST',
      path: `/campaigns/:cid/leads/:lid/${action}`,
      handle: (req: { params: Record<string, string> }, s: State) => {
        const lead = [...s.leads.values()].find((l) => String(l.id) === req.params.lid);
        const membership = lead?.campaigns.get(Number(req.params.cid));
        // Smartlead answers a lead or campaign it does not have with 200 {} (no ok).
        if (!membership) return json(200, {});
        membership.status = action === 'pause' ? 'PAUSED' : 'INPROGRESS';
        membership.updatedAt = new Date().toISOString();
        return json(200, { ok: true });
      },
    })),
    {
      method: 'DELETE',
      path: '/campaigns/:cid/leads/:lid',
      handle: (req, s) => {
        const lead = [...s.leads.values()].find((l) => String(l.id) === req.params.lid);
        return lead?.campaigns.delete(Number(req.params.cid)) ? json(200, { ok: true }) : json(200, {});
      },
    },
  ],
};
