import nock from 'nock';
import { ActionOutcome, Lead } from '../src/model/lead';
import { mailshake } from '../src/providers/mailshake';
import type { EnrollPolicy, EnrollRequest, LeadInput } from '../src/providers/types';
import { expectAllCalled, messageOf, resetNock, runWith } from './support/app';

const ORIGIN = 'https://api.mailshake.com';
const KEY = 'test-mailshake-key';
const ms = () => nock(ORIGIN, { reqheaders: { authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` } });
const leads = mailshake.leads!;

const input = (over: Partial<LeadInput> = {}): LeadInput => ({
  email: 'John@Doe.com',
  first_name: 'John',
  last_name: 'Doe',
  company: null,
  title: null,
  phone: null,
  linkedin_url: null,
  custom_fields: { favorite_color: 'Red' },
  ...over,
});
const policy = (over: Partial<EnrollPolicy> = {}): EnrollPolicy => ({
  if_already_enrolled: 'skip',
  if_in_other_campaign: 'add_anyway',
  if_previously_contacted: 're_enroll',
  ...over,
});
const req = (over: Partial<EnrollRequest> = {}): EnrollRequest => ({ campaign_id: '1', lead: input(), policy: policy(), mailbox_id: null, ...over });
const recipient = { object: 'recipient', id: 399, emailAddress: 'john@doe.com', fullName: 'John Doe', first: 'John', last: 'Doe', created: '2017-04-06T17:45:07.188Z', fields: { favorite_color: 'Red' } };
const ADD_BODY = { campaignID: 1, addAsNewList: false, addresses: [{ emailAddress: 'john@doe.com', fullName: 'John Doe', fields: { favorite_color: 'Red' } }] };
const add = () => ms().post('/2017-04-01/recipients/add', ADD_BODY).reply(200, { invalidEmails: [], isEmpty: false, checkStatusID: 7 });
const status = (problems: Record<string, string[]>, isFinished = true) =>
  ms()
    .post('/2017-04-01/recipients/add-status', { statusID: 7 })
    .reply(200, { isFinished, problems: { unsubscribedEmails: [], alreadyInCampaignEmails: [], passedAccountLimitEmails: [], hasProblems: Object.keys(problems).length > 0, ...problems } });
const enroll = (r: EnrollRequest) => runWith('mailshake', (ctx) => leads.enroll(ctx, r));
const notFound = { code: 'not_found', error: 'Recipient not found', time: '2017-08-21T13:23:11.814Z' };

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Mailshake enroll (recipients/add + add-status)', () => {
  it('enrolled when the finished import reports no problem for the address', async () => {
    add();
    status({});
    const out = ActionOutcome.parse(await enroll(req()));
    expect(out).toMatchObject({ outcome: 'enrolled', campaign: { id: '1' }, lead: { email: 'john@doe.com' } });
    expectAllCalled();
  });

  it('polls until finished (bounded)', async () => {
    add();
    status({}, false);
    status({ alreadyInCampaignEmails: ['john@doe.com'] });
    expect((await enroll(req())).outcome).toBe('already_enrolled');
    expectAllCalled();
  });

  it('already in campaign → already_enrolled, or an error by policy', async () => {
    add();
    status({ alreadyInCampaignEmails: ['john@doe.com'] });
    const err = await enroll(req({ policy: policy({ if_already_enrolled: 'error' }) })).catch((e) => e);
    expect(messageOf(err)).toMatch(/john@doe.com is already in Mailshake campaign 1/);
    expectAllCalled();
  });

  it('unsubscribed → skipped_unsubscribed', async () => {
    add();
    status({ unsubscribedEmails: ['JOHN@doe.com'] });
    expect((await enroll(req())).outcome).toBe('skipped_unsubscribed');
    expectAllCalled();
  });

  it('campaign full → ThrottledError', async () => {
    add();
    status({ passedAccountLimitEmails: ['john@doe.com'] });
    expect((await enroll(req()).catch((e) => e)).name).toBe('ThrottledError');
  });

  it('import not finished after the polls: enrolled (still processing) when Mailshake said it imported something', async () => {
    add();
    for (let i = 0; i < 4; i += 1) status({}, false);
    const out = await enroll(req());
    expect(out.outcome).toBe('enrolled');
    expect(out.detail).toMatch(/still processing/);
    expectAllCalled();
  });

  it('an invalid address is an error', async () => {
    ms().post('/2017-04-01/recipients/add').reply(200, { invalidEmails: ['john@doe.com'], isEmpty: true, checkStatusID: 7 });
    expect(messageOf(await enroll(req()).catch((e) => e))).toMatch(/invalid email address/);
  });

  it('skip policies: contacted by another campaign (activity/sent) → skipped, nothing added', async () => {
    const sent = { results: [{ object: 'sent-message', id: 5, recipient, campaign: { object: 'campaign', id: 248, title: 'My Campaign' }, actionDate: '2017-04-06T17:45:07.188Z' }] };
    ms().post('/2017-04-01/activity/sent', { recipientEmailAddress: 'john@doe.com', perPage: 100 }).times(2).reply(200, sent);
    expect((await enroll(req({ policy: policy({ if_in_other_campaign: 'skip' }) }))).outcome).toBe('skipped_in_other_campaign');
    const out = await enroll(req({ policy: policy({ if_previously_contacted: 'skip' }) }));
    expect(out).toMatchObject({ outcome: 'skipped_previously_contacted', lead: { id: 'mailshake:399' } });
    expectAllCalled();
  });

  it('skip policies with no other campaign: the add goes ahead', async () => {
    ms().post('/2017-04-01/activity/sent').reply(200, { results: [], nextToken: null });
    add();
    status({});
    expect((await enroll(req({ policy: policy({ if_in_other_campaign: 'skip', if_previously_contacted: 'skip' }) }))).outcome).toBe('enrolled');
    expectAllCalled();
  });
});

describe('Mailshake stop (recipients/pause, never unsubscribe)', () => {
  const stop = (campaign_id: string | null) => runWith('mailshake', (ctx) => leads.stop(ctx, { email: 'john@doe.com', campaign_id, mode: 'pause' }));
  const pausedList = (results: unknown[]) =>
    ms()
      .post('/2017-04-01/recipients/list', { campaignID: 1, search: 'john@doe.com', filter: { action: 'paused' }, perPage: 100 })
      .reply(200, { results, nextToken: null });

  it('pauses in one campaign', async () => {
    pausedList([]);
    ms().post('/2017-04-01/recipients/pause', { campaignID: 1, emailAddress: 'john@doe.com' }).reply(200, recipient);
    const out = ActionOutcome.parse(await stop('1'));
    expect(out).toMatchObject({ outcome: 'stopped', lead: { id: 'mailshake:399' }, affected_campaigns: [{ id: '1', status: 'paused' }] });
    expectAllCalled();
  });

  it('already paused → already_stopped without pausing again', async () => {
    pausedList([recipient]);
    expect((await stop('1')).outcome).toBe('already_stopped');
    expectAllCalled();
  });

  it('not a recipient → not_found', async () => {
    pausedList([]);
    ms().post('/2017-04-01/recipients/pause').reply(404, notFound);
    expect((await stop('1')).outcome).toBe('not_found');
    expectAllCalled();
  });

  it('all campaigns: pauses wherever the address is a recipient', async () => {
    ms().post('/2017-04-01/campaigns/list', { perPage: 100 }).reply(200, { results: [{ id: 1, title: 'A' }, { id: 2, title: 'B' }], nextToken: null });
    ms().post('/2017-04-01/recipients/pause', { campaignID: 1, emailAddress: 'john@doe.com' }).reply(404, notFound);
    ms().post('/2017-04-01/recipients/pause', { campaignID: 2, emailAddress: 'john@doe.com' }).reply(200, recipient);
    const out = await stop(null);
    expect(out).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: '2', name: 'B', status: 'paused' }] });
    expectAllCalled();
  });

  it('offers pause only', () => expect(leads.stopModes).toEqual(['pause']));
});

describe('Mailshake find / create', () => {
  it('finds the recipient across campaigns (recipients/get per campaign)', async () => {
    ms().post('/2017-04-01/campaigns/list', { perPage: 100 }).reply(200, { results: [{ id: 1, title: 'A' }, { id: 2, title: 'B' }] });
    ms().post('/2017-04-01/recipients/get', { campaignID: 1, emailAddress: 'john@doe.com' }).reply(404, notFound);
    ms().post('/2017-04-01/recipients/get', { campaignID: 2, emailAddress: 'john@doe.com' }).reply(200, recipient);
    const lead = Lead.parse(await runWith('mailshake', (ctx) => leads.find(ctx, 'John@Doe.com')));
    expect(lead).toMatchObject({ id: 'mailshake:399', full_name: 'John Doe', campaigns: [{ id: '2', name: 'B' }] });
    expectAllCalled();
  });

  it('returns null when no campaign has the address', async () => {
    ms().post('/2017-04-01/campaigns/list').reply(200, { results: [{ id: 1, title: 'A' }] });
    ms().post('/2017-04-01/recipients/get').reply(404, notFound);
    expect(await runWith('mailshake', (ctx) => leads.find(ctx, 'john@doe.com'))).toBeNull();
  });

  it('create needs a campaign: adds the recipient there and reads it back', async () => {
    expect(leads.campaignRequiredForCreate).toBe(true);
    add();
    status({});
    ms().post('/2017-04-01/recipients/get', { campaignID: 1, emailAddress: 'john@doe.com' }).reply(200, recipient);
    const out = await runWith('mailshake', (ctx) => leads.upsert(ctx, input(), '1'));
    expect(out).toMatchObject({ created: true, lead: { id: 'mailshake:399' } });
    expectAllCalled();
  });
});
