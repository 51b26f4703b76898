import { callApi, parseJson, toolMessage, type ApiRequest } from '../../http/client';
import { boundedText, email as emailOf, str } from '../../model/values';
import type { Ctx, Provider } from '../types';
import type { ApiTool } from '../../http/client';
import { AddProspectsResponse } from './payloads';

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
export const wpCall = async <T = unknown>(
  ctx: Ctx,
  provider: ApiTool & Pick<Provider, 'rateLimit'>,
  req: ApiRequest,
): Promise<{ status: number; data: T | null }> => {
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

/* ---- add_prospects_campaign / add_prospects_list answers ---- */

/** What Woodpecker reported for our prospect in an add_prospects_* answer. */
export type ItemResult =
  /** Reported done; `id` null when the item carries only `{email, status: "OK"}`. */
  | { kind: 'ok'; id: string | null }
  | { kind: 'duplicate'; message: string }
  | { kind: 'not_active'; message: string }
  | { kind: 'error'; message: string }
  /** Woodpecker answered without a result for this prospect: neither an id nor an error code. */
  | { kind: 'unexpected'; message: string };

/** A result Woodpecker did report (an `unexpected` answer is an error before any decision). */
export type Reported = Exclude<ItemResult, { kind: 'unexpected' }>;

/** The prospect id Woodpecker reported, if it did. */
export const reportedId = (result: Reported): string | null => (result.kind === 'ok' ? result.id : null);

/** The body Woodpecker answered, quoted (shortened) for an error message. */
const quoted = (data: unknown): string => {
  let text: string;
  try {
    text = data === null || data === undefined ? 'an empty body' : JSON.stringify(data);
  } catch {
    text = String(data);
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
};

/** Per-prospect statuses that report the prospect as saved / added / updated. */
const REPORTED_DONE = ['OK', 'SUCCESS', 'ADDED', 'UPDATED'];

/**
 * Reads the per-prospect result of add_prospects_campaign / add_prospects_list. Only the item for
 * `address` counts (a single item without an email is taken as ours: we send one prospect). A
 * documented error code or status decides; otherwise the item must carry the prospect's id to be
 * a success. Anything else — no `prospects`, no item for this address, an item with neither id nor
 * code — is `unexpected`: we never report a change Woodpecker did not report.
 */
export const itemResult = (data: unknown, address: string): ItemResult => {
  const parsed = AddProspectsResponse.safeParse(data ?? {});
  const body = parsed.success ? parsed.data : {};
  const items = body.prospects ?? [];
  const only = items.length === 1 ? items[0] : undefined;
  const item = items.find((p) => emailOf(p.email) === address) ?? (only && !str(only.email) ? only : undefined);
  const top = body.status;
  if (!item) {
    if (str(top?.status)?.toUpperCase() === 'ERROR') return { kind: 'error', message: `${str(top?.msg) ?? 'error'} (${str(top?.code) ?? 'ERROR'})` };
    return { kind: 'unexpected', message: `Woodpecker reported no result for ${address}; it answered ${quoted(data)}` };
  }
  const code = (str(item.code) ?? '').toUpperCase();
  const status = (str(item.status) ?? '').toUpperCase();
  const text = boundedText(str(item.msg) ?? str(item.message));
  const message = text ?? str(top?.msg) ?? (code || status || 'no details');
  if (code === 'E_DUPLICATE' || status === 'DUPLICATE' || /duplicate|already (in|added|exists)/i.test(text ?? '')) {
    return { kind: 'duplicate', message };
  }
  if (code === 'E_INV_STATUS' || /status.*(other than|not) active/i.test(text ?? '')) return { kind: 'not_active', message };
  if (status === 'ERROR' || code.startsWith('E_')) return { kind: 'error', message: `${message}${code ? ` (${code})` : ''}` };
  const id = str(item.id);
  if (id) return { kind: 'ok', id };
  // Third-party mocks of this endpoint answer `{email, status: "OK"}` without an id (the Power
  // Platform connector declares `{email, id}`): a success status Woodpecker reported for our
  // address counts; the id is then read by one search.
  if (REPORTED_DONE.includes(status)) return { kind: 'ok', id: null };
  return { kind: 'unexpected', message: `Woodpecker returned no prospect id and no error code for ${address}; it answered ${quoted(data)}` };
};

/**
 * The result Woodpecker reported for `address`; an answer without one is a protocol failure
 * (UnexpectedResponse, 502), never a decision: nothing is reported as done.
 */
export const reportedItem = (ctx: Ctx, data: unknown, address: string): Reported => {
  const result = itemResult(data, address);
  if (result.kind === 'unexpected') {
    throw new ctx.z.errors.Error(`${result.message}. Nothing is reported as done; check the prospect in Woodpecker.`, 'UnexpectedResponse', 502);
  }
  return result;
};
