import type { ZObject } from 'zapier-platform-core';

/** A delivery we cannot read is an error in Zap history, never an empty result (docs/ARCHITECTURE.md, "How a delivery flows"). */
export const unrecognisedPayload = (z: ZObject, toolLabel: string, body: unknown, why?: string): Error => {
  const keys =
    body && typeof body === 'object' && !Array.isArray(body)
      ? Object.keys(body as object)
      : Array.isArray(body)
        ? [`array of ${body.length}`]
        : [body === null ? 'no JSON body' : typeof body];
  return new z.errors.Error(
    `Sales Connect did not recognise this ${toolLabel} webhook delivery (top-level keys: ${keys.join(', ') || 'none'})` +
      `${why ? `: ${why}` : ''}. Check that the delivery comes from ${toolLabel} (a webhook this Zap ` +
      'created, or one you set up for Normalize Webhook), and report the payload if it is a genuine event.',
    'UnrecognisedPayload',
    400,
  );
};

/** A delivery whose signature or shared secret does not check out: never an event. */
export const rejectedDelivery = (z: ZObject, toolLabel: string, reason: string): Error =>
  new z.errors.Error(
    `Rejected a ${toolLabel} webhook delivery: ${reason}. It was not processed. If this repeats, ` +
      'turn the Zap off and on again so Sales Connect registers a fresh webhook.',
    'InvalidSignature',
    401,
  );
