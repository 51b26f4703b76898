import type { z as zod } from 'zod';
import type { ZObject } from 'zapier-platform-core';
import type { Provider } from '../providers/types';

/** What a person sees when an input is wrong: the field's label in the Zap editor. */
const LABELS: Record<string, string> = {
  email: 'Email',
  campaign_id: 'Campaign',
  custom_fields: 'Custom Fields',
  if_already_enrolled: 'If Already Enrolled',
  if_in_other_campaign: 'If In Another Campaign',
  if_previously_contacted: 'If Previously Contacted',
  mailbox_id: 'Sending Mailbox',
  mode: 'Mode',
  raw_body: 'Raw Body',
  headers: 'Headers',
  linkedin_url: 'LinkedIn URL',
  interested_categories: 'Interested Categories',
  meeting_categories: 'Meeting Categories',
};

/**
 * The one input parser of every trigger and action: the inputs as the schema reads them, or a
 * Zapier error naming the field and what to do — before any HTTP call.
 */
export const readInput = <S extends zod.ZodType>(z: ZObject, schema: S, inputData: unknown): zod.infer<S> => {
  const parsed = schema.safeParse(inputData ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? 'input');
  throw new z.errors.Error(`${LABELS[key] ?? key} ${issue?.message ?? 'is not valid'}.`, 'InvalidInput', 400);
};

/**
 * The one output checker: what we hand Zapier must match its published schema; a mismatch is our
 * bug, said loudly (`what` names it: "Smartlead event", "result").
 */
export const checkOutput = <S extends zod.ZodType>(z: ZObject, schema: S, value: unknown, what: string): zod.infer<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new z.errors.Error(
    `Sales Connect produced an invalid ${what} (${issue?.path.join('.')}: ${issue?.message}). Please report this.`,
    'InvalidOutput',
    500,
  );
};

/**
 * A campaign the connected tool needs and the step did not get: an error naming the field in the
 * tool's word and why, before any call. Triggers and actions word the fix for their own form.
 */
export const requireCampaign = (z: ZObject, provider: Provider, campaignId: string | null, why: string, step: 'trigger' | 'action'): void => {
  if (campaignId) return;
  const noun = provider.capabilities.campaignNoun;
  const fix = step === 'trigger' ? `; choose a ${noun} in this trigger.` : `. Choose the ${noun.toLowerCase()}.`;
  throw new z.errors.Error(`${noun} is required for ${provider.label}: ${why}${fix}`, 'InvalidInput', 400);
};
