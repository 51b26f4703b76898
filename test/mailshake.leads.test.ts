import { CAPABILITIES } from '../src/providers/capabilityTable';
import type { ActionCapabilities } from '../src/providers/capabilities';
import nock from 'nock';
import { ActionOutcome, Lead } from '../src/model/lead';
import { mailshake } from '../src/providers/mailshake';
import { SCAN } from '../src/providers/mailshake/leads';
import type { EnrollPolicy, EnrollRequest, LeadInput } from '../src/providers/types';
import { appTester, authFor, expectAllCalled, messageOf, op, resetNock, runWith } from './support/app';

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
const recipient = {
  object: 'recipient',
  id: 399,
  emailAddress: 'john@doe.com',
  fullName: 'John Doe',
  first: 'John',
  last: 'Doe',
  created: '2017-04-06T17:45:07.188Z',
  fields: { favorite_color: 'Red' },
};
const ADD_BODY = { campaignID: 1, addAsNewList: false, addresses: [{ emailAddress: 'john@doe.com', fullName: 'John Doe', fields: { favorite_color: 'Red' } }] };
const add = () => ms().post('/2017-04-01/recipients/add', ADD_BODY).reply(200, { invalidEmails: [], isEmpty: false, checkStatusID: 7 });
const status = (problems: Record<string, string[]>, isFinished = true) =>
  ms()
    .post('/2017-04-01/recipients/add-status', { statusID: 7 })
    .reply(200, {
      isFinished,
      problems: {
        unsubscribedEmails: [],
        alreadyInCampaignEmails: [],
        passedAccountLimitEmails: [],
        hasProblems: Object.keys(problems).length > 0,
        ...problems,
      },
    });
const enroll = (r: EnrollRequest) => runWith('mailshake', (ctx) => leads.enroll(ctx, r));
const notFound = { code: 'not_found', error: 'Recipient not found', time: '2017-08-21T13:23:11.814Z' };

const SCAN_DEFAULTS = { ...SCAN };
beforeEach(resetNock);
afterEach(() => {
  nock.cleanAll();
  Object.assign(SCAN, SCAN_DEFAULTS);
});
/** `campaigns/list` answering `count` campaigns (ids 1..count), `perPage` a page, by nextToken. */
const campaignPages = (count: number, extra: (id: number) => Record<string, unknown> = () => ({}), perPage = 100) => {
  for (let start = 0; start < count; start += perPage) {
    const ids = Array.from({ length: Math.min(perPage, count - start) }, (_, i) => start + i + 1);
    const next = start + perPage < count ? `t${start + perPage}` : null;
    ms()
      .post('/2017-04-01/campaigns/list', start === 0 ? { perPage: 100 } : { perPage: 100, nextToken: `t${start}` })
      .reply(200, { results: ids.map((id) => ({ object: 'campaign', id, title: `C${id}`, ...extra(id) })), nextToken: next });
  }
};
const noSent = () =>
  ms().post('/2017-04-01/activity/sent', { recipientEmailAddress: 'john@doe.com', perPage: 100 }).reply(200, { results: [], nextToken: null });

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

  // passedAccountLimitEmails = "could not be imported because your campaign exceeded the number of
  // allowed recipients it can hold" (docs "Models" > Add Status Response; 5,000 per campaign, docs
  // "Recipients > Add"). Not a rate limit: waiting does not empty the campaign, so no ThrottledError.
  it('campaign full → a clear error saying what is full and what to do, not a ThrottledError (through the app)', async () => {
    add();
    status({ passedAccountLimitEmails: ['john@doe.com'] });
    const err = await appTester(op('creates', 'enroll_lead').perform, {
      authData: authFor('mailshake'),
      inputData: {
        email: 'John@Doe.com',
        first_name: 'John',
        last_name: 'Doe',
        campaign_id: '1',
        custom_fields: { favorite_color: 'Red' },
        if_in_other_campaign: 'add_anyway',
        if_previously_contacted: 're_enroll',
      },
    } as never).catch((e) => e);
    expect((err as Error).name).not.toBe('ThrottledError');
    expect(messageOf(err)).toMatch(
      /^Mailshake campaign 1 is full: a campaign holds at most 5,000 recipients, so john@doe.com was not added\. Choose another campaign, or start a new one .*; retrying will not help until the campaign has room\.$/,
    );
    expectAllCalled();
  });

  it('import not finished after the polls: an error saying Mailshake is still importing, never "enrolled"', async () => {
    add();
    for (let i = 0; i < 4; i += 1) status({}, false);
    const err = await enroll(req()).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(messageOf(err)).toMatch(
      /^Mailshake is still importing john@doe.com into campaign 1: the import had not finished after 4 status checks.*Replay this step/,
    );
    expectAllCalled();
  });

  it('Create Lead with the import still running is the same error (not created: true)', async () => {
    add();
    for (let i = 0; i < 4; i += 1) status({}, false);
    expect(messageOf(await runWith('mailshake', (ctx) => leads.upsert(ctx, input(), '1')).catch((e) => e))).toMatch(
      /Mailshake is still importing john@doe.com/,
    );
    expectAllCalled();
  });

  it('an invalid address is an error', async () => {
    ms()
      .post('/2017-04-01/recipients/add')
      .reply(200, { invalidEmails: ['john@doe.com'], isEmpty: true, checkStatusID: 7 });
    expect(messageOf(await enroll(req()).catch((e) => e))).toMatch(/invalid email address/);
  });

  it('skip policies: contacted by another campaign (activity/sent) → skipped, nothing added', async () => {
    const sent = {
      results: [
        { object: 'sent-message', id: 5, recipient, campaign: { object: 'campaign', id: 248, title: 'My Campaign' }, actionDate: '2017-04-06T17:45:07.188Z' },
      ],
    };
    ms().post('/2017-04-01/activity/sent', { recipientEmailAddress: 'john@doe.com', perPage: 100 }).times(2).reply(200, sent);
    expect((await enroll(req({ policy: policy({ if_in_other_campaign: 'skip' }) }))).outcome).toBe('skipped_in_other_campaign');
    const out = await enroll(req({ policy: policy({ if_previously_contacted: 'skip' }) }));
    expect(out).toMatchObject({ outcome: 'skipped_previously_contacted', lead: { id: 'mailshake:john@doe.com', tool_lead_id: 'john@doe.com' } });
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
    expect(out).toMatchObject({ outcome: 'stopped', lead: { id: 'mailshake:john@doe.com' }, affected_campaigns: [{ id: '1', status: 'paused' }] });
    expectAllCalled();
  });

  it('already paused → already_stopped without pausing again', async () => {
    pausedList([recipient]);
    expect((await stop('1')).outcome).toBe('already_stopped');
    expectAllCalled();
  });

  const notInCampaign1 = () => {
    pausedList([]);
    ms().post('/2017-04-01/recipients/pause', { campaignID: 1, emailAddress: 'john@doe.com' }).reply(404, notFound);
  };

  it('not in that campaign and unknown to Mailshake (never emailed, in no other campaign) → not_found', async () => {
    notInCampaign1();
    noSent();
    campaignPages(3);
    ms().post('/2017-04-01/recipients/get', { campaignID: 2, emailAddress: 'john@doe.com' }).reply(404, notFound);
    ms().post('/2017-04-01/recipients/get', { campaignID: 3, emailAddress: 'john@doe.com' }).reply(404, notFound);
    expect((await stop('1')).outcome).toBe('not_found');
    expectAllCalled();
  });

  it('not in that campaign but known to Mailshake → already_stopped (emailed by another campaign, or a recipient there)', async () => {
    notInCampaign1();
    ms()
      .post('/2017-04-01/activity/sent')
      .reply(200, {
        results: [
          { object: 'sent-message', id: 5, recipient, campaign: { object: 'campaign', id: 248, title: 'My Campaign' }, actionDate: '2017-04-06T17:45:07.188Z' },
        ],
      });
    const out = ActionOutcome.parse(await stop('1'));
    expect(out).toMatchObject({ outcome: 'already_stopped', lead: { id: 'mailshake:john@doe.com' } });
    expect(out.detail).toMatch(/not a recipient of Mailshake campaign 1 \(campaign My Campaign emailed it\)/);
    notInCampaign1();
    noSent();
    campaignPages(3);
    ms().post('/2017-04-01/recipients/get', { campaignID: 2, emailAddress: 'john@doe.com' }).reply(200, recipient);
    ms().post('/2017-04-01/recipients/get', { campaignID: 3, emailAddress: 'john@doe.com' }).reply(404, notFound);
    expect((await stop('1')).outcome).toBe('already_stopped');
    expectAllCalled();
  });

  it('not in that campaign, and the scan of the others cut short → an error, never not_found', async () => {
    SCAN.budgetMs = 600;
    notInCampaign1();
    noSent();
    campaignPages(10);
    ms().post('/2017-04-01/recipients/get').times(4).delay(700).reply(404, notFound);
    const err = await stop('1').catch((e) => e);
    expect(messageOf(err)).toMatch(
      /whether Mailshake knows it at all .* could not be settled: .*after checking 4 of 9 active Mailshake campaigns.*NOT a "not found"/,
    );
    expectAllCalled();
  });

  describe('all campaigns', () => {
    const get = (campaignID: number, found: boolean) =>
      ms()
        .post('/2017-04-01/recipients/get', { campaignID, emailAddress: 'john@doe.com' })
        .reply(found ? 200 : 404, found ? recipient : notFound);
    const pausedIn = (campaignID: number, paused: boolean) =>
      ms()
        .post('/2017-04-01/recipients/list', { campaignID, search: 'john@doe.com', filter: { action: 'paused' }, perPage: 100 })
        .reply(200, { results: paused ? [recipient] : [], nextToken: null });
    const pauseIn = (campaignID: number) => ms().post('/2017-04-01/recipients/pause', { campaignID, emailAddress: 'john@doe.com' }).reply(200, recipient);

    it('pages through every campaign (not just the first 25), skips archived ones, pauses wherever the address is', async () => {
      campaignPages(130, (id) => ({ isArchived: id === 2 }));
      for (let id = 1; id <= 130; id += 1) if (id !== 2 && id !== 128) get(id, false);
      get(128, true);
      pausedIn(128, false);
      pauseIn(128);
      const out = ActionOutcome.parse(await stop(null));
      expect(out).toMatchObject({
        outcome: 'stopped',
        lead: { id: 'mailshake:john@doe.com' },
        affected_campaigns: [{ id: '128', name: 'C128', status: 'paused' }],
      });
      expect(out.detail).toMatch(/paused it in C128 \(checked 129 of 129 active Mailshake campaigns\)/);
      expectAllCalled();
    });

    it('idempotent: where it is already paused nothing is paused again; nothing changed → already_stopped', async () => {
      campaignPages(3);
      get(1, true);
      pausedIn(1, true);
      get(2, true);
      pausedIn(2, false);
      pauseIn(2);
      get(3, false);
      const first = await stop(null);
      expect(first).toMatchObject({
        outcome: 'stopped',
        affected_campaigns: [
          { id: '1', status: 'paused' },
          { id: '2', status: 'paused' },
        ],
      });
      expect(first.detail).toMatch(/paused it in C2; it was already paused in C1/);
      campaignPages(3);
      get(1, true);
      pausedIn(1, true);
      get(2, true);
      pausedIn(2, true);
      get(3, false);
      const again = await stop(null);
      expect(again).toMatchObject({ outcome: 'already_stopped', affected_campaigns: [{ id: '1' }, { id: '2' }] });
      expect(again.detail).toMatch(/already paused in Mailshake campaigns C1, C2; nothing changed/);
      expectAllCalled();
    });

    it('in no campaign: not_found only when Mailshake never emailed it either; else already_stopped', async () => {
      campaignPages(2);
      get(1, false);
      get(2, false);
      noSent();
      expect((await stop(null)).outcome).toBe('not_found');
      campaignPages(2);
      get(1, false);
      get(2, false);
      ms()
        .post('/2017-04-01/activity/sent')
        .reply(200, { results: [{ object: 'sent-message', id: 5, recipient, campaign: { id: 9, title: 'Archived one' } }] });
      expect((await stop(null)).outcome).toBe('already_stopped');
      expectAllCalled();
    });

    it('a scan cut short by the time limit is an error saying how many campaigns were checked (and what was paused)', async () => {
      SCAN.budgetMs = 600;
      campaignPages(10);
      ms().post('/2017-04-01/recipients/get', { campaignID: 1, emailAddress: 'john@doe.com' }).delay(700).reply(200, recipient);
      pausedIn(1, false);
      pauseIn(1);
      ms().post('/2017-04-01/recipients/get').times(3).delay(700).reply(404, notFound);
      const err = await stop(null).catch((e) => e);
      expect(messageOf(err)).toMatch(
        /^Stopping john@doe.com in every Mailshake campaign was cut short \(paused it in C1\)\..* after checking 4 of 10 active Mailshake campaigns.*NOT a "not found"/,
      );
      expectAllCalled();
    });
  });

  it('offers pause only', () => expect((CAPABILITIES.mailshake.actions as ActionCapabilities).stop.modes).toEqual(['pause']));
});

describe('Mailshake find / create', () => {
  it('finds the recipient across campaigns (recipients/get per campaign); the id is the email', async () => {
    ms()
      .post('/2017-04-01/campaigns/list', { perPage: 100 })
      .reply(200, {
        results: [
          { id: 1, title: 'A' },
          { id: 2, title: 'B' },
        ],
      });
    ms().post('/2017-04-01/recipients/get', { campaignID: 1, emailAddress: 'john@doe.com' }).reply(404, notFound);
    ms().post('/2017-04-01/recipients/get', { campaignID: 2, emailAddress: 'john@doe.com' }).reply(200, recipient);
    const lead = Lead.parse(await runWith('mailshake', (ctx) => leads.find(ctx, 'John@Doe.com')));
    expect(lead).toMatchObject({ id: 'mailshake:john@doe.com', tool_lead_id: 'john@doe.com', full_name: 'John Doe', campaigns: [{ id: '2', name: 'B' }] });
    expectAllCalled();
  });

  it('looks past the first page and the first 25 campaigns, skipping archived ones', async () => {
    campaignPages(140, (id) => ({ isArchived: id % 10 === 0 }));
    for (let id = 1; id <= 140; id += 1) {
      if (id % 10 === 0) continue;
      ms()
        .post('/2017-04-01/recipients/get', { campaignID: id, emailAddress: 'john@doe.com' })
        .reply(id === 133 ? 200 : 404, id === 133 ? recipient : notFound);
    }
    const lead = Lead.parse(await runWith('mailshake', (ctx) => leads.find(ctx, 'john@doe.com')));
    expect(lead.campaigns).toEqual([{ id: '133', name: 'C133', status: null }]);
    expectAllCalled();
  });

  it('returns null when no campaign has the address', async () => {
    ms()
      .post('/2017-04-01/campaigns/list')
      .reply(200, { results: [{ id: 1, title: 'A' }] });
    ms().post('/2017-04-01/recipients/get').reply(404, notFound);
    expect(await runWith('mailshake', (ctx) => leads.find(ctx, 'john@doe.com'))).toBeNull();
  });

  it('a scan cut short without a hit is an error saying how many were checked, not "not found"', async () => {
    SCAN.budgetMs = 600;
    campaignPages(10);
    ms().post('/2017-04-01/recipients/get').times(4).delay(700).reply(404, notFound);
    const err = await runWith('mailshake', (ctx) => leads.find(ctx, 'john@doe.com')).catch((e) => e);
    expect(messageOf(err)).toMatch(/^john@doe.com was not in any of the campaigns checked\. .*after checking 4 of 10 active Mailshake campaigns/);
    expectAllCalled();
  });

  it('create needs a campaign: adds the recipient there and reads it back (same id as Find)', async () => {
    expect((CAPABILITIES.mailshake.actions as ActionCapabilities).create.campaign).toBe('required');
    add();
    status({});
    ms().post('/2017-04-01/recipients/get', { campaignID: 1, emailAddress: 'john@doe.com' }).reply(200, recipient);
    const out = await runWith('mailshake', (ctx) => leads.upsert(ctx, input(), '1'));
    expect(out).toMatchObject({ created: true, lead: { id: 'mailshake:john@doe.com', tool_lead_id: 'john@doe.com' } });
    expectAllCalled();
  });

  it('enroll returns the same lead id as Find and Create', async () => {
    add();
    status({});
    expect((await enroll(req())).lead).toMatchObject({ id: 'mailshake:john@doe.com', tool_lead_id: 'john@doe.com' });
  });
});
