import { MOCKS } from '../dev/mock';
import { useMockApi } from './support/mockApi';
import { calendlyMock } from '../dev/mock/calendly';
import { App, appTester, authFor, messageOf, op } from './support/app';

/**
 * Calendly, run offline through the real app against its local mock (what `sales-connect mock`
 * serves), base URL pointed at it with SALES_CONNECT_CALENDLY_BASE_URL. Calendly has no leads:
 * its part is the auth test, the Meeting Booked webhook and the recent bookings.
 */
const api = useMockApi('calendly');
const { start } = api;
const trigger = (key: string, fn: string, bundle: Record<string, unknown>, apiKey?: string) =>
  appTester(op('triggers', key)[fn] as never, { authData: authFor('calendly', apiKey), ...bundle } as never);
const direct = (method: string, path: string, body?: unknown) =>
  fetch(`${api.mock.env.SALES_CONNECT_CALENDLY_BASE_URL}${path}`, {
    method,
    headers: { authorization: 'Bearer test-calendly-key', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const ORG = 'https://api.calendly.com/organizations/MOCKORG000000001';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';

describe('Calendly against its mock', () => {
  it('is registered, at Calendly’s base path (none: paths start at /users, /webhook_subscriptions…)', () => {
    expect(MOCKS).toContain(calendlyMock);
    expect(calendlyMock.basePath).toBe('');
  });

  it('auth test: GET /users/me with the Bearer token labels the connection', async () => {
    await start();
    expect(await appTester(App.authentication.test as never, { authData: authFor('calendly') } as never)).toEqual({
      tool_label: 'Calendly',
      account: 'rep@mock-sender.example.com',
    });
  });

  it('a revoked token → "did not accept" while connecting, reconnect (ExpiredAuthError) in a Zap; Calendly’s { title, message } body', async () => {
    await start();
    const connecting = (await appTester(App.authentication.test as never, { authData: authFor('calendly', 'revoked') } as never).catch((e) => e)) as Error;
    expect(messageOf(connecting)).toMatch(/Calendly did not accept this personal access token/);
    const inZap = (await trigger('meeting_booked', 'performList', { inputData: {} }, 'revoked').catch((e) => e)) as Error;
    expect(inZap.name).toBe('ExpiredAuthError');
    expect(inZap.message).toMatch(/401: Unauthenticated: The API key was revoked/);
    const res = await fetch(`${api.mock.env.SALES_CONNECT_CALENDLY_BASE_URL}/users/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ title: 'Unauthenticated', message: 'missing or invalid API key' });
  });

  it('subscribe → subscribe again (409 "Already Exists" → the stale hook is replaced) → unsubscribe → unsubscribe again (404 = gone)', async () => {
    await start();
    const first = (await trigger('meeting_booked', 'performSubscribe', { inputData: {}, targetUrl: TARGET })) as Record<string, string>;
    expect(first).toEqual({ tool: 'calendly', id: 'MOCKHOOK00000001', secret: expect.any(String) });

    // The same URL twice is what Calendly refuses, verbatim.
    const dup = await direct('POST', '/webhook_subscriptions', { url: TARGET, events: ['invitee.created'], organization: ORG, scope: 'organization' });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toEqual({ title: 'Already Exists', message: 'Hook with this url already exists' });

    // The app answers a 409 by listing, deleting the leftover and creating a fresh one.
    const second = (await trigger('meeting_booked', 'performSubscribe', { inputData: {}, targetUrl: TARGET })) as Record<string, string>;
    expect(second).toMatchObject({ id: 'MOCKHOOK00000002' });
    expect(second.secret).not.toBe(first.secret);
    const listed = (await (await direct('GET', `/webhook_subscriptions?organization=${encodeURIComponent(ORG)}&scope=organization`)).json()) as {
      collection: { uri: string; callback_url: string; events: string[]; state: string }[];
    };
    expect(listed.collection).toEqual([
      expect.objectContaining({
        uri: 'https://api.calendly.com/webhook_subscriptions/MOCKHOOK00000002',
        callback_url: TARGET,
        events: ['invitee.created'],
        state: 'active',
      }),
    ]);

    for (let i = 0; i < 2; i += 1) await trigger('meeting_booked', 'performUnsubscribe', { subscribeData: second });
    expect(api.mock.log.filter((l) => l.method !== 'GET' || l.path.startsWith('/webhook')).map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual([
      'POST /webhook_subscriptions 201',
      'POST /webhook_subscriptions 409',
      'POST /webhook_subscriptions 409',
      'GET /webhook_subscriptions 200',
      'DELETE /webhook_subscriptions/MOCKHOOK00000001 204',
      'POST /webhook_subscriptions 201',
      'GET /webhook_subscriptions 200',
      'DELETE /webhook_subscriptions/MOCKHOOK00000002 204',
      'DELETE /webhook_subscriptions/MOCKHOOK00000002 404',
    ]);
  });

  it('recent bookings: active scheduled events, newest start first, with their invitees', async () => {
    await start();
    const events = (await trigger('meeting_booked', 'performList', { inputData: {} })) as { id: string; lead: { email: string } }[];
    expect(events.map((e) => [e.id, e.lead.email])).toEqual([
      ['calendly:meeting_booked:MOCKINVITEE00002', 'bob@example.com'],
      ['calendly:meeting_booked:MOCKINVITEE00001', 'ann@example.com'],
    ]);
  });

  it('the mock enforces Calendly’s 500 requests / minute: request 501 surfaces in the app as ThrottledError', async () => {
    await start();
    // 500 requests straight to the mock (cheap), then the 501st through the app.
    const statuses = await Promise.all(Array.from({ length: calendlyMock.rateLimit.requests }, () => direct('GET', '/users/me').then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const err = (await appTester(App.authentication.test as never, { authData: authFor('calendly') } as never).catch((e) => e)) as Error;
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.message)).toMatchObject({ delay: expect.any(Number) });
    expect(api.mock.log.filter((l) => l.status === 429)).toHaveLength(1);
  });
});

describe('Calendly Meeting Canceled against its mock', () => {
  type Ev = { id: string; lead: { email: string }; meeting: { canceled_by: string | null; cancel_reason: string | null } };
  const row = (e: Ev) => [e.id, e.lead.email, e.meeting.canceled_by, e.meeting.cancel_reason];

  it('polling lists the seeded invitee cancellation, not the reschedule’s cancel half; a host cancel (Cancel Event) comes first after it', async () => {
    await start();
    expect(((await trigger('meeting_canceled_polling', 'perform', { inputData: {} })) as Ev[]).map(row)).toEqual([
      ['calendly:meeting_canceled:MOCKINVITEE00003', 'carl@example.com', 'invitee', 'Budget frozen this quarter'],
    ]);

    const res = await direct('POST', '/scheduled_events/MOCKEVENT0000002/cancellation', { reason: 'Out sick' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ resource: { canceled_by: 'Rep One', reason: 'Out sick', canceler_type: 'host', created_at: expect.any(String) } });
    expect((await direct('POST', '/scheduled_events/MOCKEVENT0000002/cancellation', {})).status).toBe(400);

    expect(((await trigger('meeting_canceled', 'performList', { inputData: {} })) as Ev[]).map(row)).toEqual([
      ['calendly:meeting_canceled:MOCKINVITEE00002', 'bob@example.com', 'host', 'Out sick'],
      ['calendly:meeting_canceled:MOCKINVITEE00003', 'carl@example.com', 'invitee', 'Budget frozen this quarter'],
    ]);
    // Bob's booking is gone from the recent bookings.
    expect(((await trigger('meeting_booked', 'performList', { inputData: {} })) as Ev[]).map((e) => e.id)).toEqual([
      'calendly:meeting_booked:MOCKINVITEE00001',
    ]);
  });

  it('subscribing Meeting Canceled registers invitee.canceled', async () => {
    await start();
    const sub = (await trigger('meeting_canceled', 'performSubscribe', { inputData: {}, targetUrl: TARGET })) as Record<string, string>;
    expect(sub).toMatchObject({ tool: 'calendly', id: 'MOCKHOOK00000001' });
    const listed = (await (await direct('GET', `/webhook_subscriptions?organization=${encodeURIComponent(ORG)}&scope=organization`)).json()) as {
      collection: { events: string[] }[];
    };
    expect(listed.collection.map((h) => h.events)).toEqual([['invitee.canceled']]);
  });
});
