import { pathSegment, withQuery } from '../../http/path';
import type { ActionOutcome, LeadCampaign } from '../../model/lead';
import { email as lower, str } from '../../model/values';
import { callJson } from '../../http/client';
import { conclude, isEnd } from '../shared/decision';
import { outcomeFor } from '../shared/outcome';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, StopRequest } from '../types';
import { dataOf, salesloftApi, salesloftErrorMessage } from './api';
import { after422, beforeAdding, blocked, needsHistory, stopTargets } from './decide';
import { leadFromPerson } from './normalize';
import { CadenceMembership, Person } from './payloads';

/*
 * Salesloft's lead operations as named steps (docs/ARCHITECTURE.md, "Lead operations: one shape"):
 * the calls below, the decisions in decide.ts. Salesloft's API can only end a person's cadence
 * membership (DELETE); there is no per-person pause or "mark finished", so Stop Sequence offers
 * only Remove for Salesloft.
 */

const outcome = outcomeFor('salesloft');

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

/* ---- steps: one Salesloft call each ---- */

/** `GET /v2/people?email_addresses[]=`: the person with exactly this address, or null. */
const findPerson = async (ctx: Ctx, address: string): Promise<Person | null> => {
  const { data } = await callJson<unknown>(ctx, salesloftApi, { method: 'GET', path: withQuery('/v2/people', [['email_addresses[]', address]]) });
  const list = dataOf(data);
  for (const item of Array.isArray(list) ? list : []) {
    const p = Person.safeParse(item);
    if (p.success && lower(p.data.email_address) === address.trim().toLowerCase()) return p.data;
  }
  return null;
};

/** `GET /v2/cadence_memberships?person_id=…`, with extra filters. */
const memberships = async (ctx: Ctx, personId: string, extra: [string, string][] = []): Promise<CadenceMembership[]> => {
  const { data } = await callJson<unknown>(ctx, salesloftApi, {
    method: 'GET',
    path: withQuery('/v2/cadence_memberships', [['person_id', personId], ...extra, ['per_page', '100']]),
  });
  const list = dataOf(data);
  return (Array.isArray(list) ? list : [])
    .map((m) => CadenceMembership.safeParse(m))
    .filter((r) => r.success)
    .map((r) => r.data);
};

/** `POST /v2/person_upserts` keyed by email address. */
const upsertPerson = async (ctx: Ctx, lead: LeadInput): Promise<{ person: Person; created: boolean }> => {
  const { data } = await callJson<unknown>(ctx, salesloftApi, { method: 'POST', path: '/v2/person_upserts', body: personBody(lead) });
  const result = dataOf(data) as { person?: unknown; upsert_type?: unknown } | null;
  const p = Person.safeParse(result?.person);
  if (!p.success) throw new ctx.z.errors.Error(`Salesloft saved ${lead.email} but returned no person.`, 'UnexpectedResponse', 502);
  return { person: p.data, created: result?.upsert_type === 'create' };
};

/** `POST /v2/cadence_memberships?person_id=&cadence_id=`: the new membership, or the 422's words. */
const addToCadence = async (ctx: Ctx, personId: string, cadenceId: string): Promise<{ membership: CadenceMembership | null } | { refused: string }> => {
  const created = await callJson<unknown>(ctx, salesloftApi, {
    method: 'POST',
    path: withQuery('/v2/cadence_memberships', [
      ['person_id', personId],
      ['cadence_id', cadenceId],
    ]),
    allowStatuses: [422],
  });
  if (created.status === 422) return { refused: salesloftErrorMessage(JSON.stringify(created.data ?? '')) ?? 'no reason given' };
  const membership = CadenceMembership.safeParse(dataOf(created.data));
  return { membership: membership.success ? membership.data : null };
};

/** `DELETE /v2/cadence_memberships/{id}`; a membership already gone (404) counts as removed: the call is idempotent. */
const removeMembership = async (ctx: Ctx, membershipId: string): Promise<void> => {
  await callJson(ctx, salesloftApi, { method: 'DELETE', path: `/v2/cadence_memberships/${pathSegment(membershipId)}`, allowStatuses: [404] });
};

/* ---- operations ---- */

const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
  const campaign = { id: req.campaign_id, name: null };
  const { person } = await upsertPerson(ctx, req.lead);
  const personId = String(person.id);
  const lead = leadFromPerson(person, []);
  // A blocked person is skipped whatever the memberships say: no cadence call for them.
  const all = needsHistory(req) && !blocked(person) ? await memberships(ctx, personId) : null;
  if (all) lead.campaigns = leadFromPerson(person, all).campaigns;
  const gate = beforeAdding(req, person, all);
  if (isEnd(gate)) return conclude(ctx, 'salesloft', gate, lead, campaign);
  const added = await addToCadence(ctx, personId, req.campaign_id);
  if ('refused' in added) {
    const current = await memberships(ctx, personId, [
      ['cadence_id', req.campaign_id],
      ['currently_on_cadence', 'true'],
    ]);
    return conclude(ctx, 'salesloft', after422(req, current, added.refused), lead, campaign);
  }
  const state = added.membership ? str(added.membership.current_state) : null;
  lead.campaigns = [...lead.campaigns.filter((c) => c.id !== req.campaign_id), { id: req.campaign_id, name: null, status: state }];
  return outcome('enrolled', lead, campaign, `Added ${req.lead.email} to Salesloft cadence ${req.campaign_id}${state ? ` (state: ${state})` : ''}.`);
};

const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
  const campaign = req.campaign_id ? { id: req.campaign_id, name: null } : null;
  const person = await findPerson(ctx, req.email);
  if (!person) return outcome('not_found', null, campaign, `No Salesloft person has the email ${req.email}; nothing to stop.`);
  const current = await memberships(ctx, String(person.id), [
    ...(req.campaign_id ? ([['cadence_id', req.campaign_id]] as [string, string][]) : []),
    ['currently_on_cadence', 'true'],
  ]);
  const targets = stopTargets(current, req.campaign_id);
  const lead = leadFromPerson(person, targets);
  if (!targets.length) {
    return outcome(
      'already_stopped',
      lead,
      campaign,
      `${req.email} is not on ${req.campaign_id ? `cadence ${req.campaign_id}` : 'any cadence'} in Salesloft; nothing changed.`,
    );
  }
  const affected: LeadCampaign[] = [];
  for (const m of targets) {
    await removeMembership(ctx, String(m.id));
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

export const salesloftLeads: LeadOperations = {
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
