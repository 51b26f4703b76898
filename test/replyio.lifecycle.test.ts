import nock from 'nock';
import { ActionOutcome } from '../src/model/lead';
import { App, appTester, authFor, deliveryBundle, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { useMockApi } from './support/mockApi';

/**
 * Reply.io's lead lifecycle (issue 10). Resume Sequence: `GET /v1/people?email=` (X-Api-Key), `GET
 * /v3/contacts/{id}/statuses` (Bearer), then `POST /v3/sequences/{id}/contacts/set-status-in-sequence
 * {contactIds, statusInSequence: "active"}` (Bearer) per paused membership — docs.reply.io "Set
 * contacts' status in this sequence" (active accepts any current state, so only paused ones are
 * sent). Sequence Finished: the v3 `contact_finished` webhook. Through the real app; nock pins
 * method, path, query, body and the one auth header each API version takes.
 */
const API = 'https://api.reply.io';
const KEY = 'test-replyio-key';
const LEGACY = { reqheaders: { 'x-api-key': KEY }, badheaders: ['authorization'] };
const BEARER = { reqheaders: { authorization: `Bearer ${KEY}` }, badheaders: ['x-api-key'] };
const PERSON = { id: 17635880, email: 'samanta.smith@example.com', firstName: 'Samanta', lastName: 'Smith', company: 'Acme' };
const membership = (statusInSequence: string, sequenceId = 147268, isBounced = false) => ({
  sequenceId,
  sequenceName: `Seq ${sequenceId}`,
  statusInSequence,
  emailDisposition: { isReplied: false, isBounced },
});
const person = (answer: unknown = PERSON, status = 200) =>
  nock(API, LEGACY)
    .get('/v1/people')
    .query({ email: 'samanta.smith@example.com' })
    .reply(status, answer as never);
const statuses = (sequences: unknown[], isOptedOut = false) =>
  nock(API, BEARER).get('/v3/contacts/17635880/statuses').reply(200, { contactId: 17635880, isOptedOut, callStatus: 'none', meetingStatus: 'none', sequences });
const activate = (sequenceId: number, answer: unknown = {}) =>
  nock(API, BEARER)
    .post(`/v3/sequences/${sequenceId}/contacts/set-status-in-sequence`, { contactIds: [17635880], statusInSequence: 'active' })
    .reply(200, answer as never);
const resume = (inputData: Record<string, unknown>) =>
  appTester(op('creates', 'resume_sequence').perform, { authData: authFor('replyio'), inputData } as never);

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Reply.io Resume Sequence', () => {
  it('sets the paused membership of the chosen sequence to active (3 calls, the v1 and v3 headers pinned)', async () => {
    person();
    statuses([membership('paused'), membership('paused', 200)]);
    activate(147268);
    const out = ActionOutcome.parse(await resume({ email: 'Samanta.Smith@Example.com', campaign_id: '147268' }));
    expect(out).toMatchObject({
      outcome: 'resumed',
      campaign: { id: '147268', name: 'Seq 147268' },
      affected_campaigns: [{ id: '147268', status: 'active' }],
      detail: 'Reply.io resumed samanta.smith@example.com in "Seq 147268".',
    });
    expectAllCalled();
  });

  it('without a sequence: every paused membership; a finished one is never set active', async () => {
    person();
    statuses([membership('paused', 1), membership('finished', 2), membership('paused', 3)]);
    activate(1);
    activate(3);
    expect(await resume({ email: 'samanta.smith@example.com' })).toMatchObject({
      outcome: 'resumed',
      affected_campaigns: [
        { id: '1', status: 'active' },
        { id: '2', status: 'finished' },
        { id: '3', status: 'active' },
      ],
    });
    expectAllCalled();
  });

  it('already_running for an active or out-of-office contact; no write', async () => {
    person();
    statuses([membership('active'), membership('outOfOffice', 2)]);
    expect(await resume({ email: 'samanta.smith@example.com' })).toMatchObject({ outcome: 'already_running' });
    expectAllCalled();
  });

  it('not_paused for finished / inactive, and for a paused membership whose email bounced; no write', async () => {
    person();
    statuses([membership('finished', 1), membership('inactive', 2), membership('paused', 3, true)]);
    const out = ActionOutcome.parse(await resume({ email: 'samanta.smith@example.com' }));
    expect(out.outcome).toBe('not_paused');
    expect(out.detail).toMatch(/\(finished; inactive; paused, bounced\): only a paused contact whose email did not bounce can/);
    expectAllCalled();
  });

  it('an opted-out contact is never resumed (skipped_unsubscribed, no write)', async () => {
    person();
    statuses([membership('paused')], true);
    expect(await resume({ email: 'samanta.smith@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed', lead: { unsubscribed: true } });
    expectAllCalled();
  });

  it('not_paused when not in the chosen sequence; not_found only when Reply.io does not know the contact', async () => {
    person();
    statuses([membership('paused')]);
    expect(await resume({ email: 'samanta.smith@example.com', campaign_id: '999' })).toMatchObject({
      outcome: 'not_paused',
      detail: 'samanta.smith@example.com is not in Reply.io sequence 999; nothing to resume.',
    });
    person({ message: 'Person not found' }, 404);
    expect(await resume({ email: 'samanta.smith@example.com' })).toMatchObject({ outcome: 'not_found', lead: null });
    expectAllCalled();
  });

  it('a per-item failure of the v3 call is an error naming the sequence, not "resumed"', async () => {
    person();
    statuses([membership('paused')]);
    activate(147268, { '17635880': { code: 'sequenceArchived', message: 'Sequence is archived' } });
    expect(messageOf(await resume({ email: 'samanta.smith@example.com' }).catch((e) => e))).toMatch(
      /^Reply.io did not resume samanta.smith@example.com in sequence Seq 147268: .*sequenceArchived/,
    );
  });
});

describe('Reply.io Sequence Finished (contact_finished webhook)', () => {
  it('subscribes contact_finished with the documented v3 body (Bearer), one event type per subscription', async () => {
    let sent: Record<string, unknown> = {};
    nock(API, BEARER)
      .post('/v3/webhooks', (b) => ((sent = b), true))
      .reply(201, { id: 1901, eventType: 'contact_finished', scope: 'Team', enabled: true });
    const data = await appTester(op('triggers', 'sequence_finished').performSubscribe, {
      authData: authFor('replyio'),
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/',
    } as never);
    expect(data).toMatchObject({ tool: 'replyio', id: '1901', event_type: 'contact_finished' });
    expect(sent).toMatchObject({
      eventType: 'contact_finished',
      scope: 'Team',
      enabled: true,
      url: expect.stringMatching(/^https:\/\/hooks\.zapier\.com\/hooks\/standard\/1\/abc\/\?sc_secret=/),
    });
    expectAllCalled();
  });

  it('the Sequence Finished trigger gives the finished contact; the Reply Received trigger ignores the same delivery', async () => {
    const body = {
      event: {
        date: '2026-04-26T06:00:00.000Z',
        id: 'd1a2b3c4-0001-4aaa-8bbb-000000000001',
        type: 'contact_finished',
        user_id: 1234,
        team_id: 100,
        subscription_id: 42,
      },
      contact_fields: { id: 12345, email: 'Prospect@Example.com', first_name: 'Test', last_name: 'Prospect' },
      sequence_fields: { id: 555, name: 'Q2 outbound', step_number: 4 },
      finish_reason: 'FinishedAfterDays',
    };
    const bundle = deliveryBundle('replyio', { body, querystring: { sc_secret: 's' } }, { subscribeData: { secret: 's' } });
    const events = (await appTester(op('triggers', 'sequence_finished').perform, bundle as never)) as Record<string, unknown>[];
    expect(events).toEqual([
      expect.objectContaining({
        event: 'sequence_finished',
        category: 'FinishedAfterDays',
        campaign: { id: '555', name: 'Q2 outbound' },
        lead: expect.objectContaining({ email: 'prospect@example.com' }),
      }),
    ]);
    const replies = await appTester(
      op('triggers', 'reply_received').perform,
      deliveryBundle('replyio', { body, querystring: { sc_secret: 's' } }, { subscribeData: { id: 'sub-2', secret: 's' } }) as never,
    );
    expect(replies).toEqual([]);
  });

  it('the polling twin refuses (no account-wide feed) and points to the instant trigger', async () => {
    const err = await appTester(op('triggers', 'sequence_finished_polling').perform, { authData: authFor('replyio'), inputData: {} } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Sequence Finished \(Polling\) is not available for Reply\.io: .*use the instant "Sequence Finished" trigger/);
    expect(App.triggers).toHaveProperty('sequence_finished');
  });
});

describe('Reply.io Resume Sequence against its mock (README recipe 4 offline)', () => {
  const api = useMockApi('replyio');
  beforeEach(() => nock.enableNetConnect('127.0.0.1'));

  it('Stop → Resume → resumed → already_running; seeded paused → resumed; finished → not_paused; opted out → skipped; unknown → not_found', async () => {
    await api.start();
    expect(await api.run('creates', 'enroll_lead', { campaign_id: '51155', email: 'ann@example.com', first_name: 'Ann' })).toMatchObject({
      outcome: 'enrolled',
    });
    expect(await api.run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'stopped' });
    expect(await api.run('creates', 'resume_sequence', { email: 'ann@example.com' })).toMatchObject({
      outcome: 'resumed',
      affected_campaigns: [{ id: '51155', status: 'active' }],
    });
    expect(await api.run('creates', 'resume_sequence', { email: 'ann@example.com', campaign_id: '51155' })).toMatchObject({ outcome: 'already_running' });
    expect(await api.run('creates', 'resume_sequence', { email: 'paused@example.com' })).toMatchObject({ outcome: 'resumed' });
    expect(await api.run('creates', 'resume_sequence', { email: 'finished@example.com' })).toMatchObject({ outcome: 'not_paused' });
    expect(await api.run('creates', 'resume_sequence', { email: 'optout@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(await api.run('creates', 'resume_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found' });
  });
});
