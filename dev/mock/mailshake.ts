import { json, type MockRequest, type MockResponse, type ToolMock } from './types';

/**
 * Mailshake API (`https://api.mailshake.com/2017-04-01`), the endpoints the app calls
 * (src/providers/mailshake): every operation a POST with a JSON body, plus the GET of a push's
 * `resource_url`. Key: `Authorization: Basic base64("<key>:")` (the docs' `curl -u "key:"`); the
 * other documented forms, `?apiKey=` and a body field `apiKey`, are accepted too.
 *
 * Errors are `{code, error, time}` (docs "Errors"). The HTTP status per code is UNCONFIRMED; the
 * mock uses 400 missing_parameter / invalid_parameter, 401 invalid_api_key, 404 not_found /
 * missing_dependent_data, 429 limit_reached (with Retry-After).
 *
 * Recipients live inside campaigns (each campaign has its own recipient ids). `recipients/add` is
 * asynchronous: it answers `{invalidEmails, isEmpty, checkStatusID}` and `recipients/add-status`
 * reports `isFinished: false` on the first poll and `true` with the `problems` from the second on.
 * (The import itself is applied when it is accepted, so a read right after sees it.) Adding a
 * recipient to a campaign that is not paused "sends" the first campaign message at once, so
 * `activity/sent` shows it — that is the evidence the app uses for "in another campaign".
 */
interface Recipient {
  id: number;
  emailAddress: string;
  fullName: string;
  first: string;
  last: string;
  created: string;
  fields: Record<string, string>;
  paused: boolean;
}
interface Campaign {
  id: number;
  title: string;
  created: string;
  isArchived: boolean;
  isPaused: boolean;
  recipients: Map<string, Recipient>;
}
interface Sent {
  id: number;
  campaignID: number;
  email: string;
  actionDate: string;
}
interface Reply {
  id: number;
  campaignID: number;
  email: string;
  type: string;
  actionDate: string;
  subject: string;
  plainTextBody: string;
}
interface Lead {
  id: number;
  campaignID: number;
  email: string;
  created: string;
  status: string;
}
interface Import {
  polls: number;
  problems: { unsubscribedEmails: string[]; alreadyInCampaignEmails: string[]; passedAccountLimitEmails: string[] };
}
interface State {
  user: {
    object: 'user';
    id: number;
    teamID: number;
    teamName: string;
    isTeamAdmin: boolean;
    isDisabled: boolean;
    emailAddress: string;
    fullName: string;
    first: string;
    last: string;
    teamBlockedDate: null;
  };
  campaigns: Campaign[];
  /** The team's unsubscribe list. */
  unsubscribed: Set<string>;
  sent: Sent[];
  replies: Reply[];
  leads: Lead[];
  pushes: Map<string, { event: string; filter: Record<string, unknown> | null }>;
  imports: Map<number, Import>;
  nextId: number;
}

/** Documented: a campaign holds at most 5,000 recipients. */
const CAMPAIGN_CAPACITY = 5000;
const PUSH_EVENTS = ['Clicked', 'Opened', 'Replied', 'MessageSent', 'LeadCreated', 'LeadStatusChanged'];
const CODE_FOR_STATUS: Record<number, string> = {
  400: 'invalid_parameter',
  401: 'invalid_api_key',
  403: 'not_authorized',
  404: 'not_found',
  429: 'limit_reached',
};

const msError = (status: number, code: string, error: string): MockResponse => json(status, { code, error, time: new Date().toISOString() });
const missing = (name: string) => msError(400, 'missing_parameter', `Missing required parameter: ${name}`);
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const validEmail = (e: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e);
const params = (req: MockRequest): Record<string, unknown> =>
  req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};

const campaignRef = (c: Campaign | undefined, id: number) => ({ object: 'campaign', id, title: c?.title ?? '', created: c?.created ?? '' });
const recipientModel = (r: Recipient) => ({
  object: 'recipient',
  id: r.id,
  emailAddress: r.emailAddress,
  fullName: r.fullName,
  first: r.first,
  last: r.last,
  created: r.created,
  fields: r.fields,
});
/** The recipient of `email` in a campaign, or a bare one when the record is gone. */
const recipientIn = (s: State, campaignID: number, email: string) => {
  const r = s.campaigns.find((c) => c.id === campaignID)?.recipients.get(email);
  return r ? recipientModel(r) : { object: 'recipient', id: null, emailAddress: email, fullName: '', first: '', last: '', fields: {} };
};
const replyModel = (s: State, r: Reply) => ({
  object: 'reply',
  id: r.id,
  actionDate: r.actionDate,
  recipient: recipientIn(s, r.campaignID, r.email),
  campaign: campaignRef(
    s.campaigns.find((c) => c.id === r.campaignID),
    r.campaignID,
  ),
  type: r.type,
  parent: { object: 'sent-message', id: 1, type: 'campaign-message', message: { object: 'message', id: 1, type: 'initial' } },
  subject: r.subject,
  externalID: `ext-${r.id}`,
  externalRawMessageID: `<reply-${r.id}@mail.example.com>`,
  externalConversationID: `conv-${r.id}`,
  rawBody: `<div>${r.plainTextBody}</div>`,
  body: `<div>${r.plainTextBody}</div>`,
  plainTextBody: r.plainTextBody,
});
const leadModel = (s: State, l: Lead) => ({
  object: 'lead',
  id: l.id,
  created: l.created,
  openedDate: l.created,
  lastStatusChangeDate: null,
  recipient: recipientIn(s, l.campaignID, l.email),
  campaign: campaignRef(
    s.campaigns.find((c) => c.id === l.campaignID),
    l.campaignID,
  ),
  status: l.status,
  assignedTo: null,
});
const sentModel = (s: State, m: Sent) => ({
  object: 'sent-message',
  id: m.id,
  actionDate: m.actionDate,
  recipient: recipientIn(s, m.campaignID, m.email),
  campaign: campaignRef(
    s.campaigns.find((c) => c.id === m.campaignID),
    m.campaignID,
  ),
  type: 'campaign-message',
  message: { object: 'message', id: 1, type: 'initial' },
  subject: 'Quick question',
});

/** `{results, nextToken}`: the token is the offset of the next page (opaque to callers). */
const page = <T>(items: T[], p: Record<string, unknown>) => {
  const perPage = Math.min(100, Math.max(1, Number(p.perPage ?? 100) || 100));
  const start = Math.max(0, Number(text(p.nextToken)) || 0);
  const results = items.slice(start, start + perPage);
  return { results, nextToken: start + perPage < items.length ? String(start + perPage) : null };
};

/** The campaign named by `campaignID`, or the error Mailshake gives. */
const campaignOf = (s: State, p: Record<string, unknown>): Campaign | MockResponse => {
  if (p.campaignID === undefined || p.campaignID === null || p.campaignID === '') return missing('campaignID');
  const c = s.campaigns.find((x) => String(x.id) === text(p.campaignID));
  return c ?? msError(404, 'missing_dependent_data', `No campaign with ID ${text(p.campaignID)}`);
};

/** `recipients/pause` and `recipients/unpause`: set the flag and answer the recipient (idempotent); not_found when not in that campaign. */
const setPaused = (req: MockRequest, s: State, paused: boolean): MockResponse => {
  const p = params(req);
  const campaign = campaignOf(s, p);
  if (isResponse(campaign)) return campaign;
  if (!p.emailAddress) return missing('emailAddress');
  const r = campaign.recipients.get(text(p.emailAddress).trim().toLowerCase());
  if (!r) return msError(404, 'not_found', 'Recipient not found');
  r.paused = paused;
  return json(200, recipientModel(r));
};
const isResponse = (x: unknown): x is MockResponse => !!x && typeof x === 'object' && 'status' in x && typeof (x as MockResponse).status === 'number';

const splitName = (full: string) => {
  const [first = '', ...rest] = full.trim().split(/\s+/);
  return { first, last: rest.join(' ') };
};

const seedRecipient = (id: number, email: string, fullName: string, created: string): Recipient => ({
  id,
  emailAddress: email,
  fullName,
  ...splitName(fullName),
  created,
  fields: {},
  paused: false,
});

export const mailshakeMock: ToolMock<State> = {
  tool: 'mailshake',
  basePath: '/2017-04-01',
  // Mailshake's limit is a budget of quota units per HOUR (docs "Limits": the example is 300; most
  // calls cost 1 unit, recipients/add 10 + 1 per recipient, recipients/pause 5). The mock counts
  // requests, not units, per minute: 30 requests / 60 s — a tenth of the example's hourly budget,
  // so a burst a little larger than a few full action sequences (an enroll is 4–5 calls) is
  // refused, as a drained quota would be. Refusals are 429 limit_reached with Retry-After.
  rateLimit: { requests: 30, windowMs: 60_000 },
  apiKeyOf: ({ query, headers, body }) => {
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(headers.authorization ?? '');
    if (basic) {
      // `key:` (the docs' form) or the bare key (what the official SDK encodes).
      const user = Buffer.from(basic[1] as string, 'base64')
        .toString('utf8')
        .split(':')[0]
        ?.trim();
      return user || null;
    }
    const fromQuery = query.get('apiKey')?.trim();
    if (fromQuery) return fromQuery;
    const fromBody = body && typeof body === 'object' ? text((body as { apiKey?: unknown }).apiKey).trim() : '';
    return fromBody || null;
  },
  error: (status, message) => msError(status, CODE_FOR_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'invalid_parameter'), message),
  initialState: () => {
    const q2: Campaign = { id: 11, title: 'Q2 outbound', created: '2025-02-01T10:00:00.000Z', isArchived: false, isPaused: false, recipients: new Map() };
    const webinar: Campaign = {
      id: 12,
      title: 'Webinar follow-up',
      created: '2025-02-15T10:00:00.000Z',
      isArchived: false,
      isPaused: false,
      recipients: new Map(),
    };
    const old: Campaign = { id: 10, title: 'Holiday promo', created: '2024-11-01T10:00:00.000Z', isArchived: false, isPaused: true, recipients: new Map() };
    q2.recipients.set('rita@replied.example.com', seedRecipient(401, 'rita@replied.example.com', 'Rita Replied', '2025-03-01T09:00:00.000Z'));
    // Resume Sequence offline: paused in Q2 outbound; paused after a bounce; paused after unsubscribing.
    for (const [id, email, name] of [
      [402, 'paused@example.com', 'Paula Used'],
      [403, 'bounced@example.com', 'Bo Unce'],
      [404, 'optout@example.com', 'Otto Out'],
    ] as const)
      q2.recipients.set(email, { ...seedRecipient(id, email, name, '2025-03-01T09:00:00.000Z'), paused: true });
    return {
      user: {
        object: 'user',
        id: 1,
        teamID: 1,
        teamName: 'Seller Team',
        isTeamAdmin: true,
        isDisabled: false,
        emailAddress: 'sam@seller.example.com',
        fullName: 'Sam Seller',
        first: 'Sam',
        last: 'Seller',
        teamBlockedDate: null,
      },
      campaigns: [q2, webinar, old],
      // On the team's unsubscribe list (unsubscribed by hand: no campaign emailed it).
      unsubscribed: new Set(['unsubscribed@example.com', 'optout@example.com']),
      sent: [{ id: 701, campaignID: 11, email: 'rita@replied.example.com', actionDate: '2025-03-01T09:00:00.000Z' }],
      replies: [
        {
          id: 801,
          campaignID: 11,
          email: 'rita@replied.example.com',
          type: 'reply',
          actionDate: '2025-03-02T14:30:00.000Z',
          subject: 'Re: Quick question',
          plainTextBody: 'Sounds good, call me Tuesday.',
        },
        {
          id: 802,
          campaignID: 11,
          email: 'bounced@example.com',
          type: 'bounce',
          actionDate: '2025-03-03T09:00:00.000Z',
          subject: 'Undeliverable: Quick question',
          plainTextBody: '550 5.1.1 User unknown',
        },
        {
          id: 803,
          campaignID: 11,
          email: 'optout@example.com',
          type: 'unsubscribe',
          actionDate: '2025-03-03T10:00:00.000Z',
          subject: 'Unsubscribe',
          plainTextBody: '',
        },
      ],
      leads: [{ id: 901, campaignID: 11, email: 'rita@replied.example.com', created: '2025-03-02T14:31:00.000Z', status: 'open' }],
      pushes: new Map(),
      imports: new Map(),
      nextId: 5000,
    };
  },
  routes: [
    { method: 'POST', path: '/me', handle: (_req, s) => json(200, { user: s.user }) },
    {
      method: 'POST',
      path: '/campaigns/list',
      handle: (req, s) => {
        const p = params(req);
        const search = text(p.search).toLowerCase();
        const list = s.campaigns.filter((c) => !search || c.title.toLowerCase().includes(search));
        const { results, nextToken } = page(list, p);
        return json(200, {
          nextToken,
          results: results.map((c) => ({ object: 'campaign', id: c.id, title: c.title, created: c.created, isArchived: c.isArchived, isPaused: c.isPaused })),
        });
      },
    },
    {
      method: 'POST',
      path: '/recipients/add',
      handle: (req, s) => {
        const p = params(req);
        const campaign = campaignOf(s, p);
        if (isResponse(campaign)) return campaign;
        if (!Array.isArray(p.addresses) || p.addresses.length === 0) return missing('addresses');
        const invalidEmails: string[] = [];
        const problems: Import['problems'] = { unsubscribedEmails: [], alreadyInCampaignEmails: [], passedAccountLimitEmails: [] };
        let valid = 0;
        for (const raw of p.addresses as Record<string, unknown>[]) {
          const given = text(raw?.emailAddress).trim();
          const email = given.toLowerCase();
          if (!validEmail(email)) {
            invalidEmails.push(given);
            continue;
          }
          valid += 1;
          // Unsubscribed and already-present addresses are ignored (docs "Add").
          if (s.unsubscribed.has(email)) problems.unsubscribedEmails.push(email);
          else if (campaign.recipients.has(email)) problems.alreadyInCampaignEmails.push(email);
          else if (campaign.recipients.size >= CAMPAIGN_CAPACITY) problems.passedAccountLimitEmails.push(email);
          else {
            const fullName = text(raw.fullName).trim();
            const fields =
              raw.fields && typeof raw.fields === 'object'
                ? Object.fromEntries(Object.entries(raw.fields as Record<string, unknown>).map(([k, v]) => [k, text(v)]))
                : {};
            const now = new Date().toISOString();
            campaign.recipients.set(email, { id: s.nextId++, emailAddress: email, fullName, ...splitName(fullName), created: now, fields, paused: false });
            if (!campaign.isPaused) s.sent.push({ id: s.nextId++, campaignID: campaign.id, email, actionDate: now });
          }
        }
        const checkStatusID = s.nextId++;
        s.imports.set(checkStatusID, { polls: 0, problems });
        return json(200, { invalidEmails, isEmpty: valid === 0, checkStatusID });
      },
    },
    {
      method: 'POST',
      path: '/recipients/add-status',
      handle: (req, s) => {
        const p = params(req);
        if (p.statusID === undefined || p.statusID === '') return missing('statusID');
        const job = s.imports.get(Number(p.statusID));
        if (!job) return msError(404, 'not_found', `No import with status ID ${text(p.statusID)}`);
        job.polls += 1;
        if (job.polls < 2)
          return json(200, {
            isFinished: false,
            problems: { unsubscribedEmails: [], alreadyInCampaignEmails: [], passedAccountLimitEmails: [], hasProblems: false },
          });
        const { problems } = job;
        const hasProblems = problems.unsubscribedEmails.length + problems.alreadyInCampaignEmails.length + problems.passedAccountLimitEmails.length > 0;
        return json(200, { isFinished: true, problems: { ...problems, hasProblems } });
      },
    },
    {
      method: 'POST',
      path: '/recipients/get',
      handle: (req, s) => {
        const p = params(req);
        if (p.recipientID !== undefined && p.recipientID !== '') {
          for (const c of s.campaigns) for (const r of c.recipients.values()) if (String(r.id) === text(p.recipientID)) return json(200, recipientModel(r));
          return msError(404, 'not_found', 'Recipient not found');
        }
        if (!p.emailAddress) return missing('emailAddress');
        const campaign = campaignOf(s, p);
        if (isResponse(campaign)) return campaign;
        const r = campaign.recipients.get(text(p.emailAddress).trim().toLowerCase());
        return r ? json(200, recipientModel(r)) : msError(404, 'not_found', 'Recipient not found');
      },
    },
    {
      // Filter actions modelled: paused, wasSent, replied (others match nobody here), negateAction.
      method: 'POST',
      path: '/recipients/list',
      handle: (req, s) => {
        const p = params(req);
        const campaign = campaignOf(s, p);
        if (isResponse(campaign)) return campaign;
        const search = text(p.search).trim().toLowerCase();
        const filter = (p.filter && typeof p.filter === 'object' ? p.filter : {}) as { action?: unknown; negateAction?: unknown };
        const action = text(filter.action);
        if (filter.action !== undefined && !['opened', 'clicked', 'replied', 'wasSent', 'bounced', 'paused', 'hasProblems'].includes(action)) {
          return msError(400, 'invalid_parameter', `Unknown filter action: ${action}`);
        }
        const has = (r: Recipient): boolean => {
          if (action === 'paused') return r.paused;
          if (action === 'wasSent') return s.sent.some((m) => m.campaignID === campaign.id && m.email === r.emailAddress);
          if (action === 'replied') return s.replies.some((m) => m.campaignID === campaign.id && m.email === r.emailAddress && m.type === 'reply');
          return false;
        };
        const list = [...campaign.recipients.values()]
          .filter((r) => !search || r.emailAddress.includes(search) || r.fullName.toLowerCase().includes(search))
          .filter((r) => !action || has(r) !== (filter.negateAction === true));
        const { results, nextToken } = page(list, p);
        return json(200, { nextToken, results: results.map(recipientModel) });
      },
    },
    {
      // Pausing a paused recipient answers the recipient again (idempotent).
      method: 'POST',
      path: '/recipients/pause',
      handle: (req, s) => setPaused(req, s, true),
    },
    {
      // Docs "Recipients > Unpause": resumes sending; not_found when not in that campaign.
      method: 'POST',
      path: '/recipients/unpause',
      handle: (req, s) => setPaused(req, s, false),
    },
    {
      method: 'POST',
      path: '/activity/sent',
      handle: (req, s) => {
        const p = params(req);
        const email = text(p.recipientEmailAddress).trim().toLowerCase();
        const list = s.sent
          .filter((m) => !email || m.email === email)
          .filter((m) => p.campaignID === undefined || String(m.campaignID) === text(p.campaignID))
          .sort((a, b) => b.actionDate.localeCompare(a.actionDate));
        const { results, nextToken } = page(list, p);
        return json(200, { nextToken, results: results.map((m) => sentModel(s, m)) });
      },
    },
    {
      method: 'POST',
      path: '/activity/replies',
      handle: (req, s) => {
        const p = params(req);
        const who = text(p.recipientEmailAddress).trim().toLowerCase();
        const list = s.replies
          .filter((r) => !who || (validEmail(who) ? r.email === who : r.email.includes(who)))
          .filter((r) => !p.replyType || r.type === text(p.replyType))
          .filter((r) => p.campaignID === undefined || String(r.campaignID) === text(p.campaignID))
          .sort((a, b) => b.actionDate.localeCompare(a.actionDate));
        const { results, nextToken } = page(list, p);
        return json(200, { nextToken, results: results.map((r) => replyModel(s, r)) });
      },
    },
    {
      method: 'POST',
      path: '/activity/created-leads',
      handle: (req, s) => {
        const p = params(req);
        const list = s.leads
          .filter((l) => p.campaignID === undefined || String(l.campaignID) === text(p.campaignID))
          .sort((a, b) => b.created.localeCompare(a.created));
        const { results, nextToken } = page(list, p);
        return json(200, { nextToken, results: results.map((l) => leadModel(s, l)) });
      },
    },
    // A push's `resource_url`, fetched with GET. Its path format is UNCONFIRMED; these follow the
    // form the app's fixtures use (`activity/replies?replyID=`, `activity/created-leads?leadID=`),
    // plus the documented read `leads/get {leadID}` (docs "Leads > Get"): the app fetches any read.
    {
      method: 'GET',
      path: '/activity/replies',
      handle: (req, s) => {
        const r = s.replies.find((x) => String(x.id) === req.query.get('replyID'));
        return r ? json(200, replyModel(s, r)) : msError(404, 'not_found', 'Reply not found');
      },
    },
    {
      method: 'GET',
      path: '/activity/created-leads',
      handle: (req, s) => {
        const l = s.leads.find((x) => String(x.id) === req.query.get('leadID'));
        return l ? json(200, leadModel(s, l)) : msError(404, 'not_found', 'Lead not found');
      },
    },
    {
      method: 'GET',
      path: '/leads/get',
      handle: (req, s) => {
        const l = s.leads.find((x) => String(x.id) === req.query.get('leadID'));
        return l ? json(200, leadModel(s, l)) : msError(404, 'not_found', 'Lead not found');
      },
    },
    {
      // `targetUrl` must be unique per subscription (docs "Pushes").
      method: 'POST',
      path: '/push/create',
      handle: (req, s) => {
        const p = params(req);
        const targetUrl = text(p.targetUrl).trim();
        if (!targetUrl) return missing('targetUrl');
        if (!p.event) return missing('event');
        if (!PUSH_EVENTS.includes(text(p.event))) return msError(400, 'invalid_parameter', `Unknown event: ${text(p.event)}`);
        if (!/^https?:\/\/\S+$/.test(targetUrl)) return msError(400, 'invalid_parameter', 'targetUrl must be an absolute http(s) url');
        if (s.pushes.has(targetUrl)) return msError(400, 'invalid_parameter', 'targetUrl must be unique for every subscription');
        s.pushes.set(targetUrl, { event: text(p.event), filter: p.filter && typeof p.filter === 'object' ? (p.filter as Record<string, unknown>) : null });
        return json(200, {});
      },
    },
    {
      method: 'POST',
      path: '/push/delete',
      handle: (req, s) => {
        const targetUrl = text(params(req).targetUrl).trim();
        if (!targetUrl) return missing('targetUrl');
        return s.pushes.delete(targetUrl) ? json(200, {}) : msError(404, 'not_found', 'No push subscription has this targetUrl');
      },
    },
  ],
};
