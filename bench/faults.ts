/**
 * `npm run faults`: the app against the local tool mocks (dev/mock) on a free loopback
 * port, at a 20 % injected-fault rate (half of the faults strike after the mock handled the request:
 * the state changed, the answer is lost) plus each tool's rate limit:
 *   - 500 Enroll Lead and 500 Stop Sequence invocations, round-robin over the tools with leads, run
 *     the way Zapier runs them: a ThrottledError is retried after its delay, any other error is
 *     replayed once (autoreplay);
 *   - 1,000 webhook deliveries, 10 % of them duplicates, through the triggers (dedupe cache kept).
 * Reports invocations, retries, outcomes, wall time against the floor the rate limits allow, API
 * calls per action beside the README minimum, and the zero-counts: lost, duplicate enrolments in the
 * mock's state, duplicate events, wrong error classes. Exits 1 if any of those is not zero.
 *
 * Rate-limit windows and Retry-After waits run FAULTS_TIME_SCALE (default 0.05) times real time;
 * the floor is reported in real time too.
 */
import { performance } from 'node:perf_hooks';
import { CAPABILITIES } from '../src/providers/capabilityTable';
import type { ActionCapabilities } from '../src/providers/capabilities';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createAppTester } from 'zapier-platform-core';
import { zapierRequestFor } from '../src/delivery/delivery';
import { withPinnedClock } from '../src/delivery/clock';
import { MOCKS } from '../dev/mock';
import { startMock, type RunningMock } from '../dev/mock/server';
import type { ToolId } from '../src/model/tools';
import { signCalendly } from '../src/providers/calendly/signature';
import App from '../src/index';

const SCALE = Number(process.env.FAULTS_TIME_SCALE ?? 0.05);
const FAIL_RATE = Number(process.env.FAULTS_FAIL_RATE ?? 0.2);
/**
 * Share of the injected faults that strike after the mock handled the request (state changed,
 * answer lost). Default 0, as the mock's --fail-rate does; FAULTS_LOST_REPLY_SHARE=0.5 is the
 * harsher run reported separately in the README.
 */
const LOST_REPLY_SHARE = Number(process.env.FAULTS_LOST_REPLY_SHARE ?? 0);
// Our own 5xx backoff (1 s, 2 s, 4 s) runs at the same scale as the rate-limit windows.
process.env.SALES_CONNECT_BACKOFF_UNIT_MS = String(Math.max(1, Math.round(1000 * SCALE)));
const ENROLLS = Number(process.env.FAULTS_INVOCATIONS ?? 500);
const DELIVERIES = Number(process.env.FAULTS_DELIVERIES ?? 1000);
/** Invocations of one tool in flight at once (as Zapier runs many Zaps on one connection): pushes against the rate limits. */
const CONCURRENCY = Number(process.env.FAULTS_CONCURRENCY ?? 4);
/** The first invocations of each tool and action run alone, so their API calls can be counted one by one. */
const CALIBRATION = 5;
const TOOLS: ToolId[] = ['smartlead', 'lemlist', 'replyio', 'woodpecker', 'mailshake', 'apollo', 'salesloft', 'mixmax'];
/** Fewest calls per run each README documents, for a new lead (enroll) and one named campaign (stop). */
const README_MIN: Record<string, { enroll: number; stop: number }> = {
  smartlead: { enroll: 1, stop: 2 },
  lemlist: { enroll: 2, stop: 2 },
  replyio: { enroll: 2, stop: 2 },
  woodpecker: { enroll: 1, stop: 2 },
  mailshake: { enroll: 3, stop: 2 },
  apollo: { enroll: 3, stop: 2 },
  salesloft: { enroll: 2, stop: 3 },
  mixmax: { enroll: 1, stop: 1 },
};

const appTester = createAppTester(App);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const op = (kind: string, key: string) =>
  (App as unknown as Record<string, Record<string, { operation: { perform: unknown } }>>)[kind]![key]!.operation.perform;

interface ErrorInfo {
  name: string;
  code: string | null;
  delay: number | null;
  message: string;
}
const errorInfo = (err: unknown): ErrorInfo => {
  const e = err as Error;
  try {
    const p = JSON.parse(e.message) as { message?: string; code?: string; delay?: number };
    return { name: e.name, code: p.code ?? null, delay: typeof p.delay === 'number' ? p.delay : null, message: p.message ?? e.message };
  } catch {
    return { name: e?.name ?? 'Error', code: null, delay: null, message: String(e?.message ?? err) };
  }
};
/** The error classes a fault may surface as: throttling, and the tool being unavailable after retries. */
const expectedClass = (e: ErrorInfo): boolean => e.name === 'ThrottledError' || (e.name === 'AppError' && e.code === 'ToolUnavailable');

interface Run {
  calibration?: boolean;
  tool: ToolId;
  action: 'enroll' | 'stop';
  result: Record<string, unknown> | null;
  error: ErrorInfo | null;
  throttles: number;
  replays: number;
  wrongErrors: ErrorInfo[];
  calls: number;
  cleanCalls: number;
}

/** One invocation as Zapier runs it: ThrottledError → wait its delay and retry; any other error → one replay. */
const invoke = async (mock: RunningMock, tool: ToolId, action: Run['action'], bundle: Record<string, unknown>): Promise<Run> => {
  const before = mock.log.length;
  const run: Run = { tool, action, result: null, error: null, throttles: 0, replays: 0, wrongErrors: [], calls: 0, cleanCalls: 0 };
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      // Each retry is a new invocation with its own bundle, as in Zapier (the step's time budget is per bundle).
      run.result = (await appTester(op('creates', action === 'enroll' ? 'enroll_lead' : 'stop_sequence') as never, structuredClone(bundle) as never)) as Record<
        string,
        unknown
      >;
      run.error = null;
      break;
    } catch (err) {
      const e = errorInfo(err);
      run.error = e;
      if (!expectedClass(e)) run.wrongErrors.push(e);
      if (e.name === 'ThrottledError') {
        run.throttles += 1;
        await sleep((e.delay ?? 1) * 1000 * SCALE);
        continue;
      }
      if (run.replays === 0) {
        run.replays += 1;
        continue;
      }
      break;
    }
  }
  const mine = mock.log.slice(before).filter((l) => l.tool === tool);
  run.calls = mine.length;
  run.cleanCalls = mine.filter((l) => l.status !== 429 && l.status !== 503).length;
  return run;
};

/** Campaign ids (and Apollo mailbox ids) from the app's own dropdowns, retried through faults. */
const dropdown = async (tool: ToolId, key: string, apiKey: string): Promise<string[]> => {
  for (let i = 0; i < 50; i += 1) {
    try {
      const out = (await appTester(op('triggers', key) as never, { authData: { tool, api_key: apiKey }, inputData: {}, meta: { page: 0 } } as never)) as {
        id: string;
      }[];
      return out.map((o) => String(o.id));
    } catch (err) {
      const e = errorInfo(err);
      await sleep(e.name === 'ThrottledError' ? (e.delay ?? 1) * 1000 * SCALE : 10);
    }
  }
  throw new Error(`${tool}: no ${key} after 50 tries`);
};

/** Duplicate enrolments and leads in a mock's state: two records of one person (and campaign) in one collection. */
const SKIP_COLLECTIONS = new Set([
  'activities',
  'messages',
  'sent',
  'replies',
  'emails',
  'meetings',
  'hooks',
  'webhooks',
  'pushes',
  'imports',
  'leads:mailshake',
  'customFields',
  'emailAccounts',
  'campaigns',
  'sequences',
  'cadences',
]);
const PERSON = ['email', 'emailAddress', 'person_id', 'contactId', 'contact_id'];
const CAMPAIGN = ['campaignId', 'campaign_id', 'cadence_id', 'emailer_campaign_id', 'sequenceId'];
const duplicatesIn = (tool: ToolId, state: unknown): string[] => {
  const found: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: state, path: tool, depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (!value || typeof value !== 'object' || depth > 8) continue;
    const entries: [string, unknown][] =
      value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v]) : value instanceof Set ? [] : Object.entries(value as object);
    const isCollection = value instanceof Map || Array.isArray(value);
    const name = path.split('.').pop() ?? '';
    if (isCollection && !SKIP_COLLECTIONS.has(name) && !SKIP_COLLECTIONS.has(`${name}:${tool}`)) {
      const seen = new Map<string, number>();
      for (const [, item] of entries) {
        if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
        const rec = item as Record<string, unknown>;
        const person = PERSON.map((k) => rec[k]).find((v) => v !== undefined && v !== null);
        if (person === undefined) continue;
        const campaign = CAMPAIGN.map((k) => rec[k]).find((v) => v !== undefined && v !== null);
        const key = `${String(person).toLowerCase()}|${campaign === undefined ? '' : String(campaign)}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      for (const [key, n] of seen) if (n > 1) found.push(`${path}: ${key} ×${n}`);
    }
    for (const [k, v] of entries) stack.push({ value: v, path: `${path}.${k}`, depth: depth + 1 });
  }
  return found;
};

/** Deliveries with unique events, built from bundled fixtures (Smartlead reply, lemlist reply, Calendly booking). */
const fixture = (tool: string, name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', tool, `${name}.json`), 'utf8'));
const delivery = (i: number) => {
  const kind = i % 3;
  if (kind === 0) {
    const fx = fixture('smartlead', 'email_reply_documented');
    const body = { ...fx.request.body, message_id: `<fault-${i}@example.com>`, sl_email_lead_map_id: 900000 + i };
    return {
      tool: 'smartlead' as ToolId,
      trigger: 'reply_received',
      at: fx.received_at,
      sub: fx.subscription,
      request: { headers: fx.request.headers, querystring: fx.request.querystring, body },
    };
  }
  if (kind === 1) {
    const fx = fixture('lemlist', 'emails_replied_union');
    const body = { ...fx.request.body, _id: `act_fault${String(i).padStart(16, '0')}` };
    return {
      tool: 'lemlist' as ToolId,
      trigger: 'reply_received',
      at: fx.received_at,
      sub: fx.subscription,
      request: { headers: fx.request.headers, querystring: {}, body },
    };
  }
  const fx = fixture('calendly', 'invitee_created_signed');
  const parsed = JSON.parse(fx.request.rawBody);
  parsed.payload.uri = `https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/FAULT${String(i).padStart(10, '0')}`;
  const raw = JSON.stringify(parsed);
  const t = Math.floor(Date.parse(fx.received_at) / 1000) - 2;
  const headers = { ...fx.request.headers, 'calendly-webhook-signature': signCalendly(fx.subscription.secret, t, raw) };
  return {
    tool: 'calendly' as ToolId,
    trigger: 'meeting_booked',
    at: fx.received_at,
    sub: fx.subscription,
    request: { headers, querystring: {}, rawBody: raw },
  };
};

const main = async () => {
  console.log = () => undefined; // z.console.log of the app
  const out = (s = '') => process.stdout.write(`${s}\n`);
  const mock = await startMock({ port: 0, mocks: MOCKS, failRate: FAIL_RATE, lostReplyShare: LOST_REPLY_SHARE, timeScale: SCALE });
  Object.assign(process.env, mock.env);
  const gc = (globalThis as { gc?: () => void }).gc;
  let maxRss = 0;
  const started = performance.now();
  out(
    `faults: mock on 127.0.0.1:${mock.port}, ${FAIL_RATE * 100} % injected faults (${LOST_REPLY_SHARE * 100} % of them after handling: answer lost), rate limits, Retry-After waits and 5xx backoff at ×${SCALE} time`,
  );

  // Enroll, then Stop, per tool in order (so calls can be counted per invocation); tools in parallel.
  const perTool = Math.ceil(ENROLLS / TOOLS.length);
  const runs: Run[] = [];
  const phases: { tool: ToolId; action: Run['action']; from: number; to: number; count: number }[] = [];
  /** Runs `bundles` for one tool and action: the first alone (calls counted each), then CONCURRENCY at a time. */
  const phase = async (tool: ToolId, action: Run['action'], bundles: Record<string, unknown>[]) => {
    const from = mock.log.length;
    for (const b of bundles.slice(0, CALIBRATION)) runs.push({ ...(await invoke(mock, tool, action, b)), calibration: true } as Run);
    const rest = bundles.slice(CALIBRATION);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let b = rest.shift(); b; b = rest.shift()) {
          runs.push(await invoke(mock, tool, action, b));
          if (runs.length % 50 === 0) gc?.();
        }
      }),
    );
    phases.push({ tool, action, from, to: mock.log.length, count: bundles.length });
  };
  await Promise.all(
    TOOLS.map(async (tool, t) => {
      const apiKey = `faults-${tool}-key-0123456789`;
      const campaigns = await dropdown(tool, 'campaign_list', apiKey);
      const mailboxes = tool === 'apollo' ? await dropdown(tool, 'mailbox_list', apiKey) : [];
      const mode = (CAPABILITIES[tool].actions as ActionCapabilities).stop.modes[0];
      const count = Math.min(perTool, ENROLLS - t * perTool);
      // The first campaign of the dropdown (the mocks seed archived / paused ones further down, which refuse enrolment by design).
      const leads = Array.from({ length: Math.max(0, count) }, (_, i) => ({ email: `fault-${tool}-${i}@example.com`, campaign: campaigns[0]! }));
      const authData = { tool, api_key: apiKey };
      await phase(
        tool,
        'enroll',
        leads.map((lead) => ({
          authData,
          inputData: {
            email: lead.email,
            campaign_id: lead.campaign,
            first_name: 'Fault',
            last_name: 'Test',
            ...(mailboxes[0] ? { mailbox_id: mailboxes[0] } : {}),
          },
        })),
      );
      await phase(
        tool,
        'stop',
        leads.map((lead) => ({ authData, inputData: { email: lead.email, campaign_id: lead.campaign, mode } })),
      );
      maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }),
  );
  const actionsSeconds = (performance.now() - started) / 1000;

  // Webhooks: 900 unique deliveries + 100 duplicates of earlier ones (each a few positions later).
  const uniqueCount = Math.round(DELIVERIES * 0.9);
  const order: number[] = Array.from({ length: uniqueCount }, (_, i) => i);
  for (let d = 0; d < DELIVERIES - uniqueCount; d += 1) {
    const original = (d * 9) % uniqueCount;
    order.splice(Math.min(order.indexOf(original) + 1 + (d % 7), order.length), 0, original);
  }
  const webhookStarted = performance.now();
  const emitted: string[] = [];
  const byDelivery = new Map<number, number>();
  let webhookErrors = 0;
  const wrongWebhookErrors: string[] = [];
  for (const [n, i] of order.entries()) {
    const d = delivery(i);
    const bundle = {
      authData: { tool: d.tool, api_key: `faults-${d.tool}-key-0123456789` },
      inputData: {},
      subscribeData: { tool: d.tool, id: 'faults', ...d.sub },
      ...zapierRequestFor({ method: 'POST', ...d.request }),
    };
    try {
      // The dedupe cache is kept across deliveries (no clearing): redeliveries must be dropped.
      const events = (await withPinnedClock(new Date(d.at), () => appTester(op('triggers', d.trigger) as never, bundle as never, false))) as { id: string }[];
      emitted.push(...events.map((e) => e.id));
      byDelivery.set(i, (byDelivery.get(i) ?? 0) + events.length);
    } catch (err) {
      webhookErrors += 1;
      wrongWebhookErrors.push(errorInfo(err).message.slice(0, 200));
    }
    if (n % 100 === 99) gc?.();
  }
  maxRss = Math.max(maxRss, process.memoryUsage().rss);
  const webhookSeconds = (performance.now() - webhookStarted) / 1000;
  await new Promise((r) => mock.server.close(r));

  // ---- report ----
  const enrolls = runs.filter((r) => r.action === 'enroll');
  const stops = runs.filter((r) => r.action === 'stop');
  const ENROLLED = new Set(['enrolled', 'already_enrolled']);
  const STOPPED = new Set(['stopped', 'already_stopped']);
  const lostEnroll = enrolls.filter((r) => !r.result || !ENROLLED.has(String(r.result.outcome)));
  const lostStop = stops.filter((r) => !r.result || !STOPPED.has(String(r.result.outcome)));
  const wrong = runs.flatMap((r) => r.wrongErrors.map((e) => `${r.tool} ${r.action}: ${e.name} ${e.code ?? ''} ${e.message.slice(0, 160)}`));
  const dupEnrolments = TOOLS.flatMap((tool) => duplicatesIn(tool, mock.state(tool)));
  const dupEvents = emitted.length - new Set(emitted).size;
  const lostEvents = [...new Set(order)].filter((i) => !byDelivery.get(i)).length;
  const outcomes = (list: Run[]) => {
    const c: Record<string, number> = {};
    for (const r of list) {
      const k = r.result ? String(r.result.outcome) : `error:${r.error?.code ?? r.error?.name}`;
      c[k] = (c[k] ?? 0) + 1;
    }
    return Object.entries(c)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  };
  const sum = (list: Run[], f: (r: Run) => number) => list.reduce((n, r) => n + f(r), 0);

  out();
  out(
    `Enroll Lead: ${enrolls.length} invocations, ${sum(enrolls, (r) => 1 + r.throttles + r.replays)} attempts (${sum(enrolls, (r) => r.throttles)} throttled retries, ${sum(enrolls, (r) => r.replays)} replays); outcomes: ${outcomes(enrolls)}`,
  );
  out(
    `Stop Sequence: ${stops.length} invocations, ${sum(stops, (r) => 1 + r.throttles + r.replays)} attempts (${sum(stops, (r) => r.throttles)} throttled retries, ${sum(stops, (r) => r.replays)} replays); outcomes: ${outcomes(stops)}`,
  );
  out();
  out('API calls per invocation (mock log over each phase; clean = not an injected 503 or a 429; min = fewest clean calls of the');
  out(`first ${CALIBRATION}, which run alone), beside the README minimum:`);
  out(
    `${'tool'.padEnd(11)}${'action'.padEnd(8)}${'runs'.padStart(5)}${'calls/run'.padStart(11)}${'clean/run'.padStart(11)}${'min clean'.padStart(11)}${'README min'.padStart(12)}`,
  );
  for (const tool of TOOLS) {
    for (const action of ['enroll', 'stop'] as const) {
      const ph = phases.find((p) => p.tool === tool && p.action === action);
      const list = runs.filter((r) => r.tool === tool && r.action === action && r.result);
      if (!ph || !list.length) continue;
      const logged = mock.log.slice(ph.from, ph.to).filter((l) => l.tool === tool);
      const calls = logged.length / ph.count;
      const clean = logged.filter((l) => l.status !== 429 && l.status !== 503).length / ph.count;
      const minClean = Math.min(...list.filter((r) => r.calibration && r.replays === 0 && r.throttles === 0).map((r) => r.cleanCalls));
      out(
        `${tool.padEnd(11)}${action.padEnd(8)}${String(list.length).padStart(5)}${calls.toFixed(2).padStart(11)}${clean.toFixed(2).padStart(11)}${String(Number.isFinite(minClean) ? minClean : '-').padStart(11)}${String(README_MIN[tool]![action]).padStart(12)}`,
      );
    }
  }
  // The floor: each tool's accepted calls through its own window (tools run in parallel: the slowest tool).
  const floors = TOOLS.map((tool) => {
    const mockDef = MOCKS.find((m) => m.tool === tool)!;
    const accepted = mock.log.filter((l) => l.tool === tool && l.status !== 429).length;
    return { tool, accepted, realMs: Math.max(0, Math.ceil(accepted / mockDef.rateLimit.requests) - 1) * mockDef.rateLimit.windowMs };
  });
  const floor = floors.reduce((a, b) => (b.realMs > a.realMs ? b : a));
  out();
  out(
    `Wall time (actions): ${actionsSeconds.toFixed(1)} s at ×${SCALE} time; the rate limits allow no less than ${((floor.realMs * SCALE) / 1000).toFixed(1)} s at that scale`,
  );
  out(
    `  floor in real time: ${(floor.realMs / 1000).toFixed(0)} s (${floor.tool}: ${floor.accepted} accepted calls through its mock window of ${MOCKS.find((m) => m.tool === floor.tool)!.rateLimit.requests} per ${MOCKS.find((m) => m.tool === floor.tool)!.rateLimit.windowMs / 1000} s; tools run in parallel)`,
  );
  out(
    `Webhooks: ${order.length} deliveries (${order.length - uniqueCount} duplicates) in ${webhookSeconds.toFixed(1)} s: ${emitted.length} events, ${webhookErrors} errors`,
  );
  out(`Max RSS ${Math.round(maxRss / 1e6)} MB over ${runs.length + sum(runs, (r) => r.throttles + r.replays) + order.length} invocations in one process`);
  out();
  const zero = {
    'lost (enrolments / stops / events)': lostEnroll.length + lostStop.length + lostEvents,
    'duplicate enrolments in the mock state': dupEnrolments.length,
    'duplicate events': dupEvents,
    'wrong error classes': wrong.length + wrongWebhookErrors.length,
  };
  for (const [k, v] of Object.entries(zero)) out(`${k}: ${v}${k.startsWith('lost') ? ` (${lostEnroll.length} / ${lostStop.length} / ${lostEvents})` : ''}`);
  for (const r of [...lostEnroll, ...lostStop].slice(0, 5))
    out(`  lost: ${r.tool} ${r.action}: ${r.result ? JSON.stringify(r.result).slice(0, 200) : `${r.error?.name} ${r.error?.message.slice(0, 200)}`}`);
  for (const d of dupEnrolments.slice(0, 5)) out(`  duplicate: ${d}`);
  for (const w of [...wrong, ...wrongWebhookErrors].slice(0, 5)) out(`  wrong error: ${w}`);
  process.exit(Object.values(zero).some((v) => v !== 0) ? 1 : 0);
};

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(2);
});
