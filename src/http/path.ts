import { errors } from 'zapier-platform-core';

// Control characters (C0, DEL, C1) never belong in an id sent as a path segment.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_SEGMENT = 256;

/**
 * An id (campaign, lead, webhook…) as one URL path segment. `encodeURIComponent` alone is not
 * enough: `..` survives it, and URL resolution turns `/campaigns/../webhooks` into `/webhooks` —
 * the same API, another endpoint. So ids with a `.` / `..` value, a slash or backslash, or a
 * control character are refused (a typed error naming `what`) before any request; the rest are
 * percent-encoded. Every provider builds its paths with this.
 */
export const pathSegment = (value: unknown, what = 'id'): string => {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : null;
  const shown = text === null ? String(typeof value) : JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (text === null || text === '' || text === '.' || text === '..' || /[/\\]/.test(text) || CONTROL.test(text) || text.length > MAX_SEGMENT) {
    throw new errors.Error(
      `The ${what} ${shown} cannot be used: ids have no slashes, are not "." or "..", hold no control characters and are at most ${MAX_SEGMENT} characters. Choose it from the list, or map the id the tool shows.`,
      'InvalidId',
      400,
    );
  }
  return encodeURIComponent(text);
};

/** A relative API path with a `.` / `..` segment (literal or percent-encoded) — never sent. */
export const hasDotSegment = (path: string): boolean => (path.split(/[?#]/)[0] ?? '').split('/').some((seg) => /^(\.|%2e){1,2}$/i.test(seg));

/** A path with a query whose keys repeat or carry brackets (`email_addresses[]`, `sequence_ids[]`), as Salesloft and Apollo document them. */
export const withQuery = (path: string, pairs: [string, string][]): string => `${path}?${new URLSearchParams(pairs).toString()}`;
