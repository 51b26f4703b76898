import { createHash } from 'node:crypto';
import type { EventType, ToolId } from './tools';

/** Trimmed non-empty string, or null. Numbers (ids) become their decimal string. */
export const str = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

export const email = (value: unknown): string | null => str(value)?.toLowerCase() ?? null;

export const joinName = (first: string | null, last: string | null): string | null =>
  [first, last].filter(Boolean).join(' ') || null;

/** Splits "Jane Doe" into first/last; a single word is a first name. */
export const splitName = (full: string | null): { first: string | null; last: string | null } => {
  if (!full) return { first: null, last: null };
  const parts = full.split(/\s+/);
  return { first: parts[0] ?? null, last: parts.length > 1 ? parts.slice(1).join(' ') : null };
};

/**
 * Any timestamp a tool sends, as toISOString() UTC. Accepts ISO with `Z`, `+01:00`, `+0100`
 * (Woodpecker), microsecond fractions (Calendly, Salesloft), and epoch seconds / milliseconds.
 * Returns null for anything that is not a real instant.
 */
export const isoUtc = (value: unknown): string | null => {
  let date: Date | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) {
    date = new Date(value < 1e11 ? value * 1000 : value);
  } else if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    const isoLike = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?/.exec(text);
    if (isoLike) {
      let normalised = text
        .replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T')
        // +0100 → +01:00 (Date.parse needs the colon)
        .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
        // more than millisecond precision → milliseconds
        .replace(/(\.\d{3})\d+/, '$1');
      // A date-time without a zone is UTC here, never the server's local time.
      if (/T\d{2}:\d{2}/.test(normalised) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(normalised)) normalised += 'Z';
      const ms = Date.parse(normalised);
      if (!Number.isNaN(ms)) date = new Date(ms);
    } else {
      // Other standard forms with an explicit zone, e.g. RFC 2822 "Fri, 21 Mar 2025 19:47:47 +0100".
      const ms = /(GMT|UTC|[+-]\d{4}|Z)\s*$/i.test(text) ? Date.parse(text) : Number.NaN;
      if (!Number.isNaN(ms)) date = new Date(ms);
    }
  }
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
};

/**
 * A stable event id: `<tool>:<event>:<key>`. The key is the tool's own id when it sent one
 * usable as-is, else a short hash of the identifying fields, so a redelivery of the same
 * event always yields the same id and two different events never share one.
 */
export const eventId = (tool: ToolId, event: EventType, parts: unknown[]): string => {
  const cleaned = parts.map((p) => (p === undefined || p === null ? '' : String(p)));
  const joined = cleaned.join('|');
  const key =
    cleaned.length === 1 && /^[A-Za-z0-9_.@-]{1,64}$/.test(joined)
      ? joined
      : createHash('sha256').update(joined).digest('hex').slice(0, 24);
  return `${tool}:${event}:${key}`;
};

/** The last path segment of a URI (Calendly resources are identified by URI). */
export const uriId = (uri: unknown): string | null => {
  const s = str(uri);
  if (!s) return null;
  const segments = s.split('/').filter(Boolean);
  return segments[segments.length - 1] ?? null;
};
