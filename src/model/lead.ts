import { z } from 'zod';
import { ToolId } from './schemas';

/** A lead as Find Lead / Create Lead return it (docs/ARCHITECTURE.md, "Keys the rest of the system relies on"). */
export const LeadCampaign = z.object({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string().nullable(),
});
export type LeadCampaign = z.infer<typeof LeadCampaign>;

export const Lead = z.object({
  id: z.string(),
  tool: ToolId,
  tool_lead_id: z.string(),
  email: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  full_name: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  linkedin_url: z.string().nullable(),
  unsubscribed: z.boolean().nullable(),
  campaigns: z.array(LeadCampaign),
});
export type Lead = z.infer<typeof Lead>;

export const OUTCOMES = [
  'enrolled',
  'already_enrolled',
  'skipped_unsubscribed',
  'skipped_in_other_campaign',
  'skipped_previously_contacted',
  'stopped',
  'already_stopped',
  'not_found',
  'resumed',
  'already_running',
  'not_paused',
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** What Enroll Lead and Stop Sequence return: what the tool actually reported. */
export const ActionOutcome = z.object({
  outcome: Outcome,
  tool: ToolId,
  lead: Lead.nullable(),
  campaign: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  /** Stop Sequence: every campaign the call changed (or found already stopped). */
  affected_campaigns: z.array(LeadCampaign),
  detail: z.string(),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;
