import type { ToolId } from '../../src/model/tools';

/** One request as a tool mock sees it: path relative to the tool's API base. */
export interface MockRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  /** The API key the request authenticated with (the mock's auth check extracted it). */
  apiKey: string;
}

export interface MockResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MockRoute<S> {
  method: string;
  /** `/campaigns/:id/leads` — `:name` segments become params. */
  path: string;
  handle(req: MockRequest, state: S): MockResponse;
}

/**
 * A local fake of one tool's API, for the endpoints the app calls: in-memory state, the tool's
 * documented rate limit (429 + Retry-After when exceeded) and its error body shape.
 */
export interface ToolMock<S = unknown> {
  tool: ToolId;
  /** The pathname of the tool's real API base (`/api/v1` for Smartlead), served under `/<tool>`. */
  basePath: string;
  rateLimit: { requests: number; windowMs: number };
  /** Further windows enforced together with `rateLimit` (e.g. per minute and per hour besides a burst limit). */
  moreRateLimits?: { requests: number; windowMs: number }[];
  /** The key in the request, as the tool reads it (query, header, Basic), or null. */
  apiKeyOf(req: { query: URLSearchParams; headers: Record<string, string>; body: unknown }): string | null;
  /** The tool's error body for a status and message (JSON, or text/plain for lemlist). */
  error(status: number, message: string): MockResponse;
  initialState(): S;
  routes: MockRoute<S>[];
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): MockResponse => ({ status, body, headers });
