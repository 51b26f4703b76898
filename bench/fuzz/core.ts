/**
 * Shared by the property tests (test/reliability/properties.test.ts, CI size) and `npm run fuzz`
 * (≥ 10,000 cases per tool): mutated webhook deliveries built from each tool's bundled fixtures,
 * run through the real app definition, each sorted into one outcome class:
 *
 *   events       the trigger emitted unified events
 *   no_event     it emitted none (a delivery for another trigger, an ignored event)
 *   typed_error  it refused with a Zapier error (z.errors.*) that carries a code and a 4xx status
 *   bug          anything else: an untyped error, our own "please report" 500, an error text over
 *                4 KB or quoting a secret, output quoting a secret, or a run past 5 s
 */
import fc from 'fast-check';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createAppTester } from 'zapier-platform-core';
import { withPinnedClock } from '../../src/delivery/clock';
import { zapierRequestFor } from '../../src/delivery/delivery';
import { loadFixtures, type Fixture } from '../../src/harness/fixture';
import { UnifiedEvent } from '../../src/model/event';
import { EVENT_TYPES, type ToolId } from '../../src/model/tools';
import { signCalendly } from '../../src/providers/calendly/signature';
import { signSalesloft } from '../../src/providers/salesloft/signature';
import App from '../../src/index';

export const TOOLS: ToolId[] = ['smartlead', 'lemlist', 'replyio', 'woodpecker', 'mailshake', 'apollo', 'salesloft', 'mixmax', 'calendly'];
export type Outcome = 'events' | 'no_event' | 'typed_error' | 'bug';
export const OUTCOMES: Outcome[] = ['events', 'no_event', 'typed_error', 'bug'];

export interface CaseResult {
  outcome: Outcome;
  /** For a bug: what was wrong, and the error or output that showed it. */
  detail?: string;
  ms: number;
}

/** The API key the fuzzed connection uses: it must never appear in any output or error. */
export const FUZZ_API_KEY = 'fuzz-api-key-5b1d0c9e77';
export const MAX_ERROR_TEXT = 4096;
export const MAX_CASE_MS = 5000;

const FIXTURE_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures');
const fixtureDir = (): string => {
  // Compiled (dist/bench/fuzz) and ts-jest (bench/fuzz) sit at different depths.
  for (const dir of [FIXTURE_DIR, join(__dirname, '..', '..', 'test', 'fixtures')]) {
    try {
      statSync(dir);
      return dir;
    } catch {
      /* next */
    }
  }
  throw new Error('test/fixtures not found');
};

/** Seeds: every bundled fixture of the tool that is not itself a refusal test. */
export const seedsFor = (tool: ToolId): Fixture[] =>
  loadFixtures([join(fixtureDir(), tool)]).flatMap((f) => (f.fixture && f.fixture.expect_error === undefined ? [f.fixture] : []));

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Values that broke the app before issue 12, and their relatives. */
export const HOSTILE: Json[] = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'Object',
  '',
  ' ',
  '0',
  '-1',
  'null',
  'true',
  '[]',
  '{}',
  'a@b@c.com',
  'Jane <JANE@Example.COM>',
  'jane @x.com',
  'mailto:x@y.io',
  '@',
  'x@',
  '@y.z',
  '2025-02-30',
  '2025-13-01T00:00:00Z',
  '9999-12-31T23:59:59-01:00',
  '+275760-09-13T00:00:00.000Z',
  '1969-12-31T23:59:59Z',
  253402300800000,
  8.64e15,
  -1,
  0,
  1e21,
  -0,
  2 ** 53,
  1.5,
  '..',
  '.',
  '../webhooks',
  '%2e%2e',
  'a/b',
  'a\u0000b',
  '\n',
  '\u202e',
  'é',
  '😀',
  'https://evil.example/x',
  'http://127.0.0.1:1/',
  'https://api.mailshake.com/2017-04-01/push/delete',
  true,
  false,
  null,
  [],
  {},
  [null],
  { __proto__: null } as unknown as Json,
];

const hostile = fc.constantFrom(...HOSTILE);
/**
 * Large values are built when a case runs, not when fast-check generates it: fast-check walks
 * generated values (printing, shrinking) recursively, and a 6,000-level nesting overflows that.
 */
export class Lazy {
  constructor(
    readonly label: string,
    readonly make: () => Json,
  ) {}
  toString(): string {
    return this.label;
  }
}
type Value = Json | Lazy;
const realise = (v: Value): Json => (v instanceof Lazy ? v.make() : v);

const bigString = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('a', 'a@', 'at@', '1', ' ', 'x.', '@y'))
  .map(([n, unit]) => new Lazy(`"${unit}"×${n}`, () => unit.repeat(Math.ceil(n / unit.length))));
const deep = fc.integer({ min: 60, max: 4_000 }).map(
  (n) =>
    new Lazy(`nested ${n}`, () => {
      let v: Json = 'bottom';
      for (let i = 0; i < n; i += 1) v = i % 2 ? [v] : { k: v };
      return v;
    }),
);
const wide = fc
  .integer({ min: 100, max: 5_000 })
  .map((n) => new Lazy(`${n} items`, () => Array.from({ length: n }, (_, i) => ({ ['k' + i]: i, email: `x${i}@`, event: 'constructor' }))));
const anyJson = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>;

/**
 * A value to put somewhere in a payload. `heavy` is the weight (out of 100) of the large ones —
 * huge strings, deep and wide values — which cost far more per case than the hostile names.
 */
export const valueArbWith = (heavy: number): fc.Arbitrary<Value> =>
  fc.oneof(
    { weight: 60, arbitrary: hostile },
    { weight: 40 - Math.min(heavy, 39), arbitrary: anyJson },
    { weight: Math.max(heavy, 0), arbitrary: fc.oneof(bigString, deep, wide) },
  );
export const valueArb = valueArbWith(25);

const pathsOf = (value: Json, prefix: Path = [], out: Path[] = [], depth = 0): Path[] => {
  out.push(prefix);
  if (depth > 12 || out.length > 400) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out, depth + 1));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out, depth + 1);
  return out;
};

/** `root` with the value at `path` replaced (or deleted): copies only the nodes along the path. */
const setAt = (root: Json, path: Path, value: Json | undefined): Json => {
  if (path.length === 0) return value === undefined ? null : value;
  const [key, ...rest] = path as [string | number, ...Path];
  if (!root || typeof root !== 'object') return root;
  const copy = (Array.isArray(root) ? [...root] : { ...root }) as unknown as Record<string | number, Json>;
  if (rest.length) {
    copy[key] = setAt(copy[key] as Json, rest, value);
  } else if (value === undefined) {
    if (Array.isArray(copy)) copy.splice(key as number, 1);
    else delete copy[key];
  } else if (key === '__proto__') {
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  } else {
    copy[key] = value;
  }
  return copy as Json;
};

class Tok {
  constructor(readonly text: string) {}
}

/** JSON.stringify without recursion: a 6,000-level body must reach the app as text. */
export const toJsonText = (value: Json): string => {
  const out: string[] = [];
  const stack: (Json | Tok)[] = [value];
  while (stack.length) {
    const x = stack.pop() as Json | Tok;
    if (x instanceof Tok) out.push(x.text);
    else if (x === null || typeof x !== 'object') out.push(JSON.stringify(x) ?? 'null');
    else if (Array.isArray(x)) {
      stack.push(new Tok(']'));
      for (let i = x.length - 1; i >= 0; i -= 1) {
        stack.push(x[i] as Json);
        if (i > 0) stack.push(new Tok(','));
      }
      stack.push(new Tok('['));
    } else {
      const entries = Object.entries(x);
      stack.push(new Tok('}'));
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [k, v] = entries[i] as [string, Json];
        stack.push(v, new Tok(`${JSON.stringify(k)}:`));
        if (i > 0) stack.push(new Tok(','));
      }
      stack.push(new Tok('{'));
    }
  }
  return out.join('');
};

export interface Mutation {
  /** Index into the seed's paths (mod their number). */
  at: number;
  kind: 'replace' | 'delete' | 'rename' | 'whole';
  value: Value;
}

export const mutationArbWith = (heavy: number): fc.Arbitrary<Mutation> =>
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom<Mutation['kind']>('replace', 'replace', 'replace', 'replace', 'delete', 'rename', 'whole'),
    value: valueArbWith(heavy),
  });

export const applyMutation = (body: Json, mutation: Mutation): Json => {
  const m = { ...mutation, value: realise(mutation.value) };
  if (m.kind === 'whole') return m.value;
  const paths = pathsOf(body);
  const path = paths[m.at % paths.length] as Path;
  if (m.kind === 'replace') return setAt(body, path, m.value);
  if (path.length === 0) return body;
  if (m.kind === 'delete') return setAt(body, path, undefined);
  // rename: the key becomes a hostile name (`constructor`, `__proto__`…) holding the same value
  const parentPath = path.slice(0, -1);
  const parent = parentPath.reduce<Json>((n, k) => (n as Record<string | number, Json>)[k] as Json, body);
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return setAt(body, path, m.value);
  const key = typeof m.value === 'string' && m.value.length < 40 ? m.value : 'constructor';
  const moved = (parent as Record<string, Json>)[path[path.length - 1] as string] as Json;
  return setAt(setAt(body, path, undefined), [...parentPath, key], moved);
};

// ---------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------

export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
  /** Mutate the tool's API answers (Mailshake's fetched resource) instead of the delivery body. */
  onHttp: boolean;
  trigger: (typeof EVENT_TYPES)[number];
  /** Mutate the event-name header too (Salesloft). */
  header: Json | null;
}

export const caseArb = (seedCount: number, heavy = 25): fc.Arbitrary<FuzzCase> =>
  fc.record({
    seed: fc.nat({ max: Math.max(0, seedCount - 1) }),
    mutations: fc.array(mutationArbWith(heavy), { minLength: 1, maxLength: 3 }),
    onHttp: fc.boolean(),
    trigger: fc.constantFrom(...EVENT_TYPES),
    header: fc.option(hostile, { freq: 8 }),
  });

const bodyOf = (f: Fixture): Json => (f.request.rawBody !== undefined ? (JSON.parse(f.request.rawBody) as Json) : ((f.request.body ?? {}) as Json));

/** The delivery a case describes, still carrying what proves it came from our webhook. */
export const buildDelivery = (tool: ToolId, seed: Fixture, c: FuzzCase) => {
  let body = bodyOf(seed);
  let http = seed.http.map((h) => ({ ...h }));
  if (c.onHttp && http.length) {
    http = http.map((h, i) => (i === 0 ? { ...h, body: c.mutations.reduce((b, m) => applyMutation(b, m), (h.body ?? null) as Json) } : h));
  } else {
    body = c.mutations.reduce((b, m) => applyMutation(b, m), body);
  }
  const secret = typeof seed.subscription.secret === 'string' ? seed.subscription.secret : null;
  const headers: Record<string, string> = { ...seed.request.headers };
  if (c.header !== null && typeof c.header !== 'object' && headers['x-salesloft-event'] !== undefined) headers['x-salesloft-event'] = String(c.header);
  if (tool === 'lemlist' && secret && body && typeof body === 'object' && !Array.isArray(body) && !('secret' in body)) {
    body = { ...body, secret };
  }
  const raw = toJsonText(body);
  if (secret && tool === 'calendly') headers['calendly-webhook-signature'] = signCalendly(secret, Math.floor(Date.parse(seed.received_at) / 1000), raw);
  if (secret && tool === 'salesloft') headers['x-salesloft-signature'] = signSalesloft(secret, raw);
  return { headers, raw, http, secret };
};

type AppTester = ReturnType<typeof createAppTester>;
let tester: AppTester | null = null;
const appTester = (): AppTester => (tester ??= createAppTester(App));

/** The message a Zapier error carries (JSON `{message, code, status}` for z.errors.Error). */
const parsedError = (err: unknown): { name: string; text: string; code?: string; status?: number } => {
  const e = err as { name?: string; message?: string };
  const text = typeof e?.message === 'string' ? e.message : String(err);
  try {
    const p = JSON.parse(text) as { message?: string; code?: string; status?: number };
    return { name: e?.name ?? '', text, code: p.code, status: p.status };
  } catch {
    return { name: e?.name ?? '', text };
  }
};

const TYPED = new Set(['AppError', 'ThrottledError', 'ExpiredAuthError', 'HaltedError', 'RefreshAuthError']);
/** Codes of the errors that say our own output broke the contract: always a bug. */
const OUR_BUGS = new Set(['InvalidEvent', 'InvalidOutput', 'InternalError']);

/** Sorts what a run produced into its outcome class. */
export const classify = (result: { out?: unknown; err?: unknown }, secrets: string[], ms: number): CaseResult => {
  const leaks = (text: string) => secrets.filter((s) => s && s.length >= 8 && text.includes(s));
  if (ms > MAX_CASE_MS) return { outcome: 'bug', detail: `took ${Math.round(ms)} ms`, ms };
  if ('err' in result) {
    const e = parsedError(result.err);
    if (e.text.length > MAX_ERROR_TEXT) return { outcome: 'bug', detail: `error text of ${e.text.length} characters: ${e.text.slice(0, 300)}`, ms };
    if (leaks(e.text).length) return { outcome: 'bug', detail: `error quotes a secret: ${e.text.slice(0, 300)}`, ms };
    // Typed: a Zapier error class, and for z.errors.Error a code — but never our own "please report this" 500s.
    const typed = TYPED.has(e.name) && (e.name !== 'AppError' || (e.code !== undefined && !OUR_BUGS.has(e.code)));
    return typed ? { outcome: 'typed_error', ms } : { outcome: 'bug', detail: `${e.name}: ${e.text.slice(0, 400)}`, ms };
  }
  const out = result.out;
  if (!Array.isArray(out)) return { outcome: 'bug', detail: `perform returned ${typeof out}`, ms };
  for (const ev of out) {
    const check = UnifiedEvent.safeParse(ev);
    if (!check.success) return { outcome: 'bug', detail: `event off-schema: ${check.error.issues[0]?.path.join('.')}`, ms };
  }
  let text: string;
  try {
    text = JSON.stringify(out);
  } catch (err) {
    return { outcome: 'bug', detail: `output not serialisable: ${(err as Error).message}`, ms };
  }
  if (leaks(text).length) return { outcome: 'bug', detail: 'output quotes a secret', ms };
  return { outcome: out.length ? 'events' : 'no_event', ms };
};

/** Serves a case's API answers (Mailshake fetches) with nock, when nock is loaded. */
const serve = (http: Fixture['http']): (() => void) => {
  if (!http.length) return () => undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require('nock') as typeof import('nock');
  for (const call of http) {
    const url = new URL(call.url);
    nock(url.origin)
      .persist()
      .intercept(url.pathname + url.search, call.method.toUpperCase())
      .reply(call.status, call.body === undefined ? '' : toJsonText(call.body as Json), { 'content-type': 'application/json', ...(call.headers ?? {}) });
  }
  return () => nock.cleanAll();
};

/** Runs one case through the trigger's perform, as Zapier would hand over the delivery. */
export const runCase = async (tool: ToolId, seeds: Fixture[], c: FuzzCase): Promise<CaseResult> => {
  const seed = seeds[c.seed % seeds.length] as Fixture;
  const { headers, raw, http, secret } = buildDelivery(tool, seed, c);
  const hasSub = Object.keys(seed.subscription).length > 0;
  const bundle = {
    authData: { tool, api_key: FUZZ_API_KEY },
    inputData: seed.inputData,
    subscribeData: hasSub ? { tool, id: 'fuzz', ...seed.subscription } : undefined,
    ...zapierRequestFor({ method: 'POST', headers, querystring: seed.request.querystring, rawBody: raw }),
  };
  const trigger = (App.triggers as Record<string, { operation: { perform: unknown } }>)[c.trigger];
  const stop = serve(http);
  const started = Date.now();
  let result: { out?: unknown; err?: unknown };
  try {
    const out = await withPinnedClock(new Date(seed.received_at), () => appTester()(trigger?.operation.perform as never, bundle as never, true));
    result = { out };
  } catch (err) {
    result = { err };
  } finally {
    stop();
  }
  return classify(result, [FUZZ_API_KEY, ...(secret ? [secret] : [])], Date.now() - started);
};

/** Counts per outcome class. */
export const tally = (results: CaseResult[]): Record<Outcome, number> => {
  const counts = { events: 0, no_event: 0, typed_error: 0, bug: 0 } as Record<Outcome, number>;
  for (const r of results) counts[r.outcome] += 1;
  return counts;
};
