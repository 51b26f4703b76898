import { createHash } from 'node:crypto';
import type { EventType, ToolId } from './tools';

/** Trimmed non-empty string, or null. Numbers (ids) become their decimal string. */
export const str = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** Free text longer than this is not scanned past this point (regexes, address search). */
export const MAX_SCAN_CHARS = 64 * 1024;

/** Longest address we accept (RFC 5321 path limit). */
const MAX_ADDRESS = 254;
/**
 * One plain address: a local part without spaces or `@`, a domain of dot-separated labels with a
 * dot in it. Every quantifier is bounded or separated by a literal, so this is linear.
 */
const ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** True for one plain address (already trimmed), e.g. `jane@example.com`. */
export const isAddress = (value: string): boolean => value.length <= MAX_ADDRESS && ADDRESS.test(value);

/**
 * An email as tools send it → the plain address, trimmed and lower-cased: `Jane <jane@x.com>` →
 * `jane@x.com`, `mailto:jane@x.com` → `jane@x.com`. Empty → null. Text that is not an address
 * comes back trimmed and lower-cased as it was, so `usableEvents` can refuse it naming the field
 * instead of it vanishing silently (see isAddress).
 */
export const email = (value: unknown): string | null => {
  const text = str(value);
  if (text === null) return null;
  let candidate = text;
  // "Name <addr>": the part in the last angle brackets, when the text ends with them.
  if (candidate.endsWith('>')) {
    const open = candidate.lastIndexOf('<');
    if (open >= 0) candidate = candidate.slice(open + 1, -1).trim();
  }
  if (/^mailto:/i.test(candidate)) candidate = candidate.slice(7).trim();
  return candidate.toLowerCase();
};

/**
 * Own-property lookup: a payload or connection value selects a table entry only when the table
 * itself has that key — never `constructor`, `__proto__` or `toString` from Object.prototype.
 */
export const lookup = <V>(table: Readonly<Record<string, V>> | Readonly<Partial<Record<string, V>>>, key: unknown): V | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? (table as Record<string, V>)[key] : undefined;

export const joinName = (first: string | null, last: string | null): string | null => [first, last].filter(Boolean).join(' ') || null;

/** Splits "Jane Doe" into first/last; a single word is a first name. */
export const splitName = (full: string | null): { first: string | null; last: string | null } => {
  if (!full) return { first: null, last: null };
  const parts = full.split(/\s+/);
  return { first: parts[0] ?? null, last: parts.length > 1 ? parts.slice(1).join(' ') : null };
};

/** Earliest and latest instants a tool's timestamp may name: 1970-01-01 to the end of year 9999. */
const MIN_MS = 0;
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** A timestamp longer than this is not a timestamp (and is never scanned). */
const MAX_TIMESTAMP_CHARS = 64;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar date written is a real one (no 30 February, no month 13, no 25 o'clock). */
const realDate = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59;

const inRange = (ms: number): boolean => Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS;

/**
 * Any timestamp a tool sends, as toISOString() UTC. Accepts ISO with `Z`, `+01:00`, `+0100`
 * (Woodpecker), microsecond fractions (Calendly, Salesloft), and epoch seconds / milliseconds.
 * Returns null for anything that is not a real instant: impossible dates (`2025-02-30`), and
 * instants before 1970 or after year 9999 (which toISOString() would write as `+010000-…`).
 * Every provider reads its times through this one function; null becomes its "no usable
 * timestamp" error.
 */
export const isoUtc = (value: unknown): string | null => {
  let ms = Number.NaN;
  if (typeof value === 'number' && Number.isFinite(value)) {
    ms = value < 1e11 ? value * 1000 : value;
  } else if (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TIMESTAMP_CHARS) {
    const text = value.trim();
    const isoLike = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/.exec(text);
    if (isoLike) {
      const [, y, mo, d, h, mi, sec] = isoLike.map((part) => (part === undefined ? undefined : Number(part)));
      if (!realDate(y as number, mo as number, d as number, h, mi, sec)) return null;
      let normalised = text
        .replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T')
        // +0100 → +01:00 (Date.parse needs the colon)
        .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
        // more than millisecond precision → milliseconds
        .replace(/(\.\d{3})\d+/, '$1');
      // A date-time without a zone is UTC here, never the server's local time.
      if (/T\d{2}:\d{2}/.test(normalised) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(normalised)) normalised += 'Z';
      ms = Date.parse(normalised);
    } else if (/(GMT|UTC|[+-]\d{4}|Z)\s*$/i.test(text)) {
      // Other standard forms with an explicit zone, e.g. RFC 2822 "Fri, 21 Mar 2025 19:47:47 +0100".
      const written = /\b(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/.exec(text);
      const month = written ? MONTHS.indexOf((written[2] as string).toLowerCase()) + 1 : 0;
      if (written && !realDate(Number(written[3]), month, Number(written[1]))) return null;
      ms = Date.parse(text);
    }
  }
  return inRange(ms) ? new Date(ms).toISOString() : null;
};

/**
 * A stable event id: `<tool>:<event>:<key>`. The key is the tool's own id when it sent one
 * usable as-is, else a short hash of the identifying fields, so a redelivery of the same
 * event always yields the same id and two different events never share one.
 */
export const eventId = (tool: ToolId, event: EventType, parts: unknown[]): string => {
  const cleaned = parts.map((p) => (p === undefined || p === null ? '' : String(p)));
  const joined = cleaned.join('|');
  const key = cleaned.length === 1 && /^[A-Za-z0-9_.@-]{1,64}$/.test(joined) ? joined : createHash('sha256').update(joined).digest('hex').slice(0, 24);
  return `${tool}:${event}:${key}`;
};

/** The last path segment of a URI (Calendly resources are identified by URI). */
export const uriId = (uri: unknown): string | null => {
  const s = str(uri);
  if (!s) return null;
  const segments = s.split('/').filter(Boolean);
  return segments[segments.length - 1] ?? null;
};

/**
 * Every plain address in free text (a bounce notice's body), in order, lower-cased. Linear: the
 * first MAX_SCAN_CHARS characters are split into runs of address characters once, and only runs
 * short enough to be an address are tested — no regex ever scans the text itself from each
 * position (which was quadratic on a long run of letters without an `@`).
 */
export const findAddresses = (text: unknown, max = MAX_SCAN_CHARS): string[] => {
  if (typeof text !== 'string' || !text.includes('@')) return [];
  const out: string[] = [];
  for (const token of text.slice(0, max).split(/[^A-Za-z0-9._%+@-]+/)) {
    if (token.length < 3 || token.length > MAX_ADDRESS + 2 || !token.includes('@')) continue;
    const candidate = token.replace(/^[.@-]+/, '').replace(/[.@-]+$/, '');
    if (isAddress(candidate)) out.push(candidate.toLowerCase());
  }
  return out;
};

/** Tool error texts are scanned by regexes (codes, "try again in N seconds"): only their first 2,000 characters. */
export const boundedText = <T extends string | null>(text: T, max = 2000): T => (text !== null && text.length > max ? text.slice(0, max) : text) as T;
