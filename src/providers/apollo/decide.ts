import type { LeadCampaign } from '../../model/lead';
import { lookup, str } from '../../model/values';
import { finish, isFinish, next, refusal, type Decision, type Finish, type Next, type Refusal } from '../shared/decision';
import type { EnrollRequest, LeadInput, StopMode, StopRequest } from '../types';
import { hasEmail } from './normalize';
import { SKIP_REASONS, type Contact, type ContactCampaignStatus, type TypedCustomField } from './payloads';

/**
 * Apollo's outcome decisions, pure (docs/ARCHITECTURE.md, "Lead operations: one shape"): given the
 * contact, its `contact_campaign_statuses`, the answers of `POST /contacts` and `add_contact_ids`
 * and the step's policy, what happens next.
 */

/** Statuses in which a contact is still in a sequence (enrolment would be a duplicate). */
export const LIVE = ['active', 'paused'];

/** Margin for clock skew: a contact Apollo created longer ago than this before our create call existed already. */
export const PRE_EXISTING_MS = 10 * 60 * 1000;

const fold = (s: string): string => s.trim().toLowerCase();

/** The contact's status in one sequence, if it has one. */
export const statusIn = (c: Contact, campaignId: string): ContactCampaignStatus | undefined =>
  (c.contact_campaign_statuses ?? []).find((s) => String(s.emailer_campaign_id) === campaignId);

/* ---- writing a contact ---- */

/**
 * Custom Fields name → value, as Apollo's `typed_custom_fields` wants them: keyed by field id, a
 * picklist value by its option id, among the account's **contact** custom fields
 * (`GET /typed_custom_fields`). A name (or option) Apollo does not have is refused before anything
 * is written.
 */
export const customFieldIds = (defs: TypedCustomField[], fields: Record<string, string>): { ids: Record<string, string> } | Refusal => {
  const contactDefs = defs.filter((f) => (str(f.modality) ?? 'contact') === 'contact');
  const ids: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const def = contactDefs.find((f) => String(f.id) === name.trim()) ?? contactDefs.find((f) => fold(str(f.name) ?? '') === fold(name));
    if (!def) {
      const known = contactDefs.map((f) => `"${str(f.name) ?? String(f.id)}"`);
      return refusal(
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
        return refusal(
          `Custom Fields: "${value}" is not an option of Apollo's picklist field "${str(def.name) ?? name}" ` +
            `(options: ${options.map((o) => `"${str(o.name) ?? String(o.id)}"`).join(', ')}). Nothing was written to Apollo.`,
          'InvalidInput',
          400,
        );
      }
      v = String(option.id);
    }
    ids[String(def.id)] = v;
  }
  return { ids };
};

/**
 * `POST /contacts` with `run_dedupe: true` answered `contact`. Apollo's dedupe also matches by
 * first + last name and company, and then overwrites that contact, email included (vendor doc).
 * So the answer must be the contact for `address` AND new: a contact whose email differs, or that
 * Apollo created well before `sentAt` (our search by email did not find it, so the match was not
 * by email), is refused. `consequence` says what the step did not do.
 */
export const afterCreate = (address: string, contact: Contact, sentAt: number, consequence: string): Refusal | Next<'use'> => {
  const c = contact;
  const who = `${str(c.name) ?? ([str(c.first_name), str(c.last_name)].filter(Boolean).join(' ') || 'no name')}${str(c.organization_name) ? `, ${str(c.organization_name)}` : ''}`;
  const id = String(c.id);
  if (!hasEmail(c, address)) {
    return refusal(
      `Apollo did not create a contact for ${address}: its duplicate check (run_dedupe) matched a different contact by name and company — ` +
        `${who} (id ${id}, email ${str(c.email) ?? 'none'}) — and may have updated that contact with the values sent. ${consequence} ` +
        `Check contact ${id} in Apollo; if it is another person, add ${address} in Apollo by hand.`,
      'DedupeMismatch',
      409,
    );
  }
  const createdAt = Date.parse(str(c.created_at) ?? '');
  if (Number.isFinite(createdAt) && createdAt < sentAt - PRE_EXISTING_MS) {
    return refusal(
      `Apollo did not create a contact for ${address}: its duplicate check (run_dedupe) returned an existing contact — ${who} (id ${id}, ` +
        `created ${str(c.created_at)}) — that a search for ${address} had not found, so it matched by name and company, not by email, ` +
        `and Apollo may have replaced that contact's email with ${address}. ${consequence} Check contact ${id} in Apollo.`,
      'DedupeMismatch',
      409,
    );
  }
  return next('use');
};

/* ---- Enroll Lead ---- */

/** Apollo enrols from a sending mailbox: the chosen one, or a refusal before any call. */
export const sendingMailbox = (req: EnrollRequest): string | Refusal =>
  str(req.mailbox_id) ??
  refusal('Apollo needs a sending mailbox to add a contact to a sequence: choose one in the "Mailbox" field (Apollo email accounts).', 'MissingMailbox', 400);

/**
 * Enroll Lead writes nothing to a contact the search found: when the step carried fields, every
 * outcome's detail says they were left as they are ('' otherwise).
 */
export const untouchedNote = (found: boolean, lead: LeadInput): string => {
  const { first_name, last_name, company, title, phone, custom_fields } = lead;
  return found && (first_name || last_name || company || title || phone || Object.keys(custom_fields).length)
    ? ' The existing Apollo contact’s fields were left as they are (use Create Lead to update them).'
    : '';
};

/** A Finish with `note` after its detail; a Refusal as it is. */
export const withNote = (d: Finish | Refusal, note: string): Finish | Refusal => (isFinish(d) ? finish(d.outcome, `${d.detail}${note}`) : d);

/** Already in the sequence (`name`: its name, when Apollo gave it): an outcome, or an error when the Zap asked for one. */
export const alreadyIn = (req: EnrollRequest, name: string | null): Finish | Refusal =>
  req.policy.if_already_enrolled === 'error'
    ? refusal(`${req.lead.email} is already in Apollo sequence ${name ?? req.campaign_id}.`, 'AlreadyEnrolled', 409)
    : finish('already_enrolled', `${req.lead.email} was already in sequence ${name ?? req.campaign_id}; nothing changed.`);

const statusOf = (s: ContactCampaignStatus | undefined): string => (str(s?.status) ?? '').toLowerCase();

/** Before the add call: an unsubscribed contact is skipped, a live one (active / paused in this sequence) is already in. */
export const beforeAdding = (req: EnrollRequest, contact: Contact): Decision<'add'> => {
  if (contact.email_unsubscribed === true) {
    return finish('skipped_unsubscribed', `${req.lead.email} has unsubscribed in Apollo, so it was not added to sequence ${req.campaign_id}.`);
  }
  const before = statusIn(contact, req.campaign_id);
  if (before && LIVE.includes(statusOf(before))) return alreadyIn(req, null);
  return next('add');
};

/** What `add_contact_ids` answered about our contact. */
export interface AddAnswer {
  /** Its `skipped_contact_ids` reason (vendor enum), if Apollo skipped it. */
  reason: string | undefined;
  /** The contact as `contacts[]` returned it, or null. */
  after: Contact | null;
  /** `emailer_campaign.name`, or null. */
  name: string | null;
}

/**
 * After the add call: Apollo's skip reason decides; without one, `enrolled` only when the returned
 * contact lists the sequence. `contact` is the contact as it was before the add.
 */
export const afterAdding = (req: EnrollRequest, contact: Contact, answer: AddAnswer): Finish | Refusal => {
  const email = req.lead.email;
  const before = statusIn(contact, req.campaign_id);
  const beforeStatus = statusOf(before);
  const label = answer.name ? `"${answer.name}"` : req.campaign_id;
  const { reason, after } = answer;
  if (reason) {
    switch (reason) {
      case 'contacts_already_exists_in_current_campaign':
        // Live here → already enrolled. Not live (finished, removed…) → it went through this
        // sequence before: Apollo keeps it there, and add_contact_ids has no flag to re-add it
        // (sequence_finished_in_other_campaigns covers *other* sequences only).
        if (!before || LIVE.includes(beforeStatus)) return alreadyIn(req, answer.name);
        return finish(
          'skipped_previously_contacted',
          req.policy.if_previously_contacted === 're_enroll'
            ? `Apollo did not add ${email} to ${label} again: it was in this sequence before (status: ${beforeStatus}), and Apollo’s API has no option to re-add a contact to a sequence it has already been through (its re-add options cover other sequences only), so "re-enroll" cannot apply here. Re-add it in Apollo itself, or use another sequence.`
            : `Apollo skipped ${email}: it was in sequence ${label} before (status: ${beforeStatus}), so it was not added again.`,
        );
      case 'contacts_active_in_other_campaigns':
        return finish('skipped_in_other_campaign', `Apollo skipped ${email}: it is active in another sequence, so it was not added to ${label}.`);
      case 'contacts_finished_in_other_campaigns':
        return finish('skipped_previously_contacted', `Apollo skipped ${email}: it has finished another sequence, so it was not added to ${label}.`);
      default:
        return refusal(`Apollo did not add ${email} to sequence ${label}: ${lookup(SKIP_REASONS, reason) ?? reason} (${reason}).`, 'EnrollSkipped', 422);
    }
  }
  const inSequence = (after && statusIn(after, req.campaign_id)) || after?.emailer_campaign_ids?.some((id) => String(id) === req.campaign_id);
  if (!inSequence) {
    return refusal(
      `Apollo answered without skipping ${email}, but did not list it in sequence ${label}. Check the sequence in Apollo.`,
      'EnrollUnconfirmed',
      502,
    );
  }
  const afterStatus = after && statusIn(after, req.campaign_id);
  return finish('enrolled', `Added ${email} to Apollo sequence ${label}${afterStatus?.status ? ` (status: ${afterStatus.status})` : ''}.`);
};

/* ---- Stop Sequence ---- */

/** Which statuses each stop mode still changes; anything else counts as already stopped. */
export const changes = (mode: StopMode, status: string | null): boolean => {
  const s = (status ?? '').toLowerCase();
  if (mode === 'pause') return !['paused', 'finished', 'removed', 'failed'].includes(s);
  if (mode === 'mark_finished') return !['finished', 'removed'].includes(s);
  return s !== 'removed';
};

/** The contact's statuses Stop looks at: those of the chosen sequence, or all of them. */
export const inScope = (c: Contact, campaignId: string | null): ContactCampaignStatus[] =>
  (c.contact_campaign_statuses ?? []).filter((s) => !campaignId || String(s.emailer_campaign_id) === campaignId);

/** The statuses in scope that the stop mode still changes (one `remove_or_stop_contact_ids` call for all). */
export const stopTargets = (c: Contact, req: StopRequest): ContactCampaignStatus[] =>
  inScope(c, req.campaign_id).filter((s) => changes(req.mode, str(s.status)));

/** No contact has the email: nothing to stop. */
export const notFound = (req: StopRequest): Finish => finish('not_found', `No Apollo contact has the email ${req.email}; nothing to stop.`);

/** Before the stop call: a contact with nothing the mode still changes is already stopped. */
export const beforeStopping = (req: StopRequest, contact: Contact): Finish | Next<'stop'> => {
  if (stopTargets(contact, req).length) return next('stop');
  const statuses = inScope(contact, req.campaign_id);
  const where = req.campaign_id ? `sequence ${req.campaign_id}` : 'any sequence';
  return finish(
    'already_stopped',
    statuses.length
      ? `${req.email} is already stopped in ${where} (${statuses.map((s) => `${s.emailer_campaign_id}: ${s.status}`).join(', ')}); nothing changed.`
      : `${req.email} is not in ${where}; nothing changed.`,
  );
};

/** The sequences an `already_stopped` outcome lists: the statuses in scope, as Apollo gave them. */
export const scopeCampaigns = (c: Contact, campaignId: string | null): LeadCampaign[] =>
  inScope(c, campaignId).map((s) => ({ id: String(s.emailer_campaign_id), name: null, status: str(s.status) }));

/** After the stop call on the sequences `ids`. */
export const afterStopping = (req: StopRequest, ids: string[]): Finish => {
  const verb = req.mode === 'remove' ? 'Removed' : req.mode === 'pause' ? 'Stopped' : 'Marked as finished';
  return finish('stopped', `${verb} ${req.email} in Apollo sequence${ids.length > 1 ? 's' : ''} ${ids.join(', ')}.`);
};

/** The stopped sequences, with the status Apollo returned (`after`), or the mode's own word when it returned none. */
export const stoppedCampaigns = (mode: StopMode, ids: string[], after: Contact | null): LeadCampaign[] =>
  ids.map((id) => ({
    id,
    name: null,
    status: (after && str(statusIn(after, id)?.status)) ?? (mode === 'remove' ? 'removed' : mode === 'pause' ? 'stopped' : 'finished'),
  }));
