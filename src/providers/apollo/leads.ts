import { pathSegment } from '../../http/path';
import type { ActionOutcome, Lead } from '../../model/lead';
import { outcomeFor } from '../shared/outcome';
import { lookup, str } from '../../model/values';
import { callJson } from '../../http/client';
import { now } from '../../delivery/clock';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, Provider, StopMode, StopRequest } from '../types';
import { withQuery } from './api';
import { hasEmail, leadFromContact } from './normalize';
import { Contact, ContactCampaignStatus, SKIP_REASONS, TypedCustomField } from './payloads';

/** Our stop modes → Apollo's `remove_or_stop_contact_ids` modes. */
const APOLLO_MODE: Record<StopMode, string> = { pause: 'stop', remove: 'remove', mark_finished: 'mark_as_finished' };

/** Statuses in which a contact is still in a sequence (enrolment would be a duplicate). */
const LIVE = ['active', 'paused'];

/** Which statuses each stop mode still changes; anything else counts as already stopped. */
const changes = (mode: StopMode, status: string | null): boolean => {
  const s = (status ?? '').toLowerCase();
  if (mode === 'pause') return !['paused', 'finished', 'removed', 'failed'].includes(s);
  if (mode === 'mark_finished') return !['finished', 'removed'].includes(s);
  return s !== 'removed';
};

/** Margin for clock skew: a contact Apollo created longer ago than this before our create call existed already. */
const PRE_EXISTING_MS = 10 * 60 * 1000;

/**
 * The contact fields we have, for `POST /contacts` and `PATCH /contacts/{id}`. An empty value
 * would clear the field in Apollo: send only what we have. `custom` is already keyed by Apollo
 * field id (see `customFieldIds`). LinkedIn is not a create / update field in Apollo's API.
 */
const contactFields = (lead: LeadInput, custom: Record<string, string>): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  if (lead.first_name) body.first_name = lead.first_name;
  if (lead.last_name) body.last_name = lead.last_name;
  if (lead.company) body.organization_name = lead.company;
  if (lead.title) body.title = lead.title;
  if (lead.phone) body.direct_phone = lead.phone;
  if (Object.keys(custom).length) body.typed_custom_fields = custom;
  return body;
};

const fold = (s: string): string => s.trim().toLowerCase();

export const apolloLeads = (provider: Provider): LeadOperations => {
  const search = async (ctx: Ctx, address: string): Promise<Contact | null> => {
    const { data } = await callJson<{ contacts?: unknown[] }>(ctx, provider, {
      method: 'POST',
      path: '/contacts/search',
      body: { q_keywords: address, page: 1, per_page: 100 },
    });
    for (const item of data?.contacts ?? []) {
      const c = Contact.safeParse(item);
      if (c.success && hasEmail(c.data, address)) return c.data;
    }
    return null;
  };

  /**
   * Custom Fields name → value, as Apollo's `typed_custom_fields` wants them: keyed by field id,
   * a picklist value by its option id. One `GET /typed_custom_fields` (the list the create /
   * update docs point to; `/fields` has no picklist options), only when there are custom fields.
   * A name (or option) Apollo does not have fails the step before anything is written.
   */
  const customFieldIds = async (ctx: Ctx, fields: Record<string, string>): Promise<Record<string, string>> => {
    const entries = Object.entries(fields);
    if (!entries.length) return {};
    const { data } = await callJson<{ typed_custom_fields?: unknown[] }>(ctx, provider, { method: 'GET', path: '/typed_custom_fields' });
    const defs = (data?.typed_custom_fields ?? [])
      .map((f) => TypedCustomField.safeParse(f))
      .filter((r) => r.success)
      .map((r) => r.data)
      .filter((f) => (str(f.modality) ?? 'contact') === 'contact');
    const out: Record<string, string> = {};
    for (const [name, value] of entries) {
      const def = defs.find((f) => String(f.id) === name.trim()) ?? defs.find((f) => fold(str(f.name) ?? '') === fold(name));
      if (!def) {
        const known = defs.map((f) => `"${str(f.name) ?? String(f.id)}"`);
        throw new ctx.z.errors.Error(
          `Custom Fields: Apollo has no contact custom field named "${name}". Use the name of a custom contact field as Apollo shows it ` +
            `(${known.length ? `this account has ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}` : 'this Apollo account has none: create it in Apollo first'}). ` +
            'Nothing was written to Apollo.',
          'InvalidInput',
          400,
        );
      }
      let v = value;
      const options = def.picklist_values ?? [];
      if (str(def.type) === 'picklist' && options.length) {
        const option = options.find((o) => String(o.id) === value.trim()) ?? options.find((o) => fold(str(o.name) ?? '') === fold(value));
        if (!option?.id) {
          throw new ctx.z.errors.Error(
            `Custom Fields: "${value}" is not an option of Apollo's picklist field "${str(def.name) ?? name}" ` +
              `(options: ${options.map((o) => `"${str(o.name) ?? String(o.id)}"`).join(', ')}). Nothing was written to Apollo.`,
            'InvalidInput',
            400,
          );
        }
        v = String(option.id);
      }
      out[String(def.id)] = v;
    }
    return out;
  };

  /**
   * A new contact, for an email the search did not find: `POST /contacts` with `run_dedupe: true`
   * (never a duplicate, e.g. of a contact created a moment ago that the search index does not show
   * yet). Apollo's dedupe also matches by first + last name and company, and then overwrites
   * that contact, email included (vendor doc). So the answer must be the contact for this email
   * AND new: a contact whose email differs, or that Apollo created well before this call (our
   * search by email did not find it, so the match was not by email), fails the step instead.
   */
  const create = async (ctx: Ctx, lead: LeadInput, custom: Record<string, string>, consequence: string): Promise<Contact> => {
    const sentAt = now();
    const { data } = await callJson<{ contact?: unknown }>(ctx, provider, {
      method: 'POST',
      path: '/contacts',
      body: { email: lead.email, run_dedupe: true, ...contactFields(lead, custom) },
    });
    const c = Contact.safeParse(data?.contact);
    if (!c.success) {
      throw new ctx.z.errors.Error(`Apollo saved ${lead.email} but returned no contact.`, 'UnexpectedResponse', 502);
    }
    const who = `${str(c.data.name) ?? ([str(c.data.first_name), str(c.data.last_name)].filter(Boolean).join(' ') || 'no name')}${str(c.data.organization_name) ? `, ${str(c.data.organization_name)}` : ''}`;
    const id = String(c.data.id);
    if (!hasEmail(c.data, lead.email)) {
      throw new ctx.z.errors.Error(
        `Apollo did not create a contact for ${lead.email}: its duplicate check (run_dedupe) matched a different contact by name and company — ` +
          `${who} (id ${id}, email ${str(c.data.email) ?? 'none'}) — and may have updated that contact with the values sent. ${consequence} ` +
          `Check contact ${id} in Apollo; if it is another person, add ${lead.email} in Apollo by hand.`,
        'DedupeMismatch',
        409,
      );
    }
    const createdAt = Date.parse(str(c.data.created_at) ?? '');
    if (Number.isFinite(createdAt) && createdAt < sentAt - PRE_EXISTING_MS) {
      throw new ctx.z.errors.Error(
        `Apollo did not create a contact for ${lead.email}: its duplicate check (run_dedupe) returned an existing contact — ${who} (id ${id}, ` +
          `created ${str(c.data.created_at)}) — that a search for ${lead.email} had not found, so it matched by name and company, not by email, ` +
          `and Apollo may have replaced that contact's email with ${lead.email}. ${consequence} Check contact ${id} in Apollo.`,
        'DedupeMismatch',
        409,
      );
    }
    return c.data;
  };

  const statusIn = (c: Contact, campaignId: string): ContactCampaignStatus | undefined =>
    (c.contact_campaign_statuses ?? []).find((s) => String(s.emailer_campaign_id) === campaignId);

  const outcome = outcomeFor('apollo');

  const enroll = async (ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome> => {
    const { z } = ctx;
    const mailbox = str(req.mailbox_id);
    if (!mailbox) {
      throw new z.errors.Error(
        'Apollo needs a sending mailbox to add a contact to a sequence: choose one in the "Mailbox" field (Apollo email accounts).',
        'MissingMailbox',
        400,
      );
    }
    const email = req.lead.email;
    // Search by email first: a contact that has it is used as it is (Enroll Lead writes nothing to
    // it); only an unknown email is created, through the guarded dedupe create.
    const found = await search(ctx, email);
    const contact =
      found ?? (await create(ctx, req.lead, await customFieldIds(ctx, req.lead.custom_fields), `Nothing was enrolled in sequence ${req.campaign_id}.`));
    const lead = leadFromContact(contact);
    const { first_name, last_name, company, title, phone, custom_fields } = req.lead;
    const untouched =
      found && (first_name || last_name || company || title || phone || Object.keys(custom_fields).length)
        ? ' The existing Apollo contact’s fields were left as they are (use Create Lead to update them).'
        : '';
    const say = (kind: ActionOutcome['outcome'], l: Lead, c: ActionOutcome['campaign'], detail: string): ActionOutcome =>
      outcome(kind, l, c, `${detail}${untouched}`);
    let campaign = { id: req.campaign_id, name: null as string | null };
    if (contact.email_unsubscribed === true) {
      return say('skipped_unsubscribed', lead, campaign, `${email} has unsubscribed in Apollo, so it was not added to sequence ${req.campaign_id}.`);
    }
    const before = statusIn(contact, req.campaign_id);
    const beforeStatus = (str(before?.status) ?? '').toLowerCase();
    const alreadyIn = (): ActionOutcome => {
      if (req.policy.if_already_enrolled === 'error') {
        throw new z.errors.Error(`${email} is already in Apollo sequence ${campaign.name ?? req.campaign_id}.`, 'AlreadyEnrolled', 409);
      }
      return say('already_enrolled', lead, campaign, `${email} was already in sequence ${campaign.name ?? req.campaign_id}; nothing changed.`);
    };
    if (before && LIVE.includes(beforeStatus)) return alreadyIn();

    const path = withQuery(`/emailer_campaigns/${pathSegment(req.campaign_id, 'Campaign')}/add_contact_ids`, [
      ['emailer_campaign_id', req.campaign_id],
      ['contact_ids[]', String(contact.id)],
      ['send_email_from_email_account_id', mailbox],
      ['sequence_active_in_other_campaigns', String(req.policy.if_in_other_campaign === 'add_anyway')],
      ['sequence_finished_in_other_campaigns', String(req.policy.if_previously_contacted === 're_enroll')],
    ]);
    const { data } = await callJson<{
      contacts?: unknown[];
      skipped_contact_ids?: Record<string, string>;
      emailer_campaign?: { id?: unknown; name?: unknown };
    }>(ctx, provider, { method: 'POST', path });
    campaign = { id: req.campaign_id, name: str(data?.emailer_campaign?.name) };
    const reason = data?.skipped_contact_ids?.[String(contact.id)];
    const label = campaign.name ? `"${campaign.name}"` : req.campaign_id;
    if (reason) {
      switch (reason) {
        case 'contacts_already_exists_in_current_campaign':
          // Live here → already enrolled. Not live (finished, removed…) → it went through this
          // sequence before: Apollo keeps it there, and add_contact_ids has no flag to re-add it
          // (sequence_finished_in_other_campaigns covers *other* sequences only).
          if (!before || LIVE.includes(beforeStatus)) return alreadyIn();
          return say(
            'skipped_previously_contacted',
            lead,
            campaign,
            req.policy.if_previously_contacted === 're_enroll'
              ? `Apollo did not add ${email} to ${label} again: it was in this sequence before (status: ${beforeStatus}), and Apollo’s API has no option to re-add a contact to a sequence it has already been through (its re-add options cover other sequences only), so "re-enroll" cannot apply here. Re-add it in Apollo itself, or use another sequence.`
              : `Apollo skipped ${email}: it was in sequence ${label} before (status: ${beforeStatus}), so it was not added again.`,
          );
        case 'contacts_active_in_other_campaigns':
          return say('skipped_in_other_campaign', lead, campaign, `Apollo skipped ${email}: it is active in another sequence, so it was not added to ${label}.`);
        case 'contacts_finished_in_other_campaigns':
          return say('skipped_previously_contacted', lead, campaign, `Apollo skipped ${email}: it has finished another sequence, so it was not added to ${label}.`);
        default:
          throw new z.errors.Error(
            `Apollo did not add ${email} to sequence ${label}: ${lookup(SKIP_REASONS, reason) ?? reason} (${reason}).`,
            'EnrollSkipped',
            422,
          );
      }
    }
    const returned = (data?.contacts ?? []).map((c) => Contact.safeParse(c)).find((c) => c.success && String(c.data.id) === String(contact.id));
    const after = returned?.success ? returned.data : null;
    const inSequence =
      (after && statusIn(after, req.campaign_id)) ||
      after?.emailer_campaign_ids?.some((id) => String(id) === req.campaign_id);
    if (!inSequence) {
      throw new z.errors.Error(
        `Apollo answered without skipping ${email}, but did not list it in sequence ${label}. Check the sequence in Apollo.`,
        'EnrollUnconfirmed',
        502,
      );
    }
    const afterStatus = after && statusIn(after, req.campaign_id);
    return say(
      'enrolled',
      after ? leadFromContact(after) : lead,
      campaign,
      `Added ${email} to Apollo sequence ${label}${afterStatus?.status ? ` (status: ${afterStatus.status})` : ''}.`,
    );
  };

  const stop = async (ctx: Ctx, req: StopRequest): Promise<ActionOutcome> => {
    const contact = await search(ctx, req.email);
    const campaign = req.campaign_id ? { id: req.campaign_id, name: null } : null;
    if (!contact) {
      return outcome('not_found', null, campaign, `No Apollo contact has the email ${req.email}; nothing to stop.`);
    }
    const lead = leadFromContact(contact);
    const statuses = (contact.contact_campaign_statuses ?? []).filter(
      (s) => !req.campaign_id || String(s.emailer_campaign_id) === req.campaign_id,
    );
    const targets = statuses.filter((s) => changes(req.mode, str(s.status)));
    const where = req.campaign_id ? `sequence ${req.campaign_id}` : 'any sequence';
    if (!targets.length) {
      return outcome(
        'already_stopped',
        lead,
        campaign,
        statuses.length
          ? `${req.email} is already stopped in ${where} (${statuses.map((s) => `${s.emailer_campaign_id}: ${s.status}`).join(', ')}); nothing changed.`
          : `${req.email} is not in ${where}; nothing changed.`,
        statuses.map((s) => ({ id: String(s.emailer_campaign_id), name: null, status: str(s.status) })),
      );
    }
    const ids = targets.map((s) => String(s.emailer_campaign_id));
    const path = withQuery('/emailer_campaigns/remove_or_stop_contact_ids', [
      ...ids.map((id): [string, string] => ['emailer_campaign_ids[]', id]),
      ['contact_ids[]', String(contact.id)],
      ['mode', APOLLO_MODE[req.mode]],
    ]);
    const { data } = await callJson<{ contacts?: unknown[] }>(ctx, provider, { method: 'POST', path });
    const returned = (data?.contacts ?? []).map((c) => Contact.safeParse(c)).find((c) => c.success && String(c.data.id) === String(contact.id));
    const after = returned?.success ? returned.data : null;
    const affected = ids.map((id) => ({
      id,
      name: null,
      status: (after && str(statusIn(after, id)?.status)) ?? (req.mode === 'remove' ? 'removed' : req.mode === 'pause' ? 'stopped' : 'finished'),
    }));
    const verb = req.mode === 'remove' ? 'Removed' : req.mode === 'pause' ? 'Stopped' : 'Marked as finished';
    return outcome('stopped', after ? leadFromContact(after) : lead, campaign, `${verb} ${req.email} in Apollo sequence${ids.length > 1 ? 's' : ''} ${ids.join(', ')}.`, affected);
  };

  return {
    async find(ctx, address) {
      const c = await search(ctx, address);
      return c ? leadFromContact(c) : null;
    },
    async upsert(ctx, lead) {
      // Custom field names first: an unknown one fails before anything is written.
      const custom = await customFieldIds(ctx, lead.custom_fields);
      const existing = await search(ctx, lead.email);
      if (!existing) return { lead: leadFromContact(await create(ctx, lead, custom, 'No contact was created.')), created: true };
      // A known contact is updated by id (Update a Contact): no matching involved, email untouched.
      const body = contactFields(lead, custom);
      if (!Object.keys(body).length) return { lead: leadFromContact(existing), created: false };
      const { data } = await callJson<{ contact?: unknown }>(ctx, provider, {
        method: 'PATCH',
        path: `/contacts/${pathSegment(String(existing.id))}`,
        body,
      });
      const c = Contact.safeParse(data?.contact);
      if (!c.success) throw new ctx.z.errors.Error(`Apollo updated ${lead.email} but returned no contact.`, 'UnexpectedResponse', 502);
      return { lead: leadFromContact(c.data), created: false };
    },
    enroll,
    stop,
    async listMailboxes(ctx) {
      const { data } = await callJson<{ email_accounts?: { id?: unknown; email?: unknown; active?: unknown }[] }>(ctx, provider, {
        method: 'GET',
        path: '/email_accounts',
      });
      return (data?.email_accounts ?? [])
        .filter((a) => str(a.id))
        .map((a) => ({ id: String(a.id), name: `${str(a.email) ?? a.id}${a.active === false ? ' (inactive)' : ''}` }));
    },
  };
};
