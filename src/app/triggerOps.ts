import type { Bundle, ZObject } from 'zapier-platform-core';
import { claimFirstDelivery } from '../delivery/dedupe';
import { deliveryFromBundle } from '../delivery/delivery';
import { UnifiedEvent } from '../model/event';
import { EVENT_LABELS, type EventType } from '../model/tools';
import { findProvider } from '../providers';
import type { Provider, SubscribeData, TriggerInput } from '../providers/types';
import { connectedProvider, ctxOf } from './connection';
import { SAMPLES } from './samples';
import { readTriggerInput } from './triggerInput';
import { scrubSecrets } from '../providers/shared/secrets';
import { usableEvents } from '../providers/shared/events';
import { withoutBundleInErrors } from '../providers/shared/errors';

const matchesFilters = (e: UnifiedEvent, event: EventType, input: TriggerInput) =>
  e.event === event && (!input.campaign_id || e.campaign?.id === input.campaign_id);

/** Every event we hand Zapier is checked against the unified schema: a mismatch is our bug, said loudly. */
const checked = (z: ZObject, provider: Provider, events: UnifiedEvent[]): UnifiedEvent[] =>
  events.map((e) => {
    const result = UnifiedEvent.safeParse(e);
    if (!result.success) {
      throw new z.errors.Error(
        `Sales Connect produced an invalid ${provider.label} event (${result.error.issues[0]?.path.join('.')}: ${result.error.issues[0]?.message}). Please report this.`,
        'InvalidEvent',
        500,
      );
    }
    return result.data;
  });

const unsupported = (z: ZObject, provider: Provider, event: EventType): Error | null => {
  const support = provider.events.support[event];
  if (support.mode === 'instant' && provider.events.subscribe) return null;
  const why = support.mode === 'instant' ? `${provider.label} has no webhook API` : support.why;
  const alternative =
    support.mode === 'polling' ? ` Use the "${EVENT_LABELS[event]} (Polling)" trigger instead.` : '';
  return new z.errors.Error(`${EVENT_LABELS[event]} is not available instantly for ${provider.label}: ${why}${alternative}`, 'UnsupportedTrigger', 400);
};

export const subscribeTo = (event: EventType) => async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
  const provider = connectedProvider(z, bundle);
  const input = readTriggerInput(z, bundle.inputData);
  const refused = unsupported(z, provider, event);
  if (refused) throw refused;
  if (!bundle.targetUrl) throw new z.errors.Error('Zapier did not provide a webhook URL to register.', 'MissingTargetUrl', 400);
  return provider.events.subscribe!(ctxOf(z, bundle), { event, targetUrl: bundle.targetUrl, input });
};

export const unsubscribeFrom = async (z: ZObject, bundle: Bundle): Promise<Record<string, never>> => {
  const data = bundle.subscribeData as SubscribeData | undefined;
  if (!data?.id) return {}; // nothing was registered
  const provider = findProvider(data.tool) ?? connectedProvider(z, bundle);
  await provider.events.unsubscribe?.(ctxOf(z, bundle), data);
  return {};
};

/** A webhook delivery → the unified events of this trigger's type; redeliveries dropped. */
export const receive = (event: EventType) => async (z: ZObject, bundle: Bundle): Promise<UnifiedEvent[]> => {
  const sub = (bundle.subscribeData as SubscribeData | undefined) ?? null;
  const provider = findProvider(sub?.tool) ?? connectedProvider(z, bundle);
  const input = readTriggerInput(z, bundle.inputData);
  const all = usableEvents(z, provider.label, await withoutBundleInErrors(z, provider.label, () => provider.events.parse(ctxOf(z, bundle), deliveryFromBundle(bundle), sub, input)));
  // raw goes on into Zap data: never with the subscription's secret in it (tools echo our URL).
  const scrubbed = all.map((e) => ({ ...e, raw: scrubSecrets(e.raw, sub?.secret) }));
  const mine = checked(z, provider, scrubbed).filter((e) => matchesFilters(e, event, input));
  const fresh: UnifiedEvent[] = [];
  for (const e of mine) {
    if (await claimFirstDelivery(z, `${sub?.tool ?? provider.id}:${sub?.id ?? 'unsubscribed'}:${e.id}`)) fresh.push(e);
  }
  return fresh;
};

/** Recent real items for the Zap editor's test step; the sample when the tool has none to show. */
export const listRecent = (event: EventType) => async (z: ZObject, bundle: Bundle): Promise<UnifiedEvent[]> => {
  const provider = connectedProvider(z, bundle);
  const input = readTriggerInput(z, bundle.inputData);
  const recent = provider.events.listRecent ? await provider.events.listRecent(ctxOf(z, bundle), event, input) : [];
  const mine = checked(z, provider, recent).filter((e) => matchesFilters(e, event, input));
  // No recent items: the sample, labelled with the connected tool so it reads right in the editor.
  return mine.length ? mine.slice(0, 25) : [{ ...SAMPLES[event], tool: provider.id, id: `${provider.id}:${event}:sample` }];
};

/** Polling variant: the same list, newest first, with the same stable ids so Zapier dedupes. */
export const poll = (event: EventType) => async (z: ZObject, bundle: Bundle): Promise<UnifiedEvent[]> => {
  const provider = connectedProvider(z, bundle);
  const input = readTriggerInput(z, bundle.inputData);
  const support = provider.events.support[event];
  const listable = provider.events.listRecent && support.mode !== 'none' && (provider.events.pollable ?? [event]).includes(event);
  if (!listable || !provider.events.listRecent) {
    const why =
      support.mode === 'none'
        ? support.why
        : `${provider.label} has no API to list recent ${EVENT_LABELS[event]} events; use the instant "${EVENT_LABELS[event]}" trigger`;
    throw new z.errors.Error(`${EVENT_LABELS[event]} (Polling) is not available for ${provider.label}: ${why}`, 'UnsupportedTrigger', 400);
  }
  if (provider.events.pollNeedsCampaign && !input.campaign_id) {
    throw new z.errors.Error(
      `Campaign is required for ${provider.label}: it lists recent events one campaign at a time. Choose the campaign to watch.`,
      'InvalidInput',
      400,
    );
  }
  const recent = await provider.events.listRecent(ctxOf(z, bundle), event, input);
  return checked(z, provider, recent)
    .filter((e) => matchesFilters(e, event, input))
    .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
};
