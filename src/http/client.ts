import type { Bundle, HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import type { ToolId } from '../model/tools';
import { baseUrlFor } from './baseUrl';
import { hasDotSegment } from './path';

/** What every call gets: Zapier's z (HTTP, cache, errors) and the bundle (authData). */
export interface Ctx {
  z: ZObject;
  bundle: Bundle;
}

/**
 * What a call needs of its tool: where its API is and how it words errors (not the whole
 * provider; every Provider is one). Declared here so the HTTP layer knows nothing of providers.
 */
export interface ApiTool {
  id: ToolId;
  /** The tool's name as people write it: "Smartlead", "lemlist", "Reply.io". */
  label: string;
  /** The API base the paths in the tool's docs are relative to (docs/ARCHITECTURE.md, "Error policy"). */
  defaultBaseUrl: string;
  /** What the tool says in an error body (JSON message, or lemlist's text/plain). */
  errorMessage(content: string): string | null;
}

/** Backoff before retry n (1 s, 2 s, 4 s), each ±25 % jitter. Tests shrink the unit. */
const backoffUnitMs = (): number => Number(process.env.SALES_CONNECT_BACKOFF_UNIT_MS ?? 1000);
const MAX_RETRIES = 3;
/** Zapier stops a step at 30 s: never start a retry that could end past this. */
const STEP_BUDGET_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * When the current Zapier step started, per bundle: the 30 s budget is the step's, so every call
 * of a multi-call action shares it (a later call does not get a fresh 20 s of retries).
 */
const stepStarted = new WeakMap<object, number>();
const stepStart = (bundle: object): number => {
  let started = stepStarted.get(bundle);
  if (started === undefined) {
    started = Date.now();
    stepStarted.set(bundle, started);
  }
  return started;
};

export interface ApiRequest extends Omit<HttpRequestOptions, 'url'> {
  /** A path relative to the tool's API base (`/campaigns`), or an absolute URL. */
  path: string;
  /** Statuses the caller handles itself (e.g. 404 on delete = already gone, 409 = exists). */
  allowStatuses?: number[];
}

export const apiUrl = (provider: ApiTool, path: string): string =>
  /^https?:\/\//.test(path) ? path : `${baseUrlFor(provider.id, provider.defaultBaseUrl)}${path}`;

const isRetryableStatus = (status: number) => status >= 500 && status <= 599;

/** The tool's own words for an error, for people reading Zap history. */
export const toolMessage = (provider: ApiTool, response: HttpResponse): string => {
  const content = typeof response.content === 'string' ? response.content : '';
  const said = provider.errorMessage(content.length > 100_000 ? content.slice(0, 100_000) : content);
  return said ? (said.length > 500 ? `${said.slice(0, 500)}…` : said) : content.trim().slice(0, 300) || `HTTP ${response.status}`;
};

/**
 * One call to a tool's API. 5xx and network failures are retried with exponential backoff
 * inside the step's time budget; 401/403/429 are mapped by the afterResponse middleware; any
 * other 4xx becomes an error quoting the tool, unless the caller allowed that status.
 */
export const callApi = async (ctx: Ctx, provider: ApiTool, req: ApiRequest): Promise<HttpResponse> => {
  const { path, allowStatuses = [], ...options } = req;
  // Defence in depth: ids go through pathSegment(), and no relative path with a dot segment is sent.
  if (!/^https?:\/\//.test(path) && hasDotSegment(path)) {
    throw new ctx.z.errors.Error(
      `Refused to call ${provider.label}: the path ${JSON.stringify(path.slice(0, 200))} has a "." or ".." segment.`,
      'InvalidId',
      400,
    );
  }
  const url = apiUrl(provider, path);
  const started = stepStart(ctx.bundle);
  const callStarted = Date.now();
  let lastFailure = '';
  for (let attempt = 0; ; attempt += 1) {
    let response: HttpResponse | null = null;
    try {
      // No redirects: credentials are attached per origin before the request, and a redirect
      // to another host would carry custom key headers (x-api-key, X-API-Token) with it.
      response = await ctx.z.request({ ...options, url, skipThrowForStatus: true, redirect: 'manual' } as HttpRequestOptions & { url: string });
    } catch (err) {
      if (!isNetworkError(err)) throw err;
      lastFailure = `could not reach ${provider.label} (${withoutKey(withoutQueryStrings(String((err as Error).message).slice(0, 2000)), ctx.bundle.authData?.api_key)})`;
    }
    if (response) {
      if (response.status >= 300 && response.status < 400) {
        throw new ctx.z.errors.Error(
          `${provider.label} answered with a redirect (${response.status}) to ${withoutKey(withoutQueryStrings((response.getHeader('location') ?? 'elsewhere').slice(0, 500)), ctx.bundle.authData?.api_key)}; not followed. Check SALES_CONNECT_${provider.id.toUpperCase()}_BASE_URL if you set it.`,
          'UnexpectedRedirect',
          response.status,
        );
      }
      if (!isRetryableStatus(response.status)) {
        if (response.status >= 400 && !allowStatuses.includes(response.status)) {
          throw apiError(ctx.z, provider, response);
        }
        return response;
      }
      lastFailure = `${provider.label} answered ${response.status}: ${toolMessage(provider, response)}`;
    }
    const delay = backoffUnitMs() * 2 ** attempt * (0.75 + Math.random() * 0.5);
    if (attempt >= MAX_RETRIES || Date.now() - started + delay > STEP_BUDGET_MS) {
      throw new ctx.z.errors.Error(
        `${lastFailure}. Tried ${attempt + 1} times over ${Math.round((Date.now() - callStarted) / 1000)} s; ` +
          `${provider.label} may be having an outage — Zapier will let you replay this step.`,
        'ToolUnavailable',
        response?.status ?? 502,
      );
    }
    await sleep(delay);
  }
};

export const callJson = async <T = unknown>(ctx: Ctx, provider: ApiTool, req: ApiRequest): Promise<{ status: number; data: T }> => {
  const response = await callApi(ctx, provider, req);
  return { status: response.status, data: parseJson(response) as T };
};

export const parseJson = (response: HttpResponse): unknown => {
  const content = typeof response.content === 'string' ? response.content : '';
  if (content.trim() === '') return null;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
};

/** Keys shorter than this are not searched for (a word like "revoked" is no key; real keys are 20+ characters). */
const MIN_KEY_CHARS = 12;

/** The forms a key takes on the wire: as is, URL-encoded, and inside HTTP Basic credentials. */
const keyForms = (apiKey: string): string[] =>
  [
    apiKey,
    encodeURIComponent(apiKey),
    Buffer.from(`:${apiKey}`).toString('base64'),
    Buffer.from(`${apiKey}:`).toString('base64'),
    Buffer.from(apiKey).toString('base64'),
  ].filter((form, i, all) => form.length >= MIN_KEY_CHARS && all.indexOf(form) === i);

/** `text` with every form of the key replaced by `[redacted]`. */
export const withoutKey = (text: string, apiKey: unknown): string => {
  if (typeof apiKey !== 'string' || apiKey.length < MIN_KEY_CHARS) return text;
  let out = text;
  for (const form of keyForms(apiKey)) if (out.includes(form)) out = out.split(form).join('[redacted]');
  return out;
};

/** Network errors quote the URL; its query string may hold a key (Smartlead's `api_key`). */
export const withoutQueryStrings = (text: string): string => text.replace(/(https?:\/\/[^\s?#]+)[?#][^\s]*/g, '$1');

/** Errors Zapier core or our middleware raised on purpose: never mistaken for a flaky network. */
const DELIBERATE = new Set(['AppError', 'ExpiredAuthError', 'ThrottledError', 'RefreshAuthError', 'HaltedError', 'ResponseError', 'StopRequestError']);

const isNetworkError = (err: unknown): boolean => {
  const e = err as { name?: string; code?: string; type?: string; message?: string };
  if (!e || typeof e !== 'object' || DELIBERATE.has(e.name ?? '')) return false;
  return (
    e.name === 'FetchError' ||
    e.type === 'system' ||
    ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EPIPE'].includes(e.code ?? '') ||
    /socket hang up|network|ECONNRESET|ECONNREFUSED/i.test(e.message ?? '')
  );
};

const apiError = (z: ZObject, provider: ApiTool, response: HttpResponse): Error =>
  new z.errors.Error(
    `${provider.label} rejected the request (${response.status}): ${toolMessage(provider, response)}`,
    `${provider.id}_${response.status}`,
    response.status,
  );
