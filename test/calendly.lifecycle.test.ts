import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPinnedClock } from '../src/delivery/clock';
import { appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { specViolations } from './support/contract';
import { expectUnified } from './support/events';

/** Calendly's part of the lead lifecycle (issue 10): Meeting Canceled, instant and polling. */
const API = 'https://api.calendly.com';
const AUTH = { reqheaders: { authorization: 'Bearer test-calendly-key' } };
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const ORG = 'https://api.calendly.com/organizations/AAAAAAAAAAAAAAAA';
const ME = { resource: { uri: 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA', email: 'test@example.com', current_organization: ORG } };
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures/calendly', `${name}.json`), 'utf8'));

let sent: { method: string; path: string; body?: unknown }[] = [];
const api = (): nock.Scope => {
  const scope = nock(API, AUTH);
  scope.on('request', (req: { method: string; path: string }, _i: unknown, body: string) => {
    sent.push({ method: req.method, path: req.path, body: body ? JSON.parse(body) : undefined });
  });
  return scope;
};

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(async () => {
  for (const req of sent) {
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('calendly', { ...req, headers: { authorization: 'Bearer x' } }) }).toEqual({
      req: `${req.method} ${req.path}`,
      violations: [],
    });
  }
  nock.cleanAll();
});

describe('Calendly Meeting Canceled (instant)', () => {
  it('subscribes the organisation to invitee.canceled only (Meeting Booked keeps invitee.created)', async () => {
    const bodies: Record<string, unknown>[] = [];
    for (const [key, uuid] of [
      ['meeting_canceled', 'CANCELHOOK000001'],
      ['meeting_booked', 'BOOKEDHOOK000001'],
    ] as const) {
      api().get('/users/me').reply(200, ME);
      api()
        .post('/webhook_subscriptions', (b: Record<string, unknown>) => {
          bodies.push(b);
          return true;
        })
        .reply(201, { resource: { uri: `https://api.calendly.com/webhook_subscriptions/${uuid}` } });
      const data = await appTester(op('triggers', key).performSubscribe, { authData: authFor('calendly'), inputData: {}, targetUrl: TARGET } as never);
      expect(data).toEqual({ tool: 'calendly', id: uuid, secret: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
    }
    expect(bodies.map((b) => b.events)).toEqual([['invitee.canceled'], ['invitee.created']]);
    expect(bodies[0]).toEqual({ url: TARGET, events: ['invitee.canceled'], organization: ORG, scope: 'organization', signing_key: expect.any(String) });
    expectAllCalled();
  });

  const deliver = (name: string, key: string) => {
    const fx = fixture(name);
    const bundle = deliveryBundle('calendly', fx.request, { subscribeData: { id: 'BBBBBBBBBBBBBBBB', secret: fx.subscription.secret } });
    return withPinnedClock(new Date(fx.received_at), () => appTester(op('triggers', key).perform, bundle as never, true));
  };

  it('a signed invitee.canceled → one Meeting Canceled with who canceled and why; Meeting Booked ignores it', async () => {
    const events = expectUnified(await deliver('invitee_canceled', 'meeting_canceled'));
    expect(events.map((e) => [e.id, e.event, e.occurred_at, e.lead.email, e.meeting?.canceled_by, e.meeting?.cancel_reason, e.meeting?.rescheduled])).toEqual([
      ['calendly:meeting_canceled:AAAAAAAAAAAAAAAA', 'meeting_canceled', '2020-11-23T17:54:22.356Z', 'test@example.com', 'invitee', 'Meeting Conflict', false],
    ]);
    expect(await deliver('invitee_canceled', 'meeting_booked')).toEqual([]);
  });

  it('the cancel half of a reschedule (rescheduled: true) fires nothing; its booking half is a rescheduled Meeting Booked', async () => {
    expect(await deliver('invitee_canceled_reschedule_half', 'meeting_canceled')).toEqual([]);
    const booked = expectUnified(await deliver('invitee_created_rescheduled', 'meeting_booked'));
    expect(booked.map((e) => [e.event, e.meeting?.rescheduled])).toEqual([['meeting_booked', true]]);
    expect(await deliver('invitee_created_rescheduled', 'meeting_canceled')).toEqual([]);
  });

  it('a no-show is not a cancellation', async () => {
    expect(await deliver('invitee_no_show_created', 'meeting_canceled')).toEqual([]);
  });

  it('a signature made with another key is refused on the Meeting Canceled trigger too', async () => {
    const err = await deliver('wrong_signing_key', 'meeting_canceled').catch((e) => e);
    expect(messageOf(err)).toMatch(/Rejected a Calendly webhook delivery: the signature does not match the body/);
  });

  it('Sequence Finished is refused for Calendly before any call, naming what to use', async () => {
    const err = await appTester(op('triggers', 'sequence_finished_polling').perform, { authData: authFor('calendly'), inputData: {} } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Calendly only knows about meetings, so it has no sequence-finished event/);
  });
});

describe('Calendly Meeting Canceled (polling and the editor sample)', () => {
  const scheduled = JSON.parse(fixture('invitee_created_signed').request.rawBody).payload.scheduled_event;
  const canceledEvent = (uuid: string, start: string, canceledAt: string) => ({
    ...scheduled,
    uri: `https://api.calendly.com/scheduled_events/${uuid}`,
    status: 'canceled',
    start_time: start,
    created_at: '2025-03-01T09:00:00.000000Z',
    cancellation: { canceled_by: 'Ann Lee', reason: null, canceler_type: 'invitee', created_at: canceledAt },
  });
  const early = canceledEvent('CANCELEDEARLY001', '2025-04-10T15:00:00.000000Z', '2025-04-05T08:00:00.000000Z');
  const late = canceledEvent('CANCELEDLATE0002', '2025-04-20T15:00:00.000000Z', '2025-04-06T08:00:00.000000Z');
  const moved = canceledEvent('RESCHEDULED00003', '2025-04-15T15:00:00.000000Z', '2025-04-07T08:00:00.000000Z');
  const invitee = (event: string, id: string, email: string, cancellation: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    uri: `https://api.calendly.com/scheduled_events/${event}/invitees/${id}`,
    email,
    name: 'Ann Lee',
    status: 'canceled',
    timezone: 'Europe/Paris',
    created_at: '2025-03-01T09:00:00.000000Z',
    updated_at: cancellation.created_at,
    rescheduled: false,
    old_invitee: null,
    new_invitee: null,
    cancellation,
    ...extra,
  });
  const serve = () => {
    api().get('/users/me').reply(200, ME);
    api()
      .get('/scheduled_events')
      .query((q: Record<string, unknown>) => {
        const since = Date.parse(String(q.min_start_time));
        return (
          q.organization === ORG &&
          q.status === 'canceled' &&
          q.sort === 'start_time:asc' &&
          q.count === '100' &&
          Date.now() - since > 23.9 * 3600e3 &&
          Date.now() - since < 24.1 * 3600e3 &&
          Object.keys(q).length === 5
        );
      })
      .reply(200, { collection: [early, moved, late] });
    // Newest cancellation first: the rescheduled one, then late, then early.
    api()
      .get('/scheduled_events/RESCHEDULED00003/invitees')
      .query({ status: 'canceled', count: '10' })
      .reply(200, {
        collection: [
          invitee(
            'RESCHEDULED00003',
            'INVMOVED000000001',
            'moved@example.com',
            { canceler_type: 'invitee', reason: null, created_at: '2025-04-07T08:00:00.000000Z' },
            {
              rescheduled: true,
              new_invitee: 'https://api.calendly.com/scheduled_events/NEWNEWNEWNEWNEW1/invitees/INVNEW0000000001',
            },
          ),
        ],
      });
    api()
      .get('/scheduled_events/CANCELEDLATE0002/invitees')
      .query({ status: 'canceled', count: '10' })
      .reply(200, {
        collection: [
          invitee('CANCELEDLATE0002', 'INVLATE0000000002', 'Bo@Example.com', {
            canceled_by: 'Rep One',
            reason: 'Double booked',
            canceler_type: 'host',
            created_at: '2025-04-06T08:00:00.000000Z',
          }),
        ],
      });
    api()
      .get('/scheduled_events/CANCELEDEARLY001/invitees')
      .query({ status: 'canceled', count: '10' })
      .reply(200, {
        collection: [
          invitee('CANCELEDEARLY001', 'INVEARLY00000001', 'ann@example.com', {
            canceled_by: 'Ann Lee',
            reason: 'Conflict',
            canceler_type: 'invitee',
            created_at: '2025-04-05T08:00:00.000000Z',
          }),
        ],
      });
  };

  it.each([
    ['meeting_canceled', 'performList'],
    ['meeting_canceled_polling', 'perform'],
  ])('%s.%s: canceled events’ canceled invitees, newest cancellation first, reschedules left out', async (key, fn) => {
    serve();
    const events = expectUnified(await appTester(op('triggers', key)[fn], { authData: authFor('calendly'), inputData: {} } as never));
    expect(events.map((e) => [e.id, e.occurred_at, e.lead.email, e.meeting?.canceled_by, e.meeting?.cancel_reason, e.meeting?.start_time])).toEqual([
      ['calendly:meeting_canceled:INVLATE0000000002', '2025-04-06T08:00:00.000Z', 'bo@example.com', 'host', 'Double booked', '2025-04-20T15:00:00.000Z'],
      ['calendly:meeting_canceled:INVEARLY00000001', '2025-04-05T08:00:00.000Z', 'ann@example.com', 'invitee', 'Conflict', '2025-04-10T15:00:00.000Z'],
    ]);
    expectAllCalled();
  });

  it('the polling id equals the webhook id of the same cancellation (Zapier dedupes across both)', async () => {
    const fx = fixture('invitee_canceled');
    const body = JSON.parse(fx.request.rawBody);
    const { scheduled_event: ev, ...inv } = body.payload;
    api().get('/users/me').reply(200, ME);
    api()
      .get('/scheduled_events')
      .query(true)
      .reply(200, { collection: [{ ...ev, status: 'canceled', cancellation: inv.cancellation }] });
    api()
      .get('/scheduled_events/AAAAAAAAAAAAAAAA/invitees')
      .query({ status: 'canceled', count: '10' })
      .reply(200, { collection: [inv] });
    const polled = expectUnified(
      await appTester(op('triggers', 'meeting_canceled_polling').perform, { authData: authFor('calendly'), inputData: {} } as never),
    );
    expect(polled.map((e) => e.id)).toEqual(['calendly:meeting_canceled:AAAAAAAAAAAAAAAA']);
    expectAllCalled();
  });
});
