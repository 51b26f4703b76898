import type { ZObject } from 'zapier-platform-core';
import { str } from '../../model/values';
import type { Provider, SubscribeData } from '../types';
import { URL_SECRET_PARAM } from './secrets';

/** How a delivery of each tool proves where it came from, for Normalize Webhook's optional check. */
const HOW: Record<string, string | null> = {
  calendly: 'the Calendly-Webhook-Signature header (map the hook’s headers), signed with the webhook signing key',
  salesloft: 'the x-salesloft-signature header (map the hook’s headers), signed with the callback token',
  lemlist: 'the "secret" field lemlist puts in the body of a hook created with a secret',
  smartlead: `a secret you add to the Catch Hook URL as ?${URL_SECRET_PARAM}=… (map the hook’s query string)`,
  woodpecker: `a secret you add to the Catch Hook URL as ?${URL_SECRET_PARAM}=… (map the hook’s query string)`,
  replyio: `a secret you add to the Catch Hook URL as ?${URL_SECRET_PARAM}=… (map the hook’s query string)`,
  mailshake: `a secret you add to the Catch Hook URL as ?${URL_SECRET_PARAM}=… (map the hook’s query string)`,
  mixmax: `a secret you add to the Catch Hook URL as ?${URL_SECRET_PARAM}=… (map the hook’s query string)`,
  apollo: null,
};

const queryOf = (value: unknown): Record<string, string> => {
  if (typeof value === 'string')
    return Object.fromEntries(
      new URLSearchParams(
        value
          .trim()
          .replace(/^[^?]*\?/, '')
          .slice(0, 4096),
      ),
    );
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  }
  return {};
};

export interface ManualVerification {
  /** The subscription-like secret the provider checks the delivery against; null = not checked. */
  sub: SubscribeData | null;
  query: Record<string, string>;
  verified: boolean;
  /** Said in the step's output: whether and how the delivery was verified. */
  note: string;
}

/**
 * Normalize Webhook's optional verification: with a Signing Key, the delivery is checked exactly
 * as a subscription's would be (signature, lemlist body secret, or URL secret — fail-closed);
 * without one it is read unverified, and the output says so.
 */
export const manualVerification = (z: ZObject, provider: Provider, inputData: Record<string, unknown> | undefined): ManualVerification => {
  const key = str(inputData?.signing_key);
  const query = queryOf(inputData?.query_string);
  const how = HOW[provider.id] ?? null;
  if (!key) {
    return {
      sub: null,
      query,
      verified: false,
      note: how
        ? `Not verified: no Signing Key was given, so anyone who knows the Catch Hook URL could have posted this. To verify, fill in Signing Key (checked against ${how}).`
        : `Not verified: ${provider.label} does not sign webhook deliveries.`,
    };
  }
  if (!how) {
    throw new z.errors.Error(`${provider.label} deliveries carry no signature or secret to check: leave Signing Key empty.`, 'InvalidInput', 400);
  }
  return { sub: { tool: provider.id, id: 'normalize_webhook', secret: key }, query, verified: true, note: `Verified with the Signing Key: ${how}.` };
};
