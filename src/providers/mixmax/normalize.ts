import { NoTimestamp } from '../shared/webhook';
import { emptyLead, type UnifiedEvent } from '../../model/event';
import { email, eventId, findAddresses, isoUtc, splitName, str } from '../../model/values';
import { isBounceName, type MessageEvent } from './payloads';

const TOOL = 'mixmax' as const;

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon)@/i;
export const isDaemon = (m: MessageEvent): boolean => DAEMON.test(m.from?.email ?? '') || /mail delivery (subsystem|system)/i.test(m.from?.name ?? '');

/**
 * The address a bounce notice is about: `recipientEmail` when Mixmax sends it, else the first
 * address in the notice's text that is neither the daemon nor our own mailbox.
 */
const bouncedAddress = (m: MessageEvent): string | null => {
  const direct = email(m.recipientEmail);
  if (direct) return direct;
  const ours = new Set([m.from?.email, m.receivedBy?.email, ...(m.to ?? []).map((t) => t.email)].map((e) => email(e)).filter(Boolean));
  const found = findAddresses(m.plaintextBody);
  return found.find((e) => !ours.has(e) && !DAEMON.test(e)) ?? null;
};

/** Epoch ms (number or digit string) or ISO. */
const timeOf = (v: unknown): string | null => isoUtc(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);

/** When it happened: the message's `sent`, else the event's `timestamp` (the tracking shape's). */
const occurred = (m: MessageEvent): string => {
  const at = timeOf(m.sent) ?? timeOf(m.timestamp);
  if (!at) throw new NoTimestamp();
  return at;
};

/** The message's own id: Gmail `id`, else `rfc822Id`, else the tracking shape's `messageId` — each through str(), so "" is no id. */
const messageIdOf = (m: MessageEvent): string | null => str(m.id) ?? str(m.rfc822Id) ?? str(m.messageId);

const splitNameOf = (full: string | null): { first_name: string | null; last_name: string | null } => {
  const { first, last } = splitName(full);
  return { first_name: first, last_name: last };
};

/** `message:received` from the prospect: the writer is the lead; our mailbox is `receivedBy`. */
export const normalizeReceived = (m: MessageEvent, raw: unknown): UnifiedEvent => {
  const at = occurred(m);
  const fullName = str(m.from?.name);
  const { first, last } = splitName(fullName);
  const writer = email(m.from?.email);
  const messageId = messageIdOf(m);
  return {
    id: eventId(TOOL, 'reply_received', messageId ? [messageId] : [writer, at]),
    event: 'reply_received',
    tool: TOOL,
    occurred_at: at,
    lead: { ...emptyLead(), email: writer, first_name: first, last_name: last, full_name: fullName },
    campaign: null,
    message: {
      id: messageId,
      thread_id: str(m.threadId),
      subject: str(m.subject) ?? str(m.message?.subject),
      text: str(m.plaintextBody),
      html: null,
      from_email: writer,
      to_email: email(m.receivedBy?.email) ?? email(m.to?.[0]?.email),
      sent_at: at,
    },
    meeting: null,
    category: null,
    raw,
  };
};

/**
 * A bounce (a mailer-daemon notice → our mailbox, or an event naming a bounce): the lead is the
 * address that bounced. Without a message `sent` / `id` (a tracking-shaped bounce) the event's
 * `timestamp` / `messageId` are used; with no id at all, a hash of the address and the time.
 */
export const normalizeBounce = (m: MessageEvent, raw: unknown): UnifiedEvent => {
  const at = occurred(m);
  const bounced = bouncedAddress(m);
  const messageId = messageIdOf(m);
  return {
    id: eventId(TOOL, 'email_bounced', messageId ? [messageId] : [bounced, at]),
    event: 'email_bounced',
    tool: TOOL,
    occurred_at: at,
    lead: { ...emptyLead(), email: bounced, full_name: str(m.recipientName), ...splitNameOf(str(m.recipientName)) },
    campaign: null,
    message: {
      id: messageId,
      thread_id: str(m.threadId),
      subject: str(m.subject) ?? str(m.message?.subject),
      text: str(m.plaintextBody),
      html: null,
      from_email: email(m.from?.email),
      to_email: email(m.receivedBy?.email) ?? email(m.to?.[0]?.email),
      sent_at: at,
    },
    meeting: null,
    category: null,
    raw,
  };
};

/**
 * A message event: a bounce (its own event name, or a mailer-daemon message received), a reply
 * (received, written by someone other than our own mailbox), or nothing of ours (sent).
 */
export const normalizeMessage = (m: MessageEvent, raw: unknown): UnifiedEvent | null => {
  const name = m.eventName;
  if (isBounceName(name) || (name === 'message:received' && isDaemon(m))) return normalizeBounce(m, raw);
  if (name === 'message:sent') return null;
  const writer = email(m.from?.email);
  if (!writer || writer === email(m.receivedBy?.email)) return null;
  return normalizeReceived(m, raw);
};
