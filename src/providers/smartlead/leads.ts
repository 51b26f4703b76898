import { pathSegment } from '../../http/path';
import { z as zod } from 'zod';
import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { email as emailOf, joinName, str } from '../../model/values';
import { callJson } from '../../http/client';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, Provider, StopRequest } from '../types';

/**
 * Smartlead leads exist only inside campaigns: "create" and "enroll" are the same call,
 * `POST /campaigns/{id}/leads`, which reports duplicates and skips as counters in a 200.
 */
const Id = zod.union([zod.string(), zod.number()]);
const SmartleadLead = zod
  .object({
    id: Id,
    email: zod.string().nullish(),
    first_name: zod.string().nullish(),
    last_name: zod.string().nullish(),
    company_name: zod.string().nullish(),
    phone_number: zod.string().nullish(),
    linkedin_profile: zod.string().nullish(),
    is_unsubscribed: zod.boolean().nullish(),
    custom_fields: zod.record(zod.string(), zod.unknown()).nullish(),
    lead_campaign_data: zod
      .array(
        zod
          .object({
            campaign_id: Id,
            campaign_name: zod.string().nullish(),
            lead_category_id: Id.nullish(),
            status: zod.string().nullish(),
          })
          .passthrough(),
      )
      .nullish(),
  })
  .passthrough();
type SmartleadLead = zod.infer<typeof SmartleadLead>;

const UploadResult = zod
  .object({
    ok: zod.boolean().nullish(),
    upload_count: zod.number().nullish(),
    total_leads: zod.number().nullish(),
    already_added_to_campaign: zod.number().nullish(),
    duplicate_count: zod.number().nullish(),
    invalid_email_count: zod.number().nullish(),
    // Documented as a count; some responses carry the list of emails instead.
    unsubscribed_leads: zod.union([zod.number(), zod.array(zod.unknown())]).nullish(),
    block_count: zod.number().nullish(),
  })
  .passthrough();
type UploadResult = zod.infer<typeof UploadResult>;

const count = (v: number | unknown[] | null | undefined): number => (Array.isArray(v) ? v.length : (v ?? 0));

/** Lead statuses in a campaign (API reference "Lead Status") that mean the sequence is not running. */
const FINISHED_OR_PAUSED = /^(PAUSED|COMPLETED|STOPPED|BLOCKED)$/;

const toLead = (l: SmartleadLead): Lead => {
  const first = str(l.first_name);
  const last = str(l.last_name);
  return {
    id: `smartlead:${l.id}`,
    tool: 'smartlead',
    tool_lead_id: String(l.id),
    email: emailOf(l.email),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(l.company_name),
    title: null,
    phone: str(l.phone_number),
    linkedin_url: str(l.linkedin_profile),
    unsubscribed: l.is_unsubscribed ?? null,
    campaigns: (l.lead_campaign_data ?? []).map((c) => ({ id: String(c.campaign_id), name: str(c.campaign_name), status: str(c.status) })),
  };
};

export const smartleadLeads = (provider: Provider): LeadOperations => {
  const findRaw = async (ctx: Ctx, address: string): Promise<SmartleadLead | null> => {
    const { status, data } = await callJson<unknown>(ctx, provider, {
      method: 'GET',
      path: '/leads/',
      params: { email: address },
      allowStatuses: [404],
    });
    if (status === 404 || !data || typeof data !== 'object') return null;
    const parsed = SmartleadLead.safeParse(data);
    // Not found answers with an empty object; a different email would be a search, not a match.
    if (!parsed.success || emailOf(parsed.data.email) !== address) return null;
    return parsed.data;
  };

  const upload = async (ctx: Ctx, campaignId: string, lead: LeadInput, ignoreOtherCampaigns: boolean): Promise<UploadResult> => {
    const entry: Record<string, unknown> = { email: lead.email };
    if (lead.first_name) entry.first_name = lead.first_name;
    if (lead.last_name) entry.last_name = lead.last_name;
    if (lead.company) entry.company_name = lead.company;
    if (lead.phone) entry.phone_number = lead.phone;
    if (lead.linkedin_url) entry.linkedin_profile = lead.linkedin_url;
    const custom = { ...lead.custom_fields, ...(lead.title ? { title: lead.title } : {}) };
    if (Object.keys(custom).length) entry.custom_fields = custom;
    const { data } = await callJson<unknown>(ctx, provider, {
      method: 'POST',
      path: `/campaigns/${pathSegment(campaignId, 'Campaign')}/leads`,
      body: {
        lead_list: [entry],
        settings: {
          // Never re-add someone Smartlead has blocked or who unsubscribed.
          ignore_global_block_list: false,
          ignore_unsubscribe_list: false,
          ignore_duplicate_leads_in_other_campaign: ignoreOtherCampaigns,
        },
      },
    });
    const parsed = UploadResult.safeParse(data);
    if (!parsed.success) {
      throw new ctx.z.errors.Error(`Smartlead answered the lead upload with something unexpected: ${JSON.stringify(data).slice(0, 200)}`, 'UnexpectedResponse', 502);
    }
    return parsed.data;
  };

  const outcome = (o: Omit<ActionOutcome, 'tool' | 'affected_campaigns'> & { affected_campaigns?: LeadCampaign[] }): ActionOutcome => ({
    tool: 'smartlead',
    affected_campaigns: [],
    ...o,
  });

  const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
    const { z } = ctx;
    const result = await upload(ctx, req.campaign_id, req.lead, req.policy.if_in_other_campaign === 'add_anyway');
    const campaign = { id: req.campaign_id, name: null };
    const who = req.lead.email;
    if (count(result.invalid_email_count) > 0) {
      throw new z.errors.Error(`Smartlead rejected ${who} as an invalid email address.`, 'InvalidEmail', 400);
    }
    if ((result.upload_count ?? 0) > 0) {
      return outcome({ outcome: 'enrolled', lead: null, campaign, detail: `${who} was added to Smartlead campaign ${req.campaign_id}.` });
    }
    if (count(result.unsubscribed_leads) > 0 || count(result.block_count) > 0) {
      return outcome({
        outcome: 'skipped_unsubscribed',
        lead: null,
        campaign,
        detail: `Smartlead skipped ${who}: the lead unsubscribed or is on the block list. They were not re-subscribed.`,
      });
    }
    if ((result.already_added_to_campaign ?? 0) > 0) {
      // In this campaign already: its status there tells "enrolled now" from "contacted before".
      const lead = await findRaw(ctx, who);
      const unified = lead ? toLead(lead) : null;
      if (unified?.unsubscribed) {
        return outcome({ outcome: 'skipped_unsubscribed', lead: unified, campaign, detail: `${who} unsubscribed from Smartlead; they were not re-subscribed.` });
      }
      const status = unified?.campaigns.find((c) => c.id === req.campaign_id)?.status?.toUpperCase() ?? null;
      if (status && FINISHED_OR_PAUSED.test(status)) {
        if (req.policy.if_previously_contacted === 're_enroll' && status === 'PAUSED' && lead) {
          await callJson(ctx, provider, {
            method: 'POST',
            path: `/campaigns/${pathSegment(req.campaign_id, 'Campaign')}/leads/${pathSegment(lead.id)}/resume`,
            body: { resume_lead_with_delay_days: 0 },
          });
          return outcome({
            outcome: 'enrolled',
            lead: unified,
            campaign,
            detail: `${who} was paused in Smartlead campaign ${req.campaign_id}; resumed their sequence (re-enroll).`,
          });
        }
        return outcome({
          outcome: 'skipped_previously_contacted',
          lead: unified,
          campaign,
          detail:
            status === 'PAUSED'
              ? `${who} is paused in Smartlead campaign ${req.campaign_id}. Set "If Previously Contacted" to "Enroll again" to resume them.`
              : `${who} already went through Smartlead campaign ${req.campaign_id} (${status}); Smartlead cannot restart a finished sequence in the same campaign — enroll them in another campaign.`,
        });
      }
      if (req.policy.if_already_enrolled === 'error') {
        throw new z.errors.Error(`${who} is already in Smartlead campaign ${req.campaign_id}.`, 'AlreadyEnrolled', 409);
      }
      return outcome({ outcome: 'already_enrolled', lead: unified, campaign, detail: `${who} is already in Smartlead campaign ${req.campaign_id}; nothing changed.` });
    }
    if ((result.duplicate_count ?? 0) > 0) {
      return outcome({
        outcome: 'skipped_in_other_campaign',
        lead: null,
        campaign,
        detail: `Smartlead skipped ${who}: the lead is already in another campaign. Set "If In Another Campaign" to "Add anyway" to add them.`,
      });
    }
    throw new z.errors.Error(`Smartlead did not add ${who} and gave no reason (${JSON.stringify(result)}).`, 'NotEnrolled', 502);
  };

  const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
    const lead = await findRaw(ctx, req.email);
    if (!lead) {
      return outcome({ outcome: 'not_found', lead: null, campaign: null, detail: `No Smartlead lead with email ${req.email}; nothing to stop.` });
    }
    const unified = toLead(lead);
    // With a campaign, act on it even if the lookup does not list it (its campaign data is not
    // documented in detail): Smartlead's 404 then says the lead is not in it.
    const memberships = req.campaign_id
      ? [unified.campaigns.find((c) => c.id === req.campaign_id) ?? { id: req.campaign_id, name: null, status: null }]
      : unified.campaigns;
    const campaign = req.campaign_id ? { id: req.campaign_id, name: memberships[0]?.name ?? null } : null;
    if (memberships.length === 0) {
      return outcome({ outcome: 'already_stopped', lead: unified, campaign, detail: `${req.email} is in no Smartlead campaign; nothing to stop.` });
    }
    const affected: LeadCampaign[] = [];
    let alreadyStopped = 0;
    const stoppedStatus = req.mode === 'pause' ? 'PAUSED' : 'REMOVED';
    for (const c of memberships) {
      // A lead Smartlead already shows as paused / finished needs no call when pausing.
      if (req.mode === 'pause' && c.status && FINISHED_OR_PAUSED.test(c.status.toUpperCase())) {
        alreadyStopped += 1;
        affected.push(c);
        continue;
      }
      const path = `/campaigns/${pathSegment(c.id)}/leads/${pathSegment(lead.id)}${req.mode === 'pause' ? '/pause' : ''}`;
      const { status } = await callJson(ctx, provider, { method: req.mode === 'pause' ? 'POST' : 'DELETE', path, allowStatuses: [404] });
      if (status === 404) {
        alreadyStopped += 1; // not (or no longer) in this campaign
        affected.push(c);
      } else {
        affected.push({ ...c, status: stoppedStatus });
      }
    }
    const verb = req.mode === 'pause' ? 'Paused' : 'Removed';
    const names = affected.map((c) => c.name ?? c.id).join(', ');
    return outcome({
      outcome: alreadyStopped === memberships.length ? 'already_stopped' : 'stopped',
      lead: unified,
      campaign,
      affected_campaigns: affected,
      detail:
        alreadyStopped === memberships.length
          ? `${req.email} was already ${req.mode === 'pause' ? 'paused in' : 'out of'} ${names}.`
          : `${verb} ${req.email} in ${affected.length} Smartlead campaign${affected.length > 1 ? 's' : ''}: ${names}. The lead was not unsubscribed.`,
    });
  };

  return {
    find: async (ctx, address) => {
      const lead = await findRaw(ctx, address);
      return lead ? toLead(lead) : null;
    },
    async upsert(ctx, lead, campaignId) {
      // Never move a lead out of another campaign's sequence just to create it here.
      const result = await upload(ctx, campaignId as string, lead, false);
      const found = await findRaw(ctx, lead.email);
      if (!found) {
        throw new ctx.z.errors.Error(`Smartlead did not create ${lead.email} (${JSON.stringify(result)}).`, 'NotCreated', 502);
      }
      return { lead: toLead(found), created: (result.upload_count ?? 0) > 0 };
    },
    campaignRequiredForCreate: true,
    enroll,
    stop,
    stopModes: ['pause', 'remove'],
  };
};
