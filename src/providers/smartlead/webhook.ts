import { entry } from '../shared/webhook';
import type { WebhookSpec } from '../types';
import { normalizeBounce, normalizeCategory, normalizeReply, normalizeUnsubscribe } from './normalize';
import { EmailBounce, EmailReply, eventTypeOf, IGNORED_TYPES, LeadCategoryUpdated, LeadUnsubscribed } from './payloads';

/**
 * Smartlead campaign webhooks: authenticated by the secret on the URL we registered (Smartlead
 * signs nothing); the event type is `event_type` (older payloads: `event`); the webhook's own
 * `secret_key` never goes on into Zaps.
 */
export const smartleadWebhook: WebhookSpec = {
  label: 'Smartlead',
  verify: { by: 'url-secret' },
  secretFields: ['secret_key'],
  typeOf: eventTypeOf,
  noType: 'no event_type',
  unknownType: (type) => `unknown event_type ${type}`,
  events: {
    EMAIL_REPLY: entry({ schema: EmailReply, normalize: normalizeReply }),
    LEAD_CATEGORY_UPDATED: entry({ schema: LeadCategoryUpdated, normalize: normalizeCategory }),
    EMAIL_BOUNCE: entry({ schema: EmailBounce, normalize: normalizeBounce }),
    LEAD_UNSUBSCRIBED: entry({ schema: LeadUnsubscribed, normalize: normalizeUnsubscribe }),
  },
  ignored: IGNORED_TYPES,
  timestamp: 'usable timestamp',
};
