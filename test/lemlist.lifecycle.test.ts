import nock from 'nock';
import { ActionOutcome } from '../src/model/lead';
import { appTester, authFor, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { specViolations, type RecordedRequest } from './support/contract';
import { useMockApi } from './support/mockApi';

/**
 * lemlist's lead lifecycle (issue 10): Resume Sequence (`POST /leads/start/{leadId}`, "Resume
 * Paused Lead") and Sequence Finished (polling "Export Campaign Leads" as JSON: status `done`
 * without a reply, bounce or unsubscribe as last state). Through the real app; every request
 * pinned with nock (Basic auth with an empty user) and validated against lemlist's OpenAPI spec.
 */
const ORIGIN = 'https://api.lemlist.com';
const KEY = 'test-lemlist-key';
const BASIC = `Basic ${Buffer.from(`:${KEY}`).toString('base64')}`;
const TEXT = { 'content-type': 'text/plain' };

let sent: RecordedRequest[] = [];
const api = () => {
  const scope = nock(ORIGIN, { reqheaders: { authorization: BASIC } });
  scope.on('request', (req: { method: string; path: string; headers: Record<string, string> }, _i: unknown, body: string) => {
    sent.push({ method: req.method, path: req.path.replace(/^\/api/, ''), headers: req.headers, body: body ? JSON.parse(body) : undefined });
  });
  return scope;
};
const expectSpecValid = async () => {
  expect(sent.length).toBeGreaterThan(0);
  for (const req of sent) {
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('lemlist', req) }).toEqual({
      req: `${req.method} ${req.path}`,
      violations: [],
    });
  }
};

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(() => nock.cleanAll());

// GET /leads/{email}?version=v2 entries, shaped like the vendor example (one per campaign).
const entry = (over: Record<string, unknown> = {}) => ({
  _id: 'lea_fiDpiGV585wy3Oii2',
  updatedAt: '2025-10-28T00:40:39.230Z',
  isPaused: true,
  state: 'emailsOpened',
  status: 'paused',
  source: 'api',
  variables: { firstName: 'John', lastName: 'Doe', email: 'support@lemlist.com' },
  contactId: 'ctc_xW8Ou6C03Csv8vatp',
  campaign: { id: 'cam_bSn8EORHQxbWPjHvu', name: 'NEW TO DELETE', status: 'running' },
  ...over,
});
const other = (over: Record<string, unknown> = {}) =>
  entry({
    _id: 'lea_other0000000000001',
    updatedAt: '2025-09-01T00:00:00.000Z',
    campaign: { id: 'cam_other', name: 'Older campaign', status: 'running' },
    ...over,
  });
const lookup = (entries: unknown[]) => api().get('/api/leads/support%40lemlist.com').query({ version: 'v2' }).reply(200, entries);
const start = (leadId: string) =>
  api()
    .post(`/api/leads/start/${leadId}`)
    .reply(200, [{ email: 'support@lemlist.com', _id: leadId, isPaused: false, campaignId: 'cam_bSn8EORHQxbWPjHvu', contactId: 'ctc_xW8Ou6C03Csv8vatp' }]);
const resume = (inputData: Record<string, unknown>) =>
  appTester(op('creates', 'resume_sequence').perform, { authData: authFor('lemlist'), inputData } as never);

describe('lemlist Resume Sequence', () => {
  it('resumes the paused entry of the campaign: one lookup, one POST /leads/start/{leadId} (no body, no campaignId)', async () => {
    lookup([entry(), other({ isPaused: false, state: 'emailsSent', status: 'review' })]);
    start('lea_fiDpiGV585wy3Oii2');
    const out = ActionOutcome.parse(await resume({ email: 'Support@lemlist.com', campaign_id: 'cam_bSn8EORHQxbWPjHvu' }));
    expect(out).toMatchObject({
      outcome: 'resumed',
      campaign: { id: 'cam_bSn8EORHQxbWPjHvu', name: 'NEW TO DELETE' },
      affected_campaigns: [{ id: 'cam_bSn8EORHQxbWPjHvu', status: 'emailsOpened' }],
      detail: 'Resumed support@lemlist.com in lemlist campaign(s) "NEW TO DELETE" (cam_bSn8EORHQxbWPjHvu).',
    });
    expect(sent.find((r) => r.method === 'POST')?.body).toBeUndefined();
    expectAllCalled();
    await expectSpecValid();
  });

  it('without a campaign: every paused entry is resumed; a running one is left alone', async () => {
    lookup([entry(), other({ isPaused: true })]);
    start('lea_fiDpiGV585wy3Oii2');
    start('lea_other0000000000001');
    expect(await resume({ email: 'support@lemlist.com' })).toMatchObject({
      outcome: 'resumed',
      campaign: null,
      affected_campaigns: [{ id: 'cam_bSn8EORHQxbWPjHvu' }, { id: 'cam_other' }],
    });
    expectAllCalled();
  });

  it('already_running when no entry in scope is paused; no call', async () => {
    lookup([entry({ isPaused: false, status: 'review', state: 'emailsSent' })]);
    expect(await resume({ email: 'support@lemlist.com' })).toMatchObject({ outcome: 'already_running' });
    expectAllCalled();
  });

  it('not_paused for a finished entry (status done) and for a paused entry whose mail bounced: never started again', async () => {
    lookup([entry({ isPaused: false, status: 'done', state: 'emailsClicked' }), other({ isPaused: true, state: 'emailsBounced' })]);
    expect(await resume({ email: 'support@lemlist.com' })).toMatchObject({
      outcome: 'not_paused',
      affected_campaigns: [
        { id: 'cam_bSn8EORHQxbWPjHvu', status: 'done' },
        { id: 'cam_other', status: 'paused' },
      ],
    });
    expectAllCalled();
  });

  it('an address unsubscribed in any campaign is never resumed (skipped_unsubscribed, no start call)', async () => {
    lookup([entry(), other({ isPaused: false, state: 'emailsUnsubscribed', status: 'unsubscribed' })]);
    expect(await resume({ email: 'support@lemlist.com', campaign_id: 'cam_bSn8EORHQxbWPjHvu' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expectAllCalled();
  });

  it('not_paused when the lead is not in the chosen campaign', async () => {
    lookup([entry()]);
    expect(await resume({ email: 'support@lemlist.com', campaign_id: 'cam_none' })).toMatchObject({
      outcome: 'not_paused',
      detail: 'support@lemlist.com is not in lemlist campaign cam_none; nothing to resume.',
    });
    expectAllCalled();
  });

  it('not_found only when lemlist knows neither a lead nor a contact', async () => {
    api().get('/api/leads/support%40lemlist.com').query({ version: 'v2' }).reply(404, 'Lead not found', TEXT);
    api().get('/api/contacts/support%40lemlist.com').reply(404, 'Contact not found', TEXT);
    expect(await resume({ email: 'support@lemlist.com' })).toMatchObject({ outcome: 'not_found', lead: null });
    expectAllCalled();
  });

  it('a known contact with no lead entry left (removed from its campaigns) is not_paused; nothing started', async () => {
    api().get('/api/leads/support%40lemlist.com').query({ version: 'v2' }).reply(404, 'Lead not found', TEXT);
    api()
      .get('/api/contacts/support%40lemlist.com')
      .reply(200, { _id: 'ctc_xW8Ou6C03Csv8vatp', email: 'support@lemlist.com', fields: { firstName: 'John' }, campaigns: [], unsubscribed: false });
    expect(await resume({ email: 'support@lemlist.com' })).toMatchObject({
      outcome: 'not_paused',
      detail: expect.stringMatching(/no longer a lead in any campaign/),
    });
    expectAllCalled();
  });

  it('an entry gone between the lookup and the start (404 "Lead not found") is not_paused, not an error', async () => {
    lookup([entry()]);
    api().post('/api/leads/start/lea_fiDpiGV585wy3Oii2').reply(404, 'Lead not found', TEXT);
    expect(await resume({ email: 'support@lemlist.com' })).toMatchObject({ outcome: 'not_paused', affected_campaigns: [{ status: 'removed' }] });
  });
});

// The vendor's own export example (GET /campaigns/{id}/export/leads, text/csv example) as JSON rows.
const EXPORT = [
  {
    emailStatus: '',
    email: 'jeremy@example.com',
    firstName: 'Jeremy',
    lastName: 'Smith',
    linkedinUrl: 'https://www.linkedin.com/in/jeremysmith',
    companyName: 'example.com',
    lastState: 'linkedinReplied',
    status: 'done',
    _id: 'lea_s2cXajAHahdDKmDw8',
  },
  {
    emailStatus: '',
    email: 'louiza@example.io',
    firstName: 'Louiza',
    lastName: 'Brown',
    lastState: 'emailsInterested',
    status: 'interested',
    _id: 'lea_tLAI7Fr2gR5hVxAIc',
  },
  {
    emailStatus: '',
    email: 'benjamin@example.co',
    firstName: 'Benjamin',
    lastName: 'Williams',
    lastState: 'emailsUnsubscribed',
    status: 'unsubscribed',
    _id: 'lea_oznzWQKKZGXrBdqXb',
  },
  {
    emailStatus: '',
    email: 'roxanne@example.net',
    firstName: 'Roxanne',
    lastName: 'Davis',
    linkedinUrl: 'https://www.linkedin.com/in/roxannedavis',
    lastState: 'emailsClicked',
    status: 'done',
    _id: 'lea_M22nl3gUwvAiNl6Ks',
  },
  {
    emailStatus: '',
    email: 'thomas@example.fr',
    firstName: 'Thomas',
    lastName: 'Miller',
    lastState: 'emailsSent',
    status: 'done',
    _id: 'lea_z3DydraGgNBnLdV7o',
  },
  // Must not fire either: done after a bounce.
  { email: 'bounced@example.com', lastState: 'emailsBounced', status: 'done', _id: 'lea_bounced0000000001' },
];
const poll = (inputData: Record<string, unknown>) =>
  appTester(op('triggers', 'sequence_finished_polling').perform, { authData: authFor('lemlist'), inputData } as never);
const campaigns = () =>
  api()
    .get('/api/campaigns')
    .query({ version: 'v2', limit: '100', offset: '0', sortBy: 'createdAt', sortOrder: 'desc' })
    .reply(200, [{ _id: 'cam_A1B2C3D4E5F6G7H8I9', name: 'Event invite', status: 'running' }]);

describe('lemlist Sequence Finished (polling)', () => {
  it('leads with status done and an outbound last state fire; replied, interested, unsubscribed and bounced leads do not', async () => {
    api().get('/api/campaigns/cam_A1B2C3D4E5F6G7H8I9/export/leads').query({ state: 'all', format: 'json' }).reply(200, EXPORT);
    campaigns();
    const events = (await poll({ campaign_id: 'cam_A1B2C3D4E5F6G7H8I9' })) as { lead: { email: string }; [k: string]: unknown }[];
    expect(events.map((e) => e.lead.email).sort()).toEqual(['roxanne@example.net', 'thomas@example.fr']);
    expect(events.find((e) => e.lead.email === 'roxanne@example.net')).toMatchObject({
      event: 'sequence_finished',
      tool: 'lemlist',
      category: 'done',
      campaign: { id: 'cam_A1B2C3D4E5F6G7H8I9', name: 'Event invite' },
      lead: { first_name: 'Roxanne', last_name: 'Davis', linkedin_url: 'https://www.linkedin.com/in/roxannedavis', tool_lead_id: 'lea_M22nl3gUwvAiNl6Ks' },
      message: null,
      occurred_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expectAllCalled();
    await expectSpecValid();
  });

  it('ids are stable across polls (no time in them)', async () => {
    api().get('/api/campaigns/cam_A1B2C3D4E5F6G7H8I9/export/leads').query(true).times(2).reply(200, EXPORT);
    campaigns();
    campaigns();
    const a = ((await poll({ campaign_id: 'cam_A1B2C3D4E5F6G7H8I9' })) as { id: string }[]).map((e) => e.id).sort();
    const b = ((await poll({ campaign_id: 'cam_A1B2C3D4E5F6G7H8I9' })) as { id: string }[]).map((e) => e.id).sort();
    expect(a).toHaveLength(2);
    expect(b).toEqual(a);
  });

  it('needs a campaign (the export is per campaign): refused before any call; the instant trigger says why and points to polling', async () => {
    expect(messageOf(await poll({}).catch((e) => e))).toMatch(/^Campaign is required for lemlist: it lists recent events one campaign at a time/);
    const err = await appTester(op('triggers', 'sequence_finished').performSubscribe, {
      authData: authFor('lemlist'),
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/x',
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Sequence Finished is not available instantly for lemlist: .*Use the "Sequence Finished \(Polling\)" trigger instead\.$/);
  });
});

describe('lemlist lifecycle against its mock (README recipes 4 and 5 offline)', () => {
  const mock = useMockApi('lemlist');
  beforeEach(() => nock.enableNetConnect('127.0.0.1'));
  const Q2 = 'cam_MockQ2Outbound0001';

  it('Sequence Finished lists the seeded finished lead only (Bob replied, Paula is paused, Bo bounced)', async () => {
    await mock.start();
    const events = (await poll({ campaign_id: Q2 })) as { lead: { email: string } }[];
    expect(events).toEqual([
      expect.objectContaining({
        event: 'sequence_finished',
        category: 'done',
        lead: expect.objectContaining({ email: 'finished@example.com' }),
        campaign: { id: Q2, name: 'Q2 outbound' },
      }),
    ]);
  });

  it('Stop → Resume → resumed → already_running; seeded paused → resumed; bounced / finished → not_paused; unsubscribed → skipped; unknown → not_found', async () => {
    await mock.start();
    await mock.run('creates', 'enroll_lead', { campaign_id: Q2, email: 'ann@example.com' });
    expect(await mock.run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'stopped' });
    expect(await mock.run('creates', 'resume_sequence', { email: 'ann@example.com', campaign_id: Q2 })).toMatchObject({ outcome: 'resumed' });
    expect(await mock.run('creates', 'resume_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'already_running' });
    expect(await mock.run('creates', 'resume_sequence', { email: 'paused@example.com' })).toMatchObject({ outcome: 'resumed' });
    expect(await mock.run('creates', 'resume_sequence', { email: 'bounced@example.com' })).toMatchObject({ outcome: 'not_paused' });
    expect(await mock.run('creates', 'resume_sequence', { email: 'finished@example.com' })).toMatchObject({ outcome: 'not_paused' });
    expect(await mock.run('creates', 'resume_sequence', { email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(await mock.run('creates', 'resume_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found' });
    expect(mock.mock.log.filter((l) => l.path.includes('/leads/start/')).map((l) => l.status)).toEqual([200, 200]);
  });
});
