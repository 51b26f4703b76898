import { pathSegment } from '../../http/path';
import type { HttpResponse } from 'zapier-platform-core';
import { outcomeFor } from '../shared/outcome';
import { callApi, callJson, parseJson, toolMessage } from '../../http/client';
import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { email as lowerEmail, joinName, str } from '../../model/values';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, Provider, StopRequest } from '../types';
import { ContactRecord, LeadEntry } from './payloads';

/**
 * lemlist leads live inside campaigns: `GET /leads/{email}?version=v2` answers one entry per
 * campaign the address is in (each with its own `lea_` id, its state and whether it is paused),
 * so one lookup tells us everything Enroll / Stop need to decide.
 */

/** Lead states that mean nothing was sent yet (export states of the vendor OpenAPI). */
const NOT_CONTACTED_STATES = ['imported', 'scanned', 'skipped', 'reviewed'];
const UNSUBSCRIBED_STATES = ['emailsUnsubscribed', 'unsubscribed'];
/** States after which a lead must never be resumed (its address bounced or failed). */
const BOUNCED_STATES = ['emailsBounced', 'emailsFailed', 'failed'];
/** Lead statuses (`status`, the contact's `leadState`) of a lead whose sequence is over. */
const OVER_STATUSES = ['done', 'unsubscribed', 'interested', 'notInterested'];

const campaignIdOf = (e: LeadEntry): string | null => str(e.campaign?.id) ?? str(e.campaignId);
const campaignNameOf = (e: LeadEntry): string | null => str(e.campaign?.name) ?? str(e.campaignName);
const v = (e: LeadEntry, key: string): string | null => str(e.variables?.[key]);
const isUnsubscribed = (e: LeadEntry) => UNSUBSCRIBED_STATES.includes(str(e.state) ?? '');
const wasContacted = (e: LeadEntry) => {
  const state = str(e.state);
  return state !== null && !NOT_CONTACTED_STATES.includes(state);
};
const statusOf = (e: LeadEntry): string | null => (e.isPaused ? 'paused' : (str(e.state) ?? str(e.status)));

export const entriesFrom = (data: unknown): LeadEntry[] =>
  (Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [])
    .map((item) => LeadEntry.safeParse(item))
    .filter((r) => r.success)
    .map((r) => r.data)
    .sort((a, b) => (str(b.updatedAt) ?? '').localeCompare(str(a.updatedAt) ?? ''));

/** The unified lead of an address's campaign entries (the most recently updated one names it). */
export const leadFromEntries = (entries: LeadEntry[], fallbackEmail: string): Lead | null => {
  const main = entries[0];
  if (!main) return null;
  const first = str(main.firstName) ?? v(main, 'firstName');
  const last = str(main.lastName) ?? v(main, 'lastName');
  const campaigns: LeadCampaign[] = [];
  for (const e of entries) {
    const id = campaignIdOf(e);
    if (id && !campaigns.some((c) => c.id === id)) campaigns.push({ id, name: campaignNameOf(e), status: statusOf(e) });
  }
  const toolLeadId = String(main._id);
  return {
    id: `lemlist:${toolLeadId}`,
    tool: 'lemlist',
    tool_lead_id: toolLeadId,
    email: lowerEmail(main.email) ?? lowerEmail(v(main, 'email')) ?? lowerEmail(fallbackEmail),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(main.companyName) ?? v(main, 'companyName'),
    title: str(main.jobTitle) ?? v(main, 'jobTitle'),
    phone: str(main.phone) ?? v(main, 'phone'),
    linkedin_url: str(main.linkedinUrl) ?? v(main, 'linkedinUrl'),
    unsubscribed: entries.some(isUnsubscribed),
    campaigns,
  };
};

/** The fields lemlist's create / update lead bodies take (custom variables are strings). */
const leadBody = (lead: LeadInput, withEmail: boolean): Record<string, string> => {
  const body: Record<string, string> = {};
  for (const [k, value] of Object.entries(lead.custom_fields ?? {})) if (str(value) !== null) body[k] = String(value);
  const core: Record<string, string | null> = {
    email: withEmail ? lead.email.toLowerCase() : null,
    firstName: lead.first_name,
    lastName: lead.last_name,
    companyName: lead.company,
    jobTitle: lead.title,
    phone: lead.phone,
    linkedinUrl: lead.linkedin_url,
  };
  for (const [k, value] of Object.entries(core)) if (value !== null && value !== '') body[k] = value;
  return body;
};

export const leadOperations = (provider: () => Provider): LeadOperations => {
  const lookup = async (ctx: Ctx, address: string): Promise<LeadEntry[]> => {
    const res = await callJson<unknown>(ctx, provider(), {
      method: 'GET',
      path: `/leads/${pathSegment(address.trim().toLowerCase())}`,
      params: { version: 'v2' },
      allowStatuses: [404],
    });
    return res.status === 404 ? [] : entriesFrom(res.data);
  };

  /**
   * `GET /contacts/{email}`: whether lemlist knows the address at all, and the campaign entries its
   * contact lists. A lead removed from its last campaign (`action=remove`) is gone from
   * `GET /leads/{email}` (404), but its contact stays (only `DELETE /contacts/{id}` deletes it).
   * The spec documents 200/400/401/405 only; an unknown contact is read as the public
   * attio/lemlist-app client reads it (src/lemlist-api/contacts.ts: 404 → none), and a 400 whose text
   * says "not found" the same way. Any other 400 ("Bad team") is lemlist's error, verbatim.
   */
  const contactLookup = async (ctx: Ctx, address: string): Promise<{ known: boolean; contact: ContactRecord | null }> => {
    const res = await callApi(ctx, provider(), {
      method: 'GET',
      path: `/contacts/${pathSegment(address.trim().toLowerCase())}`,
      allowStatuses: [400, 404],
    });
    if (res.status === 404) return { known: false, contact: null };
    if (res.status === 400) {
      if (/not\s*found|no contact/i.test(toolMessage(provider(), res))) return { known: false, contact: null };
      throw rejected(ctx, res);
    }
    const parsed = ContactRecord.safeParse(parseJson(res));
    return { known: true, contact: parsed.success ? parsed.data : null };
  };

  /** The campaign entries a contact lists, as lead entries (leadId, campaignId; paused state unknown). */
  const entriesOfContact = (contact: ContactRecord | null, address: string): LeadEntry[] => {
    if (!contact) return [];
    const f = contact.fields ?? {};
    const field = (k: string) => str(f[k]);
    return (contact.campaigns ?? [])
      .filter((c) => str(c.leadId) && str(c.campaignId))
      .map((c) => ({
        _id: String(c.leadId),
        email: lowerEmail(contact.email) ?? address,
        firstName: field('firstName'),
        lastName: field('lastName'),
        companyName: field('companyName'),
        jobTitle: field('jobTitle'),
        phone: field('phone'),
        linkedinUrl: field('linkedinUrl'),
        status: str(c.leadState),
        campaign: { id: String(c.campaignId), name: null, status: str(c.campaignState) },
      }));
  };

  const createInCampaign = (ctx: Ctx, campaignId: string, lead: LeadInput, deduplicate: boolean | null): Promise<HttpResponse> =>
    callApi(ctx, provider(), {
      method: 'POST',
      path: `/campaigns/${pathSegment(campaignId, 'Campaign')}/leads/`,
      ...(deduplicate === null ? {} : { params: { deduplicate: String(deduplicate) } }),
      body: leadBody(lead, true),
      allowStatuses: [400, 409],
    });

  const rejected = (ctx: Ctx, res: HttpResponse): Error =>
    new ctx.z.errors.Error(
      `lemlist rejected the request (${res.status}): ${toolMessage(provider(), res)}`,
      `lemlist_${res.status}`,
      res.status,
    );

  const outcome = outcomeFor('lemlist');

  const campaignLabel = (c: { id: string; name: string | null }) => (c.name ? `"${c.name}" (${c.id})` : c.id);

  const find: LeadOperations['find'] = async (ctx, address) => leadFromEntries(await lookup(ctx, address), address);

  const upsert: LeadOperations['upsert'] = async (ctx, lead, campaignId) => {
    if (!campaignId) {
      throw new ctx.z.errors.Error('lemlist keeps leads inside campaigns: choose a Campaign to create the lead in.', 'MissingCampaign', 400);
    }
    const entries = await lookup(ctx, lead.email);
    const existing = entries.find((e) => campaignIdOf(e) === campaignId);
    if (existing) {
      const body = leadBody(lead, false);
      if (Object.keys(body).length === 0) return { lead: leadFromEntries(entries, lead.email)!, created: false };
      const { data } = await callJson<Record<string, unknown>>(ctx, provider(), {
        method: 'PATCH',
        path: `/campaigns/${pathSegment(campaignId, 'Campaign')}/leads/${pathSegment(String(existing._id))}`,
        body,
      });
      const updated = entriesFrom({ ...existing, ...(data ?? {}), campaign: existing.campaign, variables: existing.variables });
      const others = entries.filter((e) => e !== existing);
      return { lead: leadFromEntries([...updated, ...others], lead.email)!, created: false };
    }
    const res = await createInCampaign(ctx, campaignId, lead, null);
    if (res.status >= 400) throw rejected(ctx, res);
    const created = entriesFrom(parseJson(res));
    return { lead: leadFromEntries([...created, ...entries], lead.email)!, created: true };
  };

  /** Classifies an address from its entries, per the enrolment policies; null = go ahead. */
  const policyOutcome = (ctx: Ctx, req: EnrollRequest, entries: LeadEntry[]): ActionOutcome | null => {
    const address = req.lead.email.toLowerCase();
    const lead = leadFromEntries(entries, address);
    const inThis = entries.find((e) => campaignIdOf(e) === req.campaign_id);
    const campaign = { id: req.campaign_id, name: inThis ? campaignNameOf(inThis) : null };
    if (entries.some(isUnsubscribed)) {
      return outcome('skipped_unsubscribed', lead, campaign, `${address} is unsubscribed in lemlist, so it was not added to campaign ${campaignLabel(campaign)}.`);
    }
    if (inThis) {
      if (req.policy.if_already_enrolled === 'error') {
        throw new ctx.z.errors.Error(
          `${address} is already in lemlist campaign ${campaignLabel(campaign)} (lead ${String(inThis._id)}).`,
          'AlreadyEnrolled',
          409,
        );
      }
      return outcome('already_enrolled', lead, campaign, `${address} was already in lemlist campaign ${campaignLabel(campaign)}; nothing changed.`);
    }
    const others = entries.filter((e) => campaignIdOf(e) !== req.campaign_id);
    const otherNames = others.map((e) => campaignNameOf(e) ?? campaignIdOf(e) ?? String(e._id)).join(', ');
    if (others.length && req.policy.if_in_other_campaign === 'skip') {
      return outcome('skipped_in_other_campaign', lead, campaign, `${address} is already in another lemlist campaign (${otherNames}), so it was not added to campaign ${campaignLabel(campaign)}.`);
    }
    if (others.some(wasContacted) && req.policy.if_previously_contacted === 'skip') {
      return outcome('skipped_previously_contacted', lead, campaign, `${address} was already contacted in lemlist (${otherNames}), so it was not added to campaign ${campaignLabel(campaign)}.`);
    }
    return null;
  };

  const enroll: LeadOperations['enroll'] = async (ctx, req) => {
    const address = req.lead.email.toLowerCase();
    const entries = await lookup(ctx, address);
    const decided = policyOutcome(ctx, req, entries);
    if (decided) return decided;
    // lemlist's own guard for the race between the lookup and this call: with deduplicate=true
    // it does not insert an address that is already in another campaign.
    const res = await createInCampaign(ctx, req.campaign_id, req.lead, req.policy.if_in_other_campaign === 'skip');
    if (res.status >= 400) {
      // The text of lemlist's refusal for a duplicate is undocumented: look again and let the
      // lead's actual campaigns say what happened; anything else is lemlist's error, verbatim.
      const again = await lookup(ctx, address);
      const after = again.length ? policyOutcome(ctx, req, again) : null;
      if (after) return after;
      throw rejected(ctx, res);
    }
    const createdEntries = entriesFrom(parseJson(res));
    const created = createdEntries[0];
    const campaign = { id: req.campaign_id, name: created ? campaignNameOf(created) : null };
    return outcome(
      'enrolled',
      leadFromEntries([...createdEntries, ...entries], address),
      campaign,
      `Added ${address} to lemlist campaign ${campaignLabel(campaign)}.`,
    );
  };

  const stop: LeadOperations['stop'] = async (ctx, req: StopRequest) => {
    const address = req.email.toLowerCase();
    let entries = await lookup(ctx, address);
    const inScope = (es: LeadEntry[]) => es.filter((e) => campaignIdOf(e) && (!req.campaign_id || campaignIdOf(e) === req.campaign_id));
    let targets = inScope(entries);
    if (entries.length === 0) {
      // No lead entry: not_found only when lemlist does not know the address at all. A known
      // contact may still list campaign entries (campaigns[].leadId): those are stopped too.
      const { known, contact } = await contactLookup(ctx, address);
      if (!known) {
        const named = req.campaign_id ? { id: req.campaign_id, name: null } : null;
        return outcome('not_found', null, named, `lemlist has no lead or contact ${address}; nothing to stop.`);
      }
      entries = entriesOfContact(contact, address);
      targets = inScope(entries);
    }
    const lead = leadFromEntries(entries, address);
    const named = req.campaign_id ? { id: req.campaign_id, name: targets[0] ? campaignNameOf(targets[0]) : null } : null;
    if (!lead || targets.length === 0) {
      // A known lead or contact with nothing left to stop there (never in it, or removed before).
      const where = named ? `in lemlist campaign ${named.id}` : 'in any lemlist campaign';
      return outcome('already_stopped', lead, named, `${address} is not ${where} (any more); nothing to stop.`);
    }
    const changed: LeadCampaign[] = [];
    const already: LeadCampaign[] = [];
    for (const e of targets) {
      const campaignId = campaignIdOf(e)!;
      const entry = { id: campaignId, name: campaignNameOf(e) };
      if (req.mode === 'remove') {
        // Always action=remove: without it lemlist unsubscribes the lead instead (never wanted).
        const res = await callApi(ctx, provider(), {
          method: 'DELETE',
          path: `/campaigns/${pathSegment(campaignId, 'Campaign')}/leads/${pathSegment(String(e._id))}`,
          params: { action: 'remove' },
          allowStatuses: [404],
        });
        (res.status === 404 ? already : changed).push({ ...entry, status: 'removed' });
      } else {
        if (e.isPaused) {
          already.push({ ...entry, status: 'paused' });
          continue;
        }
        const res = await callApi(ctx, provider(), {
          method: 'POST',
          path: `/leads/pause/${pathSegment(String(e._id))}`,
          params: { campaignId },
          allowStatuses: [404],
        });
        (res.status === 404 ? already : changed).push({ ...entry, status: 'paused' });
      }
    }
    const verb = req.mode === 'remove' ? 'removed from' : 'paused in';
    const list = (cs: LeadCampaign[]) => cs.map((c) => campaignLabel(c)).join(', ');
    const after: Lead = {
      ...lead,
      campaigns: lead.campaigns.map((c) => [...changed, ...already].find((x) => x.id === c.id) ?? c),
    };
    if (req.mode === 'remove') after.campaigns = after.campaigns.filter((c) => c.status !== 'removed');
    if (changed.length === 0) {
      return outcome('already_stopped', after, named, `${address} was already ${verb} lemlist campaign(s) ${list(already)}; nothing changed.`, already);
    }
    return outcome(
      'stopped',
      after,
      named,
      `${address} was ${verb} lemlist campaign(s) ${list(changed)}${already.length ? ` (already ${req.mode === 'remove' ? 'gone from' : 'paused in'} ${list(already)})` : ''}.`,
      [...changed, ...already],
    );
  };

  /**
   * Resume: `POST /leads/start/{leadId}` ("Resume Paused Lead") for each paused entry in scope.
   * A `lea_` id is one campaign entry, so the campaign is implied by the entry. Never resumed: an
   * address unsubscribed in any campaign (skipped_unsubscribed, no call), an entry whose state is a
   * bounce or failure, an entry whose sequence is over (`status` done / interested / …).
   */
  const resume: NonNullable<LeadOperations['resume']> = async (ctx, req) => {
    const address = req.email.toLowerCase();
    const entries = await lookup(ctx, address);
    const named = (es: LeadEntry[]) => (req.campaign_id ? { id: req.campaign_id, name: es.find((e) => campaignIdOf(e) === req.campaign_id) ? campaignNameOf(es.find((e) => campaignIdOf(e) === req.campaign_id)!) : null } : null);
    if (entries.length === 0) {
      const { known, contact } = await contactLookup(ctx, address);
      if (!known) return outcome('not_found', null, named([]), `lemlist has no lead or contact ${address}; nothing to resume.`);
      const fromContact = entriesOfContact(contact, address);
      if (contact?.unsubscribed) {
        return outcome('skipped_unsubscribed', leadFromEntries(fromContact, address), named([]), `${address} is unsubscribed in lemlist; nothing was resumed.`);
      }
      // A known contact without any lead entry was removed from its campaigns: nothing to resume
      // (its contact record carries no pause state to act on).
      return outcome('not_paused', leadFromEntries(fromContact, address), named([]), `${address} is a lemlist contact but no longer a lead in any campaign; nothing to resume.`);
    }
    const lead = leadFromEntries(entries, address);
    const campaign = named(entries);
    if (entries.some(isUnsubscribed)) {
      return outcome('skipped_unsubscribed', lead, campaign, `${address} is unsubscribed in lemlist; their sequence was not resumed and they were not re-subscribed.`);
    }
    const targets = entries.filter((e) => campaignIdOf(e) && (!req.campaign_id || campaignIdOf(e) === req.campaign_id));
    if (!lead || targets.length === 0) {
      const where = req.campaign_id ? `in lemlist campaign ${req.campaign_id}` : 'in any lemlist campaign';
      return outcome('not_paused', lead, campaign, `${address} is not ${where}; nothing to resume.`);
    }
    const resumed: LeadCampaign[] = [];
    const running: LeadCampaign[] = [];
    const over: LeadCampaign[] = [];
    for (const e of targets) {
      const entry = { id: campaignIdOf(e)!, name: campaignNameOf(e) };
      const state = str(e.state) ?? '';
      const status = str(e.status) ?? '';
      if (BOUNCED_STATES.includes(state) || OVER_STATUSES.includes(status)) {
        over.push({ ...entry, status: status || state || null });
        continue;
      }
      if (!e.isPaused) {
        running.push({ ...entry, status: statusOf(e) });
        continue;
      }
      const res = await callApi(ctx, provider(), {
        method: 'POST',
        path: `/leads/start/${pathSegment(String(e._id))}`,
        allowStatuses: [404],
      });
      // 404 "Lead not found": the entry is gone since the lookup (removed): nothing to resume there.
      if (res.status === 404) over.push({ ...entry, status: 'removed' });
      else resumed.push({ ...entry, status: str(e.state) ?? 'running' });
    }
    const list = (cs: LeadCampaign[]) => cs.map((c) => campaignLabel(c)).join(', ');
    const affected = [...resumed, ...running, ...over];
    const after: Lead = { ...lead, campaigns: lead.campaigns.map((c) => affected.find((x) => x.id === c.id) ?? c) };
    if (resumed.length) {
      return outcome('resumed', after, campaign, `Resumed ${address} in lemlist campaign(s) ${list(resumed)}.`, affected);
    }
    if (running.length) {
      return outcome('already_running', after, campaign, `${address} is not paused: their sequence already runs in lemlist campaign(s) ${list(running)}.`, affected);
    }
    return outcome(
      'not_paused',
      after,
      campaign,
      `${address} cannot be resumed in lemlist campaign(s) ${list(over)} (${over.map((c) => c.status ?? 'unknown').join(', ')}): the sequence is over, bounced or the lead was removed.`,
      affected,
    );
  };

  return { find, upsert, enroll, stop, resume };
};
