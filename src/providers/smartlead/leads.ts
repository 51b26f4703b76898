import { pathSegment } from '../../http/path';
import { z as zod } from 'zod';
import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { email as emailOf, joinName, str } from '../../model/values';
import { callJson } from '../../http/client';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, Provider, ResumeRequest, StopRequest } from '../types';

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
            // As documented ("Fetch Lead by email"): campaign_lead_map_id, campaign_id,
            // campaign_name, client_id, client_email, lead_category_id — no status.
            campaign_id: Id,
            campaign_name: zod.string().nullish(),
            campaign_lead_map_id: Id.nullish(),
            lead_category_id: Id.nullish(),
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
    bounce_count: zod.number().nullish(),
    is_lead_limit_exhausted: zod.boolean().nullish(),
    lead_import_stopped_count: zod.number().nullish(),
    error: zod.string().nullish(),
  })
  .passthrough();
type UploadResult = zod.infer<typeof UploadResult>;

const count = (v: number | unknown[] | null | undefined): number => (Array.isArray(v) ? v.length : (v ?? 0));

/** Lead statuses in a campaign (API reference "Lead Status") that mean the sequence is not running. */
const FINISHED_OR_PAUSED = /^(PAUSED|COMPLETED|STOPPED|BLOCKED)$/;
/** Statuses of a lead whose sequence still runs in a campaign (STARTED: queued, INPROGRESS: sending). */
const RUNNING = /^(STARTED|INPROGRESS|ACTIVE)$/;

/**
 * One lead's row in one campaign, from `POST /campaigns/{id}/leads/filter` (api.smartlead.ai
 * "Search Campaign Leads"): `id` is the lead map id, `status` the lead's status in that campaign
 * (STARTED, INPROGRESS, COMPLETED, STOPPED, PAUSED, BLOCKED), `email_lead` the lead itself.
 */
const CampaignLeadRow = zod
  .object({
    id: Id.nullish(),
    status: zod.string().nullish(),
    email_lead: zod
      .object({
        id: Id,
        email: zod.string().nullish(),
        first_name: zod.string().nullish(),
        last_name: zod.string().nullish(),
        company_name: zod.string().nullish(),
        phone_number: zod.union([zod.string(), zod.number()]).nullish(),
        linkedin_profile: zod.string().nullish(),
        custom_fields: zod.record(zod.string(), zod.unknown()).nullish(),
      })
      .passthrough(),
  })
  .passthrough();
type CampaignLeadRow = zod.infer<typeof CampaignLeadRow>;
const SearchAnswer = zod.object({ leads: zod.array(zod.unknown()).nullish(), lastSeenEclmId: Id.nullish() }).passthrough();
/** Page size of the search (its documented maximum) and how many pages we read at most. */
const SEARCH_LIMIT = 100;
const SEARCH_PAGES = 5;

/** Smartlead answers pause / resume / delete of a lead or campaign it does not have with 200 `{}`: only `ok: true` is done. */
const confirmed = (data: unknown): boolean => Boolean(data && typeof data === 'object' && (data as { ok?: unknown }).ok === true);

/** A Smartlead lead's person fields (the lookup and a campaign's search rows share them). */
const personOf = (l: Pick<SmartleadLead, 'id' | 'email' | 'first_name' | 'last_name' | 'company_name' | 'linkedin_profile'> & { phone_number?: unknown }) => {
  const first = str(l.first_name);
  const last = str(l.last_name);
  return {
    id: `smartlead:${l.id}`,
    tool: 'smartlead' as const,
    tool_lead_id: String(l.id),
    email: emailOf(l.email),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(l.company_name),
    title: null,
    phone: str(l.phone_number),
    linkedin_url: str(l.linkedin_profile),
  };
};

const toLead = (l: SmartleadLead): Lead => ({
  ...personOf(l),
  unsubscribed: l.is_unsubscribed ?? null,
  // The lookup does not carry the lead's status in each campaign: unknown, never guessed.
  campaigns: (l.lead_campaign_data ?? []).map((c) => ({ id: String(c.campaign_id), name: str(c.campaign_name), status: null })),
});

/** The lead as a campaign's search row shows it (no unsubscribe flag there: unknown). */
const leadFromRow = (row: CampaignLeadRow, campaign: LeadCampaign): Lead => ({ ...personOf(row.email_lead), unsubscribed: null, campaigns: [campaign] });

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

  /**
   * The lead's row in one campaign — its status there — with one call: Search Campaign Leads
   * filtered by the address (`searchText` is a partial match on email and names, so the row is
   * picked by exact email; further pages only when a full page held no exact match). The
   * lookup by email has no status, and the campaign's plain lead list has no email filter.
   */
  const campaignRow = async (ctx: Ctx, campaignId: string, address: string, campaignMayBeGone = false): Promise<CampaignLeadRow | null> => {
    let cursor: unknown = null;
    for (let page = 0; page < SEARCH_PAGES; page += 1) {
      const body: Record<string, unknown> = { searchText: address, limit: SEARCH_LIMIT };
      if (cursor !== null) body.lastSeenLeadId = cursor;
      const { status, data } = await callJson<unknown>(ctx, provider, {
        method: 'POST',
        path: `/campaigns/${pathSegment(campaignId)}/leads/filter`,
        body,
        // A campaign the lookup listed may have been deleted since: nothing runs there.
        allowStatuses: campaignMayBeGone ? [404] : [],
      });
      if (status === 404) return null;
      const answer = SearchAnswer.safeParse(data ?? {});
      const rows = answer.success ? (answer.data.leads ?? []) : [];
      for (const raw of rows) {
        const row = CampaignLeadRow.safeParse(raw);
        if (row.success && emailOf(row.data.email_lead.email) === address) return row.data;
      }
      if (rows.length < SEARCH_LIMIT || !answer.success || answer.data.lastSeenEclmId == null) return null;
      cursor = answer.data.lastSeenEclmId;
    }
    return null;
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
    const result = parsed.data;
    const who = lead.email;
    const said = str(result.error);
    // "Add leads to a campaign by ID": the lead-limit answer is {ok: false, is_lead_limit_exhausted:
    // true, lead_import_stopped_count, error}. Neither is a skip of this one lead: say what to do.
    if (result.is_lead_limit_exhausted) {
      throw new ctx.z.errors.Error(
        `Smartlead's lead limit is used up: ${who} was not added to campaign ${campaignId}${said ? ` (${said})` : ''}. ` +
          'Remove leads you no longer need to free lead credits or upgrade the Smartlead plan, then run this step again.',
        'LeadLimitExhausted',
        402,
      );
    }
    if (count(result.lead_import_stopped_count) > 0) {
      throw new ctx.z.errors.Error(
        `Smartlead stopped the import: ${who} was not added to campaign ${campaignId}${said ? ` (${said})` : ''}. ` +
          'This usually means the account reached its lead limit; check the lead credits in Smartlead, then run this step again.',
        'LeadImportStopped',
        402,
      );
    }
    if (result.ok === false) {
      throw new ctx.z.errors.Error(`Smartlead did not add ${who} to campaign ${campaignId}: ${said ?? JSON.stringify(data).slice(0, 200)}`, 'NotEnrolled', 502);
    }
    return result;
  };

  /** Refusals of this one address that no policy turns into an outcome: invalid, or on the bounce list. */
  const refuseUnusable = (ctx: Ctx, result: UploadResult, who: string): void => {
    if (count(result.invalid_email_count) > 0) {
      throw new ctx.z.errors.Error(`Smartlead rejected ${who} as an invalid email address.`, 'InvalidEmail', 400);
    }
    if (count(result.bounce_count) > 0) {
      throw new ctx.z.errors.Error(
        `Smartlead skipped ${who}: the address is on Smartlead's bounce list (mail to it bounced before). Check the address; this step never overrides the bounce list.`,
        'BouncedEmail',
        400,
      );
    }
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
    if (count(result.invalid_email_count) > 0) refuseUnusable(ctx, result, who);
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
    refuseUnusable(ctx, result, who);
    if ((result.already_added_to_campaign ?? 0) > 0) {
      // In this campaign already: its status there tells "enrolled now" from "contacted before".
      const row = await campaignRow(ctx, req.campaign_id, who);
      const status = str(row?.status)?.toUpperCase() ?? null;
      const here: LeadCampaign = { id: req.campaign_id, name: null, status };
      const unified = row ? leadFromRow(row, here) : null;
      if (status && FINISHED_OR_PAUSED.test(status)) {
        if (req.policy.if_previously_contacted === 're_enroll' && status === 'PAUSED' && row) {
          // Never resume someone who unsubscribed meanwhile (the campaign row does not say).
          const global = await findRaw(ctx, who);
          if (global?.is_unsubscribed) {
            return outcome({ outcome: 'skipped_unsubscribed', lead: toLead(global), campaign, detail: `${who} unsubscribed from Smartlead; they were not re-subscribed.` });
          }
          const resumed = await callJson(ctx, provider, {
            method: 'POST',
            path: `/campaigns/${pathSegment(req.campaign_id)}/leads/${pathSegment(String(row.email_lead.id))}/resume`,
            body: { resume_lead_with_delay_days: 0 },
          });
          if (!confirmed(resumed.data)) {
            throw new z.errors.Error(
              `Smartlead did not confirm resuming ${who} in campaign ${req.campaign_id} (it answered ${JSON.stringify(resumed.data ?? null).slice(0, 200)}); check the lead in Smartlead.`,
              'ResumeFailed',
              502,
            );
          }
          return outcome({
            outcome: 'enrolled',
            lead: unified ? { ...unified, campaigns: [{ ...here, status: 'INPROGRESS' }] } : null,
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

  /**
   * Stop. Pause: the lead's status in each campaign comes from Search Campaign Leads (the lookup
   * by email has none); a running lead is paused, a paused / finished one needs no call. With a
   * campaign that is 2 calls (search, pause); the lookup by email is only added when the campaign
   * does not hold the lead (to tell not_found from already_stopped). Remove: lookup + one DELETE
   * per campaign, no status needed. Smartlead answers pause / delete of a lead or campaign it does
   * not have with 200 `{}`: only `ok: true` counts as done.
   */
  const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
    const { z } = ctx;
    const who = req.email;
    const notFound = () => outcome({ outcome: 'not_found', lead: null, campaign: req.campaign_id ? { id: req.campaign_id, name: null } : null, detail: `No Smartlead lead with email ${who}; nothing to stop.` });

    if (req.mode === 'pause' && req.campaign_id) {
      const row = await campaignRow(ctx, req.campaign_id, who);
      if (!row) {
        const lead = await findRaw(ctx, who);
        if (!lead) return notFound();
        const unified = toLead(lead);
        const name = unified.campaigns.find((c) => c.id === req.campaign_id)?.name ?? null;
        return outcome({ outcome: 'already_stopped', lead: unified, campaign: { id: req.campaign_id, name }, detail: `${who} is not in Smartlead campaign ${req.campaign_id}; nothing to stop.` });
      }
      return pauseIn(ctx, who, [{ campaign: { id: req.campaign_id, name: null, status: str(row.status)?.toUpperCase() ?? null }, row }], { id: req.campaign_id, name: null }, z);
    }

    const lead = await findRaw(ctx, who);
    if (!lead) return notFound();
    const unified = toLead(lead);
    const listed = unified.campaigns.find((c) => c.id === req.campaign_id);
    // With a campaign, act on it even if the lookup does not list it: Smartlead's answer says.
    const memberships: LeadCampaign[] = req.campaign_id ? [listed ?? { id: req.campaign_id, name: null, status: null }] : unified.campaigns;
    const campaign = req.campaign_id ? { id: req.campaign_id, name: listed?.name ?? null } : null;
    if (memberships.length === 0) {
      return outcome({ outcome: 'already_stopped', lead: unified, campaign, detail: `${who} is in no Smartlead campaign; nothing to stop.` });
    }
    if (req.mode === 'pause') {
      const rows: { campaign: LeadCampaign; row: CampaignLeadRow | null }[] = [];
      for (const c of memberships) {
        const row = await campaignRow(ctx, c.id, who, true);
        rows.push({ campaign: { ...c, status: str(row?.status)?.toUpperCase() ?? null }, row });
      }
      return pauseIn(ctx, who, rows, campaign, z, unified);
    }
    const affected: LeadCampaign[] = [];
    let alreadyStopped = 0;
    for (const c of memberships) {
      const { status, data } = await callJson(ctx, provider, {
        method: 'DELETE',
        path: `/campaigns/${pathSegment(c.id)}/leads/${pathSegment(String(lead.id))}`,
        allowStatuses: [404],
      });
      if (status === 404 || !confirmed(data)) {
        alreadyStopped += 1; // not (or no longer) in this campaign
        affected.push(c);
      } else {
        affected.push({ ...c, status: 'REMOVED' });
      }
    }
    const names = affected.map((c) => c.name ?? c.id).join(', ');
    return outcome({
      outcome: alreadyStopped === memberships.length ? 'already_stopped' : 'stopped',
      lead: unified,
      campaign,
      affected_campaigns: affected,
      detail:
        alreadyStopped === memberships.length
          ? `${who} was already out of ${names}.`
          : `Removed ${who} from ${affected.length} Smartlead campaign${affected.length > 1 ? 's' : ''}: ${names}. The lead was not unsubscribed.`,
    });
  };

  /** Pauses the lead where it still runs; a paused, finished or absent membership needs no call. */
  const pauseIn = async (
    ctx: Ctx,
    who: string,
    rows: { campaign: LeadCampaign; row: CampaignLeadRow | null }[],
    campaign: { id: string; name: string | null } | null,
    z: Ctx['z'],
    known?: Lead,
  ): Promise<ActionOutcome> => {
    const affected: LeadCampaign[] = [];
    let alreadyStopped = 0;
    for (const { campaign: c, row } of rows) {
      if (!row || (c.status && FINISHED_OR_PAUSED.test(c.status))) {
        alreadyStopped += 1;
        affected.push(c);
        continue;
      }
      const { data } = await callJson(ctx, provider, {
        method: 'POST',
        path: `/campaigns/${pathSegment(c.id)}/leads/${pathSegment(String(row.email_lead.id))}/pause`,
      });
      if (!confirmed(data)) {
        throw new z.errors.Error(
          `Smartlead did not confirm pausing ${who} in campaign ${c.name ?? c.id} (it answered ${JSON.stringify(data ?? null).slice(0, 200)})` +
            (affected.some((a) => a.status === 'PAUSED') ? `; already paused in ${affected.filter((a) => a.status === 'PAUSED').map((a) => a.name ?? a.id).join(', ')}` : '') +
            '. Check the lead in Smartlead.',
          'StopFailed',
          502,
        );
      }
      affected.push({ ...c, status: 'PAUSED' });
    }
    const first = rows.find((r) => r.row)?.row;
    const lead = known ?? (first ? leadFromRow(first, rows[0]?.campaign as LeadCampaign) : null);
    const names = affected.map((c) => c.name ?? c.id).join(', ');
    const all = alreadyStopped === rows.length;
    return outcome({
      outcome: all ? 'already_stopped' : 'stopped',
      lead: lead ? { ...lead, campaigns: lead.campaigns.map((c) => affected.find((a) => a.id === c.id) ?? c) } : null,
      campaign,
      affected_campaigns: affected,
      detail: all
        ? `${who} was already paused, finished or out of ${names}; nothing changed.`
        : `Paused ${who} in ${affected.length - alreadyStopped} Smartlead campaign${affected.length - alreadyStopped > 1 ? 's' : ''}: ${affected
            .filter((a) => a.status === 'PAUSED' && !rows.find((r) => r.campaign.id === a.id && r.campaign.status === 'PAUSED'))
            .map((a) => a.name ?? a.id)
            .join(', ')}. The lead was not unsubscribed.`,
    });
  };


  /**
   * Resume: the undo of a pause. The lookup by email says whether the lead unsubscribed (never
   * resumed) and which campaigns hold it; Search Campaign Leads gives its status in each. Only a
   * PAUSED lead is resumed (`POST /campaigns/{id}/leads/{lead_id}/resume`, no delay); STARTED /
   * INPROGRESS already run; COMPLETED, STOPPED (replied or stopped) and BLOCKED (bounced or
   * blocked) cannot be resumed.
   */
  const resume = async (ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome> => {
    const who = req.email;
    const campaign = req.campaign_id ? { id: req.campaign_id, name: null as string | null } : null;
    const lead = await findRaw(ctx, who);
    if (!lead) return outcome({ outcome: 'not_found', lead: null, campaign, detail: `No Smartlead lead with email ${who}; nothing to resume.` });
    const unified = toLead(lead);
    if (campaign) campaign.name = unified.campaigns.find((c) => c.id === req.campaign_id)?.name ?? null;
    if (lead.is_unsubscribed) {
      return outcome({
        outcome: 'skipped_unsubscribed',
        lead: unified,
        campaign,
        detail: `${who} unsubscribed from Smartlead; their sequence was not resumed and they were not re-subscribed.`,
      });
    }
    const memberships: LeadCampaign[] = req.campaign_id
      ? [unified.campaigns.find((c) => c.id === req.campaign_id) ?? { id: req.campaign_id, name: null, status: null }]
      : unified.campaigns;
    const affected: LeadCampaign[] = [];
    const resumed: LeadCampaign[] = [];
    const running: LeadCampaign[] = [];
    for (const c of memberships) {
      const row = await campaignRow(ctx, c.id, who, true);
      const status = str(row?.status)?.toUpperCase() ?? null;
      const here = { ...c, status };
      if (!row || status !== 'PAUSED') {
        if (row && status && RUNNING.test(status)) running.push(here);
        if (row) affected.push(here);
        continue;
      }
      const { data } = await callJson(ctx, provider, {
        method: 'POST',
        path: `/campaigns/${pathSegment(c.id)}/leads/${pathSegment(String(row.email_lead.id))}/resume`,
        body: { resume_lead_with_delay_days: 0 },
      });
      if (!confirmed(data)) {
        throw new ctx.z.errors.Error(
          `Smartlead did not confirm resuming ${who} in campaign ${c.name ?? c.id} (it answered ${JSON.stringify(data ?? null).slice(0, 200)})` +
            (resumed.length ? `; already resumed in ${resumed.map((r) => r.name ?? r.id).join(', ')}` : '') +
            '. Check the lead in Smartlead.',
          'ResumeFailed',
          502,
        );
      }
      const done = { ...c, status: 'INPROGRESS' };
      resumed.push(done);
      affected.push(done);
    }
    const withStatuses = { ...unified, campaigns: unified.campaigns.map((c) => affected.find((a) => a.id === c.id) ?? c) };
    const names = (list: LeadCampaign[]) => list.map((c) => c.name ?? c.id).join(', ');
    if (resumed.length) {
      return outcome({
        outcome: 'resumed',
        lead: withStatuses,
        campaign,
        affected_campaigns: affected,
        detail: `Resumed ${who} in ${resumed.length} Smartlead campaign${resumed.length > 1 ? 's' : ''}: ${names(resumed)}.`,
      });
    }
    if (running.length) {
      return outcome({ outcome: 'already_running', lead: withStatuses, campaign, affected_campaigns: affected, detail: `${who} is not paused: their sequence already runs in ${names(running)}.` });
    }
    return outcome({
      outcome: 'not_paused',
      lead: withStatuses,
      campaign,
      affected_campaigns: affected,
      detail: affected.length
        ? `${who} is not paused in ${names(affected)} (${affected.map((a) => a.status ?? 'unknown status').join(', ')}): a finished, stopped or blocked lead cannot be resumed.`
        : req.campaign_id
          ? `${who} is not in Smartlead campaign ${req.campaign_id}; nothing to resume.`
          : `${who} is in no Smartlead campaign; nothing to resume.`,
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
      if ((result.upload_count ?? 0) === 0) refuseUnusable(ctx, result, lead.email);
      const found = await findRaw(ctx, lead.email);
      if (!found) {
        throw new ctx.z.errors.Error(`Smartlead did not create ${lead.email} (${JSON.stringify(result)}).`, 'NotCreated', 502);
      }
      return { lead: toLead(found), created: (result.upload_count ?? 0) > 0 };
    },
    enroll,
    stop,
    resume,
  };
};
