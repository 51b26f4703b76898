import { json, type MockRequest, type MockResponse, type MockRoute, type ToolMock } from './types';

/**
 * Apollo.io API (`https://api.apollo.io/api/v1`), the endpoints the app calls, shaped after the
 * vendor OpenAPI (`/work/shared/vendor-specs/apollo.openapi.json`). Key: `x-api-key` header.
 *
 * Errors as documented: 401 text/plain ("Invalid API key…"), 403/404/422 `{error}` (403 for a key
 * without the endpoint in its scope adds `error_code: "API_INACCESSIBLE"`), 429 `{message}`.
 * The key `not-master` plays a non-master key: the sequence endpoints (add_contact_ids,
 * remove_or_stop_contact_ids, emailer_campaigns/search), email_accounts and typed_custom_fields —
 * each documented with that 403 — answer it with Apollo's verbatim API_INACCESSIBLE body; contacts and the message
 * search work with it.
 *
 * Rate limit: fixed per team, endpoint and plan; paid plans allow roughly 200 calls per minute on
 * non-enrichment endpoints (docs.apollo.io "Rate limits"). The mock enforces 200 / 60 s per key
 * across endpoints (the hourly caps, e.g. 600/h on the sequence endpoints, are not modelled).
 *
 * Apollo has no webhooks for sequence events: there are no subscribe routes; the triggers poll
 * `GET /emailer_messages/search`, which the mock filters by `emailer_message_date_range_mode` /
 * `emailer_message_date_range[min|max]` (dates, inclusive) as documented. The seeded messages are
 * dated relative to when the mock starts (one is older than the app's 7-day polling window).
 *
 * `POST /contacts` with `run_dedupe: true` matches as the vendor doc describes: by email (primary or
 * additional), else by first + last name with the same company — and then overwrites that contact
 * with the values sent, email included (the hazard the app guards against; the seeded contact
 * "Gina Larkin, Acme Corp" plays it). `PATCH /contacts/{id}` updates by id. `GET /typed_custom_fields`
 * lists the seeded custom contact fields; `typed_custom_fields` keys that are not field ids are
 * not stored and come back in `custom_field_errors`.
 */

interface CampaignStatus {
  id: string;
  emailer_campaign_id: string;
  send_email_from_email_account_id: string;
  status: string;
  added_at: string;
  finished_at: string | null;
  paused_at: string | null;
  inactive_reason: string | null;
}
interface MockContact {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string;
  title: string | null;
  organization_name: string | null;
  linkedin_url: string | null;
  sanitized_phone: string | null;
  email_unsubscribed: boolean | null;
  typed_custom_fields: Record<string, string>;
  custom_field_errors: Record<string, string> | null;
  created_at: string;
  updated_at: string;
  statuses: CampaignStatus[];
}
interface MockSequence {
  id: string;
  name: string;
  archived: boolean;
  active: boolean;
  created_at: string;
  user_id: string;
}
interface MockMessage extends Record<string, unknown> {
  id: string;
  /** Which `emailer_message_stats[]` values the message matches (delivered, bounced, unsubscribed…). */
  stats: string[];
}
interface State {
  user: { id: string; team_id: string; first_name: string; last_name: string; title: string; email: string };
  sequences: MockSequence[];
  emailAccounts: { id: string; user_id: string; email: string; type: string; active: boolean; default: boolean }[];
  contacts: Map<string, MockContact>;
  customFields: { id: string; modality: string; name: string; type: string; picklist_values?: { id: string; name: string }[] }[];
  messages: MockMessage[];
  nextId: number;
}

const NOT_MASTER = 'not-master';
const USER_ID = '66302798d03b9601c7934ebf';

/** A 24-hex id like Apollo's, from a counter. */
const hexId = (s: State) => `66e34b81740c${(s.nextId++).toString(16).padStart(12, '0')}`;
const err = (status: number, message: string): MockResponse => json(status, { error: message });
const now = () => new Date().toISOString();
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

/** A route Apollo documents as needing a master (or suitably scoped) key. */
const master = (method: string, path: string, scope: string, handle: (req: MockRequest, s: State) => MockResponse): MockRoute<State> => ({
  method,
  path,
  handle: (req, s) =>
    req.apiKey === NOT_MASTER
      ? json(403, {
          error: `This API key is not authorized to access api/v1/${scope}. Request an API key from your administrator that includes this endpoint in its configured scope.`,
          error_code: 'API_INACCESSIBLE',
        })
      : handle(req, s),
});

const contactView = (c: MockContact) => ({
  contact_roles: [],
  id: c.id,
  first_name: c.first_name,
  last_name: c.last_name,
  name: [c.first_name, c.last_name].filter(Boolean).join(' ') || null,
  linkedin_url: c.linkedin_url,
  title: c.title,
  organization_name: c.organization_name,
  owner_id: USER_ID,
  source: 'api',
  created_at: c.created_at,
  updated_at: c.updated_at,
  email: c.email,
  email_status: 'verified',
  sanitized_phone: c.sanitized_phone,
  email_unsubscribed: c.email_unsubscribed,
  typed_custom_fields: c.typed_custom_fields,
  custom_field_errors: c.custom_field_errors,
  // Sequences the contact is in (a removed membership no longer counts).
  emailer_campaign_ids: c.statuses.filter((st) => st.status !== 'removed').map((st) => st.emailer_campaign_id),
  contact_campaign_statuses: c.statuses.map((st) => ({ ...st })),
  contact_emails: [{ email: c.email, email_status: 'verified', position: 0, free_domain: false }],
});

const sequenceView = (q: MockSequence) => ({ ...q, emailer_schedule_id: '6095a711bd01d100a506d52a', max_emails_per_day: null, loaded_stats: true });

/** The fields a create / update writes (what is sent overwrites; typed_custom_fields keyed by field id). */
const writeFields = (c: MockContact, b: Record<string, unknown>, s: State): void => {
  for (const f of ['first_name', 'last_name', 'title', 'organization_name'] as const) if (typeof b[f] === 'string') c[f] = b[f] as string;
  if (typeof b.direct_phone === 'string') c.sanitized_phone = b.direct_phone;
  c.custom_field_errors = null;
  if (b.typed_custom_fields && typeof b.typed_custom_fields === 'object') {
    for (const [k, v] of Object.entries(b.typed_custom_fields as Record<string, unknown>)) {
      if (s.customFields.some((f) => f.id === k)) c.typed_custom_fields = { ...c.typed_custom_fields, [k]: String(v) };
      else c.custom_field_errors = { ...(c.custom_field_errors ?? {}), [k]: 'is not a custom field id' };
    }
  }
  c.updated_at = now();
};

/** A contact whose status in "Q2 outbound" is finished, for the given reason, at `at`. */
const finishedContact = (id: string, first: string, last: string, email: string, reason: string, at: string): MockContact => ({
  id,
  first_name: first,
  last_name: last,
  email,
  title: null,
  organization_name: 'Finch & Co',
  linkedin_url: null,
  sanitized_phone: null,
  email_unsubscribed: null,
  typed_custom_fields: {},
  custom_field_errors: null,
  created_at: '2025-01-10T10:00:00.000Z',
  updated_at: at,
  statuses: [
    {
      id: `${id.slice(0, -4)}c${id.slice(-3)}`,
      emailer_campaign_id: '66e9e215ece19801b219997f',
      send_email_from_email_account_id: '6633baaece5fbd01c791d7ca',
      status: 'finished',
      added_at: '2025-01-12T10:00:00.000Z',
      finished_at: at,
      paused_at: null,
      inactive_reason: reason,
    },
  ],
});

/** Apollo sequence endpoints take booleans in the query string as "true" / "false". */
const flag = (req: MockRequest, name: string) => req.query.get(name) === 'true';
const LIVE = ['active', 'paused'];

export const apolloMock: ToolMock<State> = {
  tool: 'apollo',
  basePath: '/api/v1',
  rateLimit: { requests: 200, windowMs: 60_000 },
  apiKeyOf: ({ headers }) => (headers['x-api-key'] ?? '').trim() || null,
  error: (status, message) => (status === 401 ? { status, body: message } : status === 429 ? json(429, { message }) : err(status, message)),
  initialState: () => ({
    user: { id: USER_ID, team_id: '6095a710bd01d100a506d4ac', first_name: 'Mock', last_name: 'Rep', title: 'SDR', email: 'rep@example.com' },
    sequences: [
      { id: '66e9e215ece19801b219997f', name: 'Q2 outbound', archived: false, active: true, created_at: '2025-09-17T20:09:57.837Z', user_id: USER_ID },
      { id: '66e9e215ece19801b2199980', name: 'Webinar follow-up', archived: false, active: true, created_at: '2025-09-18T20:09:57.837Z', user_id: USER_ID },
      { id: '66e9e215ece19801b2199981', name: 'Old nurture', archived: true, active: false, created_at: '2024-01-18T20:09:57.837Z', user_id: USER_ID },
    ],
    emailAccounts: [
      { id: '6633baaece5fbd01c791d7ca', user_id: USER_ID, email: 'rep@example.com', type: 'gmail', active: true, default: true },
      { id: '6633baaece5fbd01c791d7cb', user_id: USER_ID, email: 'old@example.com', type: 'gmail', active: false, default: false },
    ],
    contacts: new Map([
      [
        '66e34b81740c50074e3d0001',
        {
          id: '66e34b81740c50074e3d0001',
          first_name: 'Una',
          last_name: 'Subscribed',
          email: 'unsubscribed@example.com',
          title: null,
          organization_name: null,
          linkedin_url: null,
          sanitized_phone: null,
          email_unsubscribed: true,
          typed_custom_fields: {},
          custom_field_errors: null,
          created_at: '2025-02-01T10:00:00.000Z',
          updated_at: '2025-02-02T10:00:00.000Z',
          statuses: [],
        },
      ],
      [
        '66e34b81740c50074e3d0002',
        {
          id: '66e34b81740c50074e3d0002',
          first_name: 'Gina',
          last_name: 'Larkin',
          email: 'gina.larkin@acme.example',
          title: 'CFO',
          organization_name: 'Acme Corp',
          linkedin_url: null,
          sanitized_phone: null,
          email_unsubscribed: null,
          typed_custom_fields: {},
          custom_field_errors: null,
          created_at: '2024-11-05T09:00:00.000Z',
          updated_at: '2024-11-05T09:00:00.000Z',
          statuses: [],
        },
      ],
      // Sequence Finished (vendor examples of contact_campaign_statuses): Fay went through every
      // step ("Completed last step") yesterday; Rex's status is finished because he replied; Olga
      // completed a month ago (outside the 7-day window).
      ...[
        finishedContact('66e34b81740c50074e3d0f01', 'Fay', 'Finch', 'fay.finch@example.com', 'Completed last step', daysAgo(1)),
        finishedContact('66e34b81740c50074e3d0f02', 'Rex', 'Reed', 'rex.reed@example.com', 'replied', daysAgo(2)),
        finishedContact('66e34b81740c50074e3d0f03', 'Olga', 'Old', 'olga.old@example.com', 'Completed last step', daysAgo(30)),
      ].map((c): [string, MockContact] => [c.id, c]),
    ]),
    customFields: [
      { id: '60c39ed82bd02f01154c470a', modality: 'contact', name: 'New Product Launch Date', type: 'datetime' },
      {
        id: '6462b86c1a511900a3f3a30d',
        modality: 'contact',
        name: 'Lead Source',
        type: 'picklist',
        picklist_values: [
          { id: '6462b86c1a511900a3f3a30e', name: 'Organic Search' },
          { id: '6462b86c1a511900a3f3a312', name: 'Referrals' },
        ],
      },
      { id: '66f1a0c2b3d4e5f601234567', modality: 'contact', name: 'Favourite Snack', type: 'string' },
      { id: '66f1a0c2b3d4e5f601234568', modality: 'account', name: 'Industry Tier', type: 'string' },
    ],
    messages: [
      {
        id: '684b2203a2ce950021cb0001',
        stats: ['delivered', 'opened'],
        user_id: USER_ID,
        status: 'completed',
        contact_id: '66ad20ab23d5d40001c80001',
        emailer_campaign_id: '66e9e215ece19801b219997f',
        campaign_name: 'Q2 outbound',
        subject: 'Quick question',
        from_email: 'rep@example.com',
        from_name: 'Mock Rep',
        to_email: 'gina.larkin@example.com',
        to_name: 'Gina Larkin',
        provider_thread_id: 'thread-1',
        provider_message_id: '<m1@example.com>',
        completed_at: daysAgo(2),
        failed_at: null,
        due_at: daysAgo(2),
        created_at: daysAgo(2.01),
        replied: true,
        reply_class: 'willing_to_meet',
        bounce: null,
        recipients: [{ email: 'gina.larkin@example.com', raw_name: 'Gina Larkin', recipient_type_cd: 'to', contact_id: '66ad20ab23d5d40001c80001' }],
        send_from: { email: 'rep@example.com', raw_name: 'Mock Rep', recipient_type_cd: null, contact_id: null },
      },
      {
        id: '684b2203a2ce950021cb0002',
        stats: ['bounced'],
        user_id: USER_ID,
        status: 'completed',
        contact_id: '66ad20ab23d5d40001c80002',
        emailer_campaign_id: '66e9e215ece19801b2199980',
        campaign_name: 'Webinar follow-up',
        subject: 'Slides from the webinar',
        from_email: 'rep@example.com',
        from_name: 'Mock Rep',
        to_email: 'gone@example.com',
        to_name: 'Gone Person',
        provider_thread_id: 'thread-2',
        provider_message_id: '<m2@example.com>',
        completed_at: daysAgo(1),
        failed_at: null,
        due_at: daysAgo(1),
        created_at: daysAgo(1.01),
        replied: null,
        reply_class: null,
        bounce: true,
        recipients: [{ email: 'gone@example.com', raw_name: 'Gone Person', recipient_type_cd: 'to', contact_id: '66ad20ab23d5d40001c80002' }],
        send_from: { email: 'rep@example.com', raw_name: 'Mock Rep', recipient_type_cd: null, contact_id: null },
      },
      {
        // Delivered a month ago: outside the app's polling window.
        id: '684b2203a2ce950021cb0003',
        stats: ['delivered', 'opened'],
        user_id: USER_ID,
        status: 'completed',
        contact_id: '66ad20ab23d5d40001c80003',
        emailer_campaign_id: '66e9e215ece19801b219997f',
        campaign_name: 'Q2 outbound',
        subject: 'Old thread',
        from_email: 'rep@example.com',
        from_name: 'Mock Rep',
        to_email: 'old.reply@example.com',
        to_name: 'Old Reply',
        provider_thread_id: 'thread-3',
        provider_message_id: '<m3@example.com>',
        completed_at: daysAgo(30),
        failed_at: null,
        due_at: daysAgo(30),
        created_at: daysAgo(30.01),
        replied: true,
        reply_class: 'follow_up_question',
        bounce: null,
        recipients: [{ email: 'old.reply@example.com', raw_name: 'Old Reply', recipient_type_cd: 'to', contact_id: '66ad20ab23d5d40001c80003' }],
        send_from: { email: 'rep@example.com', raw_name: 'Mock Rep', recipient_type_cd: null, contact_id: null },
      },
    ],
    nextId: 0x50074e3d1000,
  }),
  routes: [
    { method: 'GET', path: '/users/api_profile', handle: (_req, s) => json(200, s.user) },
    master('GET', '/email_accounts', 'email_accounts/index', (_req, s) => json(200, { email_accounts: s.emailAccounts })),
    master('POST', '/emailer_campaigns/search', 'emailer_campaigns/search', (req, s) => {
      const b = (req.body ?? {}) as { q_name?: unknown; page?: unknown; per_page?: unknown };
      const pageNo = Math.max(1, Number(req.query.get('page') ?? b.page ?? 1) || 1);
      const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? b.per_page ?? 25) || 25));
      const q = String(req.query.get('q_name') ?? b.q_name ?? '').toLowerCase();
      const all = s.sequences.filter((x) => !q || x.name.toLowerCase().includes(q));
      return json(200, {
        pagination: { page: pageNo, per_page: perPage, total_entries: all.length, total_pages: Math.ceil(all.length / perPage) },
        breadcrumbs: [],
        emailer_campaigns: all.slice((pageNo - 1) * perPage, pageNo * perPage).map(sequenceView),
      });
    }),

    // --- recent items (polling: Apollo has no webhooks) -------------------------------------
    {
      method: 'GET',
      path: '/emailer_messages/search',
      handle: (req, s) => {
        const perPage = Number(req.query.get('per_page') ?? 25);
        if (perPage === 0) return err(422, 'An error occurred. Per page cannot be 0.');
        const pageNo = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
        if (pageNo * perPage > 50_000) return err(422, 'Invalid parameter passed in. Page * per page number is over threshold.');
        const stats = req.query.getAll('emailer_message_stats[]');
        const classes = req.query.getAll('emailer_message_reply_classes[]');
        const campaigns = req.query.getAll('emailer_campaign_ids[]');
        const mode = req.query.get('emailer_message_date_range_mode');
        const min = req.query.get('emailer_message_date_range[min]');
        const max = req.query.get('emailer_message_date_range[max]');
        if ((min || max) && mode !== 'due_at' && mode !== 'completed_at') return err(422, 'emailer_message_date_range_mode must be due_at or completed_at.');
        const day = (m: MockMessage) => String(m[mode ?? 'completed_at'] ?? '').slice(0, 10);
        const list = s.messages
          .filter((m) => !min || (day(m) !== '' && day(m) >= min))
          .filter((m) => !max || (day(m) !== '' && day(m) <= max))
          .filter((m) => !stats.length || stats.some((st) => m.stats.includes(st)))
          .filter((m) => !classes.length || classes.includes(String(m.reply_class)))
          .filter((m) => !campaigns.length || campaigns.includes(String(m.emailer_campaign_id)))
          .map(({ stats: _stats, ...m }) => m);
        return json(200, {
          breadcrumbs: [],
          emailer_messages: list.slice((pageNo - 1) * perPage, pageNo * perPage),
          emailer_steps: [],
          num_fetch_result: null,
        });
      },
    },

    // --- contacts ------------------------------------------------------------------------------
    {
      method: 'POST',
      path: '/contacts/search',
      handle: (req, s) => {
        const b = (req.body ?? {}) as { q_keywords?: unknown; page?: unknown; per_page?: unknown; sort_by_field?: unknown; sort_ascending?: unknown };
        const pageNo = Math.max(1, Number(b.page ?? 1) || 1);
        const perPage = Math.min(100, Math.max(1, Number(b.per_page ?? 25) || 25));
        const q = String(b.q_keywords ?? '')
          .trim()
          .toLowerCase();
        // q_keywords matches name, email and company.
        const all = [...s.contacts.values()].filter(
          (c) => !q || [c.email, [c.first_name, c.last_name].filter(Boolean).join(' '), c.organization_name].some((v) => (v ?? '').toLowerCase().includes(q)),
        );
        // Documented sort keys; contact_created_at / contact_updated_at are the ones the mock keeps.
        const key = ({ contact_created_at: 'created_at', contact_updated_at: 'updated_at' } as const)[String(b.sort_by_field ?? '') as 'contact_created_at'];
        if (
          b.sort_by_field !== undefined &&
          !key &&
          !['contact_last_activity_date', 'contact_email_last_opened_at', 'contact_email_last_clicked_at'].includes(String(b.sort_by_field))
        ) {
          return err(422, `sort_by_field ${String(b.sort_by_field)} is not valid`);
        }
        if (key) all.sort((x, y) => (b.sort_ascending === true ? x[key].localeCompare(y[key]) : y[key].localeCompare(x[key])));
        return json(200, {
          contacts: all.slice((pageNo - 1) * perPage, pageNo * perPage).map(contactView),
          breadcrumbs: [],
          pagination: { page: pageNo, per_page: perPage, total_entries: all.length, total_pages: Math.ceil(all.length / perPage) },
        });
      },
    },
    {
      method: 'POST',
      path: '/contacts',
      handle: (req, s) => {
        const b = (req.body ?? {}) as Record<string, unknown>;
        const email = String(b.email ?? '').trim();
        const fold = (v: unknown) =>
          String(v ?? '')
            .trim()
            .toLowerCase();
        // With run_dedupe, Apollo's match order (ids aside): email, then first + last name with the
        // same company — and the match is overwritten with what was sent, email included.
        // Without it, Apollo creates a duplicate.
        const all = [...s.contacts.values()];
        const existing =
          b.run_dedupe === true
            ? (all.find((c) => fold(c.email) === fold(email)) ??
              all.find(
                (c) =>
                  !!b.first_name &&
                  !!b.last_name &&
                  !!b.organization_name &&
                  fold(c.first_name) === fold(b.first_name) &&
                  fold(c.last_name) === fold(b.last_name) &&
                  fold(c.organization_name) === fold(b.organization_name),
              ))
            : undefined;
        const c: MockContact = existing ?? {
          id: hexId(s),
          first_name: null,
          last_name: null,
          email: email.toLowerCase(),
          title: null,
          organization_name: null,
          linkedin_url: null,
          sanitized_phone: null,
          email_unsubscribed: null,
          typed_custom_fields: {},
          custom_field_errors: null,
          created_at: now(),
          updated_at: now(),
          statuses: [],
        };
        if (email) c.email = email.toLowerCase();
        writeFields(c, b, s);
        s.contacts.set(c.id, c);
        return json(200, { contact: contactView(c) });
      },
    },
    {
      method: 'PATCH',
      path: '/contacts/:contact_id',
      handle: (req, s) => {
        const c = s.contacts.get(req.params.contact_id ?? '');
        if (!c) return err(404, 'Contact not found');
        const b = (req.body ?? {}) as Record<string, unknown>;
        if (typeof b.email === 'string' && b.email.trim()) c.email = b.email.trim().toLowerCase();
        writeFields(c, b, s);
        return json(200, { contact: contactView(c) });
      },
    },
    master('GET', '/typed_custom_fields', 'typed_custom_fields/index', (_req, s) =>
      json(200, { typed_custom_fields: s.customFields.map((f) => ({ picklist_options: [], mirrored: false, is_local: false, ...f })) }),
    ),

    // --- sequences: enroll / stop (parameters in the query string) ---------------------------
    master('POST', '/emailer_campaigns/:sequence_id/add_contact_ids', 'emailer_campaigns/add_contact_ids', (req, s) => {
      const campaignId = req.query.get('emailer_campaign_id');
      const mailboxId = req.query.get('send_email_from_email_account_id');
      if (!campaignId || !mailboxId) return err(422, 'Please specify a emailer_campaign_id and send_email_from_email_account_id.');
      const ids = req.query.getAll('contact_ids[]');
      if (!ids.length && !req.query.getAll('label_names[]').length) return err(422, 'Please specify either contact_ids or label_names.');
      const seq = s.sequences.find((q) => q.id === req.params.sequence_id && q.id === campaignId);
      if (!seq) return err(404, `Sequence ${req.params.sequence_id} not found`);
      const mailbox = s.emailAccounts.find((a) => a.id === mailboxId);
      if (!mailbox) return err(422, `Parameters misconfigured. ${mailboxId} is not a valid ID`);
      if (!mailbox.active) return err(422, `These mailboxes are no longer active. ${mailbox.email}`);
      const added: MockContact[] = [];
      const skipped: Record<string, string> = {};
      for (const id of ids) {
        const c = s.contacts.get(id);
        if (!c) {
          skipped[id] = 'contact_not_found';
          continue;
        }
        const here = c.statuses.find((st) => st.emailer_campaign_id === seq.id && st.status !== 'removed');
        const elsewhere = c.statuses.filter((st) => st.emailer_campaign_id !== seq.id);
        if (here) skipped[id] = 'contacts_already_exists_in_current_campaign';
        else if (elsewhere.some((st) => LIVE.includes(st.status)) && !flag(req, 'sequence_active_in_other_campaigns'))
          skipped[id] = 'contacts_active_in_other_campaigns';
        else if (elsewhere.some((st) => st.status === 'finished') && !flag(req, 'sequence_finished_in_other_campaigns'))
          skipped[id] = 'contacts_finished_in_other_campaigns';
        else {
          c.statuses = c.statuses.filter((st) => st.emailer_campaign_id !== seq.id);
          c.statuses.push({
            id: hexId(s),
            emailer_campaign_id: seq.id,
            send_email_from_email_account_id: mailbox.id,
            // A contact added to an inactive sequence waits, paused, as Apollo's example shows.
            status: seq.active ? 'active' : 'paused',
            added_at: now(),
            finished_at: null,
            paused_at: null,
            inactive_reason: seq.active ? null : 'Sequence inactive',
          });
          c.updated_at = now();
          added.push(c);
        }
      }
      return json(200, {
        contacts: added.map(contactView),
        skipped_contact_ids: skipped,
        emailer_campaign: sequenceView(seq),
        emailer_steps: [],
        emailer_touches: [],
      });
    }),
    master('POST', '/emailer_campaigns/remove_or_stop_contact_ids', 'emailer_campaigns/remove_or_stop_contact_ids', (req, s) => {
      const campaignIds = req.query.getAll('emailer_campaign_ids[]');
      const ids = req.query.getAll('contact_ids[]');
      const mode = req.query.get('mode');
      if (!campaignIds.length || !ids.length) return err(422, 'Please specify emailer_campaign_ids and contact_ids.');
      const next = ({ mark_as_finished: 'finished', remove: 'removed', stop: 'paused' } as Record<string, string>)[mode ?? ''];
      if (!next) return err(422, 'mode must be one of mark_as_finished, remove, stop.');
      const touched: MockContact[] = [];
      for (const id of ids) {
        const c = s.contacts.get(id);
        if (!c) continue;
        for (const st of c.statuses.filter((x) => campaignIds.includes(x.emailer_campaign_id))) {
          st.status = next;
          // Apollo's own example of a contact finished this way says "manually finished".
          if (next === 'finished') {
            st.finished_at = now();
            st.inactive_reason = 'manually finished';
          }
          if (next === 'paused') st.paused_at = now();
        }
        c.updated_at = now();
        touched.push(c);
      }
      return json(200, {
        contacts: touched.map(contactView),
        emailer_campaigns: campaignIds.map((id) => ({ id })),
        num_contacts: touched.length,
        emailer_steps: [],
      });
    }),
  ],
};
