/**
 * Issue 12 finding 9: Normalize Webhook verifies when given a Signing Key (signature headers,
 * lemlist's body secret, or a URL secret) and says in its output when it did not; a Salesloft
 * delivery (signatures without timestamp) replayed after the 24 h dedupe window is refused.
 */
import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPinnedClock } from '../../src/delivery/clock';
import type { ToolId } from '../../src/model/tools';
import { signSalesloft } from '../../src/providers/salesloft/signature';
import { appTester, authFor, deliveryBundle, messageOf, op, resetNock } from '../support/app';

const fixture = (tool: string, name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', tool, `${name}.json`), 'utf8'));
const normalize = (tool: ToolId, inputData: Record<string, unknown>) =>
  appTester(op('creates', 'normalize_event').perform, { authData: authFor(tool), inputData } as never) as Promise<Record<string, unknown>>;

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('Normalize Webhook verification', () => {
  it('without a Signing Key: the events, and an output that says they were not verified', async () => {
    const fx = fixture('smartlead', 'email_reply_documented');
    const out = await normalize('smartlead', { raw_body: JSON.stringify(fx.request.body) });
    expect(out).toMatchObject({ event: 'reply_received', verified: false, event_count: 1 });
    expect(out.verification).toMatch(/^Not verified: no Signing Key was given/);
  });

  it('Calendly: a signed delivery verifies with the signing key; another key is refused', async () => {
    const fx = fixture('calendly', 'invitee_created_signed');
    const at = new Date(fx.received_at);
    const input = { raw_body: fx.request.rawBody, headers: fx.request.headers, signing_key: fx.subscription.secret };
    const out = await withPinnedClock(at, () => normalize('calendly', input));
    expect(out).toMatchObject({ event: 'meeting_booked', verified: true });
    expect(out.verification).toMatch(/Calendly-Webhook-Signature/);
    const err = await withPinnedClock(at, () => normalize('calendly', { ...input, signing_key: 'someone-elses-key' })).catch((e) => e);
    expect(messageOf(err)).toMatch(/Rejected a Calendly webhook delivery: the signature does not match/);
  });

  it('lemlist: the body secret is checked against the Signing Key', async () => {
    const fx = fixture('lemlist', 'emails_replied_union');
    expect(await normalize('lemlist', { raw_body: JSON.stringify(fx.request.body), signing_key: fx.subscription.secret })).toMatchObject({
      verified: true,
      event_count: 1,
    });
    const err = await normalize('lemlist', { raw_body: JSON.stringify(fx.request.body), signing_key: 'not-it' }).catch((e) => e);
    expect(messageOf(err)).toMatch(/"secret" field is wrong/);
  });

  it('URL-secret tools: the Query String must carry sc_secret equal to the Signing Key', async () => {
    const body = JSON.stringify(fixture('smartlead', 'email_reply_documented').request.body);
    expect(await normalize('smartlead', { raw_body: body, signing_key: 'my-hook-secret-123', query_string: 'sc_secret=my-hook-secret-123' })).toMatchObject({
      verified: true,
    });
    expect(
      await normalize('smartlead', {
        raw_body: body,
        signing_key: 'my-hook-secret-123',
        query_string: 'https://hooks.zapier.com/x?a=1&sc_secret=my-hook-secret-123',
      }),
    ).toMatchObject({ verified: true });
    for (const query_string of [undefined, 'sc_secret=guess']) {
      const err = await normalize('smartlead', { raw_body: body, signing_key: 'my-hook-secret-123', query_string }).catch((e) => e);
      expect(messageOf(err)).toMatch(/URL secret is missing or wrong/);
    }
  });

  it('Apollo signs nothing: a Signing Key is refused as an input error, and the output says it was not verified', async () => {
    const body = JSON.stringify(fixture('apollo', 'message_bounced').request.body);
    const err = await normalize('apollo', { raw_body: body, signing_key: 'x' }).catch((e) => e);
    expect(messageOf(err)).toMatch(/Apollo deliveries carry no signature or secret to check/);
    expect(await normalize('apollo', { raw_body: body })).toMatchObject({ verified: false, verification: expect.stringMatching(/does not sign/) });
  });
});

describe('Salesloft: a captured delivery replayed after the dedupe window', () => {
  const fx = fixture('salesloft', 'meeting_booked_signed');
  const token = fx.subscription.secret as string;
  const created = Date.parse(JSON.parse(fx.request.rawBody).created_at);
  const deliverAt = (ms: number) =>
    withPinnedClock(new Date(ms), () =>
      appTester(
        op('triggers', 'meeting_booked').perform,
        deliveryBundle('salesloft', { headers: fx.request.headers, rawBody: fx.request.rawBody }, { subscribeData: { id: '4321', secret: token } }) as never,
        true,
      ),
    );

  it('within 24 h of its event: accepted (then collapsed by id as a redelivery)', async () => {
    expect(await deliverAt(created + 23 * 3600_000)).toHaveLength(1);
  });

  it('more than 24 h after its event: refused as a replay, even though the signature is valid', async () => {
    expect(fx.request.headers['x-salesloft-signature']).toBe(signSalesloft(token, fx.request.rawBody));
    const err = await deliverAt(created + 25 * 3600_000).catch((e) => e);
    expect(messageOf(err)).toMatch(/Rejected a Salesloft webhook delivery: its event happened at .* more than 24 h before it arrived/);
  });

  it('through Normalize Webhook with the callback token as Signing Key: the same rule', async () => {
    const input = { raw_body: fx.request.rawBody, headers: fx.request.headers, signing_key: token };
    expect(await withPinnedClock(new Date(created + 3600_000), () => normalize('salesloft', input))).toMatchObject({ verified: true, event: 'meeting_booked' });
    const err = await withPinnedClock(new Date(created + 48 * 3600_000), () => normalize('salesloft', input)).catch((e) => e);
    expect(messageOf(err)).toMatch(/more than 24 h before it arrived/);
  });
});
