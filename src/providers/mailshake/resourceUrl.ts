import { sameOrigin } from '../../http/baseUrl';

/**
 * The verbs of Mailshake operations that change data. Mailshake documents every operation as
 * `<resource>/<verb>` and accepts GET as well as POST on each (API docs "Making requests"), so a
 * GET of a write endpoint would write: campaigns/create|pause|unpause|export, recipients/add|pause|
 * unpause|unsubscribe, leads/create|close|ignore|reopen, push/create|delete — plus the verbs any
 * later write would carry. A resource_url whose path has one of them (as a segment, or a word of a
 * segment: `bulk-unsubscribe`, `addRecipients`) is refused before any request.
 */
export const MUTATING_VERBS = [
  'add',
  'create',
  'update',
  'edit',
  'set',
  'delete',
  'remove',
  'destroy',
  'purge',
  'clear',
  'pause',
  'unpause',
  'resume',
  'start',
  'stop',
  'cancel',
  'unsubscribe',
  'subscribe',
  'close',
  'ignore',
  'reopen',
  'export',
  'import',
  'upload',
  'send',
  'assign',
  'unassign',
  'archive',
  'unarchive',
  'restore',
  'move',
  'merge',
  'copy',
  'duplicate',
  'clone',
  'rename',
  'enable',
  'disable',
  'activate',
  'deactivate',
  'block',
  'unblock',
  'mark',
  'reset',
  'approve',
  'reject',
  'retry',
  'schedule',
  'unschedule',
  'invite',
  'revoke',
  'complete',
  'finish',
  'trigger',
  'post',
  'put',
  'patch',
  'write',
  'modify',
  'save',
  'register',
  'unregister',
] as const;

/**
 * Reads whose name contains a mutating word but only report on one: the status of an add or an
 * export (`recipients/add-status`, `campaigns/export-status`; the docs also spell them camelCase).
 */
const STATUS_READS = ['add-status', 'addstatus', 'export-status', 'exportstatus'];

/** The words of a path segment: `bulk-unsubscribe` → bulk, unsubscribe; `addRecipients` → add, recipients. */
const wordsOf = (segment: string): string[] =>
  segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Query keys that would carry a credential (`?apiKey=` is a documented way to send Mailshake's key). */
const CREDENTIAL_PARAM = /^(key|token|sig|signature)$|apikey|apitoken|accesstoken|secret|passw|auth|session|credential|bearer/;

/**
 * A push's `resource_url`, checked before anything is sent: the origin of the API base in force
 * (scheme, host, port; SALES_CONNECT_MAILSHAKE_BASE_URL honoured), no user-info, a path under the
 * base path (after the URL parser resolves `..` and `%2e%2e`) with no empty segment, no encoded
 * separator and no MUTATING_VERBS word, and no credential-like query key. Any read passes — the
 * resource_url format is undocumented (the docs show only `…/2017-04-01/...`), so no single path is
 * bet on; pushes are authenticated by the per-Zap URL secret. Returns the normalised URL to fetch,
 * or why not.
 */
export const checkResourceUrl = (raw: string, base: string): { url: string } | { refused: string } => {
  const baseUrl = new URL(base);
  let url: URL;
  try {
    if (!/^https?:\/\//i.test(raw)) throw new Error('not http(s)');
    url = new URL(raw);
  } catch {
    return { refused: `its resource_url does not point at Mailshake's API (${baseUrl.origin}), so it was not fetched` };
  }
  if (!sameOrigin(url.href, base)) {
    return { refused: `its resource_url does not point at Mailshake's API (${baseUrl.origin}), so it was not fetched` };
  }
  if (url.username || url.password) return { refused: 'its resource_url carries user credentials, so it was not fetched' };
  const basePath = baseUrl.pathname.replace(/\/+$/, '');
  if (!url.pathname.startsWith(`${basePath}/`)) {
    return { refused: `its resource_url is outside Mailshake's API path ${basePath || '/'} (${url.pathname}), so it was not fetched` };
  }
  const endpoint = url.pathname.slice(basePath.length + 1);
  const segments = endpoint.split('/');
  if (!endpoint || segments.some((seg) => seg === '')) {
    return { refused: `its resource_url names no Mailshake endpoint (${url.pathname}), so it was not fetched` };
  }
  // An encoded separator would let a path say one thing to us and another to Mailshake's router.
  if (/%(2f|5c)/i.test(endpoint) || endpoint.includes('\\')) {
    return { refused: `its resource_url hides a path separator (${endpoint}), so it was not fetched` };
  }
  for (const seg of segments) {
    if (STATUS_READS.includes(seg.toLowerCase())) continue;
    const verb = wordsOf(seg).find((w) => (MUTATING_VERBS as readonly string[]).includes(w));
    if (verb) {
      return {
        refused:
          `its resource_url names a Mailshake operation that changes data (${verb}) at ${endpoint}; a push only ever ` +
          'points at something to read, so it was not fetched',
      };
    }
  }
  for (const key of url.searchParams.keys()) {
    if (CREDENTIAL_PARAM.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''))) {
      return { refused: `its resource_url carries a credential parameter (${key}), so it was not fetched` };
    }
  }
  url.hash = '';
  return { url: url.href };
};
