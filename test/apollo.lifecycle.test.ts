import nock from 'nock';
import { withPinnedClock } from '../src/delivery/clock';
import { eventId } from '../src/model/values';
import { appTester, authFor, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { specViolations } from './support/contract';
import { expectUnified } from './support/events';

/** Apollo's part of the lead lifecycle (issue 10): Sequence Finished by polling; no meetings; no resume. */
const ORIGIN = 'https://api.apollo.io';
const KEY = 'test-apollo-key';
const auth = { authData: authFor('apollo') };
const POLL_AT = new Date('2025-06-15T12:00:00.000Z');
const Q2 = '66e9e215ece19801b219997f';
const OTHER = '684b215edf80730019db612c';

let sent: { method: string; path: string; headers: Record<string, string>; body?: unknown }[] = [];
const api = () => {
  const scope = nock(ORIGIN, { reqheaders: { 'x-api-key': KEY } });
  scope.on('request', (req: { method: string; path: string }, _i: unknown, body: string) => {
    sent.push({
      method: req.method,
      path: req.path.replace(/^\/api\/v1/, ''),
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: body ? JSON.parse(body) : undefined,
    });
  });
  return scope;
};

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(async () => {
  for (const req of sent)
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('apollo', req) }).toEqual({ req: `${req.method} ${req.path}`, violations: [] });
  nock.cleanAll();
});

/** A contact_campaign_statuses item as Apollo's own examples write it. */
const status = (campaign: string, st: string, reason: string | null, finishedAt: string | null) => ({
  id: `st-${campaign.slice(-4)}-${reason ?? 'none'}`,
  emailer_campaign_id: campaign,
  send_email_from_user_id: '66302798d03b9601c7934ebf',
  inactive_reason: reason,
  status: st,
  added_at: '2025-06-01T10:00:00.000+00:00',
  finished_at: finishedAt,
  paused_at: null,
  send_email_from_email_account_id: '6633baaece5fbd01c791d7ca',
});
const contact = (id: string, email: string, updatedAt: string, statuses: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  first_name: 'Gina',
  last_name: 'Larkin',
  name: 'Gina Larkin',
  email,
  title: 'CFO',
  organization_name: 'Acme Corp',
  linkedin_url: 'http://www.linkedin.com/in/gina',
  email_unsubscribed: null,
  updated_at: updatedAt,
  contact_campaign_statuses: statuses,
  ...extra,
});
/** The documented id recipe (docs/ARCHITECTURE.md, "The unified event"): tool + event + the identifying fields (contact, sequence, finished_at). */
const finishedId = (contactId: string, sequence: string, at: string) => eventId('apollo', 'sequence_finished', [contactId, sequence, at]);
const searchBody = (page: number) => ({ sort_by_field: 'contact_updated_at', sort_ascending: false, page, per_page: 100 });

const poll = (fn: 'perform' | 'performList', key: string, inputData: Record<string, unknown> = {}) =>
  withPinnedClock(POLL_AT, () => appTester(op('triggers', key)[fn], { ...auth, inputData } as never));

describe('Apollo Sequence Finished (polling)', () => {
  const page1 = [
    // Went through every step of Q2 two days ago: fires.
    contact('c-done', 'Gina.Larkin@Acme.example', '2025-06-13T09:00:00.000Z', [status(Q2, 'finished', 'Completed last step', '2025-06-13T08:59:00.000+00:00')]),
    // Finished because they replied, or by hand, or still active/paused: not "finished without reply".
    contact('c-replied', 'replied@example.com', '2025-06-12T09:00:00.000Z', [status(Q2, 'finished', 'replied', '2025-06-12T08:00:00.000+00:00')]),
    contact('c-manual', 'manual@example.com', '2025-06-12T08:00:00.000Z', [
      status(Q2, 'finished', 'manually finished', '2025-06-12T07:00:00.000+00:00'),
      status(OTHER, 'paused', 'Sequence inactive', null),
    ]),
    // Completed, but has since unsubscribed: left out.
    contact('c-unsub', 'unsub@example.com', '2025-06-11T09:00:00.000Z', [status(Q2, 'finished', 'Completed last step', '2025-06-11T08:00:00.000+00:00')], {
      email_unsubscribed: true,
    }),
    // Completed the other sequence yesterday, and Q2 a month ago (outside the 7-day window).
    contact('c-two', 'two@example.com', '2025-06-14T09:00:00.000Z', [
      status(OTHER, 'finished', 'Completed last step', '2025-06-14T08:00:00.000+00:00'),
      status(Q2, 'finished', 'Completed last step', '2025-05-10T08:00:00.000+00:00'),
    ]),
  ];

  it('"Completed last step" only, newest first, one page when it is short; the instant trigger points to polling', async () => {
    api()
      .post('/api/v1/contacts/search', searchBody(1))
      .reply(200, { contacts: page1, pagination: { page: 1, per_page: 100, total_entries: 5 } });
    const events = expectUnified(await poll('perform', 'sequence_finished_polling'));
    expect(events.map((e) => [e.id, e.occurred_at, e.lead.email, e.campaign?.id, e.category])).toEqual([
      [finishedId('c-two', OTHER, '2025-06-14T08:00:00.000Z'), '2025-06-14T08:00:00.000Z', 'two@example.com', OTHER, 'finished'],
      [finishedId('c-done', Q2, '2025-06-13T08:59:00.000Z'), '2025-06-13T08:59:00.000Z', 'gina.larkin@acme.example', Q2, 'finished'],
    ]);
    expect(events[1]).toMatchObject({
      lead: {
        first_name: 'Gina',
        last_name: 'Larkin',
        company: 'Acme Corp',
        title: 'CFO',
        tool_lead_id: 'c-done',
        linkedin_url: 'http://www.linkedin.com/in/gina',
      },
      message: null,
      meeting: null,
      raw: { contact_id: 'c-done', inactive_reason: 'Completed last step', status: 'finished' },
    });
    expectAllCalled();
    const err = await poll('performList', 'sequence_finished').catch((e) => e);
    expect(messageOf(err)).toMatch(/Sequence Finished is not available instantly for Apollo: .*Use the "Sequence Finished \(Polling\)" trigger instead/);
  });

  it('the Sequence filter keeps that sequence’s finishes; ids are the same poll after poll', async () => {
    for (let i = 0; i < 2; i += 1) api().post('/api/v1/contacts/search', searchBody(1)).reply(200, { contacts: page1 });
    const first = expectUnified(await poll('perform', 'sequence_finished_polling', { campaign_id: Q2 }));
    const second = expectUnified(await poll('perform', 'sequence_finished_polling', { campaign_id: Q2 }));
    expect(first.map((e) => e.id)).toEqual([finishedId('c-done', Q2, '2025-06-13T08:59:00.000Z')]);
    expect(second.map((e) => e.id)).toEqual(first.map((e) => e.id));
    expectAllCalled();
  });

  it('follows full pages until a page reaches past the window, at most 3 pages', async () => {
    const full = (updatedAt: string, n: number) =>
      Array.from({ length: 100 }, (_, i) => contact(`p${n}-${i}`, `p${n}-${i}@example.com`, updatedAt, [status(Q2, 'active', null, null)]));
    api()
      .post('/api/v1/contacts/search', searchBody(1))
      .reply(200, { contacts: full('2025-06-14T00:00:00.000Z', 1) });
    api()
      .post('/api/v1/contacts/search', searchBody(2))
      .reply(200, { contacts: [...full('2025-06-10T00:00:00.000Z', 2).slice(0, 99), contact('c-old', 'old@example.com', '2025-06-01T00:00:00.000Z', [])] });
    expect(await poll('perform', 'sequence_finished_polling')).toEqual([]);
    expectAllCalled();

    for (const page of [1, 2, 3])
      api()
        .post('/api/v1/contacts/search', searchBody(page))
        .reply(200, { contacts: full('2025-06-14T00:00:00.000Z', page) });
    expect(await poll('perform', 'sequence_finished_polling')).toEqual([]);
    expectAllCalled();
  });
});

describe('Apollo: what the lifecycle cannot do', () => {
  it('Meeting Canceled is refused before any call, pointing at the scheduling tool', async () => {
    const err = await poll('perform', 'meeting_canceled_polling').catch((e) => e);
    expect(messageOf(err)).toMatch(/Apollo's API has no meeting signal.*Calendly/);
  });

  it('Resume Sequence is refused before any call, saying why and what to do in Apollo', async () => {
    const err = await appTester(op('creates', 'resume_sequence').perform, {
      ...auth,
      inputData: { email: 'gina@example.com', campaign_id: Q2 },
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Resume Sequence is not available for Apollo: Apollo’s API has no call that resumes a paused contact/);
    expect(sent).toEqual([]);
  });
});
