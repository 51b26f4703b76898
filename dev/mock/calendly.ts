import { KNOWN_EVENTS } from '../../src/providers/calendly/payloads';
import { json, type MockResponse, type ToolMock } from './types';

/**
 * Calendly API v2 (`https://api.calendly.com`, no version segment), the endpoints the app calls
 * (src/providers/calendly): the auth test, webhook subscriptions, recent bookings and
 * cancellations, and Cancel Event (so a cancellation can be made offline). Calendly
 * has no leads or campaigns. Key: `Authorization: Bearer <personal access token>`. Limit 500
 * requests / user / minute (paid plans; developer.calendly.com API conventions). Errors are
 * `{ title, message }` (vendor OpenAPI `ErrorResponse`); registering a URL twice answers 409
 * `{"title":"Already Exists","message":"Hook with this url already exists"}`.
 */
const API = 'https://api.calendly.com';
const USER = `${API}/users/MOCKUSER00000001`;
const ORG = `${API}/organizations/MOCKORG000000001`;
const EVENTS: readonly string[] = KNOWN_EVENTS;
const SCOPES = ['organization', 'user', 'group'];

interface Subscription {
  uri: string;
  callback_url: string;
  created_at: string;
  updated_at: string;
  retry_started_at: string | null;
  state: string;
  events: string[];
  scope: string;
  organization: string;
  user: string | null;
  group: string | null;
  creator: string;
}
type Scheduled = Record<string, unknown> & { uri: string; status: string; start_time: string };
type Invitee = Record<string, unknown> & { uri: string; email: string };
interface State {
  user: Record<string, unknown> & { uri: string; current_organization: string };
  subscriptions: Map<string, Subscription>;
  /** Signing keys we were given, by subscription uuid (Calendly never returns them). */
  signingKeys: Map<string, string>;
  events: Scheduled[];
  invitees: Map<string, Invitee[]>;
  nextId: number;
}

const TITLES: Record<number, string> = {
  400: 'Invalid Argument',
  401: 'Unauthenticated',
  403: 'Permission Denied',
  404: 'Resource Not Found',
  409: 'Already Exists',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
const err = (status: number, message: string, details?: { parameter: string; message: string }[]): MockResponse =>
  json(status, { title: TITLES[status] ?? 'Error', message, ...(details ? { details } : {}) });
const invalid = (parameter: string, message: string) => err(400, 'The supplied parameters are invalid.', [{ parameter, message }]);
const notFound = () => err(404, 'The server could not find the requested resource.');
const uuidOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

/** `count` (1–100, default 20) and an offset `page_token`, with Calendly's pagination object. */
const page = <T>(items: T[], query: URLSearchParams, path: string) => {
  const count = Math.min(100, Math.max(1, Number(query.get('count') ?? 20) || 20));
  const offset = Math.max(0, Number(query.get('page_token') ?? 0) || 0);
  const next = offset + count < items.length ? String(offset + count) : null;
  const previous = offset > 0 ? String(Math.max(0, offset - count)) : null;
  const link = (token: string | null) => (token === null ? null : `${API}${path}?count=${count}&page_token=${token}`);
  return {
    collection: items.slice(offset, offset + count),
    pagination: { count, next_page: link(next), previous_page: link(previous), next_page_token: next, previous_page_token: previous },
  };
};

const scheduled = (uuid: string, name: string, status: string, start: string, created: string): Scheduled => ({
  uri: `${API}/scheduled_events/${uuid}`,
  name,
  meeting_notes_plain: null,
  meeting_notes_html: null,
  status,
  start_time: start,
  end_time: new Date(new Date(start).getTime() + 30 * 60_000).toISOString().replace('Z', '000Z'),
  event_type: `${API}/event_types/MOCKTYPE00000001`,
  location: { type: 'google_conference', join_url: `https://meet.google.com/mock-${uuid.slice(-4).toLowerCase()}` },
  invitees_counter: { total: 1, active: status === 'active' ? 1 : 0, limit: 1 },
  created_at: created,
  updated_at: created,
  event_memberships: [{ user: USER, user_email: 'rep@mock-sender.example.com', user_name: 'Rep One' }],
  event_guests: [],
});
const invitee = (eventUuid: string, uuid: string, email: string, first: string, last: string, created: string, status = 'active'): Invitee => ({
  uri: `${API}/scheduled_events/${eventUuid}/invitees/${uuid}`,
  email,
  name: `${first} ${last}`,
  first_name: first,
  last_name: last,
  status,
  timezone: 'Europe/Paris',
  event: `${API}/scheduled_events/${eventUuid}`,
  created_at: created,
  updated_at: created,
  cancel_url: `https://calendly.com/cancellations/${uuid}`,
  reschedule_url: `https://calendly.com/reschedulings/${uuid}`,
  rescheduled: false,
  old_invitee: null,
  new_invitee: null,
  questions_and_answers: [],
  text_reminder_number: null,
  tracking: { utm_campaign: null, utm_source: null, utm_medium: null, utm_content: null, utm_term: null, salesforce_uuid: null },
  no_show: null,
  reconfirmation: null,
  scheduling_method: null,
  invitee_scheduled_by: null,
});

/** Vendor OpenAPI `Cancellation`: who canceled (a name), why (nullable), host or invitee, when. */
const CARL_CANCELED = { canceled_by: 'Carl Ortiz', reason: 'Budget frozen this quarter', canceler_type: 'invitee', created_at: '2025-10-30T11:20:00.000000Z' };
const DANA_MOVED = { canceled_by: 'Dana Reyes', reason: null, canceler_type: 'invitee', created_at: '2025-10-31T15:05:00.000000Z' };

export const calendlyMock: ToolMock<State> = {
  tool: 'calendly',
  basePath: '',
  rateLimit: { requests: 500, windowMs: 60_000 },
  apiKeyOf: ({ headers }) => /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1] ?? null,
  error: (status, message) => err(status, message),
  initialState: () => ({
    user: {
      uri: USER,
      name: 'Rep One',
      slug: 'rep-one',
      email: 'rep@mock-sender.example.com',
      scheduling_url: 'https://calendly.com/rep-one',
      timezone: 'Europe/Paris',
      avatar_url: null,
      created_at: '2024-01-15T10:00:00.000000Z',
      updated_at: '2024-01-15T10:00:00.000000Z',
      current_organization: ORG,
      resource_type: 'User',
      locale: 'en',
    },
    subscriptions: new Map(),
    signingKeys: new Map(),
    events: [
      scheduled('MOCKEVENT0000001', '30 Minute Discovery Call', 'active', '2025-11-04T14:00:00.000000Z', '2025-10-28T09:12:00.000000Z'),
      scheduled('MOCKEVENT0000002', '30 Minute Discovery Call', 'active', '2025-11-06T10:30:00.000000Z', '2025-10-29T16:40:00.000000Z'),
      {
        ...scheduled('MOCKEVENT0000003', '15 Minute Intro', 'canceled', '2025-11-05T09:00:00.000000Z', '2025-10-27T08:00:00.000000Z'),
        cancellation: CARL_CANCELED,
      },
      // The cancel half of a reschedule: Dana moved her call (her new booking is not seeded).
      {
        ...scheduled('MOCKEVENT0000004', '15 Minute Intro', 'canceled', '2025-11-07T09:00:00.000000Z', '2025-10-26T08:00:00.000000Z'),
        cancellation: DANA_MOVED,
      },
    ],
    invitees: new Map([
      ['MOCKEVENT0000001', [invitee('MOCKEVENT0000001', 'MOCKINVITEE00001', 'ann@example.com', 'Ann', 'Lee', '2025-10-28T09:12:00.000000Z')]],
      ['MOCKEVENT0000002', [invitee('MOCKEVENT0000002', 'MOCKINVITEE00002', 'bob@example.com', 'Bob', 'Stone', '2025-10-29T16:40:00.000000Z')]],
      [
        'MOCKEVENT0000003',
        [
          {
            ...invitee('MOCKEVENT0000003', 'MOCKINVITEE00003', 'carl@example.com', 'Carl', 'Ortiz', '2025-10-27T08:00:00.000000Z', 'canceled'),
            cancellation: CARL_CANCELED,
            updated_at: CARL_CANCELED.created_at,
          },
        ],
      ],
      [
        'MOCKEVENT0000004',
        [
          {
            ...invitee('MOCKEVENT0000004', 'MOCKINVITEE00004', 'dana@example.com', 'Dana', 'Reyes', '2025-10-26T08:00:00.000000Z', 'canceled'),
            cancellation: DANA_MOVED,
            updated_at: DANA_MOVED.created_at,
            rescheduled: true,
            new_invitee: `${API}/scheduled_events/MOCKEVENT0000009/invitees/MOCKINVITEE00009`,
          },
        ],
      ],
    ]),
    nextId: 1,
  }),
  routes: [
    // Auth test, and the organisation every subscription / listing needs.
    { method: 'GET', path: '/users/me', handle: (_req, s) => json(200, { resource: s.user }) },

    {
      method: 'POST',
      path: '/webhook_subscriptions',
      handle: (req, s) => {
        const b = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
        if (typeof b.url !== 'string' || !/^https?:\/\/\S+$/.test(b.url)) return invalid('url', 'must be a valid URL');
        const events = Array.isArray(b.events) ? b.events : [];
        if (events.length === 0) return invalid('events', 'must contain at least one event');
        const unknown = events.find((e) => !EVENTS.includes(String(e)));
        if (unknown !== undefined) return invalid('events', `${String(unknown)} is not a valid event`);
        if (typeof b.scope !== 'string' || !SCOPES.includes(b.scope)) return invalid('scope', 'must be one of organization, user, group');
        if (typeof b.organization !== 'string' || b.organization === '') return invalid('organization', 'is required');
        if (b.organization !== s.user.current_organization) return err(403, 'You do not have permission to access this resource.');
        if (b.scope === 'user' && b.user !== s.user.uri) return invalid('user', 'is required for user scope');
        if (b.scope === 'group' && typeof b.group !== 'string') return invalid('group', 'is required for group scope');
        if ([...s.subscriptions.values()].some((h) => h.callback_url === b.url && h.organization === b.organization)) {
          return err(409, 'Hook with this url already exists');
        }
        const uuid = `MOCKHOOK${String(s.nextId++).padStart(8, '0')}`;
        const now = new Date().toISOString().replace('Z', '000Z');
        const sub: Subscription = {
          uri: `${API}/webhook_subscriptions/${uuid}`,
          callback_url: b.url,
          created_at: now,
          updated_at: now,
          retry_started_at: null,
          state: 'active',
          events: events.map(String),
          scope: b.scope,
          organization: b.organization,
          user: b.scope === 'user' ? (b.user as string) : null,
          group: b.scope === 'group' ? (b.group as string) : null,
          creator: s.user.uri,
        };
        s.subscriptions.set(uuid, sub);
        if (typeof b.signing_key === 'string') s.signingKeys.set(uuid, b.signing_key);
        return json(201, { resource: sub }, { Location: sub.uri });
      },
    },
    {
      method: 'GET',
      path: '/webhook_subscriptions',
      handle: (req, s) => {
        const organization = req.query.get('organization');
        const scope = req.query.get('scope');
        if (!organization) return invalid('organization', 'is required');
        if (!scope || !SCOPES.includes(scope)) return invalid('scope', 'is required: organization, user or group');
        const user = req.query.get('user');
        const subs = [...s.subscriptions.values()]
          .filter((h) => h.organization === organization && h.scope === scope && (!user || h.user === user))
          .sort((a, b) => (req.query.get('sort') === 'created_at:desc' ? b.created_at.localeCompare(a.created_at) : a.created_at.localeCompare(b.created_at)));
        return json(200, page(subs, req.query, '/webhook_subscriptions'));
      },
    },
    {
      method: 'DELETE',
      path: '/webhook_subscriptions/:uuid',
      handle: (req, s) => {
        const uuid = req.params.uuid as string;
        if (!s.subscriptions.delete(uuid)) return notFound();
        s.signingKeys.delete(uuid);
        return { status: 204 };
      },
    },

    // Recent bookings: ?organization|user&status&sort=start_time:desc&count.
    {
      method: 'GET',
      path: '/scheduled_events',
      handle: (req, s) => {
        const organization = req.query.get('organization');
        const user = req.query.get('user');
        if (!organization && !user) return invalid('organization', 'organization or user is required');
        if ((organization && organization !== s.user.current_organization) || (user && user !== s.user.uri)) {
          return err(403, 'You do not have permission to access this resource.');
        }
        const status = req.query.get('status');
        const desc = (req.query.get('sort') ?? 'start_time:asc') === 'start_time:desc';
        const items = s.events
          .filter((e) => !status || e.status === status)
          .sort((a, b) => (desc ? b.start_time.localeCompare(a.start_time) : a.start_time.localeCompare(b.start_time)));
        return json(200, page(items, req.query, '/scheduled_events'));
      },
    },
    // Cancel Event (POST /scheduled_events/{uuid}/cancellation {reason?}): the host cancels; the
    // event and its active invitees become `canceled` with the Cancellation, answered 201 {resource}.
    {
      method: 'POST',
      path: '/scheduled_events/:uuid/cancellation',
      handle: (req, s) => {
        const uuid = req.params.uuid as string;
        const event = s.events.find((e) => uuidOf(e.uri) === uuid);
        if (!event) return notFound();
        if (event.status === 'canceled') return invalid('uuid', 'Event is already canceled');
        const b = (req.body && typeof req.body === 'object' ? req.body : {}) as { reason?: unknown };
        if (b.reason !== undefined && (typeof b.reason !== 'string' || b.reason.length > 10_000))
          return invalid('reason', 'must be a string of at most 10000 characters');
        const now = new Date().toISOString().replace('Z', '000Z');
        const cancellation = {
          canceled_by: String(s.user.name),
          reason: typeof b.reason === 'string' ? b.reason : null,
          canceler_type: 'host',
          created_at: now,
        };
        event.status = 'canceled';
        event.cancellation = cancellation;
        event.updated_at = now;
        for (const i of s.invitees.get(uuid) ?? []) {
          if (i.status !== 'active') continue;
          i.status = 'canceled';
          i.cancellation = cancellation;
          i.updated_at = now;
        }
        return json(201, { resource: cancellation });
      },
    },
    {
      method: 'GET',
      path: '/scheduled_events/:uuid/invitees',
      handle: (req, s) => {
        const uuid = req.params.uuid as string;
        if (!s.events.some((e) => uuidOf(e.uri) === uuid)) return notFound();
        const status = req.query.get('status');
        const items = (s.invitees.get(uuid) ?? []).filter((i) => !status || i.status === status);
        return json(200, page(items, req.query, `/scheduled_events/${uuid}/invitees`));
      },
    },
  ],
};
