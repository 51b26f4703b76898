import type { Fixture } from './fixture';
import { describeError } from './cli/errors';
import { RECEIVED_AT_HEADER } from './record';

export interface SendReport {
  sent: number;
  byStatus: Record<string, number>;
  p50ms: number;
  p95ms: number;
}

/**
 * POSTs each fixture's delivery (headers, query string, exact body) to `to`, at most
 * `concurrency` at a time and `rate` per second. Bounded by the fixture count: it stops by itself.
 */
export const sendFixtures = async (fixtures: Fixture[], to: string, rate: number, concurrency: number): Promise<SendReport> => {
  const byStatus: Record<string, number> = {};
  const latencies: number[] = [];
  const gapMs = rate > 0 ? 1000 / rate : 0;
  let next = 0;
  let lastStart = 0;
  const worker = async () => {
    while (next < fixtures.length) {
      const fx = fixtures[next++] as Fixture;
      const wait = lastStart + gapMs - Date.now();
      lastStart = Math.max(Date.now(), lastStart + gapMs);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const url = new URL(to);
      const qs = typeof fx.request.querystring === 'string' ? new URLSearchParams(fx.request.querystring) : new URLSearchParams(fx.request.querystring);
      for (const [k, v] of qs) url.searchParams.set(k, v);
      const started = Date.now();
      try {
        const res = await fetch(url, {
          method: fx.request.method,
          // The arrival time travels along, so `record` keeps it and a signed delivery's age check replays as it did.
          headers: { 'content-type': 'application/json', ...fx.request.headers, [RECEIVED_AT_HEADER]: fx.received_at },
          body: fx.request.rawBody ?? JSON.stringify(fx.request.body ?? {}),
        });
        await res.arrayBuffer();
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      } catch (err) {
        // `fetch failed` alone names no reason; the cause does (connection refused, unknown host).
        const key = `error: ${describeError(err)}`;
        byStatus[key] = (byStatus[key] ?? 0) + 1;
      }
      latencies.push(Date.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { sent: fixtures.length, byStatus, p50ms: pick(0.5), p95ms: pick(0.95) };
};
