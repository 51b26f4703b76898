import type { UnifiedEvent } from '../model/event';
import type { ActionOutcome, Lead } from '../model/lead';
import type { PublishedEvent, PublishedLead, PublishedOutcome } from '../model/published';
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

/** A campaign / sequence / cadence word, then one id or a comma-separated list of them. */
const CAMPAIGN_MENTION = /\b((?:campaign|sequence|cadence)(?:s|\(s\))?) ([^\s,;()"]+(?:, [^\s,;()"]+)*)/gi;

/**
 * Providers' details name campaigns by id where the tool's answer had no name at hand; wherever
 * the outcome itself carries the name (its campaign, the affected ones, the lead's memberships),
 * the detail people read says the name instead: `campaign 9181` → `campaign "Q2 outbound"`.
 */
export const nameCampaigns = (detail: string, known: { id: string; name: string | null }[]): string => {
  const names = new Map(known.filter((c) => c.name && c.name !== c.id).map((c) => [c.id, c.name as string]));
  if (!names.size) return detail;
  return detail.replace(CAMPAIGN_MENTION, (_all, noun: string, list: string) => {
    const ids = list.split(', ');
    // A trailing full stop belongs to the sentence, not to the id.
    const last = ids.length - 1;
    const stop = (ids[last] as string).endsWith('.') ? '.' : '';
    if (stop) ids[last] = (ids[last] as string).slice(0, -1);
    return `${noun} ${ids.map((id) => (names.has(id) ? `"${names.get(id)}"` : id)).join(', ')}${stop}`;
  });
};

export const publishOutcome = (outcome: ActionOutcome): PublishedOutcome => ({
  ...outcome,
  detail: nameCampaigns(outcome.detail, [...(outcome.campaign ? [outcome.campaign] : []), ...outcome.affected_campaigns, ...(outcome.lead?.campaigns ?? [])]),
  tool_label: TOOL_LABELS[outcome.tool],
  lead: outcome.lead ? publishLead(outcome.lead) : null,
});
