import type { PublishedEvent, UnifiedEvent } from '../model/event';
import type { ActionOutcome, Lead, PublishedLead, PublishedOutcome } from '../model/lead';
import { TOOL_LABELS, type ToolId } from '../model/tools';
import { CAPABILITIES } from '../providers/capabilityTable';

/** The lead's page in the tool's web app, from the capability table's pattern; null when none. */
export const leadUrl = (tool: ToolId, toolLeadId: string | null): string | null => {
  const pattern = CAPABILITIES[tool].leadUrl;
  return pattern && toolLeadId ? pattern.replace('{id}', encodeURIComponent(toolLeadId)) : null;
};

/** Events, leads and outcomes as Zapier shows them: with `tool_label` and the lead's `url`. */
export const publishEvent = <E extends UnifiedEvent>(e: E): E & PublishedEvent => ({
  ...e,
  tool_label: TOOL_LABELS[e.tool],
  lead: { ...e.lead, url: leadUrl(e.tool, e.lead.tool_lead_id) },
});

export const publishLead = <L extends Lead>(lead: L): L & PublishedLead => ({
  ...lead,
  tool_label: TOOL_LABELS[lead.tool],
  url: leadUrl(lead.tool, lead.tool_lead_id),
});

export const publishOutcome = (outcome: ActionOutcome): PublishedOutcome => ({
  ...outcome,
  tool_label: TOOL_LABELS[outcome.tool],
  lead: outcome.lead ? publishLead(outcome.lead) : null,
});
