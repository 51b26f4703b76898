import { entry } from '../shared/webhook';
import type { PayloadSchema, WebhookSpec } from '../types';
import {
  fromShapeA,
  fromShapeB,
  normalizeBounce,
  normalizeCategorized,
  normalizeFinished,
  normalizeMeeting,
  normalizeReply,
  normalizeUnsubscribe,
  type ReplyEvent,
} from './normalize';
import { EnvelopeA, EnvelopeB, IGNORED_TYPES } from './payloads';

/**
 * Reply.io posts two documented envelopes (`{event, payload}` of the v3 catalogue, and the legacy
 * flat one); both are read into one ReplyEvent, whatever the type.
 */
const Envelope: PayloadSchema<ReplyEvent> = {
  safeParse(body) {
    const record = body as Record<string, unknown>;
    if (record.payload && typeof record.payload === 'object') {
      const b = EnvelopeB.safeParse(body);
      return b.success ? { success: true, data: fromShapeB(b.data) } : b;
    }
    const a = EnvelopeA.safeParse(body);
    return a.success ? { success: true, data: fromShapeA(a.data, record) } : a;
  },
};

const typeOf = (body: Record<string, unknown>): string | null => {
  const event = body.event;
  const type = event && typeof event === 'object' ? (event as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : null;
};

/** Reply.io webhooks: authenticated by the secret on the URL we registered (Reply.io signs nothing). */
export const replyioWebhook: WebhookSpec = {
  label: 'Reply.io',
  verify: { by: 'url-secret' },
  typeOf,
  noType: 'no event envelope with a type',
  unknownType: (type) => `unknown event type ${type}`,
  events: {
    email_replied: entry({ schema: Envelope, normalize: normalizeReply }),
    reply_categorized: entry({ schema: Envelope, normalize: normalizeCategorized }),
    meeting_booked: entry({ schema: Envelope, normalize: normalizeMeeting }),
    email_bounced: entry({ schema: Envelope, normalize: normalizeBounce }),
    // the legacy name, and the one the v3 catalogue uses (README)
    email_unsubscribed: entry({ schema: Envelope, normalize: normalizeUnsubscribe }),
    contact_opted_out: entry({ schema: Envelope, normalize: normalizeUnsubscribe }),
    contact_finished: entry({ schema: Envelope, normalize: normalizeFinished }),
  },
  ignored: IGNORED_TYPES,
  timestamp: 'usable timestamp',
};
