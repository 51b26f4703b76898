import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { ToolId } from '../model/tools';
import { scrubSecrets } from '../providers/shared/secrets';

/** Header names whose values are credentials; never written to a fixture. */
const SECRET_HEADERS = /^(authorization|cookie|set-cookie|x-api-key|x-api-token|proxy-authorization)$/i;
/** Body fields and query parameters that carry a shared secret (lemlist `secret`, Smartlead `secret_key`, ours `sc_secret`). */
const SECRET_FIELDS = /^(secret|secret_key|callback_token|signing_key|api_key|apikey|token|sc_secret)$/i;
export const REDACTED = '[redacted]';

const redactDeep = (value: unknown): { value: unknown; changed: boolean } => {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = redactDeep(v);
      changed ||= r.changed;
      return r.value;
    });
    return { value: out, changed };
  }
  if (typeof value === 'string') {
    const scrubbed = scrubSecrets(value) as string;
    return { value: scrubbed, changed: scrubbed !== value };
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_FIELDS.test(k) && v !== null && v !== '') {
        out[k] = REDACTED;
        changed = true;
      } else {
        const r = redactDeep(v);
        changed ||= r.changed;
        out[k] = r.value;
      }
    }
    return { value: out, changed };
  }
  return { value, changed: false };
};

/** One received delivery as a fixture (DESIGN §4), secrets redacted; `expect` is left for a person to write. */
export const fixtureFromDelivery = (
  tool: ToolId,
  req: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: string },
  receivedAt: Date,
) => {
  const url = new URL(req.url, 'http://recorder.local');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || /^(host|content-length|connection|accept-encoding)$/i.test(name)) continue;
    headers[name.toLowerCase()] = SECRET_HEADERS.test(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  const querystring: Record<string, string> = {};
  for (const [k, v] of url.searchParams) querystring[k] = SECRET_FIELDS.test(k) ? REDACTED : v;
  let request: Record<string, unknown>;
  try {
    const { value, changed } = redactDeep(JSON.parse(req.body));
    // Keep the exact bytes (signatures are over them) unless a secret had to come out.
    request = changed ? { method: req.method, headers, querystring, body: value } : { method: req.method, headers, querystring, rawBody: req.body };
  } catch {
    request = { method: req.method, headers, querystring, rawBody: req.body };
  }
  return {
    tool,
    description: `recorded ${req.method} ${url.pathname} — describe what this delivery is`,
    source: 'recorded',
    request,
    received_at: receivedAt.toISOString(),
    subscription: {},
    inputData: {},
    expect: [],
  };
};

/** An HTTP receiver on 127.0.0.1 that saves every delivery as a fixture and answers 200. */
export const startRecorder = (opts: { port: number; out: string; tool: ToolId; onSaved?: (path: string) => void }): Promise<Server> => {
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
      );
      const path = join(opts.out, `${opts.tool}-${receivedAt.toISOString().replace(/[:.]/g, '-')}-${n}.json`);
      writeFileSync(path, `${JSON.stringify(fixture, null, 2)}\n`);
      opts.onSaved?.(path);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"recorded"}');
    });
  });
  return new Promise((resolve) => server.listen(opts.port, '127.0.0.1', () => resolve(server)));
};
