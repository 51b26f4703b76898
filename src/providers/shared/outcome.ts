import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import type { ToolId } from '../../model/tools';
import type { LeadInput } from '../types';
import { joinName } from '../../model/values';

/** The outcome builder of one tool: `outcome(kind, lead, campaign, detail, affected?)`. */
export const outcomeFor =
  (tool: ToolId) =>
  (kind: ActionOutcome['outcome'], lead: Lead | null, campaign: ActionOutcome['campaign'], detail: string, affected: LeadCampaign[] = []): ActionOutcome => ({
    outcome: kind,
    tool,
    lead,
    campaign,
    affected_campaigns: affected,
    detail,
  });

/**
 * A lead known only by its email address (tools keyed by email: Mailshake recipients, Mixmax
 * contacts), built from the action's input.
 */
export const leadFromInput = (tool: ToolId, lead: Omit<LeadInput, 'custom_fields'>, campaigns: LeadCampaign[] = []): Lead => {
  const address = lead.email.trim().toLowerCase();
  return {
    id: `${tool}:${address}`,
    tool,
    tool_lead_id: address,
    email: address,
    first_name: lead.first_name,
    last_name: lead.last_name,
    full_name: joinName(lead.first_name, lead.last_name),
    company: lead.company,
    title: lead.title,
    phone: lead.phone,
    linkedin_url: lead.linkedin_url,
    unsubscribed: null,
    campaigns,
  };
};
