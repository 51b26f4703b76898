import type { ZObject } from 'zapier-platform-core';

/** No error text we write is longer than this (Zap history, logs): a few KB whatever the payload. */
export const MAX_ERROR_CHARS = 2000;
const MAX_KEYS_LISTED = 20;
const MAX_KEY_CHARS = 40;
const MAX_WHY_CHARS = 800;
const MAX_ISSUES_LISTED = 3;

/** `text` cut to `max` characters, saying how much was left out. */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`);

/** The top-level keys of a body, at most 20 of them, each at most 40 characters. */
export const topLevelKeys = (body: unknown): string => {
  if (Array.isArray(body)) return `array of ${body.length}`;
  if (!body || typeof body !== 'object') return body === null ? 'no JSON body' : typeof body;
  // The shared-secret fields (lemlist `secret`, Smartlead `secret_key`) authenticate the delivery; they say nothing about its shape.
  const keys = Object.keys(body as object).filter((k) => k !== 'secret' && k !== 'secret_key');
  if (keys.length === 0) return 'none';
  const shown = keys.slice(0, MAX_KEYS_LISTED).map((k) => clip(k, MAX_KEY_CHARS));
  return `${shown.join(', ')}${keys.length > MAX_KEYS_LISTED ? `, … ${keys.length - MAX_KEYS_LISTED} more` : ''}`;
};

/** Minimal shape of a zod error: only its issues are read, never its (lazily built, unbounded) `message`. */
interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * The first few schema issues, as "path: message; …" — a payload with 100,000 bad items says so
 * in one line, not 100,000. Use this instead of a zod error's `.message`.
 */
export const issuesText = (error: IssueList): string => {
  const issues = error.issues;
  const shown = issues.slice(0, MAX_ISSUES_LISTED).map((i) => `${clip(i.path.slice(0, 8).map(String).join('.') || '(root)', 120)}: ${clip(i.message, 160)}`);
  return `${shown.join('; ')}${issues.length > MAX_ISSUES_LISTED ? `; and ${issues.length - MAX_ISSUES_LISTED} more issue(s)` : ''}`;
};

/** A delivery we cannot read is an error in Zap history, never an empty result (docs/ARCHITECTURE.md, "How a delivery flows"). */
export const unrecognisedPayload = (z: ZObject, toolLabel: string, body: unknown, why?: string): Error =>
  new z.errors.Error(
    clip(
      `Sales Connect did not recognise this ${toolLabel} webhook delivery (top-level keys: ${topLevelKeys(body)})` +
        `${why ? `: ${clip(why, MAX_WHY_CHARS)}` : ''}. Check that the delivery comes from ${toolLabel} (a webhook this Zap ` +
        'created, or one you set up for Normalize Webhook), and report the payload if it is a genuine event.',
      MAX_ERROR_CHARS,
    ),
    'UnrecognisedPayload',
    400,
  );

/** A delivery whose signature or shared secret does not check out: never an event. */
export const rejectedDelivery = (z: ZObject, toolLabel: string, reason: string): Error =>
  new z.errors.Error(
    `Rejected a ${toolLabel} webhook delivery: ${clip(reason, MAX_WHY_CHARS)}. It was not processed. If this repeats, ` +
      'turn the Zap off and on again so Sales Connect registers a fresh webhook.',
    'InvalidSignature',
    401,
  );

/**
 * Per-item log lines of a batch (Woodpecker posts up to 100 events; a hostile body may hold
 * 100,000): the first few lines, then one line counting the rest.
 */
export const MAX_LOG_LINES = 10;
export const cappedLines = (lines: string[], max = MAX_LOG_LINES): string[] =>
  lines.length <= max
    ? lines.map((l) => clip(l, MAX_WHY_CHARS))
    : [...lines.slice(0, max).map((l) => clip(l, MAX_WHY_CHARS)), `… and ${lines.length - max} more item(s) skipped the same way`];

/**
 * "Reconnect your account" (ExpiredAuthError). Core appends "What happened: … with bundle {…}" —
 * the bundle as JSON, subscribeData's signing key / sc_secret included — to the text of any error
 * not marked doNotContextify; z.errors.Error and ThrottledError are marked, ExpiredAuthError is
 * not. A 401 while a trigger handles a delivery (Mailshake fetches its resource) would otherwise
 * put the per-Zap secret into Zap history.
 */
export const expiredAuth = (z: ZObject, message: string): Error => {
  const err = new z.errors.ExpiredAuthError(clip(message, MAX_ERROR_CHARS));
  (err as Error & { doNotContextify?: boolean }).doNotContextify = true;
  return err;
};

const TYPED_ERRORS = new Set(['AppError', 'ThrottledError', 'ExpiredAuthError', 'HaltedError', 'RefreshAuthError']);

/**
 * Runs a step's handling of a delivery; an error that is not one of Zapier's typed errors (a bug
 * of ours: TypeError, RangeError…) leaves as a typed 500 that says so — never contextified, since
 * core would append the bundle, with subscribeData's per-Zap secret, to its text.
 */
export const withoutBundleInErrors = async <T>(z: ZObject, toolLabel: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (err) {
    const e = err as Error & { doNotContextify?: boolean };
    if (e && TYPED_ERRORS.has(e.name)) {
      e.doNotContextify = true;
      throw e;
    }
    const failure = new z.errors.Error(
      `Sales Connect failed while reading this ${toolLabel} delivery (${clip(`${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`, 300)}). Please report this.`,
      'InternalError',
      500,
    );
    throw failure;
  }
};
