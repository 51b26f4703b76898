import { baseUrlFor } from '../../http/baseUrl';
import { str } from '../../model/values';
import { entry, Rejected, Unrecognised } from '../shared/webhook';
import type { Ctx, WebhookSpec } from '../types';
import { mailshakeApi, msCall } from './api';
import { normalizeLead, normalizeReply } from './normalize';
import { IGNORED_OBJECTS, LeadModel, PushBody, Reply } from './payloads';
import { checkResourceUrl } from './resourceUrl';

const NO_MODEL = 'the pushed resource is no Mailshake model';

/**
 * A push is `{resource_url}`. We fetch it with the connection's key ONLY when checkResourceUrl
 * accepts it: anything else is refused before any request is made, so a forged push (Normalize
 * Webhook has no secret) can neither send the key elsewhere nor make us call a write endpoint.
 */
const fetchPushedResource = async (ctx: Ctx, body: unknown): Promise<unknown> => {
  const push = PushBody.safeParse(body);
  if (!push.success) throw new Unrecognised('a Mailshake push carries a resource_url');
  const checked = checkResourceUrl(push.data.resource_url.trim(), baseUrlFor('mailshake', mailshakeApi.defaultBaseUrl));
  if ('refused' in checked) throw new Rejected(checked.refused);
  const resource = await msCall(ctx, mailshakeApi, { method: 'GET', path: checked.url, notFoundOk: true });
  if (resource === null) {
    throw new ctx.z.errors.Error('Mailshake no longer has the item this push refers to (not_found), so there is nothing to trigger on.', 'ResourceGone', 404);
  }
  return resource;
};

/**
 * A model, a page `{results: [...]}`, or a single model wrapped as `{results: {...}}` (how a
 * third-party Mailshake reference describes single-record answers; the docs show bare models):
 * all three are read, since any read endpoint may be the one a push names.
 */
const modelsOf = (resource: unknown): unknown[] => {
  const results = resource && typeof resource === 'object' ? (resource as { results?: unknown }).results : undefined;
  return Array.isArray(results) ? results : results && typeof results === 'object' && 'object' in results ? [results] : [resource];
};

/**
 * Mailshake pushes: authenticated by the secret on the URL we registered (Mailshake signs
 * nothing); the push only names a resource, which is fetched and read by its `object` kind.
 */
export const mailshakeWebhook: WebhookSpec = {
  label: 'Mailshake',
  verify: { by: 'url-secret' },
  resolve: fetchPushedResource,
  items: modelsOf,
  notAnObject: NO_MODEL,
  typeOf: (model) => str(model.object),
  noType: NO_MODEL,
  unknownType: (object) => `the pushed resource is a ${object}`,
  events: {
    reply: entry({ schema: Reply, normalize: normalizeReply }),
    lead: entry({ schema: LeadModel, normalize: normalizeLead }),
  },
  ignored: IGNORED_OBJECTS,
  timestamp: 'usable date',
};
