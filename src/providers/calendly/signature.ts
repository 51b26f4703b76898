import { createHmac } from 'node:crypto';
import { safeEqual } from '../shared/secrets';

/**
 * Calendly-Webhook-Signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(signing_key, "<t>.<raw body>")>`
 * (developer.calendly.com, "Webhook signatures"). Calendly's own guidance is to reject
 * signatures older than a few minutes; we allow 3 minutes either way for clock skew.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 180;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export const signCalendly = (signingKey: string, timestamp: number, rawBody: string): string =>
  `t=${timestamp},v1=${createHmac('sha256', signingKey).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;

export const verifyCalendlySignature = (header: string | undefined, rawBody: string | null, signingKey: string, nowMs: number): SignatureCheck => {
  if (!header) return { ok: false, reason: 'the Calendly-Webhook-Signature header is missing' };
  if (rawBody === null) return { ok: false, reason: 'Zapier did not pass the raw body, so the signature cannot be checked' };
  const parts = Object.fromEntries(
    header.split(',').map((kv) => {
      const i = kv.indexOf('=');
      return [kv.slice(0, i).trim(), kv.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!parts.t || !Number.isInteger(t) || !parts.v1) {
    return { ok: false, reason: 'the Calendly-Webhook-Signature header is malformed' };
  }
  const expected = signCalendly(signingKey, t, rawBody).split('v1=')[1] as string;
  if (!safeEqual(expected, parts.v1.toLowerCase())) {
    return { ok: false, reason: 'the signature does not match the body (wrong signing key, or the body was altered)' };
  }
  const ageSeconds = Math.abs(nowMs / 1000 - t);
  if (ageSeconds > SIGNATURE_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason: `the signature is ${Math.round(ageSeconds)} s away from now (more than ${SIGNATURE_TOLERANCE_SECONDS} s): a replay or a stale delivery`,
    };
  }
  return { ok: true };
};
