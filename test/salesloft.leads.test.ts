import { CAPABILITIES } from '../src/providers/capabilityTable';
import type { ActionCapabilities } from '../src/providers/capabilities';
import nock from 'nock';
import { specViolations, type RecordedRequest } from './support/contract';
import { ActionOutcome } from '../src/model/lead';
import { salesloft } from '../src/providers/salesloft';
import type { EnrollPolicy, EnrollRequest, LeadInput } from '../src/providers/types';
import { expectAllCalled, messageOf, resetNock, runWith } from './support/app';

const API = 'https://api.salesloft.com';
const KEY = 'test-salesloft-key';
const leads = salesloft.leads!;
/** Requests our app sent, checked against Salesloft's own v2 spec after each test (deviations: test/support/contract.ts). */
let sent: RecordedRequest[] = [];
/** Salesloft's API with the Bearer key required; every request it receives is recorded for the spec check. */
const api = () => {
  const scope = nock(API, { reqheaders: { authorization: `Bearer ${KEY}` } });
  scope.on('request', (req: { method: string; path: string; headers: Record<string, string> }, _interceptor: unknown, body: string) => {
    sent.push({ method: req.method, path: req.path, headers: { 'content-type': 'application/json' }, body: body ? JSON.parse(body) : undefined });
  });
  return scope;
};

beforeEach(() => {
  resetNock();
  sent = [];
});
afterEach(async () => {
  for (const req of sent) {
    expect({ req: `${req.method} ${req.path}`, violations: await specViolations('salesloft', req) }).toEqual({
      req: `${req.method} ${req.path}`,
      violations: [],
    });
  }
  nock.cleanAll();
});

const person = (over: Record<string, unknown> = {}) => ({
  id: 5555,
  first_name: 'Jane',
  last_name: 'Doe',
  display_name: 'Jane Doe',
  email_address: 'jane@example.com',
  title: 'VP Sales',
  phone: '+1 555 0100',
  mobile_phone: null,
  linkedin_url: 'https://www.linkedin.com/in/janedoe',
  person_company_name: 'Example Inc',
  do_not_contact: false,
  contact_restrictions: [],
  ...over,
});
const membership = (id: number, cadence: number, on: boolean, state = on ? 'active' : 'completed') => ({
  id,
  added_at: '2025-04-01T10:00:00.000000Z',
  currently_on_cadence: on,
  current_state: state,
  cadence: { id: cadence, _href: `https://api.salesloft.com/v2/cadences/${cadence}` },
  person: { id: 5555, _href: 'https://api.salesloft.com/v2/people/5555' },
});

const input: LeadInput = {
  email: 'Jane@Example.com',
  first_name: 'Jane',
  last_name: 'Doe',
  company: 'Example Inc',
  title: null,
  phone: null,
  linkedin_url: null,
  custom_fields: { source: 'zapier' },
};
const policy: EnrollPolicy = { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip' };
const req = (over: Partial<EnrollRequest> = {}): EnrollRequest => ({ campaign_id: '77', lead: input, policy, mailbox_id: null, ...over });
const enroll = (r: EnrollRequest) => runWith('salesloft', (ctx) => leads.enroll(ctx, r));

const expectUpsert = (p: unknown, type = 'update') =>
  api()
    .post('/v2/person_upserts', {
      upsert_key: 'email_address',
      email_address: 'Jane@Example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      person_company_name: 'Example Inc',
      custom_fields: { source: 'zapier' },
    })
    .reply(200, { data: { upsert_type: type, person: p } });
const expectMemberships = (list: unknown[]) => api().get('/v2/cadence_memberships').query({ person_id: '5555', per_page: '100' }).reply(200, { data: list });
const expectCreate = () => api().post('/v2/cadence_memberships').query({ person_id: '5555', cadence_id: '77' });

describe('Salesloft find / create', () => {
  it('finds a person with email_addresses[] and lists current cadences', async () => {
    api()
      .get('/v2/people')
      .query({ 'email_addresses[]': 'JANE@example.com' })
      .reply(200, { data: [person()] });
    api()
      .get('/v2/cadence_memberships')
      .query({ person_id: '5555', currently_on_cadence: 'true', per_page: '100' })
      .reply(200, { data: [membership(1, 77, true)] });
    const lead = await runWith('salesloft', (ctx) => leads.find(ctx, 'JANE@example.com'));
    expect(lead).toEqual({
      id: 'salesloft:5555',
      tool: 'salesloft',
      tool_lead_id: '5555',
      email: 'jane@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      full_name: 'Jane Doe',
      company: 'Example Inc',
      title: 'VP Sales',
      phone: '+1 555 0100',
      linkedin_url: 'https://www.linkedin.com/in/janedoe',
      unsubscribed: false,
      campaigns: [{ id: '77', name: null, status: 'active' }],
    });
    expectAllCalled();
  });

  it('returns null when nobody has that email', async () => {
    api().get('/v2/people').query({ 'email_addresses[]': 'nobody@example.com' }).reply(200, { data: [] });
    expect(await runWith('salesloft', (ctx) => leads.find(ctx, 'nobody@example.com'))).toBeNull();
    expectAllCalled();
  });

  it('creates or updates with one POST /v2/person_upserts (upsert_key email_address)', async () => {
    expectUpsert(person(), 'create');
    expect((await runWith('salesloft', (ctx) => leads.upsert(ctx, input, null))).created).toBe(true);
    expectUpsert(person(), 'update');
    expect((await runWith('salesloft', (ctx) => leads.upsert(ctx, input, null))).created).toBe(false);
    expectAllCalled();
  });
});

describe('Salesloft enroll', () => {
  it('enrolled: upsert, memberships, POST /v2/cadence_memberships with query params', async () => {
    expectUpsert(person());
    expectMemberships([]);
    expectCreate().reply(200, { data: membership(9, 77, true, 'staged') });
    const out = ActionOutcome.parse(await enroll(req()));
    expect(out).toMatchObject({ outcome: 'enrolled', tool: 'salesloft', campaign: { id: '77' }, lead: { campaigns: [{ id: '77', status: 'staged' }] } });
    expectAllCalled();
  });

  it('already_enrolled when a membership is currently on this cadence (no create call); error by policy', async () => {
    expectUpsert(person());
    expectMemberships([membership(1, 77, true)]);
    expect((await enroll(req())).outcome).toBe('already_enrolled');
    expectUpsert(person());
    expectMemberships([membership(1, 77, true)]);
    expect(messageOf(await enroll(req({ policy: { ...policy, if_already_enrolled: 'error' } })).catch((e) => e))).toMatch(
      /Jane@Example\.com is already on Salesloft cadence 77/,
    );
    expectAllCalled();
  });

  it('skipped_in_other_campaign / skipped_previously_contacted from the memberships', async () => {
    expectUpsert(person());
    expectMemberships([membership(2, 80, true)]);
    expect((await enroll(req())).outcome).toBe('skipped_in_other_campaign');
    expectUpsert(person());
    expectMemberships([membership(3, 81, false)]);
    expect((await enroll(req())).outcome).toBe('skipped_previously_contacted');
    expectAllCalled();
  });

  it('an ended membership of the cadence listed before the current one does not hide it: already_enrolled, no create call', async () => {
    expectUpsert(person());
    expectMemberships([membership(1, 77, false, 'removed'), membership(2, 77, true)]);
    expect((await enroll(req())).outcome).toBe('already_enrolled');
    expectAllCalled();
  });

  const currentOn77 = () => api().get('/v2/cadence_memberships').query({ person_id: '5555', cadence_id: '77', currently_on_cadence: 'true', per_page: '100' });

  it('add_anyway + re_enroll skip the lookup; a 422 is already_enrolled only when Salesloft then lists a current membership', async () => {
    expectUpsert(person());
    expectCreate().reply(422, { errors: { person: ['The person could not be added to the requested cadence.'] } });
    currentOn77().reply(200, { data: [membership(9, 77, true)] });
    const out = await enroll(req({ policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' } }));
    expect(out.outcome).toBe('already_enrolled');
    expectAllCalled();
  });

  it('a "could not be added" 422 for a person not on the cadence fails with Salesloft’s words, never already_enrolled', async () => {
    expectUpsert(person());
    expectCreate().reply(422, { errors: { person: ['The person could not be added to the requested cadence.'] } });
    currentOn77().reply(200, { data: [] });
    const err = await enroll(req({ policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' } })).catch(
      (e) => e,
    );
    expect(messageOf(err)).toBe(
      'Salesloft did not add Jane@Example.com to cadence 77 (422): person The person could not be added to the requested cadence. The person is not on that cadence now, so this is not "already enrolled".',
    );
    expectAllCalled();
  });

  it('another 422 fails the step with Salesloft’s words', async () => {
    expectUpsert(person());
    expectMemberships([]);
    expectCreate().reply(422, { errors: { cadence: ['must be a team cadence or owned by the user'] } });
    currentOn77().reply(200, { data: [] });
    expect(messageOf(await enroll(req()).catch((e) => e))).toMatch(/cadence must be a team cadence or owned by the user/);
    expectAllCalled();
  });

  it('skipped_unsubscribed for a do-not-contact person (no cadence calls)', async () => {
    expectUpsert(person({ do_not_contact: true }));
    expect(await enroll(req())).toMatchObject({ outcome: 'skipped_unsubscribed', lead: { unsubscribed: true } });
    expectAllCalled();
  });
});

describe('Salesloft stop', () => {
  const findJane = () =>
    api()
      .get('/v2/people')
      .query({ 'email_addresses[]': 'jane@example.com' })
      .reply(200, { data: [person()] });

  it('removes the current membership of the cadence with DELETE /v2/cadence_memberships/{id}', async () => {
    findJane();
    api()
      .get('/v2/cadence_memberships')
      .query({ person_id: '5555', cadence_id: '77', currently_on_cadence: 'true', per_page: '100' })
      .reply(200, { data: [membership(9, 77, true)] });
    api().delete('/v2/cadence_memberships/9').reply(204);
    const out = ActionOutcome.parse(await runWith('salesloft', (ctx) => leads.stop(ctx, { email: 'jane@example.com', campaign_id: '77', mode: 'remove' })));
    expect(out).toMatchObject({ outcome: 'stopped', affected_campaigns: [{ id: '77', name: null, status: 'removed' }] });
    expectAllCalled();
  });

  it('all cadences; a membership already gone (404) still counts as removed', async () => {
    findJane();
    api()
      .get('/v2/cadence_memberships')
      .query({ person_id: '5555', currently_on_cadence: 'true', per_page: '100' })
      .reply(200, { data: [membership(9, 77, true), membership(10, 80, true)] });
    api().delete('/v2/cadence_memberships/9').reply(204);
    api().delete('/v2/cadence_memberships/10').reply(404, { error: 'Not Found' });
    const out = await runWith('salesloft', (ctx) => leads.stop(ctx, { email: 'jane@example.com', campaign_id: null, mode: 'remove' }));
    expect(out.affected_campaigns.map((c) => c.id)).toEqual(['77', '80']);
    expectAllCalled();
  });

  it('idempotent: not on the cadence → already_stopped; unknown email → not_found', async () => {
    findJane();
    api().get('/v2/cadence_memberships').query(true).reply(200, { data: [] });
    expect((await runWith('salesloft', (ctx) => leads.stop(ctx, { email: 'jane@example.com', campaign_id: '77', mode: 'remove' }))).outcome).toBe(
      'already_stopped',
    );
    api().get('/v2/people').query(true).reply(200, { data: [] });
    expect((await runWith('salesloft', (ctx) => leads.stop(ctx, { email: 'jane@example.com', campaign_id: null, mode: 'remove' }))).outcome).toBe('not_found');
    expectAllCalled();
  });

  it('offers only Remove: Salesloft has no per-person pause', () => {
    expect((CAPABILITIES.salesloft.actions as ActionCapabilities).stop.modes).toEqual(['remove']);
  });
});
