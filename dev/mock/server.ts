import { createServer, type IncomingMessage, type Server } from 'node:http';
import { baseUrlEnvVar } from '../../src/http/baseUrl';
import { listenOnLoopback } from '../listen';
import type { ToolId } from '../../src/model/tools';
import type { MockResponse, MockRoute, ToolMock } from './types';

export interface MockOptions {
  port: number;
  mocks: ToolMock<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Added to every answer. */
  latencyMs?: number;
  /** Probability (0–1) that a request fails with a 503 in the tool's error shape. */
  failRate?: number;
  /** Deterministic fault injection for tests; defaults to Math.random. */
  random?: () => number;
  /**
   * Share (0–1) of the injected faults that strike after the request was handled: the state
   * changed, the answer is lost (a 503). Default 0: every fault strikes before anything changed.
   */
  lostReplyShare?: number;
  /**
   * Rate-limit windows run this much faster than the tool's (0.05 → a 60 s window lasts 3 s);
   * Retry-After still says the tool's real seconds. Default: SALES_CONNECT_MOCK_TIME_SCALE, else 1.
   */
  timeScale?: number;
}

export interface RunningMock {
  server: Server;
  port: number;
  /** `SALES_CONNECT_<TOOL>_BASE_URL` values that point the app at this mock. */
  env: Record<string, string>;
  /** Every request served, in order (tool, method, path, status). */
  log: { tool: ToolId; method: string; path: string; status: number }[];
  /** Counts `count` requests of `apiKey` against the tool's current window, as if they had just been served. */
  fillRateWindow(tool: ToolId, apiKey: string, count: number): void;
  /** The tool's in-memory state (read-only use: fault runs check it for duplicates). */
  state(tool: ToolId): unknown;
  /** The time scale the rate-limit windows run at (see MockOptions.timeScale). */
  timeScale: number;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

const match = (pattern: string, path: string): Record<string, string> | null => {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
};

/**
 * Serves every tool mock under `http://127.0.0.1:PORT/<tool><tool's base path>`, enforcing each
 * tool's rate limit per API key (sliding window, 429 + Retry-After), with optional latency and
 * injected 503s. Loopback only.
 */
export const startMock = async (opts: MockOptions): Promise<RunningMock> => {
  const random = opts.random ?? Math.random;
  const timeScale = opts.timeScale ?? (Number(process.env.SALES_CONNECT_MOCK_TIME_SCALE ?? 1) || 1);
  const states = new Map(opts.mocks.map((m) => [m.tool, m.initialState()]));
  const windows = new Map<string, number[]>();
  const log: RunningMock['log'] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, toolSegment = ''] = url.pathname.split('/');
    const mock = opts.mocks.find((m) => m.tool === toolSegment);
    const send = (r: MockResponse, tool?: ToolId, path = url.pathname) => {
      if (tool) log.push({ tool, method: req.method ?? 'GET', path, status: r.status });
      const text = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      const type = typeof r.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
      const reply = () => {
        res.writeHead(r.status, { 'content-type': type, ...(r.headers ?? {}) });
        res.end(text);
      };
      if (opts.latencyMs) setTimeout(reply, opts.latencyMs);
      else reply();
    };
    if (!mock) return send({ status: 404, body: { error: `no mock for "${toolSegment}"; tools: ${opts.mocks.map((m) => m.tool).join(', ')}` } });
    const prefix = `/${mock.tool}${mock.basePath}`;
    if (!url.pathname.startsWith(prefix)) return send(mock.error(404, `paths start with ${prefix}`), mock.tool);
    const path = url.pathname.slice(prefix.length) || '/';
    const raw = await readBody(req);
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      /* keep the text */
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const apiKey = mock.apiKeyOf({ query: url.searchParams, headers, body });
    if (!apiKey) return send(mock.error(401, 'missing or invalid API key'), mock.tool, path);
    if (apiKey === 'revoked') return send(mock.error(401, 'The API key was revoked'), mock.tool, path);

    // The tool's documented rate limit(s), per key: every window must have room (e.g. Smartlead's
    // 10/s burst, 60/min and 1,000/h). Timestamps are kept for the longest window.
    const key = `${mock.tool}:${apiKey}`;
    const now = Date.now();
    const limits = [mock.rateLimit, ...(mock.moreRateLimits ?? [])];
    const longest = Math.max(...limits.map((l) => l.windowMs)) * timeScale;
    const recent = (windows.get(key) ?? []).filter((t) => now - t < longest);
    for (const limit of limits) {
      const windowMs = limit.windowMs * timeScale;
      const inWindow = recent.filter((t) => now - t < windowMs);
      if (inWindow.length >= limit.requests) {
        // In the tool's real seconds, whatever the time scale.
        const retryAfter = Math.max(1, Math.ceil((windowMs - (now - (inWindow[0] as number))) / timeScale / 1000));
        windows.set(key, recent);
        const limited = mock.error(429, `Rate limit of ${limit.requests} requests per ${limit.windowMs / 1000} s exceeded`);
        return send({ ...limited, headers: { ...(limited.headers ?? {}), 'Retry-After': String(retryAfter) } }, mock.tool, path);
      }
    }
    recent.push(now);
    windows.set(key, recent);

    let loseReply = false;
    if ((opts.failRate ?? 0) > 0 && random() < (opts.failRate as number)) {
      // (random() is drawn a second time only when some faults may strike after handling: seeded tests keep their sequence.)
      if (!((opts.lostReplyShare ?? 0) > 0 && random() < (opts.lostReplyShare as number)))
        return send(mock.error(503, 'Service temporarily unavailable (injected fault)'), mock.tool, path);
      loseReply = true;
    }
    const fault = mock.error(503, 'Service temporarily unavailable (injected fault, after handling)');
    for (const route of mock.routes as MockRoute<unknown>[]) {
      if (route.method !== req.method) continue;
      const params = match(route.path, path);
      if (!params) continue;
      try {
        const answer = route.handle({ method: req.method, path, params, query: url.searchParams, headers, body, apiKey }, states.get(mock.tool));
        return send(loseReply ? fault : answer, mock.tool, path);
      } catch (err) {
        return send(mock.error(500, `mock error: ${(err as Error).message}`), mock.tool, path);
      }
    }
    return send(mock.error(404, `the ${mock.tool} mock has no route ${req.method} ${path}`), mock.tool, path);
  });
  await listenOnLoopback(server, opts.port);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const env = Object.fromEntries(opts.mocks.map((m) => [baseUrlEnvVar(m.tool), `http://127.0.0.1:${port}/${m.tool}${m.basePath}`]));
  const fillRateWindow = (tool: ToolId, apiKey: string, count: number) => {
    const key = `${tool}:${apiKey}`;
    windows.set(key, [...(windows.get(key) ?? []), ...Array.from({ length: count }, () => Date.now())]);
  };
  return { server, port, env, log, fillRateWindow, state: (tool: ToolId) => states.get(tool), timeScale };
};
