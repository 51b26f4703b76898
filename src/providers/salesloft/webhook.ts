import type { UnifiedEvent } from '../../model/event';
import { str } from '../../model/values';
import { entry, Unrecognised } from '../shared/webhook';
import type { WebhookSpec } from '../types';
import { emailEvents, isCanceled, normalizeCanceledMeeting, normalizeEmail, normalizeMeeting } from './normalize';
import { Email, isKnownEvent, Meeting } from './payloads';
import { verifySalesloftSignature } from './signature';

/** email_updated and its with-body twin: not subscribed by this app, accepted by hand (Normalize Webhook), same ids as polling. */
const email = entry({
  schema: Email,
  normalize: (e, raw) =>
    emailEvents(e)
      .map((type) => normalizeEmail(e, type as 'reply_received' | 'email_bounced', raw))
      .filter((x): x is UnifiedEvent => x !== null),
  refuseStale: true,
});

/**
 * Salesloft webhook subscriptions: signed (x-salesloft-signature, HMAC-SHA1 with the callback
 * token we gave); the event is named only in the x-salesloft-event header. The signature has no
 * timestamp, so a verified delivery older than the dedupe window is refused as a replay.
 */
export const salesloftWebhook: WebhookSpec = {
  label: 'Salesloft',
  verify: {
    by: 'signature',
    check: (delivery, secret) => verifySalesloftSignature(delivery.headers['x-salesloft-signature'], delivery.rawBody, secret),
  },
  typeOf: (_body, delivery) => str(delivery.headers['x-salesloft-event']),
  noType: 'no x-salesloft-event header (Salesloft names the event only there; pass the headers along)',
  unknownType: (event) => `unknown event ${event}`,
  events: {
    meeting_booked: entry({
      schema: Meeting,
      normalize: (m, raw) => {
        const e = normalizeMeeting(m, raw);
        if (!e) throw new Unrecognised('meeting_booked carries no created_at / updated_at');
        return e;
      },
      refuseStale: true,
    }),
    // Every change of a meeting; only a canceled one (canceled_at set) is an event of ours.
    meeting_updated: entry({
      schema: Meeting,
      normalize: (m, raw) => {
        if (!str(m.canceled_at)) return null;
        if (!isCanceled(m)) return null; // canceled to be rescheduled: the meeting moves, it does not end
        const e = normalizeCanceledMeeting(m, raw);
        if (!e) throw new Unrecognised(`meeting_updated canceled_at is not a date: ${String(m.canceled_at)}`);
        return e;
      },
    }),
    email_updated: email,
    email_with_body_and_subject_updated: email,
  },
  // Any other documented Salesloft event: none of ours.
  ignored: isKnownEvent,
  timestamp: 'usable timestamp',
};
