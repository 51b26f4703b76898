import type { Bundle, ZObject } from 'zapier-platform-core';
import { claimFirstDelivery } from '../delivery/dedupe';
import { deliveryFromBundle } from '../delivery/delivery';
import { UnifiedEvent } from '../model/event';
import type { PublishedEvent } from '../model/published';
import type { EventType } from '../model/tools';
import { findProvider } from '../providers';
import type { Provider, SubscribeData, TriggerInput } from '../providers/types';
import { connectedProvider, ctxOf } from './connection';
import { instantRefusal, pollingRefusal } from './availability';
import { publishEvent } from './publish';
import { readTriggerInput } from './triggerInput';
import { checkOutput, requireCampaign } from './validate';
import { scrubSecrets } from '../providers/shared/secrets';
import { usableEvents } from '../providers/shared/events';
import { withoutBundleInErrors } from '../providers/shared/errors';
import { readDelivery } from '../providers/shared/webhook';

const matchesFilters = (e: UnifiedEvent, event: EventType, input: TriggerInput) =>
  e.event === event && (!input.campaign_id || e.campaign?.id === input.campaign_id);

/** Every event we hand Zapier is checked against the unified schema: a mismatch is our bug, said loudly. */
const checked = (z: ZObject, provider: Provider, events: UnifiedEvent[]): UnifiedEvent[] =>
  events.map((e) => checkOutput(z, UnifiedEvent, e, `${provider.label} event`));

/** A tool × trigger the capability table says cannot be delivered this way: the same words everywhere. */
const refusal = (z: ZObject, message: string | null): void => {
  if (message) throw new z.errors.Error(message, 'UnsupportedTrigger', 400);
};

export const subscribeTo =
  (event: EventType) =>
  async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
    const provider = connectedProvider(z, bundle);
    const input = readTriggerInput(z, bundle.inputData);
    refusal(z, instantRefusal(provider.id, provider.capabilities, event));
    if (provider.capabilities.triggerCampaign === 'required') requireCampaign(z, provider, input.campaign_id, 'its webhooks belong to one campaign', 'trigger');
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
export const receive =
  (event: EventType) =>
  async (z: ZObject, bundle: Bundle): Promise<PublishedEvent[]> => {
    const sub = (bundle.subscribeData as SubscribeData | undefined) ?? null;
    const provider = findProvider(sub?.tool) ?? connectedProvider(z, bundle);
    const input = readTriggerInput(z, bundle.inputData);
    const all = usableEvents(
      z,
      provider.label,
      await withoutBundleInErrors(z, provider.label, () => readDelivery(ctxOf(z, bundle), provider.events.webhook, deliveryFromBundle(bundle), sub, input)),
    );
    // raw goes on into Zap data: never with the subscription's secret in it (tools echo our URL).
    const scrubbed = all.map((e) => ({ ...e, raw: scrubSecrets(e.raw, sub?.secret) }));
    const mine = checked(z, provider, scrubbed).filter((e) => matchesFilters(e, event, input));
    const fresh: PublishedEvent[] = [];
    for (const e of mine) {
      if (await claimFirstDelivery(z, `${sub?.tool ?? provider.id}:${sub?.id ?? 'unsubscribed'}:${e.id}`)) fresh.push(publishEvent(e));
    }
    return fresh;
  };

/**
 * The Zap editor's test step: recent real items, or none (Zapier then shows the static sample).
 * A combination the tool cannot deliver refuses with subscribe's words; nothing is invented.
 */
export const listRecent =
  (event: EventType) =>
  async (z: ZObject, bundle: Bundle): Promise<PublishedEvent[]> => {
    const provider = connectedProvider(z, bundle);
    const input = readTriggerInput(z, bundle.inputData);
    refusal(z, instantRefusal(provider.id, provider.capabilities, event));
    if (provider.capabilities.triggerCampaign === 'required') requireCampaign(z, provider, input.campaign_id, 'its webhooks belong to one campaign', 'trigger');
    const cap = provider.capabilities.events[event];
    if (!cap.polling || !provider.events.listRecent) return [];
    const recent = await provider.events.listRecent(ctxOf(z, bundle), event, input);
    return checked(z, provider, recent)
      .filter((e) => matchesFilters(e, event, input))
      .slice(0, 25)
      .map((e) => publishEvent(e));
  };

/** Polling variant: the same list, newest first, with the same stable ids so Zapier dedupes. */
export const poll =
  (event: EventType) =>
  async (z: ZObject, bundle: Bundle): Promise<PublishedEvent[]> => {
    const provider = connectedProvider(z, bundle);
    const input = readTriggerInput(z, bundle.inputData);
    refusal(z, pollingRefusal(provider.id, provider.capabilities, event));
    if (!provider.events.listRecent)
      throw new z.errors.Error(`${provider.label} lists no recent events (Sales Connect bug: its capability table says it can).`, 'InvalidEvent', 500);
    if (provider.capabilities.events[event].pollingNeedsCampaign)
      requireCampaign(z, provider, input.campaign_id, 'it lists recent events one campaign at a time', 'trigger');
    const recent = await provider.events.listRecent(ctxOf(z, bundle), event, input);
    return checked(z, provider, recent)
      .filter((e) => matchesFilters(e, event, input))
      .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at))
      .map((e) => publishEvent(e));
  };
