import { CAPABILITIES } from '../src/providers/capabilityTable';
import type { ActionCapabilities } from '../src/providers/capabilities';
import nock from 'nock';
import { ActionOutcome, Lead } from '../src/model/lead';
import { mixmax } from '../src/providers/mixmax';
import type { EnrollRequest, LeadInput } from '../src/providers/types';
import { expectAllCalled, messageOf, resetNock, runWith } from './support/app';

const API = 'https://api.mixmax.com';
const KEY = 'test-mixmax-key';
const TOKEN = { reqheaders: { 'x-api-token': KEY } };
const ops = mixmax.leads!;

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

const leadIn: LeadInput = {
  email: 'Hugo@Mixmax.com',
  first_name: 'Hugo',
  last_name: 'Brockman',
  company: 'Mixmax',
  title: null,
  phone: null,
  linkedin_url: null,
  custom_fields: { Plan: 'Growth' },
};
const policy = { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip' } as EnrollRequest['policy'];
const RECIPIENTS_BODY = {
  recipients: [{ email: 'hugo@mixmax.com', variables: { 'First Name': 'Hugo', 'Last Name': 'Brockman', Company: 'Mixmax', Plan: 'Growth' } }],
};
const enrollWith = (answer: unknown, req: Partial<EnrollRequest> = {}) => {
  nock(API, TOKEN)
    .post('/v1/sequences/593HF9J3IJ4JF30IF/recipients', RECIPIENTS_BODY)
    .reply(200, answer as object);
  return runWith('mixmax', (ctx) => ops.enroll(ctx, { campaign_id: '593HF9J3IJ4JF30IF', lead: leadIn, policy, mailbox_id: null, ...req })).then((o) =>
    ActionOutcome.parse(o),
  );
};
const CONTACT = {
  _id: '580aa34686e6e2194b25d79e',
  name: 'Hello Mixmax',
  email: 'hello@mixmax.com',
  userId: 'kZYPwDDiGPTfQDj5n',
  contactId: '78abf1610ad702f1',
};

describe('Mixmax find / create', () => {
  it('finds a contact by exact (case-insensitive) email among the search results', async () => {
    nock(API, TOKEN)
      .get('/v1/contacts')
      .query({ search: 'hello@mixmax.com', limit: '50' })
      .reply(200, { results: [{ ...CONTACT, _id: 'other', email: 'hello.world@mixmax.com' }, CONTACT], next: null });
    const lead = Lead.parse(await runWith('mixmax', (ctx) => ops.find(ctx, 'Hello@Mixmax.com')));
    expect(lead).toMatchObject({ id: 'mixmax:580aa34686e6e2194b25d79e', email: 'hello@mixmax.com', first_name: 'Hello', last_name: 'Mixmax', campaigns: [] });
    expectAllCalled();
  });

  it('returns null when no result has that exact email', async () => {
    nock(API, TOKEN).get('/v1/contacts').query(true).reply(200, { results: [], next: null });
    expect(await runWith('mixmax', (ctx) => ops.find(ctx, 'nobody@example.com'))).toBeNull();
  });

  it('creates a missing contact with POST /v1/contacts', async () => {
    nock(API, TOKEN).get('/v1/contacts').query({ search: 'hugo@mixmax.com', limit: '50' }).reply(200, { results: [] });
    nock(API, TOKEN)
      .post('/v1/contacts', { email: 'hugo@mixmax.com', name: 'Hugo Brockman' })
      .reply(200, { _id: 'c-1', email: 'hugo@mixmax.com', name: 'Hugo Brockman' });
    const out = await runWith('mixmax', (ctx) => ops.upsert(ctx, leadIn, null));
    expect(out.created).toBe(true);
    expect(Lead.parse(out.lead).id).toBe('mixmax:c-1');
    expectAllCalled();
  });

  it('returns an existing contact unchanged (created: false)', async () => {
    nock(API, TOKEN)
      .get('/v1/contacts')
      .query(true)
      .reply(200, { results: [{ ...CONTACT, email: 'hugo@mixmax.com' }] });
    expect((await runWith('mixmax', (ctx) => ops.upsert(ctx, leadIn, null))).created).toBe(false);
    expectAllCalled();
  });
});

describe('Mixmax enroll (per-recipient status inside a 200)', () => {
  it('success → enrolled, email sent lower-cased', async () => {
    const out = await enrollWith({ recipients: [{ email: 'hugo@mixmax.com', status: 'success' }] });
    expect(out).toMatchObject({ outcome: 'enrolled', tool: 'mixmax', campaign: { id: '593HF9J3IJ4JF30IF' }, lead: { email: 'hugo@mixmax.com' } });
    expectAllCalled();
  });

  it('the default skip policies for other sequences / earlier contact cannot be checked: enrolled, and the detail says so', async () => {
    const out = await enrollWith({ recipients: [{ email: 'hugo@mixmax.com', status: 'success' }] });
    expect(out.outcome).toBe('enrolled');
    expect(out.detail).toBe(
      'Mixmax added hugo@mixmax.com to sequence 593HF9J3IJ4JF30IF. Not applied: "If in another campaign: skip" and "If previously contacted: skip" — ' +
        "Mixmax does not report a recipient's other sequences or earlier emails, so they could not be checked " +
        '(Mixmax only skips a recipient this sequence was already sent to, or who unsubscribed).',
    );
    const one = await enrollWith(
      { recipients: [{ email: 'hugo@mixmax.com', status: 'success' }] },
      { policy: { ...policy, if_in_other_campaign: 'add_anyway' } },
    );
    expect(one.detail).toMatch(/Not applied: "If previously contacted: skip" — /);
    expect(one.detail).not.toMatch(/another campaign/);
    const none = await enrollWith(
      { recipients: [{ email: 'hugo@mixmax.com', status: 'success' }] },
      { policy: { ...policy, if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' } },
    );
    expect(none.detail).toBe('Mixmax added hugo@mixmax.com to sequence 593HF9J3IJ4JF30IF.');
  });

  // "duplicated: This sequence was already sent to this recipient" covers people still in it and people
  // who finished it; the sequence's recipient list (GET /sequences/:id/recipients, a bare array with
  // `state` active | failed | completed) says which. The former test took every duplicated as
  // already_enrolled without looking: it now serves the list too.
  const listing = (rows: unknown[], offset = 0) =>
    nock(API, TOKEN)
      .get('/v1/sequences/593HF9J3IJ4JF30IF/recipients')
      .query({ limit: '100', offset: String(offset) })
      .reply(200, rows as object);
  const row = (email: string, state: string) => ({ _id: `r-${email}`, userId: 'kZYPwDDiGPTfQDj5n', sequenceId: '593HF9J3IJ4JF30IF', email, state });

  it('duplicated of an active recipient → already_enrolled, or an error when the policy says so', async () => {
    listing([row('someone@else.com', 'completed'), row('hugo@mixmax.com', 'active')]);
    const out = await enrollWith({ recipients: [{ email: 'hugo@mixmax.com', status: 'duplicated' }] });
    expect(out).toMatchObject({
      outcome: 'already_enrolled',
      detail: 'Mixmax skipped hugo@mixmax.com: hugo@mixmax.com is an active recipient of sequence 593HF9J3IJ4JF30IF.',
    });
    listing([row('Hugo@Mixmax.com', 'active')]);
    const err = await enrollWith(
      { recipients: [{ email: 'hugo@mixmax.com', status: 'duplicated' }] },
      { policy: { ...policy, if_already_enrolled: 'error' } },
    ).catch((e) => e);
    expect(messageOf(err)).toMatch(/hugo@mixmax.com is already a recipient of Mixmax sequence 593HF9J3IJ4JF30IF/);
    expectAllCalled();
  });

  it('duplicated of a recipient who finished the sequence → skipped_previously_contacted (not already_enrolled), whatever if_already_enrolled says', async () => {
    listing([row('a@b.co', 'active'), row('b@b.co', 'active')]);
    listing([row('hugo@mixmax.com', 'completed')], 2);
    const out = await enrollWith({ recipients: [{ email: 'hugo@mixmax.com', status: 'duplicated' }] }, { policy: { ...policy, if_already_enrolled: 'error' } });
    expect(out).toMatchObject({
      outcome: 'skipped_previously_contacted',
      detail:
        'Mixmax skipped hugo@mixmax.com: this recipient already finished sequence 593HF9J3IJ4JF30IF (state completed), and Mixmax does not send a sequence twice.',
    });
    listing([row('hugo@mixmax.com', 'completed')]);
    const reEnroll = await enrollWith(
      { recipients: [{ email: 'hugo@mixmax.com', status: 'duplicated' }] },
      { policy: { ...policy, if_previously_contacted: 're_enroll' } },
    );
    expect(reEnroll.outcome).toBe('skipped_previously_contacted');
    expect(reEnroll.detail).toMatch(/"If previously contacted: re-enroll" cannot apply: Mixmax never sends a sequence twice to the same recipient/);
    expectAllCalled();
  });

  it('duplicated but not in the recipient list → already_enrolled (the former reading), saying the state is unknown', async () => {
    listing([]);
    const out = await enrollWith({ recipients: [{ email: 'hugo@mixmax.com', status: 'duplicated' }] });
    expect(out.outcome).toBe('already_enrolled');
    expect(out.detail).toMatch(/whether they are still in it or finished it could not be told \(Mixmax does not list them among its activated recipients\)/);
    expectAllCalled();
  });

  it('unsubscribed → skipped_unsubscribed', async () => {
    const out = await enrollWith({ recipients: [{ email: 'hugo@mixmax.com', status: 'unsubscribed' }] });
    expect(out.outcome).toBe('skipped_unsubscribed');
    expect(out.lead?.unsubscribed).toBe(true);
  });

  it('error → an error quoting Mixmax’s errors; a limit is a ThrottledError', async () => {
    const err = await enrollWith({ recipients: [{ email: 'hugo@mixmax.com', status: 'error', errors: ['Missing variable: Title'] }] }).catch((e) => e);
    expect(messageOf(err)).toMatch(/did not add hugo@mixmax.com to sequence 593HF9J3IJ4JF30IF: Missing variable: Title/);
    const throttled = await enrollWith({ recipients: [{ email: 'hugo@mixmax.com', status: 'error', errors: ['Daily sending limit reached'] }] }).catch(
      (e) => e,
    );
    expect(throttled.name).toBe('ThrottledError');
  });
});

describe('Mixmax stop', () => {
  const stop = (campaign_id: string | null) =>
    runWith('mixmax', (ctx) => ops.stop(ctx, { email: 'Hugo@Mixmax.com', campaign_id, mode: 'remove' })).then((o) => ActionOutcome.parse(o));

  // developer.mixmax.com POST /sequences/:id/cancel: `{recipients: [the emails exited]}`.
  const cancel = (recipients: string[]) =>
    nock(API, TOKEN)
      .post('/v1/sequences/593HF9J3IJ4JF30IF/cancel', { emails: ['hugo@mixmax.com'] })
      .reply(200, { recipients });

  it('the address among the exited recipients → stopped', async () => {
    cancel(['hugo@mixmax.com']);
    const out = await stop('593HF9J3IJ4JF30IF');
    expect(out).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: '593HF9J3IJ4JF30IF', status: 'cancelled' }] });
    expect(out.detail).toMatch(/Mixmax exited hugo@mixmax.com from sequence 593HF9J3IJ4JF30IF/);
    expectAllCalled();
  });

  it('idempotent: not among the exited recipients (already exited) → already_stopped, nothing affected', async () => {
    cancel([]);
    cancel(['someone.else@example.com']);
    for (let i = 0; i < 2; i += 1) {
      const out = await stop('593HF9J3IJ4JF30IF');
      expect(out).toMatchObject({ outcome: 'already_stopped', affected_campaigns: [] });
      expect(out.detail).toMatch(/not an active recipient of Mixmax sequence 593HF9J3IJ4JF30IF.*nothing changed/);
    }
    expectAllCalled();
  });

  it('an answer without the documented list is still a 2xx cancel, and says it could not tell', async () => {
    nock(API, TOKEN).post('/v1/sequences/593HF9J3IJ4JF30IF/cancel').reply(200, {});
    const out = await stop('593HF9J3IJ4JF30IF');
    expect(out).toMatchObject({ outcome: 'stopped' });
    expect(out.detail).toMatch(/did not list the recipients it exited/);
  });

  it('a 404 is not_found, not an error', async () => {
    nock(API, TOKEN).post('/v1/sequences/nope/cancel').reply(404, { message: 'Sequence not found' });
    expect((await stop('nope')).outcome).toBe('not_found');
  });

  it('needs a sequence: Mixmax has no cancel-everywhere call', async () => {
    expect(messageOf(await stop(null).catch((e) => e))).toMatch(/one sequence at a time/);
    expectAllCalled();
  });

  it('only offers the remove mode', () => {
    expect((CAPABILITIES.mixmax.actions as ActionCapabilities).stop.modes).toEqual(['remove']);
  });
});
