import { entry } from '../shared/webhook';
import type { WebhookSpec } from '../types';
import { normalizeItem } from './normalize';
import { eventNameOf, IGNORED_EVENTS, MAPPED_EVENTS, WebhookItem } from './payloads';

/**
 * Woodpecker webhooks: authenticated by the secret on the URL we registered (Woodpecker signs
 * nothing). Documented: a JSON array of up to 100 events, each naming its event (`method`); a
 * single object is accepted as a batch of one. One unusable item does not drop the good ones.
 */
export const woodpeckerWebhook: WebhookSpec = {
  label: 'Woodpecker',
  verify: { by: 'url-secret' },
  items: (body) => {
    const items = Array.isArray(body) ? body : body && typeof body === 'object' && 'prospect' in body ? [body] : null;
    if (items && items.length > 0) return items;
    return { why: Array.isArray(body) ? 'empty batch' : 'expected a JSON array of events' };
  },
  partialBatches: true,
  notAnObject: 'not an event object',
  typeOf: eventNameOf,
  noType: 'no event name',
  unknownType: (name) => `unknown event ${name}`,
  // One entry per mapped event name (MAPPED_EVENTS: name → unified event); every item reads the same schema.
  events: Object.fromEntries(
    Object.entries(MAPPED_EVENTS).map(([name, type]) => [name, entry({ schema: WebhookItem, normalize: (item, raw) => normalizeItem(item, type, raw) })]),
  ),
  ignored: IGNORED_EVENTS,
  timestamp: 'usable timestamp',
};
