import { entry, Unrecognised } from '../shared/webhook';
import type { WebhookSpec } from '../types';
import { eventsOf, normalizeMessage } from './normalize';
import { EmailerMessage, EmailerMessageSearch } from './payloads';

/** The one kind of payload Apollo deliveries carry. */
const MESSAGE = 'emailer_message';

/**
 * Apollo posts no webhooks; a delivery reaches us only by hand (Normalize Webhook, or a Webhooks
 * by Zapier step fed from Apollo's API): one emailer message, or a search response of them. There
 * is nothing to verify, and any unreadable message refuses the delivery.
 */
export const apolloWebhook: WebhookSpec = {
  label: 'Apollo',
  verify: { by: 'none' },
  items: (body) => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { why: null };
    const search = EmailerMessageSearch.safeParse(body);
    return search.success ? search.data.emailer_messages : [body];
  },
  notAnObject: 'expected an Apollo emailer message (id, replied / reply_class / bounce)',
  typeOf: (item) => ('id' in item && ('replied' in item || 'reply_class' in item || 'bounce' in item) ? MESSAGE : null),
  noType: 'expected an Apollo emailer message (id, replied / reply_class / bounce)',
  unknownType: () => 'expected an Apollo emailer message',
  events: {
    [MESSAGE]: entry({
      schema: EmailerMessage,
      normalize: (m, _raw, input) =>
        eventsOf(m, input).map((type) => {
          const e = normalizeMessage(m, type);
          if (!e) throw new Unrecognised(`emailer message ${String(m.id)} carries no usable timestamp`);
          return e;
        }),
    }),
  },
  ignored: [],
  timestamp: 'usable timestamp',
};
