import { pathSegment } from '../../http/path';
import type { ActionOutcome, Lead } from '../../model/lead';
import { leadFromInput, outcomeFor } from '../shared/outcome';
import { email as lowerEmail, joinName, splitName, str } from '../../model/values';
import { callJson } from '../../http/client';
import type { Ctx, EnrollPolicy, LeadInput, LeadOperations, Provider } from '../types';
import { Contact, RecipientResult, SequenceRecipient } from './payloads';

/** Mixmax lead operations (developer.mixmax.com /contacts, /sequences). Decisions: README.md. */
const TOOL = 'mixmax' as const;

const leadOf = (c: Contact): Lead => {
  const fullName = str(c.name);
  const { first, last } = splitName(fullName);
  const meta = c.meta ?? {};
  return {
    id: `${TOOL}:${c._id}`,
    tool: TOOL,
    tool_lead_id: c._id,
    email: lowerEmail(c.email),
    first_name: str(meta['First Name']) ?? first,
    last_name: str(meta['Last Name']) ?? last,
    full_name: fullName,
    company: str(meta.Company),
    title: str(meta.Title),
    phone: str(meta.Phone),
    linkedin_url: null,
    // Mixmax keeps unsubscribes per sequence send, not on the contact; sequence membership is
    // only listable per sequence (GET /sequences/{id}/recipients), so neither is known here.
    unsubscribed: null,
    campaigns: [],
  };
};

/** `GET /v1/contacts?search=` then an exact (case-insensitive) email match on the results. */
const findContact = async (ctx: Ctx, provider: Provider, address: string): Promise<Contact | null> => {
  const { data } = await callJson<{ results?: unknown[] } | unknown[] | null>(ctx, provider, {
    method: 'GET',
    path: '/contacts',
    params: { search: address, limit: '50' },
  });
  const rows = Array.isArray(data) ? data : (data?.results ?? []);
  for (const row of rows) {
    const parsed = Contact.safeParse(row);
    if (parsed.success && lowerEmail(parsed.data.email) === address) return parsed.data;
  }
  return null;
};

/** Sequence variables Mixmax substitutes: its built-in names plus the caller's custom fields. */
const variablesOf = (lead: LeadInput): Record<string, string> => {
  const vars: Record<string, string> = {};
  if (lead.first_name) vars['First Name'] = lead.first_name;
  if (lead.last_name) vars['Last Name'] = lead.last_name;
  if (lead.company) vars.Company = lead.company;
  if (lead.title) vars.Title = lead.title;
  if (lead.phone) vars.Phone = lead.phone;
  return { ...vars, ...(lead.custom_fields ?? {}) };
};

const inputLead = (lead: LeadInput, address: string): Lead => leadFromInput(TOOL, { ...lead, email: address });

/**
 * Mixmax reports nothing about a recipient's other sequences or earlier contact (its add call
 * answers only success / duplicated / unsubscribed / error for THIS sequence), so the
 * "in another campaign" and "previously contacted" policies cannot be checked. They are the
 * action's defaults, so the enrolment is not refused; the outcome says they were not applied.
 */
const policiesNotApplied = (policy: EnrollPolicy): string => {
  const skipped = [
    policy.if_in_other_campaign === 'skip' ? '"If in another campaign: skip"' : null,
    policy.if_previously_contacted === 'skip' ? '"If previously contacted: skip"' : null,
  ].filter(Boolean);
  if (!skipped.length) return '';
  return (
    ` Not applied: ${skipped.join(' and ')} — Mixmax does not report a recipient's other sequences or earlier emails, ` +
    'so they could not be checked (Mixmax only skips a recipient this sequence was already sent to, or who unsubscribed).'
  );
};

/** `GET /sequences/{id}/recipients` page size and the most pages read to find one recipient. */
export const RECIPIENT_SCAN = { limit: 100, maxPages: 10 };

/**
 * The state of one recipient of a sequence (`active` | `failed` | `completed`, developer.mixmax.com
 * GET /sequences/:id/recipients "Recipient structure"), or null when it is not among the rows read.
 * That endpoint answers a bare array, paged by `offset` (at most 10,000 rows) and has no email
 * filter, so pages are read until the address shows up, a page comes back empty, or
 * RECIPIENT_SCAN.maxPages were read. `offset` advances by the rows actually received, so a
 * smaller page than asked for never skips anyone.
 */
const recipientState = async (ctx: Ctx, provider: Provider, sequenceId: string, address: string): Promise<{ state: string | null; complete: boolean }> => {
  let offset = 0;
  for (let page = 0; page < RECIPIENT_SCAN.maxPages; page += 1) {
    const { data } = await callJson<unknown>(ctx, provider, {
      method: 'GET',
      path: `/sequences/${pathSegment(sequenceId)}/recipients`,
      params: { limit: String(RECIPIENT_SCAN.limit), offset: String(offset) },
    });
    const rows = Array.isArray(data) ? data : [];
    for (const row of rows) {
      const r = SequenceRecipient.safeParse(row);
      if (r.success && lowerEmail(r.data.email) === address) return { state: str(r.data.state), complete: true };
    }
    if (rows.length === 0) return { state: null, complete: true };
    offset += rows.length;
  }
  return { state: null, complete: false };
};

const outcomeOf = outcomeFor(TOOL);
const outcome = (kind: ActionOutcome['outcome'], lead: Lead | null, campaignId: string, detail: string, affected: ActionOutcome['affected_campaigns'] = []): ActionOutcome =>
  outcomeOf(kind, lead, { id: campaignId, name: null }, detail, affected);

export const mixmaxLeads = (provider: Provider): LeadOperations => ({
  // `POST /sequences/{id}/cancel` is the only per-recipient stop the API documents.

  async find(ctx, address) {
    const contact = await findContact(ctx, provider, address.trim().toLowerCase());
    return contact ? leadOf(contact) : null;
  },

  async upsert(ctx, lead) {
    const address = lead.email.trim().toLowerCase();
    const existing = await findContact(ctx, provider, address);
    // The contacts API documents no update call: an existing contact is returned as it is.
    if (existing) return { lead: leadOf(existing), created: false };
    const body: Record<string, unknown> = { email: address };
    const name = joinName(lead.first_name, lead.last_name);
    if (name) body.name = name;
    const { data } = await callJson<unknown>(ctx, provider, { method: 'POST', path: '/contacts', body });
    const parsed = Contact.safeParse(data);
    if (!parsed.success) {
      throw new ctx.z.errors.Error(`Mixmax did not return the contact it created for ${address}.`, 'UnexpectedResponse', 502);
    }
    return { lead: leadOf(parsed.data), created: true };
  },

  async enroll(ctx, req) {
    // Mixmax matches duplicates and unsubscribes case-sensitively: always send lower case.
    const address = req.lead.email.trim().toLowerCase();
    const lead = inputLead(req.lead, address);
    const { data } = await callJson<{ recipients?: unknown[] }>(ctx, provider, {
      method: 'POST',
      path: `/sequences/${pathSegment(req.campaign_id, 'Campaign')}/recipients`,
      body: { recipients: [{ email: address, variables: variablesOf(req.lead) }] },
    });
    const rows = (data?.recipients ?? []).map((r) => RecipientResult.safeParse(r)).filter((r) => r.success).map((r) => r.data);
    const mine = rows.find((r) => lowerEmail(r.email) === address) ?? rows[0];
    if (!mine) throw new ctx.z.errors.Error(`Mixmax answered without a result for ${address}.`, 'UnexpectedResponse', 502);
    switch (mine.status) {
      case 'success':
        return outcome('enrolled', lead, req.campaign_id, `Mixmax added ${address} to sequence ${req.campaign_id}.${policiesNotApplied(req.policy)}`);
      case 'duplicated': {
        // "duplicated: This sequence was already sent to this recipient, and was skipped" — true of
        // someone still in it and of someone who finished it. The sequence's recipient list says
        // which (`state`): completed → previously contacted, not enrolled.
        const { state, complete } = await recipientState(ctx, provider, req.campaign_id, address);
        if (state === 'completed') {
          const reEnroll =
            req.policy.if_previously_contacted === 're_enroll'
              ? ' "If previously contacted: re-enroll" cannot apply: Mixmax never sends a sequence twice to the same recipient — choose another sequence to contact them again.'
              : '';
          return outcome(
            'skipped_previously_contacted',
            lead,
            req.campaign_id,
            `Mixmax skipped ${address}: this recipient already finished sequence ${req.campaign_id} (state completed), and Mixmax does not send a sequence twice.${reEnroll}`,
          );
        }
        if (req.policy.if_already_enrolled === 'error') {
          throw new ctx.z.errors.Error(`${address} is already a recipient of Mixmax sequence ${req.campaign_id}.`, 'AlreadyEnrolled', 409);
        }
        const why =
          state === 'active'
            ? `${address} is an active recipient of sequence ${req.campaign_id}.`
            : state
              ? `sequence ${req.campaign_id} was already sent to this recipient (state ${state}).`
              : `sequence ${req.campaign_id} was already sent to this recipient; whether they are still in it or finished it could not be told ` +
                (complete
                  ? '(Mixmax does not list them among its activated recipients).'
                  : `(they are not among the first ${RECIPIENT_SCAN.limit * RECIPIENT_SCAN.maxPages} recipients Mixmax listed).`);
        return outcome('already_enrolled', lead, req.campaign_id, `Mixmax skipped ${address}: ${why}`);
      }
      case 'unsubscribed':
        return outcome('skipped_unsubscribed', { ...lead, unsubscribed: true }, req.campaign_id, `Mixmax skipped ${address}: the recipient has unsubscribed.`);
      default: {
        const errors = (mine.errors ?? []).map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ') || mine.status;
        if (/limit|quota|too many/i.test(errors)) {
          throw new ctx.z.errors.ThrottledError(`Mixmax did not add ${address} to sequence ${req.campaign_id}: ${errors}`, 3600);
        }
        throw new ctx.z.errors.Error(`Mixmax did not add ${address} to sequence ${req.campaign_id}: ${errors}`, 'EnrollFailed', 400);
      }
    }
  },

  async stop(ctx, req) {
    const address = req.email.trim().toLowerCase();
    if (!req.campaign_id) {
      throw new ctx.z.errors.Error(
        'Mixmax stops a recipient one sequence at a time: choose the Sequence to stop (Mixmax has no "all sequences" cancel call).',
        'MissingCampaign',
        400,
      );
    }
    // developer.mixmax.com POST /sequences/:id/cancel answers `{recipients: [emails exited]}`.
    const res = await callJson<{ recipients?: unknown } | null>(ctx, provider, {
      method: 'POST',
      path: `/sequences/${pathSegment(req.campaign_id, 'Campaign')}/cancel`,
      body: { emails: [address] },
      allowStatuses: [404],
    });
    if (res.status === 404) {
      return outcome('not_found', null, req.campaign_id, `Mixmax has no sequence ${req.campaign_id} with recipient ${address}; nothing to stop.`);
    }
    const exited = Array.isArray(res.data?.recipients) ? res.data.recipients.map((e) => lowerEmail(e)) : null;
    const affected = [{ id: req.campaign_id, name: null, status: 'cancelled' }];
    if (exited === null) {
      // Not the documented answer: the cancel went through (2xx) but we cannot tell whether it exited anyone.
      return outcome('stopped', null, req.campaign_id, `Mixmax accepted the cancel of sequence ${req.campaign_id} for ${address} but did not list the recipients it exited.`, affected);
    }
    if (exited.includes(address)) {
      return outcome('stopped', null, req.campaign_id, `Mixmax exited ${address} from sequence ${req.campaign_id}; its remaining stages will not be sent.`, affected);
    }
    return outcome(
      'already_stopped',
      null,
      req.campaign_id,
      `${address} is not an active recipient of Mixmax sequence ${req.campaign_id} (already exited, finished, or never added); nothing changed.`,
    );
  },
});
