import nock from 'nock';
import { ActionOutcome } from '../src/model/lead';
import { appTester, authFor, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { useMockApi } from './support/mockApi';

/**
 * Mailshake's lead lifecycle (issue 10): Resume Sequence = `recipients/unpause {campaignID,
 * emailAddress}` (docs "Recipients > Unpause"), never for an address that unsubscribed or bounced
 * (read from `activity/replies {recipientEmailAddress}`: Mailshake records both as Reply types).
 * Sequence Finished is refused with its reason. Through the real app; nock pins every request
 * (method, path, JSON body, Basic auth "key:").
 */
const ORIGIN = 'https://api.mailshake.com';
const KEY = 'test-mailshake-key';
const ms = () => nock(ORIGIN, { reqheaders: { authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` } });
const recipient = {
  object: 'recipient',
  id: 399,
  emailAddress: 'john@doe.com',
  fullName: 'John Doe',
  first: 'John',
  last: 'Doe',
  created: '2017-04-06T17:45:07.188Z',
  fields: {},
};
const notFound = { code: 'not_found', error: 'Recipient not found', time: '2017-08-21T13:23:11.814Z' };
const reply = (type: string, campaignId: number) => ({
  object: 'reply',
  id: 1000 + campaignId,
  actionDate: '2017-04-07T10:00:00.000Z',
  recipient,
  campaign: { object: 'campaign', id: campaignId, title: `C${campaignId}` },
  type,
  subject: 'Re: Quick question',
  plainTextBody: '',
});
const replies = (items: unknown[]) =>
  ms().post('/2017-04-01/activity/replies', { recipientEmailAddress: 'john@doe.com', perPage: 100 }).reply(200, { results: items, nextToken: null });
const get = (campaignID: number, found: boolean) =>
  ms()
    .post('/2017-04-01/recipients/get', { campaignID, emailAddress: 'john@doe.com' })
    .reply(found ? 200 : 404, found ? recipient : notFound);
const pausedIn = (campaignID: number, paused: boolean) =>
  ms()
    .post('/2017-04-01/recipients/list', { campaignID, search: 'john@doe.com', filter: { action: 'paused' }, perPage: 100 })
    .reply(200, { results: paused ? [recipient] : [], nextToken: null });
const unpause = (campaignID: number) => ms().post('/2017-04-01/recipients/unpause', { campaignID, emailAddress: 'john@doe.com' }).reply(200, recipient);
const campaigns = (count: number) =>
  ms()
    .post('/2017-04-01/campaigns/list', { perPage: 100 })
    .reply(200, { results: Array.from({ length: count }, (_, i) => ({ object: 'campaign', id: i + 1, title: `C${i + 1}` })), nextToken: null });
const resume = (inputData: Record<string, unknown>) =>
  appTester(op('creates', 'resume_sequence').perform, { authData: authFor('mailshake'), inputData } as never);

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Mailshake Resume Sequence', () => {
  it('unpauses a paused recipient of the chosen campaign: replies check, get, paused check, unpause', async () => {
    replies([reply('reply', 1)]);
    get(1, true);
    pausedIn(1, true);
    unpause(1);
    const out = ActionOutcome.parse(await resume({ email: 'John@Doe.com', campaign_id: '1' }));
    expect(out).toMatchObject({
      outcome: 'resumed',
      campaign: { id: '1' },
      lead: { id: 'mailshake:john@doe.com' },
      affected_campaigns: [{ id: '1', status: 'active' }],
    });
    expectAllCalled();
  });

  it('already_running when the recipient is not paused; no unpause', async () => {
    replies([]);
    get(1, true);
    pausedIn(1, false);
    expect(await resume({ email: 'john@doe.com', campaign_id: '1' })).toMatchObject({ outcome: 'already_running' });
    expectAllCalled();
  });

  it('an unsubscribe reply anywhere → skipped_unsubscribed, nothing else asked, nothing unpaused', async () => {
    replies([reply('unsubscribe', 7)]);
    expect(await resume({ email: 'john@doe.com', campaign_id: '1' })).toMatchObject({ outcome: 'skipped_unsubscribed', lead: { email: 'john@doe.com' } });
    expectAllCalled();
  });

  it('a bounce in that campaign → not_paused; never unpaused', async () => {
    replies([reply('bounce', 1)]);
    get(1, true);
    pausedIn(1, true);
    expect(await resume({ email: 'john@doe.com', campaign_id: '1' })).toMatchObject({
      outcome: 'not_paused',
      affected_campaigns: [{ id: '1', status: 'bounced' }],
    });
    expectAllCalled();
  });

  it('without a campaign: every active campaign is scanned; paused ones are unpaused except where it bounced', async () => {
    replies([reply('bounce', 2)]);
    campaigns(3);
    get(1, true);
    pausedIn(1, true);
    unpause(1);
    get(2, true);
    pausedIn(2, true);
    get(3, false);
    const out = ActionOutcome.parse(await resume({ email: 'john@doe.com' }));
    expect(out).toMatchObject({
      outcome: 'resumed',
      campaign: null,
      affected_campaigns: [
        { id: '1', name: 'C1', status: 'active' },
        { id: '2', name: 'C2', status: 'bounced' },
      ],
    });
    expect(out.detail).toMatch(/^Unpaused john@doe.com in Mailshake campaign\(s\) C1 \(checked 3 of 3 active Mailshake campaigns\)\.$/);
    expectAllCalled();
  });

  it('not in the campaign and unknown to Mailshake → not_found; emailed elsewhere → not_paused', async () => {
    replies([]);
    get(1, false);
    ms().post('/2017-04-01/activity/sent', { recipientEmailAddress: 'john@doe.com', perPage: 100 }).reply(200, { results: [], nextToken: null });
    campaigns(2);
    get(2, false);
    expect(await resume({ email: 'john@doe.com', campaign_id: '1' })).toMatchObject({ outcome: 'not_found', lead: null });
    replies([]);
    get(1, false);
    ms()
      .post('/2017-04-01/activity/sent')
      .reply(200, {
        results: [
          { object: 'sent-message', id: 5, recipient, campaign: { object: 'campaign', id: 248, title: 'My Campaign' }, actionDate: '2017-04-06T17:45:07.188Z' },
        ],
      });
    expect(await resume({ email: 'john@doe.com', campaign_id: '1' })).toMatchObject({
      outcome: 'not_paused',
      detail: expect.stringMatching(/campaign My Campaign emailed it/),
    });
    expectAllCalled();
  });
});

describe('Mailshake Sequence Finished', () => {
  it('both triggers refuse before any call, saying why and what to use instead', async () => {
    const instant = await appTester(op('triggers', 'sequence_finished').performSubscribe, {
      authData: authFor('mailshake'),
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/x',
    } as never).catch((e) => e);
    expect(messageOf(instant)).toMatch(/^Sequence Finished is not available instantly for Mailshake: Mailshake has no "finished" state for a recipient/);
    const polling = await appTester(op('triggers', 'sequence_finished_polling').perform, { authData: authFor('mailshake'), inputData: {} } as never).catch(
      (e) => e,
    );
    expect(messageOf(polling)).toMatch(/^Sequence Finished \(Polling\) is not available for Mailshake: .*Find Lead/);
  });
});

describe('Mailshake Resume Sequence against its mock (README recipe 4 offline)', () => {
  const api = useMockApi('mailshake');
  beforeEach(() => nock.enableNetConnect('127.0.0.1'));

  it('seeded paused → resumed → already_running; bounced → not_paused; unsubscribed → skipped; unknown → not_found', async () => {
    await api.start();
    expect(await api.run('creates', 'resume_sequence', { email: 'paused@example.com', campaign_id: '11' })).toMatchObject({ outcome: 'resumed' });
    expect(await api.run('creates', 'resume_sequence', { email: 'paused@example.com', campaign_id: '11' })).toMatchObject({ outcome: 'already_running' });
    expect(await api.run('creates', 'resume_sequence', { email: 'bounced@example.com', campaign_id: '11' })).toMatchObject({ outcome: 'not_paused' });
    expect(await api.run('creates', 'resume_sequence', { email: 'optout@example.com', campaign_id: '11' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(await api.run('creates', 'resume_sequence', { email: 'nobody@example.com', campaign_id: '11' })).toMatchObject({ outcome: 'not_found' });
    expect(api.mock.log.filter((l) => l.path.endsWith('/recipients/unpause'))).toHaveLength(1);
  });

  it('Stop (pause) → Resume without a campaign → resumed', async () => {
    await api.start();
    expect(await api.run('creates', 'stop_sequence', { email: 'rita@replied.example.com', campaign_id: '11' })).toMatchObject({ outcome: 'stopped' });
    expect(await api.run('creates', 'resume_sequence', { email: 'rita@replied.example.com' })).toMatchObject({
      outcome: 'resumed',
      affected_campaigns: [{ id: '11', status: 'active' }],
    });
  });
});
