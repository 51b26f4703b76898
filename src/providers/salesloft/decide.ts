import { boundedText, str } from '../../model/values';
import { finish, next, refusal, type Decision, type Finish, type Refusal } from '../shared/decision';
import type { EnrollRequest } from '../types';
import type { CadenceMembership, Person } from './payloads';

/**
 * Salesloft's outcome decisions, pure (docs/ARCHITECTURE.md, "Lead operations: one shape"): given
 * the person and cadence memberships Salesloft returned and the step's policy, what happens next.
 */

/** Do-not-contact, or email blocked by contact restrictions: Salesloft will not email this person. */
export const blocked = (p: Person): boolean => p.do_not_contact === true || (p.contact_restrictions ?? []).includes('email');

/** Already on the cadence: an outcome, or an error when the Zap asked for one. */
export const alreadyOn = (req: EnrollRequest): Finish | Refusal =>
  req.policy.if_already_enrolled === 'error'
    ? refusal(`${req.lead.email} is already on Salesloft cadence ${req.campaign_id}.`, 'AlreadyEnrolled', 409)
    : finish('already_enrolled', `${req.lead.email} was already on cadence ${req.campaign_id}; nothing changed.`);

/**
 * The memberships are only needed for the skip policies and a clean "already on" answer; with
 * both policies permissive, the create call's 422 tells us about "already on".
 */
export const needsHistory = (req: EnrollRequest): boolean => req.policy.if_in_other_campaign === 'skip' || req.policy.if_previously_contacted === 'skip';

/** Before adding: a blocked person is skipped, then the policies read the person's memberships (null: not read). */
export const beforeAdding = (req: EnrollRequest, person: Person, all: CadenceMembership[] | null): Decision<'add'> => {
  const address = req.lead.email;
  const cadence = req.campaign_id;
  if (blocked(person)) return finish('skipped_unsubscribed', `${address} is marked do-not-contact in Salesloft, so it was not added to cadence ${cadence}.`);
  if (!all) return next('add');
  // Every membership of this cadence counts: an earlier, ended one must not hide a current one.
  if (all.some((m) => str(m.cadence?.id) === cadence && m.currently_on_cadence === true)) return alreadyOn(req);
  const elsewhere = all.filter((m) => m.currently_on_cadence === true);
  if (req.policy.if_in_other_campaign === 'skip' && elsewhere.length) {
    return finish(
      'skipped_in_other_campaign',
      `${address} is on another cadence (${elsewhere.map((m) => str(m.cadence?.id)).join(', ')}), so it was not added to cadence ${cadence}.`,
    );
  }
  const finished = all.filter((m) => m.currently_on_cadence === false);
  if (req.policy.if_previously_contacted === 'skip' && finished.length) {
    return finish(
      'skipped_previously_contacted',
      `${address} was on cadence ${finished.map((m) => str(m.cadence?.id)).join(', ')} before, so it was not added to cadence ${cadence}.`,
    );
  }
  return next('add');
};

/**
 * The create call answered 422. Salesloft's text for "already on this cadence" is undocumented
 * (legacy v1 said "could not be added", which it also says for other refusals), so the person's
 * current memberships of the cadence decide, not the text.
 */
export const after422 = (req: EnrollRequest, current: CadenceMembership[], said: string): Finish | Refusal => {
  if (current.some((m) => str(m.cadence?.id) === req.campaign_id && m.currently_on_cadence === true)) return alreadyOn(req);
  return refusal(
    `Salesloft did not add ${req.lead.email} to cadence ${req.campaign_id} (422): ${boundedText(said, 500).replace(/[.\s]+$/, '')}. The person is not on that cadence now, so this is not "already enrolled".`,
    'salesloft_422',
    422,
  );
};

/** The memberships Stop ends: current ones, of the chosen cadence when there is one. */
export const stopTargets = (current: CadenceMembership[], cadenceId: string | null): CadenceMembership[] =>
  current.filter((m) => m.currently_on_cadence !== false && (!cadenceId || str(m.cadence?.id) === cadenceId));
