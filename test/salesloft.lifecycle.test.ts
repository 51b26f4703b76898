import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specViolations, type RecordedRequest } from './support/contract';
import { appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { exactly } from './support/nock';
import { expectUnified } from './support/events';
import { eventId } from '../src/model/values';
import { withPinnedClock } from '../src/delivery/clock';

/** Salesloft's part of the lead lifecycle (issue 10): Meeting Canceled (instant + polling), Sequence Finished (polling). */
const API = 'https://api.salesloft.com';
const KEY = 'test-salesloft-key';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const auth = { authData: authFor('salesloft') };
const POLL_AT = new Date('2025-04-05T12:00:00.000Z');
let sent: RecordedRequest[] = [];
const api = () => {
  const scope = nock(API, { reqheaders: { authorization: `Bearer ${KEY}` } });
  scope.on('request', (req: { method: string; path: string }, _i: unknown, body: string) => {
    sent.push({ method: req.method, path: req.path, headers: { 'content-type': 'application/json' }, body: body ? JSON.parse(body) : undefined });
  });
  return scope;
};
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/salesloft', `${name}.json`), 'utf8'));

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(async () => {
  for (const req of sent)
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('salesloft', req) }).toEqual({
      req: `${req.method} ${req.path}`,
      violations: [],
    });
  nock.cleanAll();
});

const poll = (key: string, inputData: Record<string, unknown> = {}) =>
  withPinnedClock(POLL_AT, () => appTester(op('triggers', key).perform, { ...auth, inputData } as never));

describe('Salesloft Meeting Canceled', () => {
  it('subscribes meeting_updated for Meeting Canceled (Meeting Booked keeps meeting_booked)', async () => {
    const bodies: unknown[] = [];
    api()
      .post('/v2/webhook_subscriptions', (b: unknown) => (bodies.push(b), true))
      .times(2)
      .reply(200, { data: { id: 4321, callback_url: TARGET, event_type: 'x', enabled: true } });
    for (const key of ['meeting_canceled', 'meeting_booked']) {
      expect(await appTester(op('triggers', key).performSubscribe, { ...auth, inputData: {}, targetUrl: TARGET } as never)).toEqual({
        tool: 'salesloft',
        id: '4321',
        secret: expect.any(String),
      });
    }
    expect(bodies).toEqual([
      { callback_url: TARGET, callback_token: expect.any(String), event_type: 'meeting_updated' },
      { callback_url: TARGET, callback_token: expect.any(String), event_type: 'meeting_booked' },
    ]);
    expectAllCalled();
  });

  const deliver = (name: string, key: string) => {
    const fx = fixture(name);
    return appTester(op('triggers', key).perform, deliveryBundle('salesloft', fx.request, { subscribeData: fx.subscription }) as never, true);
  };

  it('a signed meeting_updated with canceled_at → Meeting Canceled; a still-booked one → nothing; Meeting Booked ignores both', async () => {
    const events = expectUnified(await deliver('meeting_updated_canceled', 'meeting_canceled'));
    expect(events.map((e) => [e.id, e.occurred_at, e.lead.email, e.campaign?.id, e.meeting?.canceled_by, e.meeting?.cancel_reason])).toEqual([
      ['salesloft:meeting_canceled:1001', '2025-04-05T13:30:00.000Z', 'jane@example.com', '77', null, null],
    ]);
    expect(await deliver('meeting_updated_ignored', 'meeting_canceled')).toEqual([]);
    expect(await deliver('meeting_updated_canceled', 'meeting_booked')).toEqual([]);
  });

  it('polling: recently updated meetings (deleted ones included), canceled ones only (not moved by a reschedule), newest cancellation first; same id as the webhook', async () => {
    const booked = JSON.parse(fixture('meeting_booked_signed').request.rawBody);
    const canceled = JSON.parse(fixture('meeting_updated_canceled').request.rawBody);
    const other = { ...canceled, id: 1003, canceled_at: '2025-04-04T08:00:00.000000Z', cadence: { id: 78 }, recipient_email: 'Ola@Example.com' };
    api()
      .get(
        exactly('/v2/meetings', [
          ['show_deleted', 'true'],
          ['include_meetings_settings', 'true'],
          ['sort_by', 'updated_at'],
          ['sort_direction', 'DESC'],
          ['per_page', '100'],
        ]),
      )
      .times(2)
      .reply(200, {
        // 1005 was canceled to be rescheduled (reschedule_status booked): it moved, it is not canceled.
        data: [booked, other, { ...canceled, id: 1005, reschedule_status: 'booked' }, canceled],
        metadata: { paging: { per_page: 100, current_page: 1, next_page: null } },
      });
    const events = expectUnified(await poll('meeting_canceled_polling'));
    expect(events.map((e) => [e.id, e.lead.email])).toEqual([
      ['salesloft:meeting_canceled:1001', 'jane@example.com'],
      ['salesloft:meeting_canceled:1003', 'ola@example.com'],
    ]);
    // The Cadence filter applies to cancellations too.
    expect(expectUnified(await poll('meeting_canceled_polling', { campaign_id: '78' })).map((e) => e.id)).toEqual(['salesloft:meeting_canceled:1003']);
    expectAllCalled();
  });
});

describe('Salesloft Sequence Finished (polling)', () => {
  const membership = (id: number, personId: number, state: string, counts: Record<string, number>, extra: Record<string, unknown> = {}) => ({
    id,
    added_at: '2025-03-01T10:00:00.000000Z',
    created_at: '2025-03-01T10:00:00.000000Z',
    updated_at: `2025-04-0${(id % 4) + 1}T10:00:00.000000Z`,
    person_deleted: false,
    currently_on_cadence: false,
    current_state: state,
    cadence: { id: 77, _href: 'https://api.salesloft.com/v2/cadences/77' },
    person: { id: personId, _href: `https://api.salesloft.com/v2/people/${personId}` },
    user: { id: 1 },
    latest_action: { id: 9 },
    counts: { sent_emails: 4, replies: 0, bounces: 0, views: 3, clicks: 0, calls: 0, ...counts },
    ...extra,
  });
  const person = (id: number, emailAddress: string, extra: Record<string, unknown> = {}) => ({
    id,
    first_name: 'Pat',
    last_name: `P${id}`,
    display_name: `Pat P${id}`,
    email_address: emailAddress,
    title: 'VP Sales',
    person_company_name: 'Acme',
    do_not_contact: false,
    bouncing: false,
    ...extra,
  });
  const SINCE = '2025-03-29T12:00:00.000Z';
  const listed = (pairs: [string, string][] = []) =>
    exactly('/v2/cadence_memberships', [
      ['currently_on_cadence', 'false'],
      ['updated_at[gt]', SINCE],
      ...pairs,
      ['sort_by', 'updated_at'],
      ['sort_direction', 'DESC'],
      ['per_page', '100'],
      ['page', '1'],
    ]);

  it('completed memberships without replies or bounces, whose person neither opted out nor bounces; newest first', async () => {
    api()
      .get(listed())
      .reply(200, {
        data: [
          membership(11, 501, 'completed', {}),
          membership(12, 502, 'completed', { replies: 1 }),
          membership(13, 503, 'completed', { bounces: 1 }),
          membership(14, 504, 'removed', {}),
          membership(15, 505, 'completed', {}),
          membership(16, 506, 'completed', {}, { person_deleted: true }),
          membership(17, 507, 'completed', {}),
        ],
        metadata: { paging: { next_page: null } },
      });
    api()
      .get(
        exactly('/v2/people', [
          ['ids[]', '501'],
          ['ids[]', '505'],
          ['ids[]', '507'],
          ['per_page', '100'],
        ]),
      )
      .reply(200, {
        data: [
          person(501, 'Pat501@Example.com'),
          person(505, 'optout@example.com', { do_not_contact: true }),
          person(507, 'pat507@example.com', { bouncing: true }),
        ],
      });
    const events = expectUnified(await poll('sequence_finished_polling'));
    expect(events.map((e) => [e.id, e.occurred_at, e.lead.email, e.lead.full_name, e.lead.tool_lead_id, e.campaign?.id, e.category])).toEqual([
      [
        eventId('salesloft', 'sequence_finished', [11, '2025-03-01T10:00:00.000000Z']),
        '2025-04-04T10:00:00.000Z',
        'pat501@example.com',
        'Pat P501',
        '501',
        '77',
        'completed',
      ],
    ]);
    expectAllCalled();
  });

  it('the Cadence filter is sent to Salesloft (cadence_id); a non-numeric one is refused before any call', async () => {
    api()
      .get(listed([['cadence_id', '77']]))
      .reply(200, { data: [], metadata: { paging: { next_page: null } } });
    expect(await poll('sequence_finished_polling', { campaign_id: '77' })).toEqual([]);
    expectAllCalled();
    const err = await poll('sequence_finished_polling', { campaign_id: 'abc' }).catch((e) => e);
    expect(messageOf(err)).toMatch(/Cadence must be a Salesloft cadence id \(a number\); got "abc"/);
  });

  it('Resume Sequence stays refused for Salesloft (no pause)', async () => {
    const err = await appTester(op('creates', 'resume_sequence').perform, {
      ...auth,
      inputData: { email: 'pat@example.com', campaign_id: '77' },
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Resume Sequence is not available for Salesloft: Salesloft has no pause/);
  });
});
