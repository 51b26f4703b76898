import type { Bundle, ZObject } from 'zapier-platform-core';
import { now } from '../delivery/clock';
import { normaliseHeaders } from '../delivery/delivery';
import { UnifiedEvent } from '../model/event';
import { ActionOutcome, Lead } from '../model/lead';
import type { LeadOperations, Provider } from '../providers/types';
import {
  CreateInput,
  EnrollInput,
  FindInput,
  NormalizeInput,
  readInput,
  StopInput,
  toLeadInput,
  toPolicy,
} from './actionInput';
import { connectedProvider, ctxOf } from './connection';
import { readTriggerInput } from './triggerInput';
import { scrubSecrets } from '../providers/shared/secrets';
import { usableEvents } from '../providers/shared/events';
import { manualVerification } from '../providers/shared/verification';
import { refuseDeepText } from '../delivery/depth';

const leadsOf = (z: ZObject, provider: Provider, what: string): LeadOperations => {
  if (!provider.leads) {
    throw new z.errors.Error(
      `${provider.label} has no leads or sequences to ${what}. Use this step with the connection of the tool that runs your sequences.`,
      'UnsupportedAction',
      400,
    );
  }
  return provider.leads;
};

/** Our own output is checked too: a shape that breaks the contract is a bug, said loudly. */
const checkedOutput = <T>(z: ZObject, schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: T): T => {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error?.issues[0];
    throw new z.errors.Error(`Sales Connect produced an invalid result (${issue?.path.join('.')}: ${issue?.message}). Please report this.`, 'InvalidOutput', 500);
  }
  return value;
};

export const findLead = async (z: ZObject, bundle: Bundle): Promise<Lead[]> => {
  const provider = connectedProvider(z, bundle);
  const { email } = readInput(z, FindInput, bundle.inputData);
  const lead = await leadsOf(z, provider, 'search').find(ctxOf(z, bundle), email);
  return lead ? [checkedOutput(z, Lead, lead)] : [];
};

export const createLead = async (z: ZObject, bundle: Bundle): Promise<Lead & { created: boolean }> => {
  const provider = connectedProvider(z, bundle);
  const input = readInput(z, CreateInput, bundle.inputData);
  const leads = leadsOf(z, provider, 'create');
  if (leads.campaignRequiredForCreate && !input.campaign_id) {
    throw new z.errors.Error(
      `Campaign is required for ${provider.label}: its leads only exist inside a campaign. Choose the campaign to create the lead in.`,
      'InvalidInput',
      400,
    );
  }
  const { lead, created } = await leads.upsert(ctxOf(z, bundle), toLeadInput(input), input.campaign_id);
  return { ...checkedOutput(z, Lead, lead), created };
};

export const enrollLead = async (z: ZObject, bundle: Bundle): Promise<ActionOutcome> => {
  const provider = connectedProvider(z, bundle);
  const input = readInput(z, EnrollInput, bundle.inputData);
  const leads = leadsOf(z, provider, 'enroll');
  if (leads.listMailboxes && !input.mailbox_id) {
    throw new z.errors.Error(
      `Sending Mailbox is required for ${provider.label}: choose the mailbox the sequence sends from.`,
      'InvalidInput',
      400,
    );
  }
  const outcome = await leads.enroll(ctxOf(z, bundle), {
    campaign_id: input.campaign_id as string,
    lead: toLeadInput(input),
    policy: toPolicy(input),
    mailbox_id: input.mailbox_id,
  });
  return checkedOutput(z, ActionOutcome, outcome);
};

export const stopSequence = async (z: ZObject, bundle: Bundle): Promise<ActionOutcome> => {
  const provider = connectedProvider(z, bundle);
  const input = readInput(z, StopInput, bundle.inputData);
  const leads = leadsOf(z, provider, 'stop');
  if (!leads.stopModes.includes(input.mode)) {
    throw new z.errors.Error(
      `Mode "${input.mode}" is not available for ${provider.label}: choose ${leads.stopModes.join(' or ')}.`,
      'InvalidInput',
      400,
    );
  }
  const outcome = await leads.stop(ctxOf(z, bundle), { email: input.email, campaign_id: input.campaign_id, mode: input.mode });
  return checkedOutput(z, ActionOutcome, outcome);
};

/**
 * A raw webhook body that reached Zapier by hand (Webhooks by Zapier: a Mixmax rule, a
 * Smartlead user-level webhook) → the unified events, with the triggers' validation and errors.
 * The first event's fields are at the top level; all of them are `events` line items.
 */
export const normalizeEvent = async (z: ZObject, bundle: Bundle) => {
  const provider = connectedProvider(z, bundle);
  const input = readInput(z, NormalizeInput, bundle.inputData);
  const triggerInput = readTriggerInput(z, bundle.inputData);
  const headers = normaliseHeaders(input.headers);
  const manual = manualVerification(z, provider, bundle.inputData);
  let body: unknown;
  try {
    body = JSON.parse(refuseDeepText(input.raw_body));
  } catch (err) {
    if ((err as Error).name === 'AppError') throw err;
    body = Object.fromEntries(new URLSearchParams(input.raw_body));
  }
  const events = await provider.events.parse(
    ctxOf(z, bundle),
    { headers, rawBody: input.raw_body, body, query: manual.query, receivedAt: new Date(now()) },
    manual.sub,
    triggerInput,
  );
  const checked = usableEvents(z, provider.label, events).map((e) => checkedOutput(z, UnifiedEvent, { ...e, raw: scrubSecrets(e.raw, manual.sub?.secret) }));
  const first = checked[0];
  return {
    ...(first ?? { id: `${provider.id}:none`, event: null, tool: provider.id }),
    verified: manual.verified,
    verification: manual.note,
    event_count: checked.length,
    events: checked,
  };
};
