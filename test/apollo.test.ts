import nock from 'nock';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { specViolations } from './support/contract';
import { exactly as exactlyAt } from './support/nock';
import { expectUnified } from './support/events';
import { withPinnedClock } from '../src/delivery/clock';

const ORIGIN = 'https://api.apollo.io';
const KEY = 'test-apollo-key';
const auth = { authData: authFor('apollo') };

/**
 * Every request the provider sends is recorded (method, path relative to the spec's server
 * base, headers, body) and validated against Apollo's own OpenAPI afterwards.
 */
type Sent = { method: string; path: string; headers: Record<string, string>; body?: unknown };
let sent: Sent[] = [];
const specPath = (uri: string): string => uri.replace(/^\/api\/v1/, '');
const record = (method: string) =>
  function (this: { req: { headers: Record<string, string> } }, uri: string, body: unknown) {
    sent.push({
      method,
      path: specPath(uri),
      headers: { 'x-api-key': this.req.headers['x-api-key'] ?? '', 'content-type': 'application/json' },
      body: body || undefined,
    });
  };
const expectSpecValid = async () => {
  expect(sent.length).toBeGreaterThan(0);
  for (const req of sent)
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('apollo', req) }).toEqual({ req: `${req.method} ${req.path}`, violations: [] });
};
const exactly = (pathname: string, pairs: [string, string][]) => exactlyAt(`/api/v1${pathname}`, pairs);
/** Polling runs at this (pinned) time: the window is the 7 days before it, up to tomorrow. */
const POLL_AT = new Date('2025-06-15T12:00:00.000Z');
const WINDOW: [string, string][] = [
  ['emailer_message_date_range_mode', 'completed_at'],
  ['emailer_message_date_range[min]', '2025-06-08'],
  ['emailer_message_date_range[max]', '2025-06-16'],
];
const atPollTime = <T>(run: () => Promise<T>): Promise<T> => withPinnedClock(POLL_AT, run);
const api = () => nock(ORIGIN, { reqheaders: { 'x-api-key': KEY } });

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(() => nock.cleanAll());

const message = (over: Record<string, unknown>) => ({
  id: '684b2203a2ce950021cbf730',
  user_id: '66302798d03b9601c7934ebf',
  status: 'completed',
  to_name: 'Gina Larkin',
  due_at: '2025-06-12T18:57:08.553+00:00',
  completed_at: '2025-06-12T19:00:02.000+00:00',
  emailer_campaign_id: '684b215edf80730019db612c',
  contact_id: '66ad20ab23d5d40001c8d07d',
  provider_thread_id: null,
  bounce: null,
  replied: null,
  reply_class: null,
  created_at: '2025-06-12T18:52:51.021Z',
  recipients: [{ email: 'gina.larkin@apollo.io', raw_name: 'Gina Larkin', recipient_type_cd: 'to', contact_id: '66ad20ab23d5d40001c8d07d' }],
  from_email: 'test.marcus.hale@apollomail.io',
  to_email: 'gina.larkin@apollo.io',
  subject: 'Stats for you',
  campaign_name: 'Stats Sequences DO NOT USE',
  ...over,
});

describe('Apollo connection and errors', () => {
  it('tests the key with GET /users/api_profile and names the user', async () => {
    api()
      .get((uri) => uri === '/api/v1/users/api_profile')
      .reply(200, function (uri) {
        record('GET').call(this as never, uri, undefined);
        return {
          id: '66c8db577ed7f201b25c0eef',
          team_id: '6095a710bd01d100a506d4ac',
          first_name: 'John',
          last_name: 'Doe',
          title: 'Developer',
          email: 'john.doe@example.com',
        };
      });
    const result = await appTester(App.authentication.test as never, auth as never);
    expect(result).toEqual({ tool_label: 'Apollo', account: 'john.doe@example.com' });
    expectAllCalled();
    await expectSpecValid();
  });

  it('surfaces the text/plain 401 verbatim and asks to reconnect', async () => {
    api()
      .get('/api/v1/email_accounts')
      .reply(401, 'Invalid API key. See https://docs.apollo.io/reference/authentication for how to authenticate.', { 'content-type': 'text/plain' });
    const err = await appTester(op('triggers', 'mailbox_list').perform, auth as never).catch((e: Error) => e);
    expect((err as Error).name).toBe('ExpiredAuthError');
    expect(messageOf(err)).toMatch(/Invalid API key\. See https:\/\/docs\.apollo\.io\/reference\/authentication/);
    expect(messageOf(err)).toMatch(/Reconnect your Apollo account/);
  });

  it('says a master API key is needed on a 403 API_INACCESSIBLE', async () => {
    api().get('/api/v1/email_accounts').reply(403, {
      error:
        'This API key is not authorized to access api/v1/email_accounts/index. Request an API key from your administrator that includes this endpoint in its configured scope.',
      error_code: 'API_INACCESSIBLE',
    });
    const err = await appTester(op('triggers', 'mailbox_list').perform, auth as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/not authorized to access api\/v1\/email_accounts\/index/);
    expect(messageOf(err)).toMatch(/master API key/);
  });

  it('turns a 429 {message} into a throttle with Apollo’s words', async () => {
    api()
      .post(
        exactly('/emailer_campaigns/search', [
          ['page', '1'],
          ['per_page', '100'],
        ]),
      )
      .reply(429, {
        message:
          'The maximum number of api calls allowed for api/v1/emailer_campaigns/search is 600 times per hour. Please upgrade your plan from https://app.apollo.io/#/settings/plans/upgrade.',
      });
    const err = await appTester(op('triggers', 'campaign_list').perform, { ...auth, meta: { page: 0 } } as never).catch((e: Error) => e);
    expect((err as Error).name).toBe('ThrottledError');
    expect((err as Error).message).toMatch(/600 times per hour/);
  });
});

describe('Apollo triggers are polling only', () => {
  it('refuses an instant subscription and points to the polling trigger', async () => {
    const err = await appTester(op('triggers', 'reply_received').performSubscribe, {
      ...auth,
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/',
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/Apollo has no webhooks/);
    expect(messageOf(err)).toMatch(/Reply Received \(Polling\)/);
  });

  it('says Meeting Booked (Polling) is not possible and what to use instead', async () => {
    const err = await appTester(op('triggers', 'meeting_booked_polling').perform, { ...auth, inputData: {} } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/no meeting-booked signal/);
    expect(messageOf(err)).toMatch(/Calendly/);
  });

  it('polls replies from emailer_messages/search (every reply class but out_of_office), newest first, with stable message ids', async () => {
    // Apollo's documented reply classes, less the automatic answer (out_of_office).
    const classes = [
      'willing_to_meet',
      'follow_up_question',
      'person_referral',
      'already_left_company_or_not_right_person',
      'not_interested',
      'unsubscribe',
      'none_of_the_above',
    ];
    api()
      .get(
        exactly('/emailer_messages/search', [
          ...classes.map((c): [string, string] => ['emailer_message_reply_classes[]', c]),
          ...WINDOW,
          ['page', '1'],
          ['per_page', '100'],
        ]),
      )
      .reply(200, function (uri) {
        record('GET').call(this as never, uri, undefined);
        return {
          breadcrumbs: [],
          emailer_messages: [
            message({ id: 'older', replied: true, reply_class: 'follow_up_question', completed_at: '2025-06-10T08:00:00.000+00:00' }),
            // Returned anyway: an out-of-office answer is never a Reply Received.
            message({ id: 'auto', replied: true, reply_class: 'out_of_office', completed_at: '2025-06-11T08:00:00.000+00:00' }),
            message({ id: 'newer', replied: true, reply_class: 'willing_to_meet', to_email: 'Gina.Larkin@Apollo.io' }),
          ],
        };
      });
    const events = expectUnified(await atPollTime(() => appTester(op('triggers', 'reply_received_polling').perform, { ...auth, inputData: {} } as never)));
    expect(events.map((e) => e.id)).toEqual(['apollo:reply_received:newer', 'apollo:reply_received:older']);
    expect(events[0]).toMatchObject({
      event: 'reply_received',
      occurred_at: '2025-06-12T19:00:02.000Z',
      lead: { email: 'gina.larkin@apollo.io', first_name: 'Gina', last_name: 'Larkin', tool_lead_id: '66ad20ab23d5d40001c8d07d' },
      campaign: { id: '684b215edf80730019db612c', name: 'Stats Sequences DO NOT USE' },
      message: { id: 'newer', from_email: 'gina.larkin@apollo.io', to_email: 'test.marcus.hale@apollomail.io' },
      category: 'willing_to_meet',
    });
    // The instant trigger's test step does not show these: that Zap could never turn on (issue 7).
    const listed = await appTester(op('triggers', 'reply_received').performList, { ...auth, inputData: {} } as never).catch((e) => e);
    expect(messageOf(listed)).toMatch(/^Reply Received is not available instantly for Apollo: .*Use the "Reply Received \(Polling\)" trigger instead\./);
    expectAllCalled();
    await expectSpecValid();
  });

  it('polls Lead Interested as willing_to_meet replies of the chosen sequence', async () => {
    api()
      .get(
        exactly('/emailer_messages/search', [
          ['emailer_message_reply_classes[]', 'willing_to_meet'],
          ['emailer_campaign_ids[]', '684b215edf80730019db612c'],
          ...WINDOW,
          ['page', '1'],
          ['per_page', '100'],
        ]),
      )
      .reply(200, function (uri) {
        record('GET').call(this as never, uri, undefined);
        return { emailer_messages: [message({ replied: true, reply_class: 'willing_to_meet' })] };
      });
    const events = expectUnified(
      await atPollTime(() =>
        appTester(op('triggers', 'lead_interested_polling').perform, { ...auth, inputData: { campaign_id: '684b215edf80730019db612c' } } as never),
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: 'apollo:lead_interested:684b2203a2ce950021cbf730', category: 'willing_to_meet' });
    expectAllCalled();
    await expectSpecValid();
  });

  it('polls bounces and unsubscribes by message stats', async () => {
    api()
      .get(exactly('/emailer_messages/search', [['emailer_message_stats[]', 'bounced'], ...WINDOW, ['page', '1'], ['per_page', '100']]))
      .reply(200, function (uri) {
        record('GET').call(this as never, uri, undefined);
        return { emailer_messages: [message({ bounce: true })] };
      });
    api()
      .get(exactly('/emailer_messages/search', [['emailer_message_stats[]', 'unsubscribed'], ...WINDOW, ['page', '1'], ['per_page', '100']]))
      .reply(200, function (uri) {
        record('GET').call(this as never, uri, undefined);
        return { emailer_messages: [message({})] };
      });
    const bounced = expectUnified(await atPollTime(() => appTester(op('triggers', 'email_bounced_polling').perform, { ...auth, inputData: {} } as never)));
    expect(bounced[0]).toMatchObject({ id: 'apollo:email_bounced:684b2203a2ce950021cbf730', message: { to_email: 'gina.larkin@apollo.io', from_email: null } });
    const unsub = expectUnified(await atPollTime(() => appTester(op('triggers', 'lead_unsubscribed_polling').perform, { ...auth, inputData: {} } as never)));
    expect(unsub[0]).toMatchObject({ id: 'apollo:lead_unsubscribed:684b2203a2ce950021cbf730', message: null, lead: { email: 'gina.larkin@apollo.io' } });
    expectAllCalled();
    await expectSpecValid();
  });

  it('follows the pages of the date window until a short page (bounded), de-duplicated, newest first', async () => {
    const page = (n: number, count: number, offset: number) =>
      api()
        .get(exactly('/emailer_messages/search', [['emailer_message_stats[]', 'bounced'], ...WINDOW, ['page', String(n)], ['per_page', '100']]))
        .reply(200, function (uri) {
          record('GET').call(this as never, uri, undefined);
          return {
            emailer_messages: Array.from({ length: count }, (_, i) =>
              message({
                id: `m${offset + i}`,
                bounce: true,
                completed_at: new Date(Date.parse('2025-06-09T00:00:00.000Z') + (offset + i) * 60_000).toISOString(),
              }),
            ),
          };
        });
    page(1, 100, 0);
    page(2, 100, 99); // m99 again: the same email once
    page(3, 7, 199);
    const events = expectUnified(await atPollTime(() => appTester(op('triggers', 'email_bounced_polling').perform, { ...auth, inputData: {} } as never)));
    expect(events).toHaveLength(206);
    expect(events[0]?.id).toBe('apollo:email_bounced:m205');
    expect(events[205]?.id).toBe('apollo:email_bounced:m0');
    expectAllCalled();
    await expectSpecValid();
  });

  it('stops after 5 full pages (500 emails) so one poll stays within Apollo’s hourly limits', async () => {
    for (let n = 1; n <= 5; n += 1) {
      api()
        .get(exactly('/emailer_messages/search', [['emailer_message_stats[]', 'bounced'], ...WINDOW, ['page', String(n)], ['per_page', '100']]))
        .reply(200, { emailer_messages: Array.from({ length: 100 }, (_, i) => message({ id: `p${n}-${i}`, bounce: true })) });
    }
    const events = expectUnified(await atPollTime(() => appTester(op('triggers', 'email_bounced_polling').perform, { ...auth, inputData: {} } as never)));
    expect(events).toHaveLength(500);
    expectAllCalled(); // and no sixth request: nock would refuse it
  });

  it('normalises a hand-fed emailer message (Normalize Webhook path) into the same ids as polling, filtered by campaign', async () => {
    const body = message({ replied: true, reply_class: 'willing_to_meet' });
    const out = expectUnified(
      await appTester(op('triggers', 'lead_interested').perform, deliveryBundle('apollo', { body }, { subscribeData: {} }) as never, true),
    );
    expect(out.map((e) => e.id)).toEqual(['apollo:lead_interested:684b2203a2ce950021cbf730']);
    const filtered = await appTester(
      op('triggers', 'reply_received').perform,
      deliveryBundle('apollo', { body }, { inputData: { campaign_id: 'other' } }) as never,
      true,
    );
    expect(filtered).toEqual([]);
  });

  it('reports an unrecognised payload with its keys', async () => {
    const err = await appTester(op('triggers', 'reply_received').perform, deliveryBundle('apollo', { body: { contact: { id: 1 } } }) as never, true).catch(
      (e) => e,
    );
    expect(messageOf(err)).toMatch(/did not recognise this Apollo webhook delivery \(top-level keys: contact\)/);
  });
});

describe('Apollo dropdowns', () => {
  it('lists sequences with POST /emailer_campaigns/search (page is 1-based)', async () => {
    api()
      .post(
        exactly('/emailer_campaigns/search', [
          ['page', '2'],
          ['per_page', '100'],
        ]),
      )
      .reply(200, function (uri, body) {
        record('POST').call(this as never, uri, body);
        return {
          pagination: { page: 2, per_page: 100, total_entries: 101, total_pages: 2 },
          emailer_campaigns: [
            { id: '66e9e215ece19801b219997f', name: 'Target Copywriting Clients in Dublin', archived: false, active: true },
            { id: 'old', name: 'Old one', archived: true, active: false },
          ],
        };
      });
    const out = await appTester(op('triggers', 'campaign_list').perform, { ...auth, meta: { page: 1 } } as never);
    expect(out).toEqual([
      { id: '66e9e215ece19801b219997f', name: 'Target Copywriting Clients in Dublin' },
      { id: 'old', name: 'Old one (archived)' },
    ]);
    expectAllCalled();
    await expectSpecValid();
  });

  it('lists sending mailboxes with GET /email_accounts', async () => {
    api()
      .get('/api/v1/email_accounts')
      .reply(200, function (uri) {
        record('GET').call(this as never, uri, undefined);
        return {
          email_accounts: [
            { id: '6630ffa2a7f52601c7578345', email: 'test.liam@apollomail.io', active: true },
            { id: 'x2', email: 'old@apollomail.io', active: false },
          ],
        };
      });
    const out = await appTester(op('triggers', 'mailbox_list').perform, auth as never);
    expect(out).toEqual([
      { id: '6630ffa2a7f52601c7578345', name: 'test.liam@apollomail.io' },
      { id: 'x2', name: 'old@apollomail.io (inactive)' },
    ]);
    expectAllCalled();
    await expectSpecValid();
  });
});
