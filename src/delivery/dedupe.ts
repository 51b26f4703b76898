import type { ZObject } from 'zapier-platform-core';

/** Tools retry (Salesloft 3× 15 s apart, Calendly for 24 h): a redelivery inside this window is dropped. */
export const DEDUPE_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * True the first time `key` is seen in the window, false for a redelivery.
 *
 * The claim is `z.cache.set(…, nx = true)`: Zapier's cache sets the key only if absent and
 * answers false when it was already there, so two concurrent deliveries cannot both pass.
 * The `get` before it is a cheap early answer, and it is what makes the behaviour visible
 * under the app tester, whose cache mock ignores the set-if-absent flag.
 */
const SCOPE = ['auth'];

export const claimFirstDelivery = async (z: ZObject, key: string): Promise<boolean> => {
  const cacheKey = `seen:${key}`;
  // Scoped to the connection: keys of different accounts can never collide. (Core's get takes the
  // scope as its second argument; its type declaration omits it.)
  const get = z.cache.get as (key: string, scope?: string[]) => Promise<unknown>;
  if ((await get(cacheKey, SCOPE)) !== null) return false;
  const claimed = await z.cache.set(cacheKey, 1, DEDUPE_WINDOW_SECONDS, SCOPE, true);
  // Only an explicit false means "already set": failing open (a rare duplicate) is better than
  // dropping every event should the cache answer null.
  return claimed !== false;
};

/**
 * Deliveries whose signature carries no timestamp (Salesloft signs only the body) can be captured
 * and replayed; within the window the replay is collapsed by id, after it nothing would tell it
 * from a new event. So a signed delivery whose own event time is older than the window is refused:
 * every tool delivers (and retries) within minutes. Returns the events, or throws `refuse(reason)`.
 */
export const refuseOlderThanDedupeWindow = <E extends { occurred_at: string }>(events: E[], receivedAt: Date, refuse: (reason: string) => Error): E[] => {
  const oldest = receivedAt.getTime() - DEDUPE_WINDOW_SECONDS * 1000;
  const stale = events.find((e) => Date.parse(e.occurred_at) < oldest);
  if (stale) {
    throw refuse(
      `its event happened at ${stale.occurred_at}, more than ${DEDUPE_WINDOW_SECONDS / 3600} h before it arrived — older than the window in which a ` +
        'redelivery is recognised, so it is treated as a replay of a captured delivery (the signature has no timestamp to tell)',
    );
  }
  return events;
};
