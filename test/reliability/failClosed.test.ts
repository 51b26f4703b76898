import nock from 'nock';
import { join } from 'node:path';
import { withPinnedClock } from '../../src/delivery/clock';
import { loadFixtures } from '../../src/harness/fixture';
import type { ToolId } from '../../src/model/tools';
import { appTester, deliveryBundle, messageOf, op, resetNock } from '../support/app';

/** Issue 12 finding 10: a subscription without a stored secret is refused, never accepted unverified. */
const TOOLS: ToolId[] = ['smartlead', 'lemlist', 'replyio', 'woodpecker', 'mailshake', 'salesloft', 'calendly', 'mixmax'];
const FIXTURES = join(__dirname, '..', 'fixtures');

/** A delivery of this tool that yields an event when verified (the first such bundled fixture). */
const goodDelivery = (tool: ToolId, withoutHttp = false) => {
  const f = loadFixtures([join(FIXTURES, tool)]).find(
    (x) => x.fixture && !x.fixture.expect_error && (x.fixture.expect ?? []).length && !(withoutHttp && x.fixture.http.length),
  );
  if (!f?.fixture) throw new Error(`no event fixture for ${tool}`);
  return f.fixture;
};

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

describe('fail-closed webhook verification', () => {
  it.each(TOOLS)('%s: a delivery on a subscription with no stored secret is refused, naming why', async (tool) => {
    const fx = goodDelivery(tool);
    const trigger = (fx.expect?.[0]?.event as string | undefined) ?? 'reply_received';
    const bundle = deliveryBundle(tool, fx.request as never, { subscribeData: { secret: undefined }, inputData: fx.inputData });
    const err = await appTester(op('triggers', trigger).perform, bundle as never, true).then(
      (out) => new Error(`accepted unverified: ${JSON.stringify(out).slice(0, 200)}`),
      (e) => e,
    );
    expect(messageOf(err)).toMatch(/Rejected a .* webhook delivery: this webhook subscription has no stored secret/);
    // An empty-string secret is no secret either.
    const empty = deliveryBundle(tool, fx.request as never, { subscribeData: { secret: '' }, inputData: fx.inputData });
    await expect(appTester(op('triggers', trigger).perform, empty as never, true)).rejects.toThrow(/no stored secret/);
  });

  it('the same deliveries pass when the subscription has its secret and the delivery carries it', async () => {
    // (Mailshake's pushes are fetched from its API: its verified deliveries are in the replay suite.)
    for (const tool of TOOLS.filter((t) => t !== 'mailshake')) {
      const fx = goodDelivery(tool, true);
      const trigger = (fx.expect?.[0]?.event as string | undefined) ?? 'reply_received';
      const { querystring: _q, ...request } = fx.request;
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !/signature/i.test(k)));
      const body =
        request.body && typeof request.body === 'object' && !Array.isArray(request.body)
          ? Object.fromEntries(Object.entries(request.body).filter(([k]) => k !== 'secret'))
          : request.body;
      const out = (await withPinnedClock(new Date(fx.received_at), () => {
        const bundle = deliveryBundle(tool, { headers, body: request.rawBody ? JSON.parse(request.rawBody) : body }, { inputData: fx.inputData });
        return appTester(op('triggers', trigger).perform, bundle as never, true);
      })) as unknown[];
      expect([tool, out.length]).toEqual([tool, (fx.expect ?? []).filter((e) => (e.event ?? trigger) === trigger).length]);
    }
  });
});
