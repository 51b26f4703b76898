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
