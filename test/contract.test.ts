import { specViolations } from './support/contract';

/** The contract checker must catch a bad request, or the contract tests would prove nothing. */
describe('vendor OpenAPI request validation', () => {
  it('accepts a valid Calendly webhook subscription and rejects one without scope', async () => {
    const body = { url: 'https://hooks.zapier.com/x', events: ['invitee.created'], organization: 'https://api.calendly.com/organizations/A', scope: 'organization', signing_key: 'k' };
    expect(await specViolations('calendly', { method: 'POST', path: '/webhook_subscriptions', headers: { authorization: 'Bearer x' }, body })).toEqual([]);
    const { scope: _drop, ...noScope } = body;
    expect((await specViolations('calendly', { method: 'POST', path: '/webhook_subscriptions', headers: { authorization: 'Bearer x' }, body: noScope })).join()).toMatch(/scope/);
    expect(
      (await specViolations('calendly', { method: 'POST', path: '/webhook_subscriptions', headers: { authorization: 'Bearer x' }, body: { ...body, events: ['invitee.teleported'] } })).length,
    ).toBeGreaterThan(0);
  });

  it('rejects an operation the spec does not have', async () => {
    expect(await specViolations('calendly', { method: 'PATCH', path: '/users/me' })).toEqual(['PATCH /users/me is not an operation in the calendly spec']);
  });

  it('loads the lemlist and Apollo specs and flags a bad lemlist hook body', async () => {
    expect(await specViolations('lemlist', { method: 'POST', path: '/hooks', headers: { authorization: 'Basic Ong=' }, body: { targetUrl: 'https://hooks.zapier.com/x', type: 'emailsReplied' } })).toEqual([]);
    expect((await specViolations('lemlist', { method: 'POST', path: '/hooks', headers: { authorization: 'Basic Ong=' }, body: { type: 'emailsReplied' } })).length).toBeGreaterThan(0);
    expect((await specViolations('apollo', { method: 'POST', path: '/no/such/path' }))[0]).toMatch(/not an operation/);
  });
});
