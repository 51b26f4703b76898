import { z } from 'zod';

/**
 * Mixmax rule webhook bodies (success.mixmax.com "Mixmax Webhook event structure"): a message
 * for `message:sent` / `message:received` (and the bounce example, a message from the mailer
 * daemon), a tracking record for `opened` / `clicked`. Every body names its `eventName`.
 * `sent` and `timestamp` are epoch milliseconds. Loose schemas: unknown fields are kept.
 */
const Str = z.string().nullish();
const Address = z.object({ email: Str, name: Str }).partial();

export const MessageEvent = z.object({
  eventName: z.string(),
  userId: Str,
  id: Str,
  threadId: Str,
  rfc822Id: Str,
  subject: Str,
  sent: z.union([z.number(), z.string()]).nullish(),
  from: Address.nullish(),
  to: z.array(Address).nullish(),
  cc: z.array(Address).nullish(),
  receivedBy: Address.nullish(),
  plaintextBody: Str,
  recipientEmail: Str,
  // The tracking shape's fields (opened / clicked: `messageId`, `timestamp`, `message`), which a
  // bounce may carry instead of a message's `id` / `sent` / `subject` (UNCONFIRMED: see README).
  recipientName: Str,
  messageId: Str,
  timestamp: z.union([z.number(), z.string()]).nullish(),
  message: z
    .object({ subject: Str, to: z.array(Address).nullish() })
    .partial()
    .nullish(),
});
export type MessageEvent = z.infer<typeof MessageEvent>;

export const TrackingEvent = z.object({
  eventName: z.string(),
  userId: Str,
  messageId: Str,
  recipientEmail: Str,
  recipientName: Str,
  timestamp: z.union([z.number(), z.string()]).nullish(),
  message: z
    .object({ subject: Str, to: z.array(Address).nullish() })
    .partial()
    .nullish(),
});

/** Event names documented with examples (the bounce example's name was cut off: see README). */
export const MESSAGE_EVENTS = ['message:received', 'message:sent'] as const;
export const TRACKING_EVENTS = ['opened', 'clicked'] as const;
/** A bounce arrives as its own event name (anything naming a bounce) or as a mailer-daemon message. */
export const BOUNCE_NAME = /bounce/i;
export const isBounceName = (name: string) => BOUNCE_NAME.test(name);

/** `GET /v1/sequences` items and `POST /v1/sequences/{id}/recipients` results. */
export const Sequence = z.object({ _id: z.string(), name: Str });
export const RecipientResult = z.object({
  email: Str,
  status: z.string(),
  errors: z.array(z.union([z.string(), z.object({}).passthrough()])).nullish(),
});
export type RecipientResult = z.infer<typeof RecipientResult>;
/** `GET /v1/sequences/{id}/recipients` rows (a bare array): `state` active | failed | completed. */
export const SequenceRecipient = z.object({ email: Str, state: Str }).passthrough();
export type SequenceRecipient = z.infer<typeof SequenceRecipient>;
export const Contact = z.object({ _id: z.string(), email: Str, name: Str, meta: z.record(z.string(), z.unknown()).nullish() });
export type Contact = z.infer<typeof Contact>;
