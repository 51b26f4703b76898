import { pathSegment } from '../../http/path';
import type { ActionOutcome, LeadCampaign } from '../../model/lead';
import { outcomeFor } from '../shared/outcome';
import { boundedText, email as lower, str } from '../../model/values';
import { callJson } from '../../http/client';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, Provider, StopRequest } from '../types';
import { leadFromPerson } from './normalize';
import { CadenceMembership, Person } from './payloads';

export const withQuery = (path: string, pairs: [string, string][]): string =>
  `${path}?${new URLSearchParams(pairs).toString()}`;

/** Salesloft answers lists as `{data: [...]}` and single objects as `{data: {...}}`. */
const dataOf = (body: unknown): unknown => (body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body);

const personBody = (lead: LeadInput): Record<string, unknown> => {
  const body: Record<string, unknown> = { upsert_key: 'email_address', email_address: lead.email };
  if (lead.first_name) body.first_name = lead.first_name;
  if (lead.last_name) body.last_name = lead.last_name;
  if (lead.company) body.person_company_name = lead.company;
  if (lead.title) body.title = lead.title;
  if (lead.phone) body.phone = lead.phone;
  if (lead.linkedin_url) body.linkedin_url = lead.linkedin_url;
  if (Object.keys(lead.custom_fields).length) body.custom_fields = lead.custom_fields;
  return body;
};

/** Do-not-contact, or email blocked by contact restrictions: Salesloft will not email this person. */
const blocked = (p: Person): boolean => p.do_not_contact === true || (p.contact_restrictions ?? []).includes('email');

export const salesloftLeads = (provider: Provider): LeadOperations => {
  const findPerson = async (ctx: Ctx, address: string): Promise<Person | null> => {
    const { data } = await callJson<unknown>(ctx, provider, {
      method: 'GET',
      path: withQuery('/v2/people', [['email_addresses[]', address]]),
    });
    const list = dataOf(data);
    for (const item of Array.isArray(list) ? list : []) {
      const p = Person.safeParse(item);
      if (p.success && lower(p.data.email_address) === address.trim().toLowerCase()) return p.data;
    }
    return null;
  };

  const memberships = async (ctx: Ctx, personId: string, extra: [string, string][] = []): Promise<CadenceMembership[]> => {
    const { data } = await callJson<unknown>(ctx, provider, {
      method: 'GET',
      path: withQuery('/v2/cadence_memberships', [['person_id', personId], ...extra, ['per_page', '100']]),
    });
    const list = dataOf(data);
    return (Array.isArray(list) ? list : [])
      .map((m) => CadenceMembership.safeParse(m))
      .filter((r) => r.success)
      .map((r) => r.data);
  };

  const upsertPerson = async (ctx: Ctx, lead: LeadInput): Promise<{ person: Person; created: boolean }> => {
    const { data } = await callJson<unknown>(ctx, provider, { method: 'POST', path: '/v2/person_upserts', body: personBody(lead) });
    const result = dataOf(data) as { person?: unknown; upsert_type?: unknown } | null;
    const p = Person.safeParse(result?.person);
    if (!p.success) throw new ctx.z.errors.Error(`Salesloft saved ${lead.email} but returned no person.`, 'UnexpectedResponse', 502);
    return { person: p.data, created: result?.upsert_type === 'create' };
  };

  const outcome = outcomeFor('salesloft');

  const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
    const { z } = ctx;
    const address = req.lead.email;
    const campaign = { id: req.campaign_id, name: null };
    const { person } = await upsertPerson(ctx, req.lead);
    const personId = String(person.id);
    const lead = leadFromPerson(person, []);
    if (blocked(person)) {
      return outcome('skipped_unsubscribed', lead, campaign, `${address} is marked do-not-contact in Salesloft, so it was not added to cadence ${req.campaign_id}.`);
    }
    const alreadyOn = (): ActionOutcome => {
      if (req.policy.if_already_enrolled === 'error') {
        throw new z.errors.Error(`${address} is already on Salesloft cadence ${req.campaign_id}.`, 'AlreadyEnrolled', 409);
      }
      return outcome('already_enrolled', lead, campaign, `${address} was already on cadence ${req.campaign_id}; nothing changed.`);
    };
    // The memberships are only needed for the skip policies and a clean "already on" answer;
    // with both policies permissive, the 422 of the create call tells us about "already on".
    const needHistory = req.policy.if_in_other_campaign === 'skip' || req.policy.if_previously_contacted === 'skip';
    if (needHistory) {
      const all = await memberships(ctx, personId);
      lead.campaigns = leadFromPerson(person, all).campaigns;
      // Every membership of this cadence counts: an earlier, ended one must not hide a current one.
      if (all.some((m) => str(m.cadence?.id) === req.campaign_id && m.currently_on_cadence === true)) return alreadyOn();
      const elsewhere = all.filter((m) => m.currently_on_cadence === true);
      if (req.policy.if_in_other_campaign === 'skip' && elsewhere.length) {
        return outcome(
          'skipped_in_other_campaign',
          lead,
          campaign,
          `${address} is on another cadence (${elsewhere.map((m) => str(m.cadence?.id)).join(', ')}), so it was not added to cadence ${req.campaign_id}.`,
        );
      }
      const finished = all.filter((m) => m.currently_on_cadence === false);
      if (req.policy.if_previously_contacted === 'skip' && finished.length) {
        return outcome(
          'skipped_previously_contacted',
          lead,
          campaign,
          `${address} was on cadence ${finished.map((m) => str(m.cadence?.id)).join(', ')} before, so it was not added to cadence ${req.campaign_id}.`,
        );
      }
    }
    const created = await callJson<unknown>(ctx, provider, {
      method: 'POST',
      path: withQuery('/v2/cadence_memberships', [
        ['person_id', personId],
        ['cadence_id', req.campaign_id],
      ]),
      allowStatuses: [422],
    });
    if (created.status === 422) {
      const said = provider.errorMessage(JSON.stringify(created.data ?? '')) ?? 'no reason given';
      // Salesloft's 422 text for "already on this cadence" is undocumented (legacy v1 said "could not
      // be added", which it also says for other refusals): ask Salesloft instead of reading the text.
      const current = await memberships(ctx, personId, [
        ['cadence_id', req.campaign_id],
        ['currently_on_cadence', 'true'],
      ]);
      if (current.some((m) => str(m.cadence?.id) === req.campaign_id && m.currently_on_cadence === true)) return alreadyOn();
      throw new z.errors.Error(
        `Salesloft did not add ${address} to cadence ${req.campaign_id} (422): ${boundedText(said, 500).replace(/[.\s]+$/, '')}. The person is not on that cadence now, so this is not "already enrolled".`,
        'salesloft_422',
        422,
      );
    }
    const membership = CadenceMembership.safeParse(dataOf(created.data));
    const state = membership.success ? str(membership.data.current_state) : null;
    lead.campaigns = [...lead.campaigns.filter((c) => c.id !== req.campaign_id), { id: req.campaign_id, name: null, status: state }];
    return outcome('enrolled', lead, campaign, `Added ${address} to Salesloft cadence ${req.campaign_id}${state ? ` (state: ${state})` : ''}.`);
  };

  const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
    const campaign = req.campaign_id ? { id: req.campaign_id, name: null } : null;
    const person = await findPerson(ctx, req.email);
    if (!person) return outcome('not_found', null, campaign, `No Salesloft person has the email ${req.email}; nothing to stop.`);
    const personId = String(person.id);
    const current = await memberships(ctx, personId, [
      ...(req.campaign_id ? ([['cadence_id', req.campaign_id]] as [string, string][]) : []),
      ['currently_on_cadence', 'true'],
    ]);
    const targets = current.filter((m) => m.currently_on_cadence !== false && (!req.campaign_id || str(m.cadence?.id) === req.campaign_id));
    const lead = leadFromPerson(person, targets);
    const where = req.campaign_id ? `cadence ${req.campaign_id}` : 'any cadence';
    if (!targets.length) {
      return outcome('already_stopped', lead, campaign, `${req.email} is not on ${where} in Salesloft; nothing changed.`);
    }
    const affected: LeadCampaign[] = [];
    for (const m of targets) {
      // A membership already gone (404) counts as removed: the call is idempotent.
      await callJson(ctx, provider, { method: 'DELETE', path: `/v2/cadence_memberships/${pathSegment(String(m.id))}`, allowStatuses: [404] });
      affected.push({ id: String(m.cadence?.id ?? ''), name: null, status: 'removed' });
    }
    return outcome(
      'stopped',
      { ...lead, campaigns: affected },
      campaign,
      `Removed ${req.email} from Salesloft cadence${affected.length > 1 ? 's' : ''} ${affected.map((a) => a.id).join(', ')} (Salesloft has no pause for one person).`,
      affected,
    );
  };

  return {
    // Salesloft's API can only end a person's cadence membership (DELETE); there is no per-person
    // pause or "mark finished", so Stop Sequence offers only Remove for Salesloft.
    async find(ctx, address) {
      const person = await findPerson(ctx, address);
      if (!person) return null;
      return leadFromPerson(person, await memberships(ctx, String(person.id), [['currently_on_cadence', 'true']]));
    },
    async upsert(ctx, input) {
      const { person, created } = await upsertPerson(ctx, input);
      return { lead: leadFromPerson(person, []), created };
    },
    enroll,
    stop,
  };
};
