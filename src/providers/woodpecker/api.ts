import { callApi, parseJson, toolMessage, type ApiRequest } from '../../http/client';
import { str } from '../../model/values';
import type { Ctx, Provider } from '../types';
import type { ApiTool } from '../../http/client';

/** The v1 error envelope: `{"status":{"status":"ERROR","code":"E_…","msg":"…"}}`. */
export const errorCodeOf = (data: unknown): string | null => {
  const status = (data as { status?: unknown } | null)?.status;
  return status && typeof status === 'object' ? str((status as { code?: unknown }).code) : null;
};

/**
 * Woodpecker's own words: the v1 envelope's `msg` (with its code), v2's `message` / `title` /
 * `detail`, or `error`. Plain text bodies are quoted by the caller.
 */
export const woodpeckerErrorMessage = (content: string): string | null => {
  try {
    const body = JSON.parse(content) as Record<string, unknown>;
    const status = body.status as { msg?: unknown; code?: unknown } | undefined;
    if (status && typeof status === 'object') {
      const msg = str(status.msg);
      const code = str(status.code);
      if (msg || code) return [msg, code ? `(${code})` : null].filter(Boolean).join(' ');
    }
    return str(body.message) ?? str(body.detail) ?? str(body.title) ?? str(body.error);
  } catch {
    return null;
  }
};

/** Seconds to wait after E_TOO_MANY_REQUESTS (requests are served one at a time, queue of 6). */
export const QUEUE_WAIT_SECONDS = 5;

/**
 * Every Woodpecker call: v1 answers errors as 400 + envelope, so 400 is read here — the
 * queue-full code becomes a ThrottledError, anything else an error quoting Woodpecker. The
 * caller's own `allowStatuses` (409 on subscribe, 404 on unsubscribe) come back as data.
 * 204 No Content (an empty list) comes back as `null`.
 */
export const wpCall = async <T = unknown>(ctx: Ctx, provider: ApiTool & Pick<Provider, 'rateLimit'>, req: ApiRequest): Promise<{ status: number; data: T | null }> => {
  const allow = req.allowStatuses ?? [];
  const response = await callApi(ctx, provider, { ...req, allowStatuses: [...allow, 400] });
  const data = parseJson(response);
  if (response.status === 400 && !allow.includes(400)) {
    const code = errorCodeOf(data);
    if (code === 'E_TOO_MANY_REQUESTS') {
      throw new ctx.z.errors.ThrottledError(
        `Woodpecker is busy (${provider.rateLimit.description}): ${toolMessage(provider, response)}. Zapier will retry in ${QUEUE_WAIT_SECONDS} s.`,
        QUEUE_WAIT_SECONDS,
      );
    }
    throw new ctx.z.errors.Error(`Woodpecker rejected the request (400): ${toolMessage(provider, response)}`, code ?? 'woodpecker_400', 400);
  }
  return { status: response.status, data: response.status === 204 ? null : (data as T) };
};

/** Woodpecker's API identity: what lead operations and the provider both call with (no import circle). */
export const woodpeckerApi: ApiTool & Pick<Provider, 'rateLimit'> = {
  id: 'woodpecker',
  label: 'Woodpecker',
  defaultBaseUrl: 'https://api.woodpecker.co/rest',
  errorMessage: woodpeckerErrorMessage,
  rateLimit: { description: 'one request at a time per API key, at most 6 queued', retryAfterSeconds: QUEUE_WAIT_SECONDS },
};
