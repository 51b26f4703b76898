import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { listenOnLoopback } from '../../dev/listen';
import type { ToolId } from '../model/tools';
import { scrubSecrets } from '../providers/shared/secrets';

/** Header names whose values are credentials; never written to a fixture. */
const SECRET_HEADERS = /^(authorization|cookie|set-cookie|x-api-key|x-api-token|proxy-authorization)$/i;
/** Body fields and query parameters that carry a shared secret (lemlist `secret`, Smartlead `secret_key`, ours `sc_secret`). */
const SECRET_FIELDS = /^(secret|secret_key|callback_token|signing_key|api_key|apikey|token|sc_secret)$/i;
export const REDACTED = '[redacted]';
/**
 * What a secret the recorder was given (`--secret`) becomes in a fixture: the delivery and the
 * subscription carry this same stand-in, so replay verifies the delivery as the app did live,
 * while the real secret never reaches a file that may be committed.
 */
export const RECORDED_SECRET = 'recorded-secret-stand-in';
/** A header `sales-connect send` adds: the fixture's original arrival time (signature age checks). */
export const RECEIVED_AT_HEADER = 'x-sales-connect-received-at';

/**
 * Tools that sign deliveries with the key we registered (src/providers/<tool>/signature.ts). Their
 * key never travels with a delivery and a stand-in would break the signature, so a recording
 * keeps the key itself (`--signing-key`); the other tools present a shared secret in clear (`--secret`).
 */
export const SIGNING_TOOLS: readonly ToolId[] = ['calendly', 'salesloft'];

/** What the Zap that receives these deliveries registered: replay needs it to verify them. */
export interface RecordSetup {
  /** The shared secret the tool presents in clear (URL `sc_secret`, lemlist's body `secret`). */
  secret?: string;
  /** The key a signing tool signs with (Calendly, Salesloft). Kept in the fixture as given. */
  signingKey?: string;
  /** Other subscription fields (the tool's webhook id, Smartlead's `campaign_id`). */
  subscription?: Record<string, unknown>;
  /** The trigger's inputs (`campaign_id`, `interested_categories`, …). */
  inputData?: Record<string, unknown>;
}

/** A secret field's recorded value: the stand-in when it is the registered secret, else redacted. */
const recordedSecret = (value: string, known: string | undefined) => (known !== undefined && value === known ? RECORDED_SECRET : REDACTED);

const redactDeep = (value: unknown, known: string | undefined): { value: unknown; changed: boolean } => {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = redactDeep(v, known);
      changed ||= r.changed;
      return r.value;
    });
    return { value: out, changed };
  }
  if (typeof value === 'string') {
    const standIn = known && known.length >= 8 ? value.split(known).join(RECORDED_SECRET) : value;
    const scrubbed = scrubSecrets(standIn) as string;
    return { value: scrubbed, changed: scrubbed !== value };
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_FIELDS.test(k) && v !== null && v !== '') {
        out[k] = recordedSecret(String(v), known);
        changed = true;
      } else {
        const r = redactDeep(v, known);
        changed ||= r.changed;
        out[k] = r.value;
      }
    }
    return { value: out, changed };
  }
  return { value, changed: false };
};

/** `value` with every occurrence of the clear-text secret replaced by the stand-in. */
const standIn = (value: unknown, known: string | undefined): unknown => {
  if (!known) return value;
  if (typeof value === 'string') return value.split(known).join(RECORDED_SECRET);
  if (Array.isArray(value)) return value.map((v) => standIn(v, known));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, standIn(v, known)]));
  return value;
};

const arrivalTime = (header: string | string[] | undefined, fallback: Date): Date => {
  const at = typeof header === 'string' ? new Date(header) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : fallback;
};

/**
 * One received delivery as a fixture (docs/ARCHITECTURE.md, "Fixture format"), secrets redacted,
 * with the subscription replay needs and no `expect`: a recording is unchecked until a person
 * writes what the vendor's docs say it must produce.
 */
export const fixtureFromDelivery = (
  tool: ToolId,
  req: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: string },
  receivedAt: Date,
  setup: RecordSetup = {},
) => {
  const url = new URL(req.url, 'http://recorder.local');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || /^(host|content-length|connection|accept-encoding)$/i.test(name) || name.toLowerCase() === RECEIVED_AT_HEADER) continue;
    headers[name.toLowerCase()] = SECRET_HEADERS.test(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  const querystring: Record<string, string> = {};
  for (const [k, v] of url.searchParams) querystring[k] = SECRET_FIELDS.test(k) ? recordedSecret(v, setup.secret) : v;
  let request: Record<string, unknown>;
  try {
    const { value, changed } = redactDeep(JSON.parse(req.body), setup.secret);
    // Keep the exact bytes (signatures are over them) unless a secret had to come out.
    request = changed ? { method: req.method, headers, querystring, body: value } : { method: req.method, headers, querystring, rawBody: req.body };
  } catch {
    request = { method: req.method, headers, querystring, rawBody: req.body };
  }
  const secret = setup.signingKey ?? (setup.secret !== undefined ? RECORDED_SECRET : undefined);
  return {
    tool,
    description: `recorded ${req.method} ${url.pathname} — describe what this delivery is`,
    source: 'recorded',
    request,
    received_at: arrivalTime(req.headers[RECEIVED_AT_HEADER], receivedAt).toISOString(),
    // The subscription given may hold the secret too (Woodpecker's and Mailshake's target_url).
    // Given nothing to verify with, the recording is a delivery by hand (an empty subscription):
    // replay, fail-closed like the app, refuses a subscription that has no secret.
    subscription:
      secret === undefined && !setup.subscription
        ? {}
        : { id: 'recorded', ...(standIn(setup.subscription ?? {}, setup.secret) as object), ...(secret !== undefined ? { secret } : {}) },
    inputData: setup.inputData ?? {},
  };
};

/** An HTTP receiver on 127.0.0.1 that saves every delivery as a fixture and answers 200. */
/**
 * The secret fields of a recorded delivery that were redacted rather than replaced by the stand-in:
 * the recorder was not given the secret they carry, so replay cannot verify them.
 */
export const unverifiableSecrets = (fixture: ReturnType<typeof fixtureFromDelivery>): string[] => {
  const request = fixture.request as { querystring?: Record<string, string>; body?: unknown };
  const inQuery = Object.entries(request.querystring ?? {}).filter(([k, v]) => SECRET_FIELDS.test(k) && v === REDACTED);
  const body = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Record<string, unknown>) : {};
  const inBody = Object.entries(body).filter(([k, v]) => SECRET_FIELDS.test(k) && v === REDACTED);
  return [...inQuery.map(([k]) => `query ${k}`), ...inBody.map(([k]) => `body ${k}`)];
};

export const startRecorder = (opts: {
  port: number;
  out: string;
  tool: ToolId;
  setup?: RecordSetup;
  /** `unverifiable`: see unverifiableSecrets. */
  onSaved?: (path: string, unverifiable: string[]) => void;
}): Promise<Server> => {
  mkdirSync(opts.out, { recursive: true });
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const receivedAt = new Date();
      n += 1;
      const fixture = fixtureFromDelivery(
        opts.tool,
        { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') },
        receivedAt,
        opts.setup,
      );
      // Numbered in arrival order, so a sequence sent one at a time keeps its order on disk.
      const path = join(opts.out, `${opts.tool}-${String(n).padStart(4, '0')}-${receivedAt.toISOString().replace(/[:.]/g, '-')}.json`);
      writeFileSync(path, `${JSON.stringify(fixture, null, 2)}\n`);
      opts.onSaved?.(path, unverifiableSecrets(fixture));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"recorded"}');
    });
  });
  return listenOnLoopback(server, opts.port);
};
