import { specViolations } from './support/contract';

/** The contract checker must catch a bad request, or the contract tests would prove nothing. */
describe('vendor OpenAPI request validation', () => {
  it('accepts a valid Calendly webhook subscription and rejects one without scope', async () => {
    const body = {
      url: 'https://hooks.zapier.com/x',
      events: ['invitee.created'],
      organization: 'https://api.calendly.com/organizations/A',
      scope: 'organization',
      signing_key: 'k',
    };
    expect(await specViolations('calendly', { method: 'POST', path: '/webhook_subscriptions', headers: { authorization: 'Bearer x' }, body })).toEqual([]);
    const { scope: _drop, ...noScope } = body;
    expect(
      (await specViolations('calendly', { method: 'POST', path: '/webhook_subscriptions', headers: { authorization: 'Bearer x' }, body: noScope })).join(),
    ).toMatch(/scope/);
    expect(
      (
        await specViolations('calendly', {
          method: 'POST',
          path: '/webhook_subscriptions',
          headers: { authorization: 'Bearer x' },
          body: { ...body, events: ['invitee.teleported'] },
        })
      ).length,
    ).toBeGreaterThan(0);
  });

  it('rejects an operation the spec does not have', async () => {
    expect(await specViolations('calendly', { method: 'PATCH', path: '/users/me' })).toEqual(['PATCH /users/me is not an operation in the calendly spec']);
  });

  it('loads the lemlist and Apollo specs and flags a bad lemlist hook body', async () => {
    expect(
      await specViolations('lemlist', {
        method: 'POST',
        path: '/hooks',
        headers: { authorization: 'Basic Ong=' },
        body: { targetUrl: 'https://hooks.zapier.com/x', type: 'emailsReplied' },
      }),
    ).toEqual([]);
    expect(
      (await specViolations('lemlist', { method: 'POST', path: '/hooks', headers: { authorization: 'Basic Ong=' }, body: { type: 'emailsReplied' } })).length,
    ).toBeGreaterThan(0);
    expect((await specViolations('apollo', { method: 'POST', path: '/no/such/path' }))[0]).toMatch(/not an operation/);
  });

  it('validates Salesloft requests against its own v2 spec, with the accepted deviations only', async () => {
    const auth = { authorization: 'Bearer x', 'content-type': 'application/json' };
    // Enroll: query params, no body; with and without the spec's `.json` suffix.
    for (const path of ['/v2/cadence_memberships?person_id=5555&cadence_id=77', '/v2/cadence_memberships.json?person_id=5555&cadence_id=77']) {
      expect(await specViolations('salesloft', { method: 'POST', path, headers: auth })).toEqual([]);
    }
    expect((await specViolations('salesloft', { method: 'POST', path: '/v2/cadence_memberships?person_id=5555', headers: auth })).join()).toMatch(/cadence_id/);
    expect(
      (await specViolations('salesloft', { method: 'POST', path: '/v2/cadence_memberships?person_id=5555&cadence_id=abc', headers: auth })).join(),
    ).toMatch(/cadence_id/);
    // Webhook subscription: a JSON body checked against the form schema (required fields still required).
    const hook = { callback_url: 'https://hooks.zapier.com/x', callback_token: 't', event_type: 'meeting_booked' };
    expect(await specViolations('salesloft', { method: 'POST', path: '/v2/webhook_subscriptions', headers: auth, body: hook })).toEqual([]);
    const { event_type: _drop, ...noEvent } = hook;
    expect((await specViolations('salesloft', { method: 'POST', path: '/v2/webhook_subscriptions', headers: auth, body: noEvent })).join()).toMatch(
      /event_type/,
    );
    // Rails-style filters map to the spec's names; anything else bracketed stays unknown.
    expect(await specViolations('salesloft', { method: 'GET', path: '/v2/people?email_addresses%5B%5D=jane%40example.com', headers: auth })).toEqual([]);
    expect(
      await specViolations('salesloft', {
        method: 'GET',
        path: '/v2/activities/emails?updated_at%5Bgt%5D=2025-01-01T00%3A00%3A00Z&per_page=100',
        headers: auth,
      }),
    ).toEqual([]);
    expect(
      (await specViolations('salesloft', { method: 'GET', path: '/v2/activities/emails?updated_at%5Bafter%5D=2025-01-01', headers: auth })).length,
    ).toBeGreaterThan(0);
    expect((await specViolations('salesloft', { method: 'GET', path: '/v2/activities/emails?per_page=many', headers: auth })).length).toBeGreaterThan(0);
    // A pause endpoint does not exist (Stop is remove-only for Salesloft).
    expect(await specViolations('salesloft', { method: 'POST', path: '/v2/cadence_memberships/1/pause' })).toEqual([
      'POST /v2/cadence_memberships/1/pause is not an operation in the salesloft spec',
    ]);
  });
});
