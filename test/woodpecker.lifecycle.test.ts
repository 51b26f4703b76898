import nock from 'nock';
import { ActionOutcome } from '../src/model/lead';
import { appTester, authFor, expectAllCalled, messageOf, op, resetNock } from './support/app';
import { useMockApi } from './support/mockApi';

/**
 * Woodpecker's lead lifecycle (issue 10): Resume Sequence sets a PAUSED campaign membership back to
 * ACTIVE with the documented "Update prospects in a campaign" call (`POST /rest/v1/add_prospects_campaign`
 * with `update: true, force: true`) — the undo of Stop. Sequence Finished is refused with its reason.
 * Through the real app; nock pins method, path, query, body and the `x-api-key` header.
 */
const API = 'https://api.woodpecker.co';
const KEY = 'test-woodpecker-key';
const wp = () => nock(API, { reqheaders: { 'x-api-key': KEY, 'content-type': /json/ } });
const wpGet = () => nock(API, { reqheaders: { 'x-api-key': KEY } });
const searchFor = () => wpGet().get('/rest/v1/prospects').query({ search: 'email=erlich@bachman.com', campaigns_details: 'true' });
type Detail = { campaign_id: number; campaign_name: string; campaign_status: string; campaign_prospect_status: string };
const row = (status: string, details: Detail[]) => [
  { id: 4804, email: 'erlich@bachman.com', first_name: 'Erlich', last_name: 'Bachman', status, campaigns_details: details },
];
const membership = (id: number, prospectStatus: string, campaignStatus = 'RUNNING'): Detail => ({
  campaign_id: id,
  campaign_name: `Campaign ${id}`,
  campaign_status: campaignStatus,
  campaign_prospect_status: prospectStatus,
});
const activate = (campaignId: number) =>
  wp()
    .post('/rest/v1/add_prospects_campaign', {
      campaign: { campaign_id: campaignId },
      force: true,
      update: true,
      prospects: [{ email: 'erlich@bachman.com', status: 'ACTIVE' }],
    })
    .reply(200, { prospects: [{ email: 'erlich@bachman.com', id: 4804 }], status: { status: 'OK', code: '', msg: '' } });
const resume = (inputData: Record<string, unknown>) =>
  appTester(op('creates', 'resume_sequence').perform, { authData: authFor('woodpecker'), inputData } as never);

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Woodpecker Resume Sequence', () => {
  it('sets the PAUSED membership of the chosen campaign back to ACTIVE: one search, one update', async () => {
    searchFor().reply(200, row('ACTIVE', [membership(1234567, 'PAUSED'), membership(7654321, 'PAUSED')]));
    activate(1234567);
    const out = ActionOutcome.parse(await resume({ email: 'Erlich@Bachman.com', campaign_id: '1234567' }));
    expect(out).toMatchObject({
      outcome: 'resumed',
      campaign: { id: '1234567', name: 'Campaign 1234567' },
      affected_campaigns: [{ id: '1234567', status: 'ACTIVE' }],
      detail: 'Resumed erlich@bachman.com in Woodpecker campaign Campaign 1234567.',
    });
    expectAllCalled();
  });

  it('without a campaign: every PAUSED membership of a running campaign; not one in a COMPLETED campaign', async () => {
    searchFor().reply(200, row('ACTIVE', [membership(1, 'PAUSED'), membership(2, 'PAUSED', 'COMPLETED'), membership(3, 'PAUSED')]));
    activate(1);
    activate(3);
    expect(await resume({ email: 'erlich@bachman.com' })).toMatchObject({
      outcome: 'resumed',
      affected_campaigns: [
        { id: '1', status: 'ACTIVE' },
        { id: '2', status: 'PAUSED' },
        { id: '3', status: 'ACTIVE' },
      ],
    });
    expectAllCalled();
  });

  it('already_running when the membership still sends (ACTIVE, AUTOREPLIED); no update', async () => {
    searchFor().reply(200, row('AUTOREPLIED', [membership(1, 'AUTOREPLIED')]));
    expect(await resume({ email: 'erlich@bachman.com' })).toMatchObject({ outcome: 'already_running' });
    expectAllCalled();
  });

  it.each(['REPLIED', 'BOUNCED', 'INVALID'])('not_paused for a membership %s; no update', async (status) => {
    searchFor().reply(200, row('ACTIVE', [membership(1, status)]));
    expect(await resume({ email: 'erlich@bachman.com', campaign_id: '1' })).toMatchObject({ outcome: 'not_paused', affected_campaigns: [{ id: '1', status }] });
    expectAllCalled();
  });

  it.each(['BOUNCED', 'INVALID'])('a paused membership of a prospect whose global status is %s is never resumed (not_paused, no update)', async (global) => {
    searchFor().reply(200, row(global, [membership(1, 'PAUSED')]));
    expect(await resume({ email: 'erlich@bachman.com' })).toMatchObject({
      outcome: 'not_paused',
      detail: expect.stringContaining(`(the prospect is ${global} in Woodpecker)`),
    });
    expectAllCalled();
  });

  it('a BLACKLIST prospect (unsubscribed) is skipped_unsubscribed; no update', async () => {
    searchFor().reply(200, row('BLACKLIST', [membership(1, 'PAUSED')]));
    expect(await resume({ email: 'erlich@bachman.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expectAllCalled();
  });

  it('not_paused when the prospect is not in the campaign; not_found when Woodpecker does not know it (204)', async () => {
    searchFor().reply(200, row('ACTIVE', [membership(1, 'PAUSED')]));
    expect(await resume({ email: 'erlich@bachman.com', campaign_id: '9' })).toMatchObject({
      outcome: 'not_paused',
      detail: 'erlich@bachman.com is not in Woodpecker campaign 9; nothing to resume.',
    });
    searchFor().reply(204);
    expect(await resume({ email: 'erlich@bachman.com' })).toMatchObject({ outcome: 'not_found', lead: null });
    expectAllCalled();
  });

  it('a per-prospect error from the update is an error naming the campaign, not "resumed"', async () => {
    searchFor().reply(200, row('ACTIVE', [membership(1, 'PAUSED')]));
    wp()
      .post('/rest/v1/add_prospects_campaign')
      .reply(200, { prospects: [{ email: 'erlich@bachman.com', status: 'ERROR', code: 'E_RECORD_NOT_FOUND', msg: 'Campaign not found' }] });
    expect(messageOf(await resume({ email: 'erlich@bachman.com' }).catch((e) => e))).toBe(
      'Woodpecker did not resume erlich@bachman.com in campaign Campaign 1: Campaign not found (E_RECORD_NOT_FOUND)',
    );
  });
});

describe('Woodpecker Sequence Finished', () => {
  it('both triggers refuse before any call, saying why and what to use instead', async () => {
    const instant = await appTester(op('triggers', 'sequence_finished').performSubscribe, {
      authData: authFor('woodpecker'),
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/x',
    } as never).catch((e) => e);
    expect(messageOf(instant)).toMatch(
      /^Sequence Finished is not available instantly for Woodpecker: Woodpecker documents no per-prospect "finished the campaign" signal: its `campaign_completed` webhook reports a whole campaign finishing/,
    );
    const polling = await appTester(op('triggers', 'sequence_finished_polling').perform, { authData: authFor('woodpecker'), inputData: {} } as never).catch(
      (e) => e,
    );
    expect(messageOf(polling)).toMatch(/^Sequence Finished \(Polling\) is not available for Woodpecker: .*Find Lead/);
  });
});

describe('Woodpecker Resume Sequence against its mock (README recipe 4 offline)', () => {
  const api = useMockApi('woodpecker');
  beforeEach(() => nock.enableNetConnect('127.0.0.1'));
  /** The mock enforces Woodpecker's queue (7 requests a second): let the window pass between groups. */
  const nextWindow = () => new Promise((r) => setTimeout(r, 1100));

  it('Stop → Resume → resumed → already_running; seeded paused → resumed; invalid → not_paused; blacklisted → skipped; unknown → not_found', async () => {
    await api.start();
    expect(await api.run('creates', 'enroll_lead', { campaign_id: '1201', email: 'ann@example.com' })).toMatchObject({ outcome: 'enrolled' });
    expect(await api.run('creates', 'stop_sequence', { email: 'ann@example.com' })).toMatchObject({ outcome: 'stopped' });
    expect(await api.run('creates', 'resume_sequence', { email: 'ann@example.com' })).toMatchObject({
      outcome: 'resumed',
      affected_campaigns: [{ id: '1201', status: 'ACTIVE' }],
    });
    await nextWindow();
    expect(await api.run('creates', 'resume_sequence', { email: 'ann@example.com', campaign_id: '1201' })).toMatchObject({ outcome: 'already_running' });
    expect(await api.run('searches', 'find_lead', { email: 'ann@example.com' })).toMatchObject([{ campaigns: [{ id: '1201', status: 'ACTIVE' }] }]);
    expect(await api.run('creates', 'resume_sequence', { email: 'paused@example.com', campaign_id: '1201' })).toMatchObject({ outcome: 'resumed' });
    await nextWindow();
    expect(await api.run('creates', 'resume_sequence', { email: 'invalid@example.com' })).toMatchObject({ outcome: 'not_paused' });
    expect(await api.run('creates', 'resume_sequence', { email: 'rita@replied.example.com' })).toMatchObject({ outcome: 'not_paused' });
    expect(await api.run('creates', 'resume_sequence', { email: 'unsubscribed@example.com' })).toMatchObject({ outcome: 'skipped_unsubscribed' });
    expect(await api.run('creates', 'resume_sequence', { email: 'nobody@example.com' })).toMatchObject({ outcome: 'not_found' });
  });
});
