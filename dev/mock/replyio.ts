import { json, type MockRequest, type MockResponse, type MockRoute, type ToolMock } from './types';

/**
 * Reply.io API (`https://api.reply.io`, paths `/v1/...` legacy and `/v3/...` current), the
 * endpoints the app calls. Auth is decided by path, as Reply documents it: `/v3/` takes
 * `Authorization: Bearer <key>`, the legacy `/v1` paths take `X-Api-Key: <key>`; a request with
 * the wrong header for its path is answered 401 like a missing key.
 *
 * Errors: v3 answers `application/problem+json` (`{type, title, status, code}`), 401 with an empty
 * body and `WWW-Authenticate: Bearer` (docs.reply.io "Authentication"); the legacy v1 routes answer
 * `{message}` as the legacy docs show (e.g. 404 `{message: "Person not found"}`).
 *
 * Rate limit: Reply.io documents no general throttling, only a quota of 15,000 calls per key per
 * month. The mock picks a generous 100 requests per 10 s per key, high enough never to bother a
 * normal run and low enough that a test can still see the 429 path. `GET /v1/stats/person` is
 * throttled as the legacy docs say: one request per 10 s per key (429 + Retry-After) — the app
 * keeps it off Find / Enroll / Stop and reads `GET /v3/contacts/{id}/statuses` instead.
 *
 * `POST /v1/people` requires `firstName` (400 without it).
 */

type PersonStatus = 'Active' | 'Paused' | 'Finished' | 'OutOfOffice';

interface MockPerson {
  id: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  phone: string | null;
  linkedInProfile: string | null;
  customFields: { key: string; value: string }[];
  addingDate: string;
  isOptedOut: boolean;
  isBlocked: boolean;
  /** Sequence id → the contact's status in it (Reply keeps one membership per sequence). */
  sequences: Map<number, PersonStatus>;
}

interface MockWebhook {
  id: number;
  eventType: string;
  url: string;
  scope: string;
  enabled: boolean;
  createdAt: string;
  payloadConfig: Record<string, unknown>;
}

interface State {
  /** Last `GET /v1/stats/person` per key (one request per 10 s). */
  statsAt?: Map<string, number>;
  sequences: { id: number; name: string; created: string; status: number }[];
  people: Map<string, MockPerson>;
  webhooks: Map<number, MockWebhook>;
  nextId: number;
}

/**
 * The v3 catalogue (docs.reply.io/webhook-events): no meeting event, and the opt-out event is
 * `contact_opted_out` (`meeting_booked`, `email_unsubscribed` are only on the legacy page).
 */
const EVENT_TYPES = new Set<string>([
  'email_sent',
  'email_opened',
  'email_link_clicked',
  'email_replied',
  'reply_categorized',
  'email_bounced',
  'email_auto_reply',
  'email_account_connection_lost',
  'email_account_error',
  'linkedin_connection_request_sent',
  'linkedin_connection_request_accepted',
  'linkedin_message_sent',
  'linkedin_message_replied',
  'linkedin_reply_categorized',
  'linkedin_account_alerts',
  'contact_called',
  'contact_finished',
  'contact_opted_out',
  'autopilot_stopped',
]);

const PROBLEM = { 'content-type': 'application/problem+json' };
const problem = (status: number, title: string, code?: string): MockResponse => ({
  status,
  body: { type: 'about:blank', title, status, ...(code ? { code } : {}) },
  headers: PROBLEM,
});
/** Legacy v1 error body. */
const legacy = (status: number, message: string): MockResponse => json(status, { message });

const bearerOf = (headers: Record<string, string>): string | null => {
  const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return m ? (m[1] as string) : null;
};
const xApiKeyOf = (headers: Record<string, string>): string | null => (headers['x-api-key'] ?? '').trim() || null;

/** A route that only accepts the header Reply documents for its API version. */
const route = (method: string, path: string, handle: (req: MockRequest, s: State) => MockResponse): MockRoute<State> => ({
  method,
  path,
  handle: (req, s) => {
    const v3 = path.startsWith('/v3/');
    const key = v3 ? bearerOf(req.headers) : xApiKeyOf(req.headers);
    if (!key)
      return v3
        ? { status: 401, body: '', headers: { 'WWW-Authenticate': 'Bearer' } }
        : legacy(401, 'Invalid API key: legacy endpoints take the X-Api-Key header');
    return handle(req, s);
  },
});

const norm = (email: unknown) =>
  String(email ?? '')
    .trim()
    .toLowerCase();
const personById = (s: State, id: unknown) => [...s.people.values()].find((p) => String(p.id) === String(id));
const isLive = (status: PersonStatus) => status === 'Active' || status === 'Paused' || status === 'OutOfOffice';

const personView = (p: MockPerson) => ({
  id: p.id,
  email: p.email,
  firstName: p.firstName,
  lastName: p.lastName,
  company: p.company,
  title: p.title,
  phone: p.phone,
  linkedInProfile: p.linkedInProfile,
  addingDate: p.addingDate,
  customFields: p.customFields,
});

const statsView = (s: State, p: MockPerson) => ({
  id: p.id,
  email: p.email,
  fullName: [p.firstName, p.lastName].filter(Boolean).join(' ') || null,
  isBlocked: p.isBlocked,
  isOptedOut: p.isOptedOut,
  campaigns: [...p.sequences].map(([id, personStatus]) => ({
    id,
    name: s.sequences.find((q) => q.id === id)?.name ?? null,
    status: 'Active',
    personStatus,
    inboxState: null,
    emails: [],
  })),
});

const TEXT_FIELDS = ['firstName', 'lastName', 'company', 'title', 'phone', 'linkedInProfile'] as const;

export const replyioMock: ToolMock<State> = {
  tool: 'replyio',
  basePath: '',
  rateLimit: { requests: 100, windowMs: 10_000 },
  // Either header carries the key; each route then insists on the one its API version takes.
  apiKeyOf: ({ headers }) => bearerOf(headers) ?? xApiKeyOf(headers),
  error: (status, message) => (status === 401 ? { status, body: '', headers: { 'WWW-Authenticate': 'Bearer' } } : problem(status, message)),
  initialState: () => ({
    sequences: [
      { id: 51155, name: 'Q2 outbound', created: '2026-03-02T09:00:00Z', status: 2 },
      { id: 51156, name: 'Re-engage', created: '2026-03-09T09:00:00Z', status: 2 },
    ],
    people: new Map([
      [
        'unsubscribed@example.com',
        {
          id: 17630001,
          email: 'unsubscribed@example.com',
          firstName: 'Una',
          lastName: 'Subscribed',
          company: null,
          title: null,
          phone: null,
          linkedInProfile: null,
          customFields: [],
          addingDate: '2026-01-15T10:00:00Z',
          isOptedOut: true,
          isBlocked: false,
          sequences: new Map<number, PersonStatus>(),
        },
      ],
      // Resume Sequence offline: paused in Q2 outbound; one that finished it; one paused who opted out since.
      ...(
        [
          [17630002, 'paused@example.com', 'Paula', 'Paused', false],
          [17630003, 'finished@example.com', 'Finn', 'Finished', false],
          [17630004, 'optout@example.com', 'Otto', 'Paused', true],
        ] as const
      ).map(
        ([id, email, firstName, status, isOptedOut]) =>
          [
            email,
            {
              id,
              email,
              firstName,
              lastName: 'Example',
              company: 'Example Inc',
              title: null,
              phone: null,
              linkedInProfile: null,
              customFields: [],
              addingDate: '2026-03-02T10:00:00Z',
              isOptedOut,
              isBlocked: false,
              sequences: new Map<number, PersonStatus>([[51155, status]]),
            },
          ] as [string, MockPerson],
      ),
    ]),
    webhooks: new Map(),
    nextId: 17635000,
  }),
  routes: [
    // --- auth test, dropdown -------------------------------------------------------------
    route('GET', '/v3/whoami', () => json(200, { userId: 4242, username: 'mock.user@example.com' })),
    route('GET', '/v1/campaigns', (_req, s) => json(200, s.sequences)),

    // --- webhooks (v3) ---------------------------------------------------------------------
    route('POST', '/v3/webhooks', (req, s) => {
      const b = (req.body ?? {}) as Partial<MockWebhook>;
      if (!b.eventType || !EVENT_TYPES.has(b.eventType)) return problem(400, `Unknown event type ${String(b.eventType)}`, 'webHook.invalidEventType');
      if (!b.url || !/^https?:\/\//.test(b.url)) return problem(400, 'The url must be an absolute http(s) URL', 'webHook.invalidUrl');
      const scope = b.scope ?? 'Personal';
      // The docs: scope is Personal or Team; Organization is rejected (errorCode 5).
      if (scope !== 'Personal' && scope !== 'Team') return problem(400, `Scope ${scope} is not supported (errorCode 5)`, 'webHook.invalidScope');
      const hook: MockWebhook = {
        id: s.nextId++,
        eventType: b.eventType,
        url: b.url,
        scope,
        enabled: b.enabled ?? true,
        createdAt: new Date().toISOString(),
        payloadConfig: b.payloadConfig ?? {},
      };
      s.webhooks.set(hook.id, hook);
      return json(201, hook);
    }),
    route('DELETE', '/v3/webhooks/:id', (req, s) =>
      s.webhooks.delete(Number(req.params.id)) ? { status: 204 } : problem(404, 'Not Found', 'webHook.notFound'),
    ),

    // --- contacts (v1) ---------------------------------------------------------------------
    route('GET', '/v1/people', (req, s) => {
      const p = s.people.get(norm(req.query.get('email')));
      return p ? json(200, personView(p)) : legacy(404, 'Person not found');
    }),
    route('POST', '/v1/people', (req, s) => {
      const b = (req.body ?? {}) as Record<string, unknown>;
      const email = norm(b.email);
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return legacy(400, 'Email is not valid');
      if (typeof b.firstName !== 'string' || !b.firstName.trim()) return legacy(400, 'FirstName is required');
      const existing = s.people.get(email);
      const p: MockPerson = existing ?? {
        id: s.nextId++,
        email,
        firstName: null,
        lastName: null,
        company: null,
        title: null,
        phone: null,
        linkedInProfile: null,
        customFields: [],
        addingDate: new Date().toISOString(),
        isOptedOut: false,
        isBlocked: false,
        sequences: new Map(),
      };
      for (const f of TEXT_FIELDS) if (typeof b[f] === 'string' && b[f] !== '') p[f] = b[f] as string;
      if (Array.isArray(b.customFields)) {
        for (const cf of b.customFields as { key?: unknown; value?: unknown }[]) {
          const key = String(cf.key ?? '');
          if (!key) continue;
          p.customFields = [...p.customFields.filter((c) => c.key !== key), { key, value: String(cf.value ?? '') }];
        }
      }
      s.people.set(email, p);
      return json(200, personView(p));
    }),
    route('GET', '/v1/stats/person', (req, s) => {
      const at = (s.statsAt ??= new Map());
      const last = at.get(req.apiKey);
      const now = Date.now();
      if (last !== undefined && now - last < 10_000) {
        return {
          ...legacy(429, 'Too many requests: one request per 10 seconds'),
          headers: { 'Retry-After': String(Math.ceil((10_000 - (now - last)) / 1000)) },
        };
      }
      at.set(req.apiKey, now);
      const p = s.people.get(norm(req.query.get('email')));
      return p ? json(200, statsView(s, p)) : legacy(404, 'Person not found');
    }),
    route('GET', '/v3/contacts/:id/statuses', (req, s) => {
      const p = personById(s, req.params.id);
      if (!p) return problem(404, 'Contact not found', 'contact.notFound');
      return json(200, {
        contactId: p.id,
        isOptedOut: p.isOptedOut,
        callStatus: 'none',
        meetingStatus: 'none',
        sequences: [...p.sequences].map(([id, status]) => ({
          sequenceId: id,
          sequenceName: s.sequences.find((q) => q.id === id)?.name ?? null,
          statusInSequence: status === 'OutOfOffice' ? 'outOfOffice' : status.toLowerCase(),
          emailDisposition: null,
        })),
      });
    }),

    // --- enroll (v1 batch push: counters, never an error for a skip) ------------------------
    route('POST', '/v1/Actions/pushContactsToSequence', (req, s) => {
      const b = (req.body ?? {}) as { ContactIds?: unknown[]; SequenceId?: unknown; OverwriteExisting?: unknown };
      const seq = s.sequences.find((q) => String(q.id) === String(b.SequenceId));
      if (!seq) return legacy(404, 'Sequence not found');
      if (!Array.isArray(b.ContactIds) || b.ContactIds.length === 0) return legacy(400, 'ContactIds is required');
      const result = { affectedIdList: [] as number[], skipped: 0, skippedByInvalidEmail: 0, skippedByOptedOutStatus: 0, skippedByOwner: 0 };
      for (const id of b.ContactIds) {
        const p = personById(s, id);
        if (!p) result.skipped += 1;
        else if (p.isOptedOut || p.isBlocked) result.skippedByOptedOutStatus += 1;
        else if (p.sequences.has(seq.id))
          result.skipped += 1; // one membership per sequence, whatever its status
        else {
          const others = [...p.sequences].filter(([, st]) => isLive(st));
          if (others.length && b.OverwriteExisting !== true) result.skipped += 1;
          else {
            // OverwriteExisting moves the contact: it leaves the sequences it was running in.
            for (const [other] of others) p.sequences.delete(other);
            p.sequences.set(seq.id, 'Active');
            result.affectedIdList.push(p.id);
          }
        }
      }
      return json(200, result);
    }),

    // --- stop --------------------------------------------------------------------------------
    route('POST', '/v3/sequences/:id/contacts/set-status-in-sequence', (req, s) => {
      const seq = s.sequences.find((q) => String(q.id) === req.params.id);
      if (!seq) return problem(404, 'Sequence not found', 'sequence.notFound');
      const b = (req.body ?? {}) as { contactIds?: unknown[]; statusInSequence?: unknown };
      const wanted = String(b.statusInSequence ?? '').toLowerCase();
      const to = ({ active: 'Active', paused: 'Paused', finished: 'Finished' } as Record<string, PersonStatus>)[wanted];
      if (!to) return problem(400, `Unknown statusInSequence ${String(b.statusInSequence)}`, 'contact.invalidStatus');
      if (!Array.isArray(b.contactIds) || b.contactIds.length === 0) return problem(400, 'contactIds is required', 'contact.idsRequired');
      const failures: Record<string, { code: string; message: string }> = {};
      for (const id of b.contactIds) {
        const p = personById(s, id);
        const current = p?.sequences.get(seq.id);
        if (!p || !current) failures[String(id)] = { code: 'contact.notInSequence', message: 'The contact is not in this sequence' };
        else if (to === 'Paused' && current !== 'Active' && current !== 'OutOfOffice')
          failures[String(id)] = { code: 'contact.invalidStatusTransition', message: `Only an active contact can be paused (is ${current})` };
        else if (to === 'Finished' && current === 'Finished')
          failures[String(id)] = { code: 'contact.invalidStatusTransition', message: 'The contact already finished this sequence' };
        else p.sequences.set(seq.id, to);
      }
      return json(200, failures);
    }),
    route('POST', '/v1/actions/removepersonfromcampaignbyid', (req, s) => {
      const b = (req.body ?? {}) as { campaignId?: unknown; email?: unknown };
      const p = s.people.get(norm(b.email));
      if (!p) return legacy(404, 'Person not found');
      const seq = s.sequences.find((q) => String(q.id) === String(b.campaignId));
      if (!seq) return legacy(404, 'Campaign not found');
      p.sequences.delete(seq.id);
      return { status: 200, body: '' };
    }),
    route('POST', '/v1/actions/removepersonfromallcampaigns', (req, s) => {
      const p = s.people.get(norm((req.body as { email?: unknown } | undefined)?.email));
      if (!p) return legacy(404, 'Person not found');
      p.sequences.clear();
      return { status: 200, body: '' };
    }),
  ],
};
