import { json, type MockRequest, type MockResponse, type ToolMock } from './types';

/**
 * lemlist API (`https://api.lemlist.com/api`), the endpoints the app calls (src/providers/lemlist).
 * Key: HTTP Basic, empty user name, the key as password. Limit 20 requests / 2 s per key (vendor
 * OpenAPI `info.description`). Errors are text/plain strings ("Lead not found", "Campaign not found").
 *
 * A lead lives inside campaigns: one entry (its own `lea_` id, state, isPaused) per campaign the
 * address is in, all sharing one `ctc_` contact id. `GET /leads/{email}?version=v2` answers every
 * entry of the address. `DELETE /campaigns/{c}/leads/{id}` deletes the entry only with
 * `action=remove`; without it lemlist **unsubscribes** the lead from the campaign (vendor OpenAPI:
 * "Use 'remove' to force delete. Otherwise it will just unsubscribe the lead from the campaign"),
 * and the mock records exactly that: the entry stays, in state `emailsUnsubscribed`, with an
 * `emailsUnsubscribed` activity.
 *
 * Contacts (`ctc_`) outlive their leads: removing an address from its last campaign makes
 * `GET /leads/{email}` answer 404, while `GET /contacts/{idOrEmail}` still finds the contact
 * (the vendor OpenAPI deletes contacts with their own `DELETE /contacts/{idOrEmail}`).
 */
interface Campaign {
  _id: string;
  name: string;
  status: string;
  createdAt: string;
  createdBy: string;
}
interface Entry {
  _id: string;
  email: string;
  contactId: string;
  campaignId: string;
  isPaused: boolean;
  state: string;
  status: string;
  source: string;
  updatedAt: string;
  /** The lead's fields (firstName, companyName, custom variables…), as lemlist stores them. */
  variables: Record<string, string>;
}
interface Hook {
  _id: string;
  targetUrl: string;
  type?: string;
  campaignId?: string;
  createdAt: string;
}
type Activity = Record<string, unknown> & { _id: string; type: string; createdAt: string; campaignId: string };
interface Contact {
  _id: string;
  email: string;
  createdAt: string;
}
interface State {
  team: { _id: string; name: string; userIds: string[]; createdBy: string; createdAt: string };
  campaigns: Campaign[];
  contacts: Contact[];
  entries: Entry[];
  hooks: Map<string, Hook>;
  activities: Activity[];
  nextId: number;
  lastStamp: number;
}

const TEAM_ID = 'tea_MockTeam00000001';
const USER_ID = 'usr_MockUser00000001';
const SENDER = 'rep@mock-sender.example.com';

/** The POST /hooks `type` enum of the vendor OpenAPI (omitted type = all events). */
const HOOK_TYPES = new Set(
  (
    'contacted hooked attracted warmed interested notInterested emailsSent emailsOpened emailsClicked emailsReplied emailsBounced ' +
    'emailsFailed emailsInterested emailsNotInterested emailsUnsubscribed linkedinSent linkedinOpened linkedinReplied linkedinInterested ' +
    'linkedinNotInterested linkedinSendFailed linkedinVisitDone linkedinVisitFailed linkedinFollowDone linkedinFollowFailed ' +
    'linkedinFollowSkipped linkedinInviteDone linkedinInviteFailed linkedinInviteAccepted linkedinEndorseDone linkedinEndorseFailed ' +
    'linkedinEndorseSkipped linkedinVoiceNoteDone linkedinVoiceNoteFailed linkedinLikeLastPostDone linkedinLikeLastPostNoPost ' +
    'linkedinLikeLastPostFailed linkedinWithdrawInvitationDone linkedinWithdrawInvitationFailed whatsappMessageSent ' +
    'whatsappMessageDelivered whatsappMessageOpened whatsappReplied whatsappMessageFailed smsSent smsDelivered smsReplied smsFailed ' +
    'aircallCreated aircallEnded aircallDone aircallInterested aircallNotInterested apiDone apiInterested apiNotInterested apiFailed ' +
    'manualInterested manualNotInterested paused resumed stopped campaignComplete customDomainErrors connectionIssue sendLimitReached ' +
    'lemwarmPaused annotated enrichmentDone enrichmentError callRecordingDone callTranscriptDone inboxLabelUpdated signalRegistered ' +
    'deliverabilityAlertTriggered'
  ).split(' '),
);

const text = (status: number, message: string): MockResponse => ({ status, body: message });
const id = (s: State, prefix: string) => `${prefix}_mock${String(s.nextId++).padStart(13, '0')}`;
/** Strictly increasing timestamps, so "most recently updated" is never a tie. */
const stamp = (s: State): string => {
  s.lastStamp = Math.max(Date.now(), s.lastStamp + 1);
  return new Date(s.lastStamp).toISOString();
};
const campaignOf = (s: State, cid: string | undefined) => s.campaigns.find((c) => c._id === cid);
const stringFields = (body: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}).filter(
      (kv): kv is [string, string] => typeof kv[1] === 'string',
    ),
  );

/** `GET /leads/{email}?version=v2` item (vendor OpenAPI example shape). */
const lookupItem = (s: State, e: Entry) => {
  const c = campaignOf(s, e.campaignId);
  return {
    _id: e._id,
    updatedAt: e.updatedAt,
    isPaused: e.isPaused,
    state: e.state,
    status: e.status,
    personalized: false,
    source: e.source,
    variables: { ...e.variables, email: e.email },
    contactId: e.contactId,
    enrichment: { emailStatus: 'deliverable' },
    campaign: { id: e.campaignId, name: c?.name ?? null, status: c?.status ?? null },
    sendingUser: {},
  };
};
/** `GET /contacts/{idOrEmail}` answer (vendor OpenAPI example shape). */
const contactView = (s: State, c: Contact) => {
  const entries = s.entries.filter((e) => e.contactId === c._id);
  const latest = [...entries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const vars = latest?.variables ?? {};
  return {
    _id: c._id,
    teamId: TEAM_ID,
    fullName: [vars.firstName, vars.lastName].filter(Boolean).join(' ') || null,
    email: c.email,
    fields: { ...vars, isActiveInCampaigns: entries.some((e) => !e.isPaused && e.state !== 'emailsUnsubscribed') },
    campaigns: entries.map((e) => ({
      campaignId: e.campaignId,
      campaignState: campaignOf(s, e.campaignId)?.status ?? null,
      leadState: e.state,
      leadId: e._id,
    })),
    ownerId: USER_ID,
    createdAt: c.createdAt,
    createdBy: USER_ID,
    unsubscribed: entries.some((e) => e.state === 'emailsUnsubscribed'),
  };
};

/** The flat lead object of the create / update / pause / delete answers. */
const flatLead = (s: State, e: Entry) => ({
  campaignId: e.campaignId,
  campaignName: campaignOf(s, e.campaignId)?.name,
  ...e.variables,
  email: e.email,
  _id: e._id,
  isPaused: e.isPaused,
  contactId: e.contactId,
  emailStatus: 'deliverable',
});

const activity = (s: State, type: string, e: Entry, extra: Record<string, unknown> = {}): Activity => {
  const c = campaignOf(s, e.campaignId);
  return {
    _id: id(s, 'act'),
    type,
    teamId: TEAM_ID,
    userName: 'api',
    isFirst: false,
    bot: false,
    createdAt: stamp(s),
    name: c?.name,
    leadFirstName: e.variables.firstName,
    leadLastName: e.variables.lastName,
    leadEmail: e.email,
    leadCompanyName: e.variables.companyName,
    leadId: e._id,
    contactId: e.contactId,
    campaignId: e.campaignId,
    campaignName: c?.name,
    lead: { _id: e._id, isPaused: e.isPaused, state: e.state, source: e.source, variables: { ...e.variables, email: e.email }, contactId: e.contactId },
    ...extra,
  };
};

const seedEntry = (over: Partial<Entry> & Pick<Entry, '_id' | 'email' | 'contactId' | 'campaignId' | 'state'>): Entry => ({
  isPaused: false,
  status: 'done',
  source: 'api',
  updatedAt: '2025-10-01T09:00:00.000Z',
  variables: {},
  ...over,
});

/**
 * Lifecycle seeds in "Q2 outbound" (Sequence Finished and Resume Sequence offline): a lead who went
 * through the sequence without replying (status done, last state emailsClicked), one paused mid-way
 * and one paused whose mail bounced. Bob (replied, status done) is the "must not fire" case.
 */
const LIFECYCLE_SEEDS: Entry[] = [
  seedEntry({
    _id: 'lea_MockFinn000000001',
    email: 'finished@example.com',
    contactId: 'ctc_MockFinn000000001',
    campaignId: 'cam_MockQ2Outbound0001',
    state: 'emailsClicked',
    variables: { firstName: 'Finn', lastName: 'Ished', companyName: 'Example Inc' },
  }),
  seedEntry({
    _id: 'lea_MockPaula00000001',
    email: 'paused@example.com',
    contactId: 'ctc_MockPaula00000001',
    campaignId: 'cam_MockQ2Outbound0001',
    state: 'emailsOpened',
    status: 'paused',
    isPaused: true,
    variables: { firstName: 'Paula', lastName: 'Used' },
  }),
  seedEntry({
    _id: 'lea_MockBo0000000001',
    email: 'bounced@example.com',
    contactId: 'ctc_MockBo0000000001',
    campaignId: 'cam_MockQ2Outbound0001',
    state: 'emailsBounced',
    status: 'paused',
    isPaused: true,
    variables: { firstName: 'Bo', lastName: 'Unce' },
  }),
];

export const lemlistMock: ToolMock<State> = {
  tool: 'lemlist',
  basePath: '/api',
  rateLimit: { requests: 20, windowMs: 2000 },
  apiKeyOf: ({ headers }) => {
    // `curl --user ":KEY"`: Basic, empty user name, the key as password.
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers.authorization ?? '');
    if (!m) return null;
    const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
    if (!decoded.startsWith(':')) return null;
    return decoded.slice(1) || null;
  },
  error: (status, message) => text(status, message),
  initialState: () => ({
    team: { _id: TEAM_ID, name: 'Mock Sales Team', userIds: [USER_ID], createdBy: USER_ID, createdAt: '2024-01-15T10:00:00.000Z' },
    campaigns: [
      { _id: 'cam_MockQ2Outbound0001', name: 'Q2 outbound', status: 'running', createdAt: '2025-04-01T08:00:00.000Z', createdBy: USER_ID },
      { _id: 'cam_MockWebinarFup002', name: 'Webinar follow-up', status: 'running', createdAt: '2025-06-10T08:00:00.000Z', createdBy: USER_ID },
    ],
    contacts: [
      { _id: 'ctc_MockBob0000000001', email: 'bob@example.com', createdAt: '2025-09-01T09:00:00.000Z' },
      { _id: 'ctc_MockUna0000000001', email: 'unsubscribed@example.com', createdAt: '2025-09-01T09:00:00.000Z' },
      ...LIFECYCLE_SEEDS.map((e) => ({ _id: e.contactId, email: e.email, createdAt: '2025-09-01T09:00:00.000Z' })),
    ],
    entries: [
      seedEntry({
        _id: 'lea_MockBob0000000001',
        email: 'bob@example.com',
        contactId: 'ctc_MockBob0000000001',
        campaignId: 'cam_MockQ2Outbound0001',
        state: 'emailsReplied',
        variables: { firstName: 'Bob', lastName: 'Stone', companyName: 'Stone Inc' },
      }),
      seedEntry({
        _id: 'lea_MockUna0000000001',
        email: 'unsubscribed@example.com',
        contactId: 'ctc_MockUna0000000001',
        campaignId: 'cam_MockWebinarFup002',
        state: 'emailsUnsubscribed',
        variables: { firstName: 'Una', lastName: 'Subscribed' },
      }),
      ...LIFECYCLE_SEEDS.map((e) => ({ ...e, variables: { ...e.variables } })),
    ],
    hooks: new Map(),
    activities: [
      {
        _id: 'act_MockReply00000001',
        type: 'emailsReplied',
        teamId: TEAM_ID,
        createdAt: '2025-10-01T09:00:00.000Z',
        messageId: '<reply-1@mail.example.com>',
        fromEmail: 'bob@example.com',
        sendUserEmail: SENDER,
        sendUserName: 'Rep One',
        leadEmail: 'bob@example.com',
        leadFirstName: 'Bob',
        leadLastName: 'Stone',
        leadCompanyName: 'Stone Inc',
        leadId: 'lea_MockBob0000000001',
        contactId: 'ctc_MockBob0000000001',
        campaignId: 'cam_MockQ2Outbound0001',
        campaignName: 'Q2 outbound',
        subject: 'Re: Quick question',
        message: '<div>Sounds good, call me Tuesday.</div>',
        text: 'Sounds good, call me Tuesday.',
      },
      {
        _id: 'act_MockUnsub00000001',
        type: 'emailsUnsubscribed',
        teamId: TEAM_ID,
        createdAt: '2025-09-20T09:00:00.000Z',
        leadEmail: 'unsubscribed@example.com',
        leadFirstName: 'Una',
        leadLastName: 'Subscribed',
        leadId: 'lea_MockUna0000000001',
        contactId: 'ctc_MockUna0000000001',
        campaignId: 'cam_MockWebinarFup002',
        campaignName: 'Webinar follow-up',
      },
    ],
    nextId: 1000,
    lastStamp: 0,
  }),
  routes: [
    // Auth test.
    { method: 'GET', path: '/team', handle: (_req, s) => json(200, { ...s.team, hooks: [...s.hooks.values()] }) },

    // Campaign dropdown: ?version=v2&limit&offset&sortBy=createdAt&sortOrder=desc.
    {
      method: 'GET',
      path: '/campaigns',
      handle: (req, s) => {
        const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 100) || 100));
        const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
        const desc = req.query.get('sortOrder') === 'desc';
        const status = req.query.get('status');
        const sorted = s.campaigns
          .filter((c) => !status || c.status === status)
          .sort((a, b) => (desc ? b.createdAt.localeCompare(a.createdAt) : a.createdAt.localeCompare(b.createdAt)));
        return json(
          200,
          sorted.slice(offset, offset + limit).map((c) => ({ ...c, labels: [], hasError: false, errors: [] })),
        );
      },
    },

    // Recent items for polling / performList: ?version=v2&type&campaignId&limit.
    {
      method: 'GET',
      path: '/activities',
      handle: (req, s) => {
        if (req.query.get('version') !== 'v2') return text(400, 'version=v2 is mandatory');
        const type = req.query.get('type');
        const cid = req.query.get('campaignId');
        const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 100) || 100));
        const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
        const items = s.activities
          .filter((a) => (!type || a.type === type) && (!cid || a.campaignId === cid))
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        return json(200, items.slice(offset, offset + limit));
      },
    },

    // Webhooks: body { targetUrl, type, secret }, campaignId in the query.
    {
      method: 'POST',
      path: '/hooks',
      handle: (req, s) => {
        const b = stringFields(req.body);
        if (!b.targetUrl || !/^https?:\/\//.test(b.targetUrl)) return text(400, 'targetUrl is required and must be a URL');
        if (b.type !== undefined && !HOOK_TYPES.has(b.type)) return text(400, `Invalid type ${b.type}`);
        const campaignId = req.query.get('campaignId') ?? undefined;
        if (campaignId && !campaignOf(s, campaignId)) return text(404, 'Campaign not found');
        const hook: Hook = {
          _id: id(s, 'hoo'),
          targetUrl: b.targetUrl,
          createdAt: stamp(s),
          ...(b.type ? { type: b.type } : {}),
          ...(campaignId ? { campaignId } : {}),
        };
        s.hooks.set(hook._id, hook);
        // The secret is stored, never returned (vendor OpenAPI): the answer is the documented four fields.
        return json(200, { _id: hook._id, targetUrl: hook.targetUrl, createdAt: hook.createdAt, type: hook.type });
      },
    },
    {
      method: 'DELETE',
      path: '/hooks/:id',
      handle: (req, s) => {
        const hook = s.hooks.get(req.params.id as string);
        if (!hook) return text(404, 'Webhook not found');
        s.hooks.delete(hook._id);
        return json(200, hook);
      },
    },

    // Lookup: every campaign entry of the address; 404 "Lead not found" when there is none.
    {
      method: 'GET',
      path: '/leads/:email',
      handle: (req, s) => {
        const address = (req.params.email as string).trim().toLowerCase();
        const entries = s.entries.filter((e) => e.email === address);
        return entries.length
          ? json(
              200,
              entries.map((e) => lookupItem(s, e)),
            )
          : text(404, 'Lead not found');
      },
    },

    // Contact by id (`ctc_…`) or email; it outlives the address's campaign entries.
    {
      method: 'GET',
      path: '/contacts/:idOrEmail',
      handle: (req, s) => {
        const key = (req.params.idOrEmail as string).trim();
        const contact = s.contacts.find((c) => c._id === key || c.email === key.toLowerCase());
        return contact
          ? json(200, contactView(s, contact))
          : json(404, { success: false, error: { code: 'CONTACT_NOT_FOUND', message: 'No contact found with the provided id or email' } });
      },
    },

    // Create lead in campaign (one lead per call). ?deduplicate=true refuses an address that is
    // in another campaign. The refusals' status and text are not documented: 400 text here.
    {
      method: 'POST',
      path: '/campaigns/:cid/leads/',
      handle: (req, s) => {
        const campaign = campaignOf(s, req.params.cid);
        if (!campaign) return text(404, 'Campaign not found');
        const b = stringFields(req.body);
        const address = (b.email ?? '').trim().toLowerCase();
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) return text(400, 'Invalid email');
        const mine = s.entries.filter((e) => e.email === address);
        if (mine.some((e) => e.campaignId === campaign._id)) return text(400, 'Lead already in the campaign');
        if (req.query.get('deduplicate') === 'true' && mine.length > 0) return text(400, 'Lead already exists in another campaign');
        const { email: _email, ...variables } = b;
        let contact = s.contacts.find((c) => c.email === address);
        if (!contact) {
          contact = { _id: id(s, 'ctc'), email: address, createdAt: stamp(s) };
          s.contacts.push(contact);
        }
        const entry: Entry = {
          _id: id(s, 'lea'),
          email: address,
          contactId: contact._id,
          campaignId: campaign._id,
          isPaused: false,
          state: 'scanned',
          status: 'review',
          source: 'api',
          updatedAt: stamp(s),
          variables,
        };
        s.entries.push(entry);
        return json(200, flatLead(s, entry));
      },
    },

    // Update a lead in a campaign (Create Lead on an address already in that campaign).
    {
      method: 'PATCH',
      path: '/campaigns/:cid/leads/:lid',
      handle: (req, s) => {
        const entry = s.entries.find((e) => e._id === req.params.lid && e.campaignId === req.params.cid);
        if (!entry) return text(404, 'Lead not found');
        const { email: _email, ...changes } = stringFields(req.body);
        entry.variables = { ...entry.variables, ...changes };
        entry.updatedAt = stamp(s);
        return json(200, { ...flatLead(s, entry), leadUrl: `https://api.lemlist.com/api/leads/${encodeURIComponent(entry.email)}` });
      },
    },

    // Pause: ?campaignId= pauses the lead only in that campaign.
    {
      method: 'POST',
      path: '/leads/pause/:lid',
      handle: (req, s) => {
        const cid = req.query.get('campaignId');
        const entries = s.entries.filter((e) => e._id === req.params.lid && (!cid || e.campaignId === cid));
        if (!entries.length) return text(404, 'Lead not found');
        for (const e of entries) {
          if (!e.isPaused) {
            e.isPaused = true;
            e.updatedAt = stamp(s);
            s.activities.push(activity(s, 'paused', e));
          }
        }
        return json(
          200,
          entries.map((e) => flatLead(s, e)),
        );
      },
    },

    // Resume Paused Lead: the entry `lea_…` runs again (its campaign is the entry's own).
    {
      method: 'POST',
      path: '/leads/start/:lid',
      handle: (req, s) => {
        const entries = s.entries.filter((e) => e._id === req.params.lid);
        if (!entries.length) return text(404, 'Lead not found');
        for (const e of entries) {
          if (e.isPaused) {
            e.isPaused = false;
            if (e.status === 'paused') e.status = 'review';
            e.updatedAt = stamp(s);
            s.activities.push(activity(s, 'resumed', e));
          }
        }
        return json(
          200,
          entries.map((e) => flatLead(s, e)),
        );
      },
    },

    // Export Campaign Leads (format=json): variables + lastState, status, _id; `state` filters by last state.
    {
      method: 'GET',
      path: '/campaigns/:cid/export/leads',
      handle: (req, s) => {
        if (!campaignOf(s, req.params.cid)) return text(404, 'Campaign not found');
        const wanted = (req.query.get('state') ?? 'all').split(',');
        const rows = s.entries
          .filter((e) => e.campaignId === req.params.cid)
          .filter((e) => wanted.includes('all') || wanted.includes(e.state))
          .map((e) => ({
            emailStatus: 'deliverable',
            email: e.email,
            ...e.variables,
            lastState: e.state,
            status: e.isPaused ? 'paused' : e.status,
            _id: e._id,
          }));
        if (req.query.get('format') !== 'json') {
          const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
          return {
            status: 200,
            body: [keys.join(','), ...rows.map((r) => keys.map((k) => (r as Record<string, string>)[k] ?? '').join(','))].join('\n'),
            headers: { 'content-type': 'text/csv' },
          };
        }
        return json(200, rows);
      },
    },

    // Delete (action=remove) or — without it — unsubscribe the lead from the campaign.
    {
      method: 'DELETE',
      path: '/campaigns/:cid/leads/:lid',
      handle: (req: MockRequest, s) => {
        const entry = s.entries.find((e) => e._id === req.params.lid && e.campaignId === req.params.cid);
        if (!entry) return text(404, 'Lead not found');
        if (req.query.get('action') === 'remove') {
          s.entries = s.entries.filter((e) => e !== entry);
          return json(200, flatLead(s, entry));
        }
        // No action=remove: lemlist unsubscribes the lead (the entry stays, unsubscribed).
        if (entry.state !== 'emailsUnsubscribed') {
          entry.state = 'emailsUnsubscribed';
          entry.updatedAt = stamp(s);
          s.activities.push(activity(s, 'emailsUnsubscribed', entry));
        }
        return json(200, flatLead(s, entry));
      },
    },
  ],
};
