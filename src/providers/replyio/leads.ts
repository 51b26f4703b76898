import { pathSegment } from '../../http/path';
import type { Lead, LeadCampaign } from '../../model/lead';
import { outcomeFor } from '../shared/outcome';
import { email as lowerEmail, joinName, str } from '../../model/values';
import { callJson } from '../../http/client';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, Provider, ResumeRequest, StopRequest } from '../types';
import { ContactStatuses, Person, PushResult } from './payloads';

/**
 * Reply.io lead operations on the legacy v1 API (official CLI `replyio/reply-cli`) plus the
 * v3 per-sequence status endpoint for pausing / finishing. Every decision is in README.md.
 */
const TOOL = 'replyio' as const;

const leadOf = (p: Person, campaigns: LeadCampaign[] = [], unsubscribed: boolean | null = null): Lead => {
  const first = str(p.firstName);
  const last = str(p.lastName);
  return {
    id: `${TOOL}:${String(p.id)}`,
    tool: TOOL,
    tool_lead_id: String(p.id),
    email: lowerEmail(p.email),
    first_name: first,
    last_name: last,
    full_name: joinName(first, last),
    company: str(p.company),
    title: str(p.title),
    phone: str(p.phone),
    linkedin_url: str(p.linkedInProfile),
    unsubscribed,
    campaigns,
  };
};

/** `GET /v1/people?email=`: the contact, or null (404, or an empty answer). */
const getPerson = async (ctx: Ctx, provider: Provider, address: string): Promise<Person | null> => {
  const res = await callJson<unknown>(ctx, provider, { method: 'GET', path: '/v1/people', params: { email: address }, allowStatuses: [404] });
  if (res.status === 404 || !res.data) return null;
  const data = Array.isArray(res.data) ? res.data[0] : (res.data as { people?: unknown[] }).people?.[0] ?? res.data;
  const parsed = Person.safeParse(data);
  return parsed.success ? parsed.data : null;
};

/**
 * `GET /v3/contacts/{id}/statuses` (docs.reply.io "Get a contact's statuses", beta): `isOptedOut`
 * and the contact's `statusInSequence` in every sequence it is in. Not `GET /v1/stats/person`,
 * which Reply throttles to one request per 10 s: it would fail any Zap that runs twice in a row.
 * 404 (the contact went away meanwhile) → null.
 */
const getStatuses = async (ctx: Ctx, provider: Provider, contactId: string | number): Promise<ContactStatuses | null> => {
  const res = await callJson<unknown>(ctx, provider, {
    method: 'GET',
    path: `/v3/contacts/${pathSegment(String(contactId))}/statuses`,
    allowStatuses: [404],
  });
  if (res.status === 404 || !res.data) return null;
  const parsed = ContactStatuses.safeParse(res.data);
  if (!parsed.success) {
    throw new ctx.z.errors.Error(`Reply.io answered the contact's statuses with something unexpected: ${JSON.stringify(res.data).slice(0, 200)}`, 'UnexpectedResponse', 502);
  }
  return parsed.data;
};

type Membership = NonNullable<ContactStatuses['sequences']>[number];

const norm = (s: unknown) => (str(s) ?? '').toLowerCase().replace(/[^a-z]/g, '');
/** Statuses in a sequence (active, paused, finished, inactive, outOfOffice) in which it still sends. */
const isRunning = (status: unknown) => ['active', 'outofoffice', 'ooo'].includes(norm(status));
const isPaused = (status: unknown) => norm(status) === 'paused';

const campaignsOf = (statuses: ContactStatuses | null): LeadCampaign[] =>
  (statuses?.sequences ?? []).map((c) => ({ id: String(c.sequenceId), name: str(c.sequenceName), status: str(c.statusInSequence) }));

/**
 * `POST /v1/people` requires `firstName` (it does not save a contact without one): refused here,
 * before any request, rather than sending a request Reply.io will reject.
 */
const requireFirstName = (ctx: Ctx, lead: LeadInput): void => {
  if (!lead.first_name?.trim()) {
    throw new ctx.z.errors.Error(
      `First Name is required for Reply.io: Reply.io does not save a contact without a first name. Fill in First Name (map First Name from an earlier step) for ${lead.email.trim().toLowerCase()}.`,
      'MissingFirstName',
      400,
    );
  }
};

const personBody = (lead: LeadInput): Record<string, unknown> => {
  const body: Record<string, unknown> = { email: lead.email };
  if (lead.first_name) body.firstName = lead.first_name;
  if (lead.last_name) body.lastName = lead.last_name;
  if (lead.company) body.company = lead.company;
  if (lead.title) body.title = lead.title;
  if (lead.phone) body.phone = lead.phone;
  if (lead.linkedin_url) body.linkedInProfile = lead.linkedin_url;
  const custom = Object.entries(lead.custom_fields ?? {});
  if (custom.length) body.customFields = custom.map(([key, value]) => ({ key, value }));
  return body;
};

/** `POST /v1/people` creates or updates by email and answers with the contact. */
const savePerson = async (ctx: Ctx, provider: Provider, lead: LeadInput): Promise<Person> => {
  const { data } = await callJson<unknown>(ctx, provider, { method: 'POST', path: '/v1/people', body: personBody(lead) });
  const parsed = Person.safeParse(data);
  if (!parsed.success) {
    throw new ctx.z.errors.Error(`Reply.io saved ${lead.email} but did not return the contact's id.`, 'UnexpectedResponse', 502);
  }
  return parsed.data;
};

const outcome = outcomeFor(TOOL);

export const replyioLeads = (provider: Provider): LeadOperations => ({

  async find(ctx, address) {
    const target = address.trim().toLowerCase();
    const person = await getPerson(ctx, provider, target);
    if (!person) return null;
    const statuses = await getStatuses(ctx, provider, person.id);
    return leadOf(person, campaignsOf(statuses), statuses ? Boolean(statuses.isOptedOut) : null);
  },

  async upsert(ctx, lead) {
    requireFirstName(ctx, lead);
    const target = lead.email.trim().toLowerCase();
    const existing = await getPerson(ctx, provider, target);
    const saved = await savePerson(ctx, provider, { ...lead, email: target });
    return { lead: leadOf(saved), created: existing === null };
  },

  async enroll(ctx, req: EnrollRequest) {
    requireFirstName(ctx, req.lead);
    const address = req.lead.email.trim().toLowerCase();
    const campaign = { id: req.campaign_id, name: null };
    const person = await savePerson(ctx, provider, { ...req.lead, email: address });
    const lead = leadOf(person);
    const overwrite = req.policy.if_in_other_campaign === 'add_anyway';
    // OverwriteExisting moves the contact out of the sequence it is running in: read where it
    // runs first, so the outcome can say which sequence it left (only on this path).
    const before = overwrite ? await getStatuses(ctx, provider, person.id) : null;
    const { data } = await callJson<unknown>(ctx, provider, {
      method: 'POST',
      path: '/v1/Actions/pushContactsToSequence',
      body: {
        ContactIds: [Number.isNaN(Number(person.id)) ? person.id : Number(person.id)],
        SequenceId: Number.isNaN(Number(req.campaign_id)) ? req.campaign_id : Number(req.campaign_id),
        OverwriteExisting: overwrite,
      },
    });
    const result = PushResult.safeParse(data ?? {});
    const counts = result.success ? result.data : {};
    if ((counts.affectedIdList ?? []).some((id) => String(id) === String(person.id))) {
      const left = (before?.sequences ?? []).filter((c) => String(c.sequenceId) !== req.campaign_id && (isRunning(c.statusInSequence) || isPaused(c.statusInSequence)));
      if (left.length) {
        const names = left.map((c) => `"${str(c.sequenceName) ?? c.sequenceId}"`).join(', ');
        return outcome(
          'enrolled',
          { ...lead, campaigns: [{ id: req.campaign_id, name: null, status: 'active' }] },
          campaign,
          `Reply.io moved ${address} out of sequence ${names} into sequence ${req.campaign_id} ("If in another campaign" is "add anyway": Reply.io keeps a contact in one running sequence).`,
          left.map((c) => ({ id: String(c.sequenceId), name: str(c.sequenceName), status: 'removed' })),
        );
      }
      return outcome('enrolled', lead, campaign, `Reply.io added ${address} to sequence ${req.campaign_id}.`);
    }
    if ((counts.skippedByOptedOutStatus ?? 0) > 0) {
      return outcome('skipped_unsubscribed', { ...lead, unsubscribed: true }, campaign, `Reply.io skipped ${address}: the contact has opted out, so it was not added to sequence ${req.campaign_id}.`);
    }
    if ((counts.skippedByInvalidEmail ?? 0) > 0) {
      throw new ctx.z.errors.Error(`Reply.io did not add ${address} to sequence ${req.campaign_id}: it reports the email address as invalid.`, 'InvalidEmail', 400);
    }
    if ((counts.skippedByOwner ?? 0) > 0) {
      throw new ctx.z.errors.Error(
        `Reply.io did not add ${address} to sequence ${req.campaign_id}: the contact belongs to another user. Use that user's API key (or a Master API key).`,
        'ContactOwnedByOtherUser',
        403,
      );
    }
    // A plain "skipped": the contact is already in a sequence. Which one decides the outcome.
    const stats = before ?? (await getStatuses(ctx, provider, person.id));
    const memberships: Membership[] = stats?.sequences ?? [];
    const here = memberships.find((c) => String(c.sequenceId) === req.campaign_id);
    const withCampaigns = { ...lead, campaigns: campaignsOf(stats), unsubscribed: stats ? Boolean(stats.isOptedOut) : null };
    if (stats?.isOptedOut) {
      return outcome('skipped_unsubscribed', withCampaigns, campaign, `Reply.io skipped ${address}: the contact is opted out.`);
    }
    if (here && (isRunning(here.statusInSequence) || isPaused(here.statusInSequence))) {
      const named = { id: req.campaign_id, name: str(here.sequenceName) };
      if (req.policy.if_already_enrolled === 'error') {
        throw new ctx.z.errors.Error(`${address} is already in Reply.io sequence ${named.name ?? req.campaign_id} (${here.statusInSequence}).`, 'AlreadyEnrolled', 409);
      }
      return outcome('already_enrolled', withCampaigns, named, `${address} is already in Reply.io sequence "${named.name ?? req.campaign_id}" (${here.statusInSequence}); nothing changed.`);
    }
    if (here) {
      return outcome(
        'skipped_previously_contacted',
        withCampaigns,
        { id: req.campaign_id, name: str(here.sequenceName) },
        `Reply.io kept ${address} out of sequence "${str(here.sequenceName) ?? req.campaign_id}": the contact already went through it (${here.statusInSequence ?? 'finished'}). Reply.io does not re-add a contact to a sequence it has been in.`,
      );
    }
    const other = memberships.find((c) => isRunning(c.statusInSequence) || isPaused(c.statusInSequence));
    if (other) {
      return outcome(
        'skipped_in_other_campaign',
        withCampaigns,
        campaign,
        `Reply.io skipped ${address}: the contact is in another sequence ("${str(other.sequenceName) ?? other.sequenceId}"). Set "If in another campaign" to "add anyway" to move it (Reply.io then takes it out of that sequence).`,
      );
    }
    throw new ctx.z.errors.Error(`Reply.io skipped ${address} for sequence ${req.campaign_id} without saying why.`, 'EnrollSkipped', 409);
  },

  async stop(ctx, req: StopRequest) {
    const address = req.email.trim().toLowerCase();
    const person = await getPerson(ctx, provider, address);
    // not_found only for a contact Reply.io does not know; a known contact with nothing left to
    // stop (not in that sequence any more, or nothing running) is already_stopped.
    if (!person) return outcome('not_found', null, null, `Reply.io has no contact ${address}; nothing to stop.`);
    const statuses = await getStatuses(ctx, provider, person.id);
    if (!statuses) return outcome('not_found', null, null, `Reply.io has no contact ${address}; nothing to stop.`);
    const all = (statuses.sequences ?? []).map((c) => ({ id: c.sequenceId, name: c.sequenceName, personStatus: c.statusInSequence }));
    const scoped = req.campaign_id ? all.filter((c) => String(c.id) === req.campaign_id) : all;
    const named = req.campaign_id ? { id: req.campaign_id, name: str(scoped[0]?.name) } : null;
    const asIs = scoped.map((c) => ({ id: String(c.id), name: str(c.name), status: str(c.personStatus) }));
    if (req.campaign_id && scoped.length === 0) {
      return outcome('already_stopped', null, named, `${address} is not in Reply.io sequence ${req.campaign_id} (any more); nothing to stop.`);
    }
    // What each mode changes: pause only stops a running contact; remove / finish a membership
    // still going (running or paused) — never a finished one, which sends nothing.
    const targets = scoped.filter((c) => (req.mode === 'pause' ? isRunning(c.personStatus) : isRunning(c.personStatus) || isPaused(c.personStatus)));
    const where = req.campaign_id ? `Reply.io sequence ${named?.name ?? req.campaign_id}` : 'any Reply.io sequence';
    if (targets.length === 0) {
      return outcome('already_stopped', null, named, `${address} is not ${req.mode === 'pause' ? 'running' : 'running or paused'} in ${where}; nothing changed.`, asIs);
    }
    const newStatus = req.mode === 'pause' ? 'paused' : req.mode === 'remove' ? 'removed' : 'finished';
    const done: typeof targets = [];
    if (req.mode === 'remove') {
      // One removal per live membership (never removepersonfromallcampaigns, which would also
      // drop finished ones). A 404 (contact or sequence gone meanwhile) removed nothing.
      for (const c of targets) {
        const res = await callJson(ctx, provider, {
          method: 'POST',
          path: '/v1/actions/removepersonfromcampaignbyid',
          body: { campaignId: Number.isNaN(Number(c.id)) ? c.id : Number(c.id), email: address },
          allowStatuses: [404],
        });
        if (res.status !== 404) done.push(c);
      }
    } else {
      const contactId = str(statuses.contactId) ?? str(person.id);
      if (!contactId) throw new ctx.z.errors.Error(`Reply.io did not return the id of ${address}.`, 'UnexpectedResponse', 502);
      for (const c of targets) {
        const { data } = await callJson<Record<string, unknown> | null>(ctx, provider, {
          method: 'POST',
          path: `/v3/sequences/${pathSegment(String(c.id))}/contacts/set-status-in-sequence`,
          body: { contactIds: [Number(contactId)], statusInSequence: newStatus },
        });
        const failure = data && typeof data === 'object' ? (data as Record<string, unknown>)[contactId] : undefined;
        if (failure) {
          throw new ctx.z.errors.Error(
            `Reply.io did not set ${address} to ${newStatus} in sequence ${str(c.name) ?? c.id}: ${JSON.stringify(failure)}`,
            'StopFailed',
            409,
          );
        }
        done.push(c);
      }
    }
    if (done.length === 0) {
      return outcome('already_stopped', null, named, `Reply.io removed nothing: ${address} was no longer in ${where}.`, asIs);
    }
    const affected = done.map((c) => ({ id: String(c.id), name: str(c.name), status: newStatus }));
    const names = affected.map((c) => `"${c.name ?? c.id}"`).join(', ');
    const verb = req.mode === 'pause' ? 'paused' : req.mode === 'remove' ? 'removed' : 'marked as finished';
    return outcome('stopped', null, named, `Reply.io ${verb} ${address} in ${names}.`, affected);
  },
  /**
   * Resume: `POST /v3/sequences/{id}/contacts/set-status-in-sequence {contactIds, statusInSequence:
   * "active"}` for each sequence where the contact is paused. Reply accepts `active` from any
   * state (docs "Set contacts' status in this sequence"), so the statuses decide first: only a
   * paused membership is set active — never a finished or inactive one — and never for an
   * opted-out contact (skipped_unsubscribed, no write).
   */
  async resume(ctx, req: ResumeRequest) {
    const address = req.email.trim().toLowerCase();
    const named = req.campaign_id ? { id: req.campaign_id, name: null as string | null } : null;
    const person = await getPerson(ctx, provider, address);
    if (!person) return outcome('not_found', null, named, `Reply.io has no contact ${address}; nothing to resume.`);
    const statuses = await getStatuses(ctx, provider, person.id);
    if (!statuses) return outcome('not_found', null, named, `Reply.io has no contact ${address}; nothing to resume.`);
    const lead = leadOf(person, campaignsOf(statuses), Boolean(statuses.isOptedOut));
    const scoped = (statuses.sequences ?? []).filter((c) => !req.campaign_id || String(c.sequenceId) === req.campaign_id);
    if (named) named.name = str(scoped[0]?.sequenceName);
    if (statuses.isOptedOut) {
      return outcome('skipped_unsubscribed', lead, named, `${address} has opted out in Reply.io; nothing was resumed.`);
    }
    const asIs = scoped.map((c) => ({ id: String(c.sequenceId), name: str(c.sequenceName), status: str(c.statusInSequence) }));
    if (scoped.length === 0) {
      return outcome('not_paused', lead, named, `${address} is not in ${req.campaign_id ? `Reply.io sequence ${req.campaign_id}` : 'any Reply.io sequence'}; nothing to resume.`);
    }
    // `emailDisposition.isBounced` (docs "Get a contact's statuses"): a bounced address is never resumed.
    const bounced = (c: Membership) => (c as { emailDisposition?: { isBounced?: unknown } | null }).emailDisposition?.isBounced === true;
    const paused = scoped.filter((c) => isPaused(c.statusInSequence) && !bounced(c));
    const contactId = str(statuses.contactId) ?? str(person.id);
    if (paused.length && !contactId) throw new ctx.z.errors.Error(`Reply.io did not return the id of ${address}.`, 'UnexpectedResponse', 502);
    const done: LeadCampaign[] = [];
    for (const c of paused) {
      const { data } = await callJson<Record<string, unknown> | null>(ctx, provider, {
        method: 'POST',
        path: `/v3/sequences/${pathSegment(String(c.sequenceId))}/contacts/set-status-in-sequence`,
        body: { contactIds: [Number(contactId)], statusInSequence: 'active' },
      });
      const failure = data && typeof data === 'object' ? (data as Record<string, unknown>)[contactId as string] : undefined;
      if (failure) {
        throw new ctx.z.errors.Error(
          `Reply.io did not resume ${address} in sequence ${str(c.sequenceName) ?? c.sequenceId}: ${JSON.stringify(failure)}` +
            (done.length ? ` (already resumed in ${done.map((d) => `"${d.name ?? d.id}"`).join(', ')})` : ''),
          'ResumeFailed',
          409,
        );
      }
      done.push({ id: String(c.sequenceId), name: str(c.sequenceName), status: 'active' });
    }
    const affected = asIs.map((c) => done.find((d) => d.id === c.id) ?? c);
    const after = { ...lead, campaigns: lead.campaigns.map((c) => done.find((d) => d.id === c.id) ?? c) };
    const names = (cs: LeadCampaign[]) => cs.map((c) => `"${c.name ?? c.id}"`).join(', ');
    if (done.length) return outcome('resumed', after, named, `Reply.io resumed ${address} in ${names(done)}.`, affected);
    const running = asIs.filter((c) => isRunning(c.status));
    if (running.length) return outcome('already_running', after, named, `${address} is not paused: Reply.io still runs it in ${names(running)}.`, affected);
    return outcome(
      'not_paused',
      after,
      named,
      `${address} cannot be resumed in ${names(asIs)} (${scoped.map((c) => (bounced(c) ? `${str(c.statusInSequence) ?? 'unknown'}, bounced` : (str(c.statusInSequence) ?? 'unknown'))).join('; ')}): only a paused contact whose email did not bounce can; a finished sequence is not restarted.`,
      affected,
    );
  },
});
