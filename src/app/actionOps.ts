import type { Bundle, ZObject } from 'zapier-platform-core';
import type { ZodType } from 'zod';
import { now } from '../delivery/clock';
import { normaliseHeaders } from '../delivery/delivery';
import { UnifiedEvent } from '../model/event';
import { ActionOutcome, Lead } from '../model/lead';
import type { PublishedLead, PublishedOutcome } from '../model/published';
import type { ActionCapabilities, LeadFieldKey } from '../providers/capabilities';
import type { LeadInput, LeadOperations, Provider } from '../providers/types';
import { actionsRefusal } from './availability';
import { publishEvent, publishLead, publishOutcome } from './publish';
import { CreateInput, EnrollInput, FindInput, NormalizeInput, readInput, ResumeInput, StopInput, UpdateInput, toLeadInput, toPolicy } from './actionInput';
import { connectedProvider, ctxOf } from './connection';
import { readTriggerInput } from './triggerInput';
import { checkOutput, requireCampaign } from './validate';
import { scrubSecrets } from '../providers/shared/secrets';
import { usableEvents } from '../providers/shared/events';
import { manualVerification } from '../providers/shared/verification';
import { readDelivery } from '../providers/shared/webhook';
import { refuseDeepText } from '../delivery/depth';

/** The connected tool's lead operations and their capability row, or the reason it has none. */
const leadsOf = (z: ZObject, provider: Provider, what: string): { leads: LeadOperations; caps: ActionCapabilities } => {
  const refused = actionsRefusal(provider.id, provider.capabilities, what);
  if (refused || !provider.leads || typeof provider.capabilities.actions === 'string') {
    throw new z.errors.Error(refused ?? `${provider.label} has no lead operations.`, 'UnsupportedAction', 400);
  }
  return { leads: provider.leads, caps: provider.capabilities.actions };
};

/** Our own output is checked too (and handed on as the tool built it, not re-parsed). */
const checkedOutput = <T>(z: ZObject, schema: ZodType, value: T): T => {
  checkOutput(z, schema, value, 'result');
  return value;
};

const FIELD_LABELS: Record<LeadFieldKey, string> = {
  first_name: 'First Name',
  last_name: 'Last Name',
  company: 'Company',
  title: 'Job Title',
  phone: 'Phone',
  linkedin_url: 'LinkedIn URL',
};

/** What the capability table makes required (the form says so too): refused before any call. */
const requireInputs = (z: ZObject, provider: Provider, lead: LeadInput, fields: LeadFieldKey[]): void => {
  const missing = fields.find((f) => !lead[f]);
  if (missing) {
    throw new z.errors.Error(
      `${FIELD_LABELS[missing]} is required for ${provider.label}: map the lead’s ${FIELD_LABELS[missing].toLowerCase()} from an earlier step.`,
      'InvalidInput',
      400,
    );
  }
};

export const findLead = async (z: ZObject, bundle: Bundle): Promise<PublishedLead[]> => {
  const provider = connectedProvider(z, bundle);
  const { email } = readInput(z, FindInput, bundle.inputData);
  const { leads } = leadsOf(z, provider, 'search');
  const lead = await leads.find(ctxOf(z, bundle), email);
  return lead ? [publishLead(checkedOutput(z, Lead, lead))] : [];
};

export const createLead = async (z: ZObject, bundle: Bundle): Promise<PublishedLead & { created: boolean }> => {
  const provider = connectedProvider(z, bundle);
  const input = readInput(z, CreateInput, bundle.inputData);
  const { leads, caps } = leadsOf(z, provider, 'create');
  const lead = toLeadInput(input);
  if (caps.create.campaign === 'required')
    requireCampaign(z, provider, input.campaign_id, 'its leads only exist inside a campaign, so creating one adds it there', 'action');
  requireInputs(z, provider, lead, caps.create.requiredFields);
  const result = await leads.upsert(ctxOf(z, bundle), lead, caps.create.campaign === 'absent' ? null : input.campaign_id);
  return { ...publishLead(checkedOutput(z, Lead, result.lead)), created: result.created };
};

/**
 * Update Lead, the search-or-create's update: changes the details of a lead Find Lead found.
 * Empty inputs keep the lead's current values (a tool such as Reply.io rewrites every field).
 * Where the tool cannot change a lead, the step says so in `updated` / `detail` rather than failing
 * a Find-or-Create flow that only found someone.
 */
export const updateLead = async (z: ZObject, bundle: Bundle): Promise<PublishedLead & { updated: boolean; detail: string }> => {
  const provider = connectedProvider(z, bundle);
  const input = readInput(z, UpdateInput, bundle.inputData);
  const { leads, caps } = leadsOf(z, provider, 'update');
  const ctx = ctxOf(z, bundle);
  const found = await leads.find(ctx, input.email);
  if (!found) {
    throw new z.errors.Error(`${provider.label} has no lead ${input.email}: nothing to update. Use Find or Create Lead to create it.`, 'NotFound', 404);
  }
  if ('unsupported' in caps.update) {
    return { ...publishLead(checkedOutput(z, Lead, found)), updated: false, detail: `${input.email} was left as it is: ${caps.update.unsupported}` };
  }
  const given = toLeadInput(input);
  const lead: LeadInput = {
    ...given,
    first_name: given.first_name ?? found.first_name,
    last_name: given.last_name ?? found.last_name,
    company: given.company ?? found.company,
    title: given.title ?? found.title,
    phone: given.phone ?? found.phone,
    linkedin_url: given.linkedin_url ?? found.linkedin_url,
  };
  const campaignId = caps.update.campaign === 'absent' ? null : (input.campaign_id ?? found.campaigns[0]?.id ?? null);
  if (caps.update.campaign === 'required') requireCampaign(z, provider, campaignId, 'its leads are updated inside a campaign', 'action');
  requireInputs(z, provider, lead, caps.update.requiredFields);
  const result = await leads.upsert(ctx, lead, campaignId);
  const where = campaignId ? ` in ${provider.capabilities.campaignNoun.toLowerCase()} ${campaignName(found, campaignId)}` : '';
  return { ...publishLead(checkedOutput(z, Lead, result.lead)), updated: true, detail: `Updated ${input.email}${where} in ${provider.label}.` };
};

const campaignName = (lead: Lead, id: string): string => {
  const name = lead.campaigns.find((c) => c.id === id)?.name;
  return name ? `"${name}"` : id;
};

export const enrollLead = async (z: ZObject, bundle: Bundle): Promise<PublishedOutcome> => {
  const provider = connectedProvider(z, bundle);
  const input = readInput(z, EnrollInput, bundle.inputData);
  const { leads, caps } = leadsOf(z, provider, 'enroll');
  const lead = toLeadInput(input);
  if (caps.enroll.mailbox === 'required' && !input.mailbox_id) {
    throw new z.errors.Error(
      `Sending Mailbox is required for ${provider.label}: choose the mailbox the ${provider.capabilities.campaignNoun.toLowerCase()} sends from.`,
      'InvalidInput',
      400,
    );
  }
  requireInputs(z, provider, lead, caps.enroll.requiredFields);
  const outcome = await leads.enroll(ctxOf(z, bundle), {
    campaign_id: input.campaign_id as string,
    lead,
    policy: toPolicy(input),
    mailbox_id: caps.enroll.mailbox === 'absent' ? null : input.mailbox_id,
  });
  return publishOutcome(checkedOutput(z, ActionOutcome, outcome));
};

export const stopSequence = async (z: ZObject, bundle: Bundle): Promise<PublishedOutcome> => {
  const provider = connectedProvider(z, bundle);
  const { leads, caps } = leadsOf(z, provider, 'stop');
  // No Mode chosen → the tool's default (its first mode), never a mode it lacks.
  const raw = (bundle.inputData ?? {}) as Record<string, unknown>;
  const mode = typeof raw.mode === 'string' && raw.mode.trim() ? raw.mode : caps.stop.modes[0];
  const input = readInput(z, StopInput, { ...raw, mode });
  if (!caps.stop.modes.includes(input.mode)) {
    throw new z.errors.Error(`Mode "${input.mode}" is not available for ${provider.label}: choose ${caps.stop.modes.join(' or ')}.`, 'InvalidInput', 400);
  }
  if (caps.stop.campaign === 'required')
    requireCampaign(z, provider, input.campaign_id, `it stops a lead one ${provider.capabilities.campaignNoun.toLowerCase()} at a time`, 'action');
  const outcome = await leads.stop(ctxOf(z, bundle), { email: input.email, campaign_id: input.campaign_id, mode: input.mode });
  return publishOutcome(checkedOutput(z, ActionOutcome, outcome));
};

/** Resume Sequence, the undo of Stop Sequence's pause: refused in the form and here where the tool cannot resume. */
export const resumeSequence = async (z: ZObject, bundle: Bundle): Promise<PublishedOutcome> => {
  const provider = connectedProvider(z, bundle);
  const input = readInput(z, ResumeInput, bundle.inputData);
  const { leads, caps } = leadsOf(z, provider, 'resume');
  if ('unsupported' in caps.resume || !leads.resume) {
    const why = 'unsupported' in caps.resume ? caps.resume.unsupported : `${provider.label} cannot resume a lead.`;
    throw new z.errors.Error(`Resume Sequence is not available for ${provider.label}: ${why}`, 'UnsupportedAction', 400);
  }
  if (caps.resume.campaign === 'required')
    requireCampaign(z, provider, input.campaign_id, `it resumes a lead one ${provider.capabilities.campaignNoun.toLowerCase()} at a time`, 'action');
  const outcome = await leads.resume(ctxOf(z, bundle), { email: input.email, campaign_id: input.campaign_id });
  return publishOutcome(checkedOutput(z, ActionOutcome, outcome));
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
  const events = await readDelivery(
    ctxOf(z, bundle),
    provider.events.webhook,
    { headers, rawBody: input.raw_body, body, query: manual.query, receivedAt: new Date(now()) },
    manual.sub,
    triggerInput,
  );
  const checked = usableEvents(z, provider.label, events).map((e) =>
    publishEvent(checkedOutput(z, UnifiedEvent, { ...e, raw: scrubSecrets(e.raw, manual.sub?.secret) })),
  );
  const first = checked[0];
  return {
    ...(first ?? { id: `${provider.id}:none`, event: null, tool: provider.id, tool_label: provider.label }),
    verified: manual.verified,
    verification: manual.note,
    event_count: checked.length,
    events: checked,
  };
};
