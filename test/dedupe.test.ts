import type { ZObject } from 'zapier-platform-core';
import { claimFirstDelivery, DEDUPE_WINDOW_SECONDS } from '../src/delivery/dedupe';

/** A cache that behaves like Zapier's: set with nx=true only sets an absent key and says so. */
const zapierLikeCache = (opts: { getAlwaysMisses?: boolean } = {}) => {
  const store = new Map<string, unknown>();
  const calls: unknown[][] = [];
  const cache = {
    get: async (key: string) => (opts.getAlwaysMisses ? null : (store.get(key) ?? null)),
    set: async (key: string, value: unknown, ttl?: number, scope?: string[], nx?: boolean) => {
      calls.push([key, value, ttl, scope, nx]);
      if (nx && store.has(key)) return false;
      store.set(key, value);
      return true;
    },
  };
  return { z: { cache } as unknown as ZObject, calls };
};

describe('duplicate suppression (z.cache set-if-absent)', () => {
  it('claims with nx=true, a 24 h TTL, scoped to the connection', async () => {
    const { z, calls } = zapierLikeCache();
    expect(await claimFirstDelivery(z, 'k')).toBe(true);
    expect(calls).toEqual([['seen:k', 1, DEDUPE_WINDOW_SECONDS, ['auth'], true]]);
    expect(DEDUPE_WINDOW_SECONDS).toBe(86400);
  });

  it('two concurrent deliveries that both miss the get: only the set-if-absent winner passes', async () => {
    const { z } = zapierLikeCache({ getAlwaysMisses: true });
    const results = await Promise.all([claimFirstDelivery(z, 'same'), claimFirstDelivery(z, 'same')]);
    expect(results.sort()).toEqual([false, true]);
  });

  it('a later redelivery is refused; a different event passes', async () => {
    const { z } = zapierLikeCache();
    expect(await claimFirstDelivery(z, 'a')).toBe(true);
    expect(await claimFirstDelivery(z, 'a')).toBe(false);
    expect(await claimFirstDelivery(z, 'b')).toBe(true);
  });
});
