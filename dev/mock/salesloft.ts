import { isKnownEvent } from '../../src/providers/salesloft/payloads';
import { json, type MockRequest, type MockResponse, type ToolMock } from './types';

/**
 * Salesloft API (`https://api.salesloft.com`, paths `/v2/...`), the endpoints the app calls.
 * Key: `Authorization: Bearer <key>` (an API key or OAuth token). Lists answer `{data: [...],
 * metadata: {paging}}`, objects `{data: {...}}`. Errors: `{error}` (401/403/404/429…), 422
 * `{errors: {field: [messages]}}` (developers.salesloft.com, api-basics).
 *
 * Rate limit: 600 cost units per minute per team (most requests cost 1; deep pages cost more —
 * the mock counts every request as 1). The 429 status is documented, `Retry-After` is not: the
 * mock sends one anyway (the shared server adds it), the provider falls back to 60 s without it.
 *
 * Lists filter and sort as documented where the app relies on it: `GET /v2/activities/emails` takes
 * `updated_at[gt|gte|lt|lte]` and `sort_by` (updated_at, send_time) / `sort_direction`;
 * `GET /v2/meetings` takes `created_at[...]`/`start_time[...]` and `sort_by` (start_time — the
 * default —, created_at, updated_at) / `sort_direction` (default DESC). The seeded emails are dated
 * relative to when the mock starts (one is older than the app's 7-day polling window).
 *
 * Ended memberships for Sequence Finished are seeded (Salesloft's API cannot complete a cadence
 * for a person): `GET /v2/cadence_memberships` takes `updated_at[...]` and `sort_by` (updated_at —
 * the default —, added_at); `GET /v2/people` takes `ids[]`. Meeting 1004 is canceled (`canceled_at`)
 * and, as a deleted calendar event, listed only with `show_deleted=true`.
 *
 * Salesloft can only delete a cadence membership (no per-person pause / finish), so the stop
 * flow here is remove only: `DELETE /v2/cadence_memberships/{id}` leaves the membership in
 * `current_state: "removed"`, `currently_on_cadence: false`, as Salesloft keeps the history.
 */

interface MockPerson {
  id: number;
  email_address: string;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  phone: string | null;
  linkedin_url: string | null;
  person_company_name: string | null;
  custom_fields: Record<string, string>;
  do_not_contact: boolean;
  contact_restrictions: string[];
  created_at: string;
  updated_at: string;
}
interface MockMembership {
  id: number;
  person_id: number;
  cadence_id: number;
  added_at: string;
  updated_at: string;
  currently_on_cadence: boolean;
  current_state: string;
  /** What the cadence got from this person (CadenceMembershipCounts); zeros when absent. */
  replies?: number;
  bounces?: number;
}
interface State {
  me: { id: number; guid: string; name: string; email: string };
  cadences: { id: number; name: string; archived_at: string | null; team_cadence: boolean; shared: boolean }[];
  people: Map<number, MockPerson>;
  memberships: MockMembership[];
  webhooks: Map<
    number,
    { id: number; callback_url: string; callback_token: string; event_type: string; enabled: boolean; user_guid: string; tenant_id: number }
  >;
  meetings: Record<string, unknown>[];
  emails: Record<string, unknown>[];
  nextId: number;
}

const API = 'https://api.salesloft.com/v2';
const ref = (kind: string, id: number | null) => (id === null ? null : { id, _href: `${API}/${kind}/${id}` });
const err = (status: number, message: string): MockResponse => json(status, { error: message });
const invalid = (field: string, message: string): MockResponse => json(422, { errors: { [field]: [message] } });

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

/** Salesloft's `field[gt|gte|lt|lte]=<iso8601>` filters, on the fields given. */
const inRange =
  (req: MockRequest, fields: string[]) =>
  (item: Record<string, unknown>): boolean =>
    fields.every((f) => {
      const v = Date.parse(String(item[f] ?? ''));
      const bound = (op: string) => {
        const raw = req.query.get(`${f}[${op}]`);
        return raw === null ? null : Date.parse(raw);
      };
      const [gt, gte, lt, lte] = ['gt', 'gte', 'lt', 'lte'].map(bound);
      if ([gt, gte, lt, lte].every((b) => b === null)) return true;
      if (!Number.isFinite(v)) return false;
      return (gt === null || v > gt) && (gte === null || v >= gte) && (lt === null || v < lt) && (lte === null || v <= lte);
    });

/** `sort_by` among `allowed` (first = default), `sort_direction` ASC / DESC (default DESC). */
const sorted = (req: MockRequest, items: Record<string, unknown>[], allowed: string[]): Record<string, unknown>[] => {
  const key = req.query.get('sort_by') ?? allowed[0];
  const by = allowed.includes(key as string) ? (key as string) : (allowed[0] as string);
  const list = [...items].sort((a, b) => Date.parse(String(b[by] ?? '')) - Date.parse(String(a[by] ?? '')));
  return req.query.get('sort_direction') === 'ASC' ? list.reverse() : list;
};

/** `?per_page=&page=` over a list, with Salesloft's paging metadata. */
const page = (req: MockRequest, items: unknown[]): MockResponse => {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 25) || 25));
  const current = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
  const data = items.slice((current - 1) * perPage, current * perPage);
  const more = current * perPage < items.length;
  return json(200, {
    metadata: { paging: { per_page: perPage, current_page: current, next_page: more ? current + 1 : null, prev_page: current > 1 ? current - 1 : null } },
    data,
  });
};

const personView = (p: MockPerson) => ({
  id: p.id,
  created_at: p.created_at,
  updated_at: p.updated_at,
  first_name: p.first_name,
  last_name: p.last_name,
  display_name: [p.first_name, p.last_name].filter(Boolean).join(' ') || p.email_address,
  email_address: p.email_address,
  title: p.title,
  phone: p.phone,
  mobile_phone: null,
  linkedin_url: p.linkedin_url,
  person_company_name: p.person_company_name,
  do_not_contact: p.do_not_contact,
  bouncing: false,
  contact_restrictions: p.contact_restrictions,
  custom_fields: p.custom_fields,
  last_contacted_at: null,
});

const membershipView = (m: MockMembership) => ({
  id: m.id,
  added_at: m.added_at,
  created_at: m.added_at,
  updated_at: m.updated_at,
  person_deleted: false,
  currently_on_cadence: m.currently_on_cadence,
  current_state: m.current_state,
  cadence: ref('cadences', m.cadence_id),
  person: ref('people', m.person_id),
  user: ref('users', 1),
  latest_action: null,
  counts: { views: 0, clicks: 0, replies: m.replies ?? 0, calls: 0, sent_emails: m.current_state === 'completed' ? 3 : 0, bounces: m.bounces ?? 0 },
});

const UPSERT_FIELDS = ['first_name', 'last_name', 'title', 'phone', 'linkedin_url', 'person_company_name'] as const;

export const salesloftMock: ToolMock<State> = {
  tool: 'salesloft',
  basePath: '',
  rateLimit: { requests: 600, windowMs: 60_000 },
  apiKeyOf: ({ headers }) => {
    const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
    return m ? (m[1] as string) : null;
  },
  error: (status, message) => (status === 422 ? invalid('base', message) : err(status, message)),
  initialState: () => ({
    me: { id: 1, guid: '5c1a8f7e-0000-4000-8000-000000000001', name: 'Mock Rep', email: 'rep@example.com' },
    cadences: [
      { id: 77, name: 'Q2 outbound', archived_at: null, team_cadence: true, shared: true },
      { id: 78, name: 'Webinar follow-up', archived_at: null, team_cadence: true, shared: true },
      { id: 79, name: 'Old nurture', archived_at: '2025-01-10T00:00:00.000000Z', team_cadence: false, shared: false },
    ],
    people: new Map([
      [
        5001,
        {
          id: 5001,
          email_address: 'unsubscribed@example.com',
          first_name: 'Una',
          last_name: 'Subscribed',
          title: null,
          phone: null,
          linkedin_url: null,
          person_company_name: null,
          custom_fields: {},
          do_not_contact: true,
          contact_restrictions: ['call', 'email', 'message'],
          created_at: '2025-02-01T10:00:00.000000Z',
          updated_at: '2025-02-02T10:00:00.000000Z',
        },
      ],
      ...[
        [6101, 'finn@example.com', 'Finn', 'Ended'],
        [6102, 'rae@example.com', 'Rae', 'Replied'],
        [6103, 'remy@example.com', 'Remy', 'Removed'],
        [6104, 'otto@example.com', 'Otto', 'Old'],
      ].map(([id, email, first, last]): [number, MockPerson] => [
        id as number,
        {
          id: id as number,
          email_address: email as string,
          first_name: first as string,
          last_name: last as string,
          title: null,
          phone: null,
          linkedin_url: null,
          person_company_name: 'Acme',
          custom_fields: {},
          do_not_contact: false,
          contact_restrictions: [],
          created_at: '2025-02-01T10:00:00.000000Z',
          updated_at: '2025-02-01T10:00:00.000000Z',
        },
      ]),
    ]),
    // Cadence 77's ended memberships (Sequence Finished): Finn went through every step without a
    // reply three days ago; Rae completed it but had replied; Remy was removed; Otto completed a month ago.
    memberships: [
      { id: 8001, person_id: 6101, cadence_id: 77, added_at: daysAgo(20), updated_at: daysAgo(3), currently_on_cadence: false, current_state: 'completed' },
      {
        id: 8002,
        person_id: 6102,
        cadence_id: 77,
        added_at: daysAgo(20),
        updated_at: daysAgo(2),
        currently_on_cadence: false,
        current_state: 'completed',
        replies: 1,
      },
      { id: 8003, person_id: 6103, cadence_id: 77, added_at: daysAgo(20), updated_at: daysAgo(1), currently_on_cadence: false, current_state: 'removed' },
      { id: 8004, person_id: 6104, cadence_id: 77, added_at: daysAgo(60), updated_at: daysAgo(30), currently_on_cadence: false, current_state: 'completed' },
    ],
    webhooks: new Map(),
    meetings: [
      {
        id: 1001,
        title: 'Intro call',
        start_time: '2025-04-10T15:00:00.000000-04:00',
        end_time: '2025-04-10T15:30:00.000000-04:00',
        calendar_id: 'rep@example.com',
        calendar_type: 'gmail',
        meeting_type: 'Intro',
        recipient_name: 'Jane Doe',
        recipient_email: 'jane@example.com',
        location: 'https://zoom.us/j/000',
        description: '',
        event_id: 'abc123',
        status: 'booked',
        canceled_at: null,
        created_at: '2025-04-01T10:00:00.000000-04:00',
        updated_at: '2025-04-01T10:00:00.000000-04:00',
        guests: ['jane@example.com'],
        attendees: [
          { email: 'jane@example.com', name: 'Jane Doe', status: 'needsAction', organizer: false },
          { email: 'rep@example.com', name: 'Mock Rep', status: 'accepted', organizer: true },
        ],
        person: ref('people', 5555),
        cadence: ref('cadences', 77),
        step: ref('steps', 88),
      },
      {
        id: 1002,
        title: 'Cancelled demo',
        status: 'failed',
        recipient_email: 'bo@example.com',
        created_at: '2025-04-02T10:00:00.000000Z',
        updated_at: '2025-04-02T10:00:00.000000Z',
      },
      {
        // Canceled yesterday (`canceled_at` set; the documented statuses have no canceled value).
        // A deleted calendar event: listed only with show_deleted=true (UNCONFIRMED reading, see README).
        id: 1004,
        title: 'Pricing walkthrough',
        start_time: daysAgo(-3),
        end_time: daysAgo(-3.02),
        recipient_name: 'Cy Cancel',
        recipient_email: 'cy@example.com',
        location: 'https://zoom.us/j/111',
        status: 'booked',
        canceled_at: daysAgo(1),
        deleted: true,
        created_at: daysAgo(5),
        updated_at: daysAgo(1),
        attendees: [{ email: 'cy@example.com', name: 'Cy Cancel', status: 'declined', organizer: false }],
        person: ref('people', 6105),
        cadence: ref('cadences', 78),
      },
    ],
    emails: [
      {
        id: 2001,
        status: 'sent',
        bounced: false,
        subject: 'Quick question',
        recipient_email_address: 'jane@example.com',
        sent_at: daysAgo(3),
        created_at: daysAgo(3.01),
        updated_at: daysAgo(2),
        counts: { replies: 1, views: 2, clicks: 0 },
        recipient: ref('people', 5555),
        cadence: ref('cadences', 77),
        step: ref('steps', 88),
        user: ref('users', 1),
      },
      {
        id: 2002,
        status: 'sent',
        bounced: true,
        subject: 'Following up',
        recipient_email_address: 'gone@example.com',
        sent_at: daysAgo(1),
        created_at: daysAgo(1.01),
        updated_at: daysAgo(0.99),
        counts: { replies: 0, views: 0, clicks: 0 },
        recipient: ref('people', 6666),
        cadence: ref('cadences', 78),
        step: ref('steps', 90),
        user: ref('users', 1),
      },
      {
        // Replied a month ago: outside the app's polling window.
        id: 2003,
        status: 'sent',
        bounced: false,
        subject: 'Old thread',
        recipient_email_address: 'old.reply@example.com',
        sent_at: daysAgo(31),
        created_at: daysAgo(31.01),
        updated_at: daysAgo(30),
        counts: { replies: 1, views: 1, clicks: 0 },
        recipient: ref('people', 6667),
        cadence: ref('cadences', 77),
        step: ref('steps', 88),
        user: ref('users', 1),
      },
    ],
    nextId: 9000,
  }),
  routes: [
    { method: 'GET', path: '/v2/me', handle: (_req, s) => json(200, { data: s.me }) },
    { method: 'GET', path: '/v2/cadences', handle: (req, s) => page(req, s.cadences) },

    // --- webhooks --------------------------------------------------------------------------
    {
      method: 'POST',
      path: '/v2/webhook_subscriptions',
      handle: (req, s) => {
        const b = (req.body ?? {}) as { callback_url?: unknown; callback_token?: unknown; event_type?: unknown };
        if (typeof b.callback_url !== 'string' || !/^https:\/\//.test(b.callback_url)) return invalid('callback_url', 'must be a valid https URL');
        if (typeof b.callback_token !== 'string' || !b.callback_token) return invalid('callback_token', "can't be blank");
        if (typeof b.event_type !== 'string' || !isKnownEvent(b.event_type)) return invalid('event_type', 'is not included in the list');
        const hook = {
          id: s.nextId++,
          callback_url: b.callback_url,
          callback_token: b.callback_token,
          event_type: b.event_type,
          enabled: true,
          user_guid: s.me.guid,
          tenant_id: 100,
        };
        s.webhooks.set(hook.id, hook);
        return json(200, { data: hook });
      },
    },
    {
      method: 'GET',
      path: '/v2/webhook_subscriptions/:id',
      handle: (req, s) => {
        const hook = s.webhooks.get(Number(req.params.id));
        return hook ? json(200, { data: hook }) : err(404, 'Not Found');
      },
    },
    {
      method: 'DELETE',
      path: '/v2/webhook_subscriptions/:id',
      handle: (req, s) => (s.webhooks.delete(Number(req.params.id)) ? { status: 204 } : err(404, 'Not Found')),
    },

    // --- recent items (polling) -------------------------------------------------------------
    {
      method: 'GET',
      path: '/v2/meetings',
      handle: (req, s) => {
        const status = req.query.get('status');
        const withDeleted = req.query.get('show_deleted') === 'true';
        const list = s.meetings
          .filter((m) => withDeleted || m.deleted !== true)
          .filter((m) => !status || m.status === status)
          .filter(inRange(req, ['created_at', 'start_time']));
        return page(
          req,
          sorted(req, list, ['start_time', 'created_at', 'updated_at']).map(({ deleted: _d, ...m }) => m),
        );
      },
    },
    {
      method: 'GET',
      path: '/v2/activities/emails',
      handle: (req, s) => {
        const bounced = req.query.get('bounced');
        const cadences = req.query.getAll('cadence_id[]');
        const list = s.emails
          .filter((e) => bounced === null || String(e.bounced) === bounced)
          .filter((e) => !cadences.length || cadences.includes(String((e.cadence as { id?: unknown } | null)?.id)))
          .filter(inRange(req, ['updated_at']));
        return page(req, sorted(req, list, ['updated_at', 'send_time']));
      },
    },

    // --- people ------------------------------------------------------------------------------
    {
      method: 'GET',
      path: '/v2/people',
      handle: (req, s) => {
        const wanted = req.query.getAll('email_addresses[]').map((e) => e.trim().toLowerCase());
        const ids = req.query.getAll('ids[]');
        const list = [...s.people.values()]
          .filter((p) => !wanted.length || wanted.includes(p.email_address.toLowerCase()))
          .filter((p) => !ids.length || ids.includes(String(p.id)));
        return page(req, list.map(personView));
      },
    },
    {
      method: 'POST',
      path: '/v2/person_upserts',
      handle: (req, s) => {
        const b = (req.body ?? {}) as Record<string, unknown>;
        if (b.upsert_key !== 'email_address') return invalid('upsert_key', 'must be one of id, crm_id, owner_crm_id, email_address');
        const email = String(b.email_address ?? '').trim();
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return invalid('email_address', 'is invalid');
        const now = new Date().toISOString();
        let p = [...s.people.values()].find((x) => x.email_address.toLowerCase() === email.toLowerCase());
        const created = !p;
        if (!p) {
          p = {
            id: s.nextId++,
            email_address: email.toLowerCase(),
            first_name: null,
            last_name: null,
            title: null,
            phone: null,
            linkedin_url: null,
            person_company_name: null,
            custom_fields: {},
            do_not_contact: false,
            contact_restrictions: [],
            created_at: now,
            updated_at: now,
          };
          s.people.set(p.id, p);
        }
        for (const f of UPSERT_FIELDS) if (typeof b[f] === 'string' && b[f] !== '') p[f] = b[f] as string;
        if (b.custom_fields && typeof b.custom_fields === 'object') {
          p.custom_fields = { ...p.custom_fields, ...Object.fromEntries(Object.entries(b.custom_fields).map(([k, v]) => [k, String(v)])) };
        }
        p.updated_at = now;
        return json(200, { data: { upsert_type: created ? 'create' : 'update', person: personView(p) } });
      },
    },

    // --- cadence memberships -----------------------------------------------------------------
    {
      method: 'GET',
      path: '/v2/cadence_memberships',
      handle: (req, s) => {
        const personId = req.query.get('person_id');
        const cadenceId = req.query.get('cadence_id');
        const current = req.query.get('currently_on_cadence');
        const list = s.memberships
          .filter((m) => !personId || String(m.person_id) === personId)
          .filter((m) => !cadenceId || String(m.cadence_id) === cadenceId)
          .filter((m) => current === null || String(m.currently_on_cadence) === current)
          .map(membershipView)
          .filter(inRange(req, ['updated_at']));
        return page(req, sorted(req, list, ['updated_at', 'added_at']));
      },
    },
    {
      method: 'POST',
      path: '/v2/cadence_memberships',
      handle: (req, s) => {
        // Salesloft takes the person and cadence as query parameters, one person per call.
        const personId = Number(req.query.get('person_id'));
        const cadenceId = Number(req.query.get('cadence_id'));
        if (!req.query.get('person_id') || !req.query.get('cadence_id')) return invalid('base', 'person_id and cadence_id are required');
        const person = s.people.get(personId);
        if (!person) return invalid('person', 'not found');
        const cadence = s.cadences.find((c) => c.id === cadenceId);
        if (!cadence) return invalid('cadence', 'not found');
        if (cadence.archived_at) return invalid('cadence', 'is archived');
        // The "already on cadence" text is undocumented; the legacy v1 text is used.
        if (s.memberships.some((m) => m.person_id === personId && m.cadence_id === cadenceId && m.currently_on_cadence)) {
          return invalid('person', 'The person could not be added to the requested cadence.');
        }
        if (person.do_not_contact) return invalid('person', 'is marked do not contact');
        const now = new Date().toISOString();
        const m: MockMembership = {
          id: s.nextId++,
          person_id: personId,
          cadence_id: cadenceId,
          added_at: now,
          updated_at: now,
          currently_on_cadence: true,
          current_state: 'staged',
        };
        s.memberships.push(m);
        return json(200, { data: membershipView(m) });
      },
    },
    {
      method: 'DELETE',
      path: '/v2/cadence_memberships/:id',
      handle: (req, s) => {
        const m = s.memberships.find((x) => String(x.id) === req.params.id);
        if (!m || !m.currently_on_cadence) return err(404, 'Not Found');
        m.currently_on_cadence = false;
        m.current_state = 'removed';
        m.updated_at = new Date().toISOString();
        return { status: 204 };
      },
    },
  ],
};
