import { createHmac } from 'node:crypto';
import { safeEqual } from '../shared/secrets';

/**
 * `x-salesloft-signature`: "The HMAC hex digest of the [request] body … generated using the sha1
 * hash function and the callback_token as the HMAC key" (developers.salesloft.com, webhook
 * delivery headers). There is no timestamp, so no age check: redeliveries are collapsed by id.
 */
export const signSalesloft = (callbackToken: string, rawBody: string): string => createHmac('sha1', callbackToken).update(rawBody, 'utf8').digest('hex');

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export const verifySalesloftSignature = (header: string | undefined, rawBody: string | null, callbackToken: string): SignatureCheck => {
  if (!header) return { ok: false, reason: 'the x-salesloft-signature header is missing' };
  if (rawBody === null) return { ok: false, reason: 'Zapier did not pass the raw body, so the signature cannot be checked' };
  if (!safeEqual(signSalesloft(callbackToken, rawBody), header.trim().toLowerCase())) {
    return { ok: false, reason: 'the signature does not match the body (wrong callback token, or the body was altered)' };
  }
  return { ok: true };
};
