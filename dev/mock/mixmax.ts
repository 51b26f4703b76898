import { json, type MockResponse, type ToolMock } from './types';

/**
 * Mixmax API (`https://api.mixmax.com/v1`), the endpoints the app calls (src/providers/mixmax):
 * the auth test, the sequences dropdown, contacts (find / create), enroll and cancel. Mixmax
 * triggers come from rules the user creates in Mixmax, so there is no webhook endpoint here.
 * Key: `X-API-Token` header (or the `apiToken` query parameter, developer.mixmax.com).
 *
 * Rate limit: 120 requests per minute per user and IP, as Mixmax's help centre states it
 * (success.mixmax.com/en/articles/11643056 "Mixmax REST API": "a rate limit of 120 requests per
 * minute per user and IP address … respect the Retry-After header"). The developer reference
 * itself publishes none, and the provider README calls it unpublished.
 *
 * Error body: not documented; `{ message }` is the shape the provider's tests use (its
 * errorMessage reads `message`, then `error`).
 *
 * Enroll answers 200 with a status per recipient (`success` | `duplicated` | `unsubscribed` |
 * `error`); duplicates and unsubscribes are matched case-SENSITIVELY on the email, as Mixmax
 * documents. Mixmax says nothing about other sequences, so enrolling in a second sequence
 * succeeds. Cancel answers `{recipients: [emails exited]}` as developer.mixmax.com documents
 * (POST /sequences/:id/cancel, "Response structure"): only recipients that were still active are
 * listed, so a second cancel of the same address lists nothing.
 */
interface Contact {
  _id: string;
  email: string;
  name: string | null;
  userId: string;
  meta: Record<string, string>;
}
interface Recipient {
  email: string;
  variables: Record<string, string>;
  state: 'active' | 'cancelled' | 'completed';
  addedAt: number;
}
interface Sequence {
  _id: string;
  name: string;
  userId: string;
  createdAt: number;
  recipients: Map<string, Recipient>;
}
interface State {
  user: { _id: string; email: string; name: string };
  sequences: Sequence[];
  contacts: Contact[];
  /** Addresses that unsubscribed from this user's sequences (exact strings: case-sensitive). */
  unsubscribed: Set<string>;
  nextId: number;
}

const USER_ID = 'MockUser0000001';
const message = (status: number, text: string): MockResponse => json(status, { message: text });
const isEmail = (v: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v);
const newId = (s: State) => (0x5f0000000000 + s.nextId++).toString(16).padStart(24, '0');
const seq = (_id: string, name: string, createdAt: number): Sequence => ({ _id, name, userId: USER_ID, createdAt, recipients: new Map() });
const sequenceView = (q: Sequence) => ({ _id: q._id, name: q.name, userId: q.userId, createdAt: q.createdAt, numRecipients: q.recipients.size });
const contactView = (c: Contact) => ({ _id: c._id, email: c.email, name: c.name, userId: c.userId, meta: c.meta });

/** Mixmax pagination: `limit` (default 50, max 300) and an opaque `next` cursor (an offset here). */
const paginate = <T>(items: T[], query: URLSearchParams) => {
  const limit = Math.min(300, Math.max(1, Number(query.get('limit') ?? 50) || 50));
  const offset = Math.max(0, Number(query.get('next') ?? 0) || 0);
  const hasNext = offset + limit < items.length;
  return { results: items.slice(offset, offset + limit), next: hasNext ? String(offset + limit) : null, hasNext };
};

export const mixmaxMock: ToolMock<State> = {
  tool: 'mixmax',
  basePath: '/v1',
  rateLimit: { requests: 120, windowMs: 60_000 },
  apiKeyOf: ({ headers, query }) => headers['x-api-token'] || query.get('apiToken') || null,
  error: (status, text) => message(status, text),
  initialState: () => {
    const onboarding = seq('MockSeqOnboarding001', 'Onboarding outreach', 1_743_494_400_000);
    const followUp = seq('MockSeqWebinarFup002', 'Webinar follow-up', 1_749_542_400_000);
    // Someone who went through every stage of the onboarding sequence: adding them again is
    // "duplicated", and the recipient list says `completed`.
    onboarding.recipients.set('finished@example.com', { email: 'finished@example.com', variables: {}, state: 'completed', addedAt: 1_743_500_000_000 });
    return {
      user: { _id: USER_ID, email: 'rep@mock-sender.example.com', name: 'Rep One' },
      sequences: [onboarding, followUp],
      contacts: [{ _id: '5f00000000000000000000a1', email: 'unsubscribed@example.com', name: 'Una Subscribed', userId: USER_ID, meta: {} }],
      unsubscribed: new Set(['unsubscribed@example.com']),
      nextId: 1,
    };
  },
  routes: [
    // Auth test.
    { method: 'GET', path: '/users/me', handle: (_req, s) => json(200, s.user) },

    // Sequences dropdown: ?limit=50&next=<cursor>.
    { method: 'GET', path: '/sequences', handle: (req, s) => json(200, paginate(s.sequences.map(sequenceView), req.query)) },

    // Find: ?search=<text>&limit — matches email or name, case-insensitively.
    {
      method: 'GET',
      path: '/contacts',
      handle: (req, s) => {
        const search = (req.query.get('search') ?? '').trim().toLowerCase();
        const hits = s.contacts.filter((c) => !search || c.email.toLowerCase().includes(search) || (c.name ?? '').toLowerCase().includes(search));
        return json(200, paginate(hits.map(contactView), req.query));
      },
    },
    // Create: { email, name }. An existing address answers its contact (no duplicate is made).
    {
      method: 'POST',
      path: '/contacts',
      handle: (req, s) => {
        const b = (req.body && typeof req.body === 'object' ? req.body : {}) as { email?: unknown; name?: unknown };
        const email = typeof b.email === 'string' ? b.email.trim() : '';
        if (!isEmail(email)) return message(400, '"email" must be a valid email');
        const existing = s.contacts.find((c) => c.email.toLowerCase() === email.toLowerCase());
        if (existing) return json(200, contactView(existing));
        const contact: Contact = { _id: newId(s), email, name: typeof b.name === 'string' ? b.name : null, userId: USER_ID, meta: {} };
        s.contacts.push(contact);
        return json(200, contactView(contact));
      },
    },

    // Enroll: { recipients: [{ email, variables }], scheduledAt? } → a status per recipient.
    {
      method: 'POST',
      path: '/sequences/:id/recipients',
      handle: (req, s) => {
        const sequence = s.sequences.find((q) => q._id === req.params.id);
        if (!sequence) return message(404, 'Sequence not found');
        const b = (req.body && typeof req.body === 'object' ? req.body : {}) as { recipients?: unknown };
        if (!Array.isArray(b.recipients) || b.recipients.length === 0) return message(400, '"recipients" must contain at least 1 item');
        const results = b.recipients.map((raw) => {
          const r = (raw && typeof raw === 'object' ? raw : {}) as { email?: unknown; variables?: unknown };
          const email = typeof r.email === 'string' ? r.email.trim() : '';
          if (!isEmail(email)) return { email, status: 'error', errors: [`Invalid email address: ${email || '(empty)'}`] };
          // Case-sensitive, as Mixmax documents: "Ann@x.com" and "ann@x.com" are different here.
          if (s.unsubscribed.has(email)) return { email, status: 'unsubscribed' };
          if (sequence.recipients.has(email)) return { email, status: 'duplicated' };
          const variables = Object.fromEntries(
            Object.entries(r.variables && typeof r.variables === 'object' ? (r.variables as Record<string, unknown>) : {}).map(([k, v]) => [k, String(v)]),
          );
          sequence.recipients.set(email, { email, variables, state: 'active', addedAt: Date.now() });
          // A recipient becomes one of the user's contacts.
          if (!s.contacts.some((c) => c.email.toLowerCase() === email.toLowerCase())) {
            const name = [variables['First Name'], variables['Last Name']].filter(Boolean).join(' ') || null;
            const meta = Object.fromEntries(Object.entries(variables).filter(([k]) => ['First Name', 'Last Name', 'Company', 'Title', 'Phone'].includes(k)));
            s.contacts.push({ _id: newId(s), email, name, userId: USER_ID, meta });
          }
          return { email, status: 'success' };
        });
        return json(200, { recipients: results });
      },
    },

    // Recipients of a sequence (developer.mixmax.com GET /sequences/:id/recipients): a bare array,
    // paged by `limit` / `offset`, at most 10,000 rows; `state` is one of the documented active |
    // failed | completed. A recipient exited by cancel is listed as `completed` (the mock's
    // approximation: no further stage will be sent; Mixmax documents no other state).
    {
      method: 'GET',
      path: '/sequences/:id/recipients',
      handle: (req, s) => {
        const sequence = s.sequences.find((q) => q._id === req.params.id);
        if (!sequence) return message(404, 'Sequence not found');
        const limit = Math.min(10_000, Math.max(1, Number(req.query.get('limit') ?? 50) || 50));
        const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
        const rows = [...sequence.recipients.values()]
          .slice(0, 10_000)
          .slice(offset, offset + limit)
          .map((r) => ({
            _id: `${sequence._id}:${r.email}`,
            userId: sequence.userId,
            sequenceId: sequence._id,
            createdAt: new Date(r.addedAt).toISOString(),
            email: r.email,
            state: r.state === 'active' ? 'active' : 'completed',
          }));
        return json(200, rows);
      },
    },

    // Stop: { emails: [...] } exits the matching ACTIVE recipients (all of them without `emails`)
    // and lists them: { recipients: [emails exited] }. Matching is by exact address, as Mixmax's
    // recipient matching is case-sensitive elsewhere.
    {
      method: 'POST',
      path: '/sequences/:id/cancel',
      handle: (req, s) => {
        const sequence = s.sequences.find((q) => q._id === req.params.id);
        if (!sequence) return message(404, 'Sequence not found');
        const emails = (req.body as { emails?: unknown } | undefined)?.emails;
        if (emails !== undefined && !Array.isArray(emails)) return message(400, '"emails" must be an array');
        const targets = Array.isArray(emails) ? emails.map((e) => sequence.recipients.get(String(e))) : [...sequence.recipients.values()];
        const exited: string[] = [];
        for (const r of targets) {
          if (r?.state === 'active') {
            r.state = 'cancelled';
            exited.push(r.email);
          }
        }
        return json(200, { recipients: exited });
      },
    },
  ],
};
