import { expiredAuth } from '../shared/errors';
import { callApi, parseJson, type ApiRequest } from '../../http/client';
import { boundedText, str } from '../../model/values';
import type { Ctx } from '../types';
import type { ApiTool } from '../../http/client';

/** Mailshake's error body: `{code, error, time}` (API docs "Errors"). */
export const mailshakeErrorOf = (data: unknown): { code: string; error: string } | null => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const d = data as { code?: unknown; error?: unknown };
  const code = str(d.code);
  const error = str(d.error);
  return code || (error && !('results' in d)) ? { code: code ?? 'error', error: error ?? code ?? 'error' } : null;
};

export const mailshakeErrorMessage = (content: string): string | null => {
  try {
    const e = mailshakeErrorOf(JSON.parse(content));
    return e ? `${e.error} (${e.code})` : null;
  } catch {
    return null;
  }
};

/** Quota units refill over an hour (API docs "Limits"): without a time in the message, wait that long. */
export const QUOTA_WINDOW_SECONDS = 3600;

/**
 * `limit_reached`: "The error message will indicate when you can try again" (wording
 * UNCONFIRMED). We read an ISO timestamp in it, or "N seconds/minutes/hours"; null when the
 * message names no time.
 */
export const retryAfterInMessage = (full: string, now: number = Date.now()): number | null => {
  const message = boundedText(full);
  const iso = message.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/);
  if (iso) {
    const at = Date.parse(iso[0]);
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - now) / 1000));
  }
  const rel = message.match(/(\d+(?:\.\d+)?)\s*(second|sec|minute|min|hour|hr)s?\b/i);
  if (rel) {
    const n = Number(rel[1]);
    const unit = (rel[2] ?? '').toLowerCase();
    return Math.max(1, Math.ceil(unit.startsWith('h') ? n * 3600 : unit.startsWith('m') ? n * 60 : n));
  }
  return null;
};

/** The wait a `limit_reached` message gives, else the hourly quota window. */
export const retryAfterFromMessage = (message: string, now: number = Date.now()): number => retryAfterInMessage(message, now) ?? QUOTA_WINDOW_SECONDS;

/**
 * The provider's `retryAfterFromBody`: the HTTP middleware maps a 429 before msCall sees the body,
 * so a `limit_reached` sent as 429 is read here the same way msCall reads it (null → the window).
 */
export const mailshakeRetryAfterFromBody = (content: string): number | null => {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return null;
  }
  const problem = mailshakeErrorOf(data);
  return problem ? retryAfterInMessage(problem.error) : null;
};

const CLIENT_ERRORS = [400, 402, 404, 405, 409, 410, 412, 422];

/**
 * The monthly allowance of recipients added through the API (docs "Limits" > "New recipients /
 * month": cumulative across campaigns, resets each month). Current docs answer it with
 * `exceeds_monthly_recipients` ("Errors": "You can't add this many recipients because you will pass
 * your monthly quota allowance. You can contact us to request an increase."); an earlier revision
 * of "Limits" said `limit_reached`, so a `limit_reached` whose message speaks of a month is read as
 * this too. `limit_reached` otherwise is the hourly quota-unit rate limit ("The error message will
 * indicate when you can try again") and stays a ThrottledError.
 */
export const isMonthlyRecipientLimit = (code: string, message: string): boolean =>
  code === 'exceeds_monthly_recipients' || (code === 'limit_reached' && /month/i.test(message));

export const monthlyRecipientLimitError = (z: Ctx['z'], toolMessage: string, address?: string) =>
  new z.errors.Error(
    `Mailshake refused to add ${address ?? 'the recipient'}: your team reached its monthly allowance of recipients added through the API ` +
      `(Mailshake said: ${toolMessage}). This is not a rate limit: the allowance resets every month, so retrying now will not help — ` +
      'add the lead after the reset, or ask Mailshake to request an increase (Contact Us on the Extensions > API page in Mailshake).',
    'MailshakeMonthlyRecipientLimit',
    429,
  );

/**
 * One Mailshake call. Every operation is a POST with a JSON body (the official SDK's form).
 * Errors arrive as `{code, error, time}` — with an error status or, per the SDK (which checks
 * `result.error` on any answer), possibly in a 200 — so they are read here: `limit_reached` →
 * ThrottledError; `not_found` → `null` when the caller allows it; anything else → an error
 * quoting Mailshake.
 */
export const msCall = async <T = unknown>(
  ctx: Ctx,
  provider: ApiTool,
  req: ApiRequest & { notFoundOk?: boolean; /** The address being added, named in a monthly-limit error. */ adding?: string },
): Promise<T | null> => {
  const { notFoundOk, adding, ...rest } = req;
  let response;
  try {
    response = await callApi(ctx, provider, { ...rest, allowStatuses: [...CLIENT_ERRORS, ...(rest.allowStatuses ?? [])] });
  } catch (err) {
    // A 429 is mapped to ThrottledError by the middleware before we see the body; its message
    // quotes Mailshake's "error (code)". The monthly allowance is not a rate limit: say so instead.
    const quoted = /([^:]*?)\s*\((exceeds_monthly_recipients|limit_reached)\)/.exec((err as Error).message ?? '');
    if ((err as Error).name === 'ThrottledError' && quoted && isMonthlyRecipientLimit(quoted[2] as string, quoted[1] as string)) {
      throw monthlyRecipientLimitError(ctx.z, `${(quoted[1] as string).trim()} (${quoted[2]})`, adding);
    }
    throw err;
  }
  const data = parseJson(response);
  const problem = mailshakeErrorOf(data) ?? (response.status >= 400 ? { code: `http_${response.status}`, error: `HTTP ${response.status}` } : null);
  if (!problem) return data as T;
  const { z } = ctx;
  if (isMonthlyRecipientLimit(problem.code, problem.error)) throw monthlyRecipientLimitError(z, `${problem.error} (${problem.code})`, adding);
  switch (problem.code) {
    case 'limit_reached': {
      const wait = retryAfterFromMessage(problem.error);
      throw new z.errors.ThrottledError(`Mailshake quota reached: ${problem.error}. Zapier will retry in ${wait} s.`, wait);
    }
    case 'invalid_api_key':
      throw expiredAuth(z, `Mailshake rejected the API key (${problem.error}). Reconnect your Mailshake account in Zapier with a current API key.`);
    case 'not_found':
      if (notFoundOk) return null;
      break;
    default:
  }
  throw new z.errors.Error(
    `Mailshake rejected the request: ${problem.error} (${problem.code})`,
    `mailshake_${problem.code}`,
    response.status >= 400 ? response.status : 400,
  );
};

/** Mailshake's API identity: what lead operations and the provider both call with (no import circle). */
export const mailshakeApi: ApiTool = {
  id: 'mailshake',
  label: 'Mailshake',
  defaultBaseUrl: 'https://api.mailshake.com/2017-04-01',
  errorMessage: mailshakeErrorMessage,
};

/** A campaign (or import status) id as Mailshake's bodies carry it: a number when it is one. */
export const campaignNumber = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

/** The seconds a ThrottledError asks to wait (its JSON message's `delay`), or null for any other error. */
export const throttledFor = (err: unknown): number | null => {
  if ((err as Error | null)?.name !== 'ThrottledError') return null;
  try {
    const delay = (JSON.parse((err as Error).message) as { delay?: unknown }).delay;
    return typeof delay === 'number' && delay > 0 ? delay : null;
  } catch {
    return null;
  }
};
