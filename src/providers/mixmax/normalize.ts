import { emptyLead, type UnifiedEvent } from '../../model/event';
import { email, eventId, isoUtc, splitName, str } from '../../model/values';
import type { MessageEvent } from './payloads';

const TOOL = 'mixmax' as const;

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon)@/i;
export const isDaemon = (m: MessageEvent): boolean =>
  DAEMON.test(m.from?.email ?? '') || /mail delivery (subsystem|system)/i.test(m.from?.name ?? '');

/**
 * The address a bounce notice is about: `recipientEmail` when Mixmax sends it, else the first
 * address in the notice's text that is neither the daemon nor our own mailbox.
 */
const bouncedAddress = (m: MessageEvent): string | null => {
  const direct = email(m.recipientEmail);
  if (direct) return direct;
  const ours = new Set([m.from?.email, m.receivedBy?.email, ...(m.to ?? []).map((t) => t.email)].map((e) => email(e)).filter(Boolean));
  const found = (m.plaintextBody ?? '').match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [];
  return found.map((e) => e.toLowerCase()).find((e) => !ours.has(e) && !DAEMON.test(e)) ?? null;
};

const occurred = (m: MessageEvent): string => {
  const at = isoUtc(typeof m.sent === 'string' && /^\d+$/.test(m.sent) ? Number(m.sent) : m.sent);
  if (!at) throw new Error('no timestamp');
  return at;
};

/** `message:received` from the prospect: the writer is the lead; our mailbox is `receivedBy`. */
export const normalizeReceived = (m: MessageEvent, raw: unknown): UnifiedEvent => {
  const at = occurred(m);
  const fullName = str(m.from?.name);
  const { first, last } = splitName(fullName);
  const writer = email(m.from?.email);
  return {
    id: eventId(TOOL, 'reply_received', [m.id ?? m.rfc822Id ?? `${writer}|${at}`]),
    event: 'reply_received',
    tool: TOOL,
    occurred_at: at,
    lead: { ...emptyLead(), email: writer, first_name: first, last_name: last, full_name: fullName },
    campaign: null,
    message: {
      id: str(m.id) ?? str(m.rfc822Id),
      thread_id: str(m.threadId),
      subject: str(m.subject),
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

/** A bounce notice (mailer daemon → our mailbox): the lead is the address that bounced. */
export const normalizeBounce = (m: MessageEvent, raw: unknown): UnifiedEvent => {
  const at = occurred(m);
  return {
    id: eventId(TOOL, 'email_bounced', [m.id ?? m.rfc822Id ?? at]),
    event: 'email_bounced',
    tool: TOOL,
    occurred_at: at,
    lead: { ...emptyLead(), email: bouncedAddress(m) },
    campaign: null,
    message: {
      id: str(m.id) ?? str(m.rfc822Id),
      thread_id: str(m.threadId),
      subject: str(m.subject),
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
