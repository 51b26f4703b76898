import { entry } from '../shared/webhook';
import type { WebhookSpec } from '../types';
import { normalizeMessage } from './normalize';
import { BOUNCE_NAME, MESSAGE_EVENTS, MessageEvent, TRACKING_EVENTS, TrackingEvent } from './payloads';

const message = entry({ schema: MessageEvent, normalize: normalizeMessage });
/** Opens and clicks are read (so a malformed one is reported) but are no unified events. */
const tracking = entry({ schema: TrackingEvent, normalize: () => null });

/**
 * Mixmax rule webhooks (set up by hand, read through Normalize Webhook): authenticated by a secret
 * on the Catch Hook URL; the event is `eventName`. A bounce arrives under any name naming a bounce.
 */
export const mixmaxWebhook: WebhookSpec = {
  label: 'Mixmax',
  verify: { by: 'url-secret' },
  typeOf: (body) => (typeof body.eventName === 'string' ? body.eventName : null),
  noType: 'no eventName',
  unknownType: (name) => `unknown eventName ${name}`,
  events: {
    ...Object.fromEntries(MESSAGE_EVENTS.map((name) => [name, message])),
    ...Object.fromEntries(TRACKING_EVENTS.map((name) => [name, tracking])),
  },
  patterns: [{ match: BOUNCE_NAME, entry: message }],
  ignored: [],
  timestamp: 'usable "sent" or "timestamp" time',
};
