import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { MAX_JSON_DEPTH, refuseDeepValue } from '../../delivery/depth';
import type { SubscribeData } from '../types';
import { rejectedDelivery } from './errors';

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
export const scrubSecrets = (value: unknown, knownSecret?: string | null, depth = 0): unknown => {
  // Deliveries are depth-checked on arrival; this bound keeps any other caller from overflowing.
  if (depth > MAX_JSON_DEPTH) return refuseDeepValue(value);
  if (typeof value === 'string') {
    let out = value.replace(URL_SECRET_IN_TEXT, '$1[redacted]');
    if (knownSecret && knownSecret.length >= 8) out = out.split(knownSecret).join('[redacted]');
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, knownSecret, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubSecrets(v, knownSecret, depth + 1)]));
  }
  return value;
};

/**
 * Verification is fail-closed (docs/ARCHITECTURE.md, "Error policy"): a delivery on a subscription is checked against the
 * secret that subscription stored, and a subscription without one is refused — never accepted
 * unverified. True when there is a secret to check (then `sub.secret` is it); false only for a
 * delivery that reached us by hand (no subscription: Normalize Webhook without a Signing Key).
 */
export const mustVerify = (z: ZObject, toolLabel: string, sub: SubscribeData | null): sub is SubscribeData & { secret: string } => {
  if (!sub) return false;
  if (typeof sub.secret !== 'string' || sub.secret === '') {
    throw rejectedDelivery(
      z,
      toolLabel,
      'this webhook subscription has no stored secret, so the delivery cannot be verified (subscriptions Sales Connect creates always have one)',
    );
  }
  return true;
};
