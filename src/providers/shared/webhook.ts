import type { Delivery } from '../../delivery/delivery';
import { refuseOlderThanDedupeWindow } from '../../delivery/dedupe';
import type { UnifiedEvent } from '../../model/event';
import { lookup } from '../../model/values';
import type { AnyEventEntry, Ctx, EventEntry, SubscribeData, TriggerInput, WebhookSpec } from '../types';
import { cappedLines, issuesText, rejectedDelivery, unrecognisedPayload } from './errors';
import { mustVerify, safeEqual, URL_SECRET_PARAM, withoutSecretFields } from './secrets';

/**
 * The one webhook pipeline (docs/ARCHITECTURE.md, "How a delivery flows"). A provider declares
 * its deliveries as data — how they are verified, where the event type is, a table of
 * type → (payload schema, normaliser), the types it knowingly ignores — and `readDelivery` does
 * the rest the same way for every tool: verification (fail-closed), body shape, secret fields
 * out, type lookup (own keys only), schema check, normalising, and the unrecognised-payload
 * errors. Adding an event is one table entry, a schema and a normaliser.
 */

/** A normaliser found no time to place the event at: the delivery is unrecognised, naming the field. */
export class NoTimestamp extends Error {
  override readonly name = 'NoTimestamp';
  constructor() {
    super('no usable timestamp');
  }
}

/** A step found the delivery is not what the tool sends; `why` goes into the Zap-history error. */
export class Unrecognised extends Error {
  override readonly name = 'Unrecognised';
  constructor(readonly why?: string) {
    super(why ?? 'unrecognised payload');
  }
}

/** The delivery's signature or shared secret does not check out; `reason` goes into the error. */
export class Rejected extends Error {
  override readonly name = 'Rejected';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Builds a table entry, keeping the schema's and the normaliser's payload type in step. */
export const entry = <T>(e: EventEntry<T>): AnyEventEntry => e;

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

const verify = (ctx: Ctx, spec: WebhookSpec, delivery: Delivery, sub: SubscribeData | null): void => {
  const v = spec.verify;
  if (v.by === 'none' || !mustVerify(ctx.z, spec.label, sub)) return;
  if (v.by === 'url-secret') {
    const given = delivery.query[URL_SECRET_PARAM];
    if (!given || !safeEqual(given, sub.secret)) throw new Rejected('the webhook URL secret is missing or wrong');
  } else if (v.by === 'body-secret') {
    const given = isObject(delivery.body) ? delivery.body[v.field] : undefined;
    if (typeof given !== 'string' || !safeEqual(given, sub.secret)) {
      throw new Rejected(`the body's "${v.field}" field is ${typeof given === 'string' ? 'wrong' : 'missing'}`);
    }
  } else {
    const check = v.check(delivery, sub.secret);
    if (!check.ok) throw new Rejected(check.reason);
  }
};

const entryOf = (spec: WebhookSpec, type: string): AnyEventEntry | undefined =>
  lookup(spec.events, type) ?? spec.patterns?.find((p) => p.match.test(type))?.entry;

const ignoredType = (spec: WebhookSpec, type: string): boolean => (typeof spec.ignored === 'function' ? spec.ignored(type) : spec.ignored.includes(type));

/** One payload's events; throws Unrecognised naming why it cannot be read. */
const readPayload = (
  spec: WebhookSpec,
  payload: unknown,
  delivery: Delivery,
  sub: SubscribeData | null,
  input: TriggerInput,
  refuse: (reason: string) => Error,
): UnifiedEvent[] => {
  if (!isObject(payload)) throw new Unrecognised(spec.notAnObject);
  const body = spec.secretFields ? (withoutSecretFields(payload, [...spec.secretFields]) as Record<string, unknown>) : payload;
  const type = spec.typeOf(body, delivery);
  if (type === null) throw new Unrecognised(spec.noType);
  const e = entryOf(spec, type);
  if (!e) {
    if (ignoredType(spec, type)) return [];
    throw new Unrecognised(spec.unknownType(type));
  }
  const parsed = e.schema.safeParse(body);
  if (!parsed.success) throw new Unrecognised(`${type} fields do not match: ${issuesText(parsed.error)}`);
  let out: UnifiedEvent[];
  try {
    const normalized = e.normalize(parsed.data, body, input);
    out = normalized === null ? [] : Array.isArray(normalized) ? normalized : [normalized];
  } catch (err) {
    if (err instanceof NoTimestamp) throw new Unrecognised(`${type} carries no ${e.timestamp ?? spec.timestamp}`);
    throw err;
  }
  return e.refuseStale && sub ? refuseOlderThanDedupeWindow(out, delivery.receivedAt, refuse) : out;
};

/**
 * Verify and normalise one delivery into every unified event it carries (for any type; the
 * trigger filters). `sub` is null for deliveries that reach us by hand (Normalize Webhook).
 * Throws Zapier errors: InvalidSignature on a bad signature or secret, UnrecognisedPayload on a
 * payload no table entry reads.
 */
export const readDelivery = async (
  ctx: Ctx,
  spec: WebhookSpec,
  delivery: Delivery,
  sub: SubscribeData | null,
  input: TriggerInput,
): Promise<UnifiedEvent[]> => {
  const { z } = ctx;
  const refuse = (reason: string) => rejectedDelivery(z, spec.label, reason);
  let current: unknown = delivery.body;
  try {
    verify(ctx, spec, delivery, sub);
    if (spec.resolve) current = await spec.resolve(ctx, current);
    if (!spec.items) return readPayload(spec, current, delivery, sub, input, refuse);
    const items = spec.items(current);
    if (!Array.isArray(items)) throw new Unrecognised(items.why ?? undefined);
    if (!spec.partialBatches) {
      const out: UnifiedEvent[] = [];
      for (const item of items) {
        current = item;
        out.push(...readPayload(spec, item, delivery, sub, input, refuse));
      }
      return out;
    }
    // Item by item: one unusable item must not drop the good ones of the same batch. It is
    // logged; only a batch with no usable item at all is an error.
    const events: UnifiedEvent[] = [];
    const unusable: string[] = [];
    items.forEach((item, index) => {
      try {
        events.push(...readPayload(spec, item, delivery, sub, input, refuse));
      } catch (err) {
        if (!(err instanceof Unrecognised)) throw err;
        const problem = err.why ?? 'not an event object';
        unusable.push(items.length > 1 ? `item ${index + 1} of ${items.length} (index ${index}): ${problem}` : problem);
      }
    });
    if (unusable.length === items.length) {
      current = items.length === 1 ? items[0] : current;
      throw new Unrecognised(cappedLines(unusable, 3).join('; '));
    }
    for (const line of cappedLines(unusable)) z.console.log(`${spec.label} webhook delivery: skipped ${line}; the other items were processed.`);
    return events;
  } catch (err) {
    if (err instanceof Rejected) throw refuse(err.reason);
    if (err instanceof Unrecognised) throw unrecognisedPayload(z, spec.label, current, err.why);
    throw err;
  }
};
