import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh shared secret / signing key (URL-safe). */
export const newSecret = (): string => randomBytes(24).toString('base64url');

/** Constant-time string comparison. */
export const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Tools that sign nothing (Smartlead) get a secret in the webhook URL we register; Zapier
 * passes the query string through to the hook, so a delivery without it did not come from
 * the webhook we created.
 */
export const URL_SECRET_PARAM = 'sc_secret';

export const withUrlSecret = (targetUrl: string, secret: string): string => {
  const url = new URL(targetUrl);
  url.searchParams.set(URL_SECRET_PARAM, secret);
  return url.toString();
};

/**
 * The payload as `raw`, minus the fields that carry a shared secret (lemlist `secret`,
 * Smartlead `secret_key`): they authenticate deliveries and must not travel on into Zaps.
 */
export const withoutSecretFields = (raw: unknown, fields: string[]): unknown => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !fields.some((f) => f in raw)) return raw;
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([k]) => !fields.includes(k)));
};

const URL_SECRET_IN_TEXT = new RegExp(`([?&]${URL_SECRET_PARAM}=)[^&#\\s"']+`, 'g');

/**
 * Deep copy of `value` in which the subscription's secret and any `sc_secret=` URL parameter no
 * longer appear: tools echo the webhook URL we registered (Smartlead's `webhook_url`), which
 * carries the secret, and `raw` goes on into Zap data.
 */
export const scrubSecrets = (value: unknown, knownSecret?: string | null): unknown => {
  if (typeof value === 'string') {
    let out = value.replace(URL_SECRET_IN_TEXT, '$1[redacted]');
    if (knownSecret && knownSecret.length >= 8) out = out.split(knownSecret).join('[redacted]');
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, knownSecret));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubSecrets(v, knownSecret)]));
  }
  return value;
};
