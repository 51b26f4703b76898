/**
 * How much of a webhook delivery's handling is ours? For every valid (non-refused) fixture,
 * in one run on this (shared, noisy) machine, it times:
 *   a. JSON.parse of the body alone (the floor),
 *   b. our provider's verify + normalise (`readDelivery` with its webhook table),
 *   c. the whole trigger `perform` through Zapier core's app tester (all core middleware).
 * and prints the ratios b/a and c/b — ratios, not absolute times, since absolute times on a
 * shared 2-core machine mean little. Run: `npm run bench` (BENCH_ROUNDS=N to change the rounds).
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createAppTester } from 'zapier-platform-core';
import { withPinnedClock } from '../src/delivery/clock';
import { deliveryFromBundle, zapierRequestFor } from '../src/delivery/delivery';
import { loadFixtures } from '../src/harness/fixture';
import { findProvider } from '../src/providers';
import { readDelivery } from '../src/providers/shared/webhook';
import App from '../src/index';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

const time = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  for (let i = 0; i < 20; i += 1) await fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i += 1) await fn();
  return (performance.now() - start) / ROUNDS;
};

/** Zapier core echoes the app's z.console lines (a skipped batch item) on every round: not bench output. */
const quietly = async <T>(fn: () => Promise<T>): Promise<T> => {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await fn();
  } finally {
    console.log = log;
  }
};

const main = async () => {
  const appTester = createAppTester(App);
  const fixtures = loadFixtures([join(__dirname, '..', '..', 'test', 'fixtures')]).flatMap((f) =>
    f.fixture && f.fixture.expect_error === undefined && f.fixture.http.length === 0 ? [f.fixture] : [],
  );
  const rows: { tool: string; a: number; b: number; c: number }[] = [];
  for (const fx of fixtures) {
    const provider = findProvider(fx.tool);
    if (!provider) continue;
    const request = zapierRequestFor(fx.request);
    // As replay: an empty subscription is a delivery by hand (Mixmax rules, Apollo), nothing to verify against.
    const subscribeData = Object.keys(fx.subscription).length ? { tool: fx.tool, id: 'bench', ...fx.subscription } : undefined;
    const bundle = { authData: { tool: fx.tool, api_key: 'bench' }, inputData: fx.inputData, subscribeData, ...request };
    const raw = request.rawRequest.content as string;
    const input = { campaign_id: null, interested_categories: ['Interested'], meeting_categories: ['Meeting Booked'] };
    const at = new Date(fx.received_at);
    const a = await time(() => JSON.parse(raw));
    const b = await withPinnedClock(at, () =>
      time(() =>
        readDelivery(
          { z: { console: { log: () => undefined } } as never, bundle: bundle as never },
          provider.events.webhook,
          deliveryFromBundle(bundle as never),
          (subscribeData ?? null) as never,
          input,
        ),
      ),
    );
    const perform = App.triggers[(fx.expect?.[0]?.event as string | undefined) ?? 'reply_received'] as { operation: { perform: unknown } };
    const c = await withPinnedClock(at, () => quietly(() => time(() => appTester(perform.operation.perform as never, bundle as never, true))));
    rows.push({ tool: fx.tool, a, b, c });
  }
  const byTool = new Map<string, { a: number; b: number; c: number; n: number }>();
  for (const r of rows) {
    const t = byTool.get(r.tool) ?? { a: 0, b: 0, c: 0, n: 0 };
    byTool.set(r.tool, { a: t.a + r.a, b: t.b + r.b, c: t.c + r.c, n: t.n + 1 });
  }
  console.log(`fixtures: ${rows.length}, rounds each: ${ROUNDS}`);
  console.log('tool        ours/JSON.parse   whole perform/ours');
  for (const [tool, t] of byTool) {
    console.log(`${tool.padEnd(12)}${(t.b / t.a).toFixed(1).padStart(15)}x${(t.c / t.b).toFixed(1).padStart(20)}x`);
  }
};

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
