import { entry } from '../shared/webhook';
import type { WebhookSpec } from '../types';
import { normalizeActivity } from './normalize';
import { Activity, HOOK_TYPE, IGNORED_TYPES, INTERESTED_TYPES } from './payloads';

/** Every hook posts one activity; the activity's `type` says which event it is. */
const activity = entry({ schema: Activity, normalize: normalizeActivity });

/**
 * lemlist hooks: the body carries the secret we gave the hook (`secret`); the activity type is
 * `type`. Every mapped type reads the same activity schema.
 */
export const lemlistWebhook: WebhookSpec = {
  label: 'lemlist',
  verify: { by: 'body-secret', field: 'secret' },
  typeOf: (body) => (typeof body.type === 'string' && body.type !== '' ? body.type : null),
  noType: 'no activity type',
  unknownType: (type) => `unknown activity type ${type}`,
  events: {
    [HOOK_TYPE.reply_received]: activity,
    ...Object.fromEntries(INTERESTED_TYPES.map((type) => [type, activity])),
    [HOOK_TYPE.email_bounced]: activity,
    [HOOK_TYPE.lead_unsubscribed]: activity,
  },
  ignored: IGNORED_TYPES,
  timestamp: 'usable createdAt',
};
