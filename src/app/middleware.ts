import type { AfterResponseMiddleware, BeforeRequestMiddleware, HttpResponse } from 'zapier-platform-core';
import { findProvider } from '../providers';
import type { Provider } from '../providers/types';
import { baseUrlFor, sameOrigin } from '../http/baseUrl';
import { toolMessage, withoutKey } from '../http/client';
import { expiredAuth } from '../providers/shared/errors';

/** The connection's provider, if `url` goes to that provider's API origin; else null. */
const providerFor = (authData: Record<string, unknown> | undefined, url: string | undefined): Provider | null => {
  const provider = findProvider(authData?.tool);
  if (!provider || !url) return null;
  return sameOrigin(url, baseUrlFor(provider.id, provider.defaultBaseUrl)) ? provider : null;
};

/**
 * Credentials go only to the connected tool's own API origin. Any other host (a Mailshake
 * resource_url pointing elsewhere, a redirect, a mistyped override) gets the request bare.
 */
export const attachCredentials: BeforeRequestMiddleware = (request, z, bundle) => {
  const apiKey = bundle.authData?.api_key;
  const provider = providerFor(bundle.authData, request.url);
  if (provider && typeof apiKey === 'string' && apiKey !== '') {
    provider.authorize(request as typeof request & { url: string }, apiKey);
  }
  return request;
};

/** Retry-After is seconds, or an HTTP date (RFC 9110 §10.2.3). */
export const retryAfterHeaderSeconds = (header: string | null | undefined, nowMs = Date.now()): number | null => {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number.parseInt(value, 10);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
};

/**
 * A tool that echoes the connection's API key in a response body (an error that quotes the
 * request, a "key xyz is invalid") must not put it into Zap history: the key is scrubbed from the
 * body before anything reads it, so no error of any status — and no output — can quote it.
 */
export const scrubApiKey = (response: HttpResponse, apiKey: unknown): HttpResponse => {
  const content = typeof response.content === 'string' ? response.content : null;
  if (content === null) return response;
  const clean = withoutKey(content, apiKey);
  if (clean === content) return response;
  const r = response as HttpResponse & { content: string; data?: unknown; json?: unknown };
  r.content = clean;
  try {
    r.data = JSON.parse(clean);
    r.json = JSON.parse(clean);
  } catch {
    r.data = undefined;
    r.json = undefined;
  }
  return r;
};

/** 401 / 403 / 429 mean the same thing everywhere, so they are mapped here once (docs/ARCHITECTURE.md, "Error policy"). */
export const mapAuthAndThrottling: AfterResponseMiddleware = (response, z, bundle) => {
  scrubApiKey(response, bundle.authData?.api_key);
  const provider = providerFor(bundle.authData, response.request?.url);
  if (!provider) return response;
  const { status } = response;
  if (status === 401) {
    throw expiredAuth(
      z,
      `${provider.label} rejected the API key (401: ${toolMessage(provider, response)}). ` +
        `Reconnect your ${provider.label} account in Zapier with a current API key.`,
    );
  }
  if (status === 403) {
    throw new z.errors.Error(`${provider.label} refused access (403: ${toolMessage(provider, response)}). ${provider.forbiddenHint}`, 'Forbidden', 403);
  }
  if (status === 429) {
    const delay =
      retryAfterHeaderSeconds(response.getHeader('retry-after')) ??
      provider.retryAfterFromBody?.(typeof response.content === 'string' ? response.content : '') ??
      provider.rateLimit.retryAfterSeconds;
    throw new z.errors.ThrottledError(
      `${provider.label} rate limit reached (${provider.rateLimit.description}): ${toolMessage(provider, response)}. ` + `Zapier will retry in ${delay} s.`,
      delay,
    );
  }
  return response;
};
