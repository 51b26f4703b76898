import { entry } from '../shared/webhook';
import type { WebhookSpec } from '../types';
import { isRescheduleCancel, normalizeCanceledInvitee, normalizeInvitee } from './normalize';
import { InviteeWebhook, KNOWN_EVENTS } from './payloads';
import { verifyCalendlySignature } from './signature';

/**
 * Calendly webhook subscriptions: signed (Calendly-Webhook-Signature, HMAC-SHA256 over the
 * timestamp and raw body, with the signing key we gave the subscription); the event is `event`.
 * No-shows, routing forms, contacts, recaps: recognised, none of ours.
 */
export const calendlyWebhook: WebhookSpec = {
  label: 'Calendly',
  verify: {
    by: 'signature',
    check: (delivery, secret) =>
      verifyCalendlySignature(delivery.headers['calendly-webhook-signature'], delivery.rawBody, secret, delivery.receivedAt.getTime()),
  },
  typeOf: (body) => (typeof body.event === 'string' ? body.event : null),
  noType: 'no event name',
  unknownType: (event) => `unknown event ${event}`,
  events: {
    'invitee.created': entry({
      schema: InviteeWebhook,
      normalize: ({ payload: invitee }, raw) => normalizeInvitee(invitee, invitee.scheduled_event, raw),
      timestamp: 'created_at',
    }),
    'invitee.canceled': entry({
      schema: InviteeWebhook,
      // The cancel half of a reschedule is no cancellation: the new booking arrives as Meeting Booked.
      normalize: ({ payload: invitee }, raw) => (isRescheduleCancel(invitee) ? null : normalizeCanceledInvitee(invitee, invitee.scheduled_event, raw)),
      timestamp: 'cancellation time',
    }),
  },
  ignored: KNOWN_EVENTS,
  timestamp: 'usable timestamp',
};
