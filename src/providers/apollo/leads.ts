import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import { outcomeFor } from '../shared/outcome';
import { str } from '../../model/values';
import { callJson } from '../../http/client';
import type { Ctx, EnrollRequest, LeadInput, LeadOperations, Provider, StopMode, StopRequest } from '../types';
import { hasEmail, leadFromContact } from './normalize';
import { Contact, ContactCampaignStatus, SKIP_REASONS } from './payloads';

/** Query strings with repeated `name[]` keys, as Apollo's sequence endpoints take them. */
export const withQuery = (path: string, pairs: [string, string][]): string =>
  `${path}?${new URLSearchParams(pairs).toString()}`;

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

const contactBody = (lead: LeadInput): Record<string, unknown> => {
  // An empty value would clear the field in Apollo: send only what we have.
  const body: Record<string, unknown> = { email: lead.email, run_dedupe: true };
  if (lead.first_name) body.first_name = lead.first_name;
  if (lead.last_name) body.last_name = lead.last_name;
  if (lead.company) body.organization_name = lead.company;
  if (lead.title) body.title = lead.title;
  if (lead.phone) body.direct_phone = lead.phone;
  if (Object.keys(lead.custom_fields).length) body.typed_custom_fields = lead.custom_fields;
  return body;
};

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

  /** `POST /contacts` with `run_dedupe: true`: Apollo updates the matching contact instead of duplicating it. */
  const save = async (ctx: Ctx, lead: LeadInput): Promise<Contact> => {
    const { data } = await callJson<{ contact?: unknown }>(ctx, provider, { method: 'POST', path: '/contacts', body: contactBody(lead) });
    const c = Contact.safeParse(data?.contact);
    if (!c.success) {
      throw new ctx.z.errors.Error(`Apollo saved ${lead.email} but returned no contact.`, 'UnexpectedResponse', 502);
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
    const contact = await save(ctx, req.lead);
    const lead = leadFromContact(contact);
    let campaign = { id: req.campaign_id, name: null as string | null };
    if (contact.email_unsubscribed === true) {
      return outcome('skipped_unsubscribed', lead, campaign, `${email} has unsubscribed in Apollo, so it was not added to sequence ${req.campaign_id}.`);
    }
    const before = statusIn(contact, req.campaign_id);
    const alreadyIn = (): ActionOutcome => {
      if (req.policy.if_already_enrolled === 'error') {
        throw new z.errors.Error(`${email} is already in Apollo sequence ${campaign.name ?? req.campaign_id}.`, 'AlreadyEnrolled', 409);
      }
      return outcome('already_enrolled', lead, campaign, `${email} was already in sequence ${campaign.name ?? req.campaign_id}; nothing changed.`);
    };
    if (before && LIVE.includes((before.status ?? '').toLowerCase())) return alreadyIn();

    const path = withQuery(`/emailer_campaigns/${encodeURIComponent(req.campaign_id)}/add_contact_ids`, [
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
          return alreadyIn();
        case 'contacts_active_in_other_campaigns':
          return outcome('skipped_in_other_campaign', lead, campaign, `Apollo skipped ${email}: it is active in another sequence, so it was not added to ${label}.`);
        case 'contacts_finished_in_other_campaigns':
          return outcome('skipped_previously_contacted', lead, campaign, `Apollo skipped ${email}: it has finished another sequence, so it was not added to ${label}.`);
        default:
          throw new z.errors.Error(
            `Apollo did not add ${email} to sequence ${label}: ${SKIP_REASONS[reason] ?? reason} (${reason}).`,
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
    return outcome(
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
    campaignRequiredForCreate: false,
    stopModes: ['pause', 'remove', 'mark_finished'],
    async find(ctx, address) {
      const c = await search(ctx, address);
      return c ? leadFromContact(c) : null;
    },
    async upsert(ctx, lead) {
      // The search only tells us whether this is a create; the write itself is Apollo's dedupe.
      const existing = await search(ctx, lead.email);
      const saved = await save(ctx, lead);
      return { lead: leadFromContact(saved), created: !existing };
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
