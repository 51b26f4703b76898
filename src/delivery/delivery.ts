import type { Bundle } from 'zapier-platform-core';
import { now } from './clock';
import { refuseDeepText, refuseDeepValue } from './depth';

/** One webhook delivery as our providers see it, whatever way Zapier handed it over. */
export interface Delivery {
  /** Header names lower-cased, with Zapier's `Http-` prefix removed. */
  headers: Record<string, string>;
  /** The exact body text, when Zapier gave it (bundle.rawRequest.content). Signatures use this. */
  rawBody: string | null;
  /** The parsed body (JSON object or array, or form fields). */
  body: unknown;
  query: Record<string, string>;
  /** When the delivery arrived (signature age checks). */
  receivedAt: Date;
}

/**
 * Zapier presents raw headers with every name but Content-Type / Content-Length prefixed with
 * `Http-` and Camel-Cased (`X-Time-GMT` → `Http-X-Time-Gmt`, per the CLI docs on
 * bundle.rawRequest). We look headers up by their plain lower-case name.
 */
export const normaliseHeaders = (headers: Record<string, unknown> | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    const plain = name.toLowerCase().replace(/^http-/, '');
    out[plain] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
};

const parseQuery = (q: unknown): Record<string, string> => {
  if (typeof q === 'string') return Object.fromEntries(new URLSearchParams(q.replace(/^\?/, '')));
  if (q && typeof q === 'object') {
    return Object.fromEntries(Object.entries(q as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  }
  return {};
};

/**
 * A webhook body as text → JSON (or form fields); null when it is neither. Bodies nested deeper
 * than any tool sends are refused (typed error) before JSON.parse builds them.
 */
export const parseBody = (raw: string, contentType: string | undefined): unknown => {
  const trimmed = refuseDeepText(raw).trim();
  if (trimmed === '') return {};
  if (contentType?.includes('application/x-www-form-urlencoded') && !/^[[{]/.test(trimmed)) {
    return Object.fromEntries(new URLSearchParams(trimmed));
  }
  try {
    return JSON.parse(trimmed);
  } catch {
    return null; // the provider reports an unreadable body with the tool's name
  }
};

export const deliveryFromBundle = (bundle: Bundle): Delivery => {
  const raw = bundle.rawRequest;
  // Zapier may have parsed the body already (cleanedRequest): refuse absurd nesting before any
  // of our code, or core's serialisation of our output, walks it.
  refuseDeepValue(bundle.cleanedRequest);
  const headers = normaliseHeaders(raw?.headers ?? (bundle.cleanedRequest as { headers?: Record<string, string> })?.headers);
  if (raw && typeof raw.content === 'string') {
    return {
      headers,
      rawBody: raw.content,
      body: parseBody(raw.content, headers['content-type']),
      query: parseQuery(raw.querystring),
      receivedAt: new Date(now()),
    };
  }
  // No raw request (older runtimes, `zapier invoke`): use the parsed body. Zapier adds the
  // query string to it as a `querystring` property, which is not part of the tool's payload.
  let body: unknown = bundle.cleanedRequest ?? null;
  let query: Record<string, string> = {};
  if (body && typeof body === 'object' && !Array.isArray(body) && 'querystring' in body) {
    const { querystring, ...rest } = body as Record<string, unknown>;
    query = parseQuery(querystring);
    body = rest;
  }
  return { headers, rawBody: null, body, query, receivedAt: new Date(now()) };
};

/** What Zapier would hand a hook's perform for this HTTP delivery (used by the harness and tests). */
export const zapierRequestFor = (req: {
  method?: string;
  headers?: Record<string, string>;
  querystring?: Record<string, string> | string;
  body?: unknown;
  rawBody?: string;
}): { rawRequest: Record<string, unknown>; cleanedRequest: unknown } => {
  const content = req.rawBody ?? JSON.stringify(req.body ?? {});
  const zapierHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const camel = name
      .toLowerCase()
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('-');
    zapierHeaders[/^content-(type|length)$/i.test(name) ? camel : `Http-${camel}`] = value;
  }
  const querystring = typeof req.querystring === 'string' ? req.querystring : new URLSearchParams(req.querystring ?? {}).toString();
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    parsed = {};
  }
  const cleanedRequest =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? { ...(parsed as object), querystring: Object.fromEntries(new URLSearchParams(querystring)) }
      : parsed;
  return {
    rawRequest: { method: req.method ?? 'POST', querystring, headers: zapierHeaders, content },
    cleanedRequest,
  };
};
