import type { LeadCampaign } from '../../model/lead';
import { email as lowerEmail, str } from '../../model/values';
import { finish, next, refusal, type Finish, type Next, type Refusal } from '../shared/decision';
import type { EnrollPolicy, EnrollRequest } from '../types';
import type { RecipientResult, SequenceRecipient } from './payloads';

/**
 * Mixmax's outcome decisions, pure (docs/ARCHITECTURE.md, "Lead operations: one shape"): given
 * what Mixmax answered — the add call's per-recipient `status`, a recipient's `state` in the
 * sequence, the cancel call's list of exited recipients — and the step's policy, what happens next.
 * Mixmax matches duplicates and unsubscribes case-sensitively, so every address here is lower case.
 */

/** The address as Mixmax is sent it (lower case: its duplicate and unsubscribe matching is case-sensitive). */
export const addressOf = (email: string): string => email.trim().toLowerCase();

/**
 * Mixmax's rate-limit answer inside a 200 (`status: error` whose `errors` speak of a limit): Zapier
 * should retry later, which a Refusal (a plain error) cannot say. The step throws it as a
 * ThrottledError after `retryAfter` seconds.
 */
export interface Throttle {
  throttle: { message: string; retryAfter: number };
}
export const throttled = (message: string, retryAfter: number): Throttle => ({ throttle: { message, retryAfter } });

/* ---- Enroll ---- */

/**
 * Mixmax reports nothing about a recipient's other sequences or earlier contact (its add call
 * answers only success / duplicated / unsubscribed / error for THIS sequence), so the
 * "in another campaign" and "previously contacted" policies cannot be checked. They are the
 * action's defaults, so the enrolment is not refused; the outcome says they were not applied.
 */
export const policiesNotApplied = (policy: EnrollPolicy): string => {
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

/** The add call's result for the address (case-insensitive), else its first result (undefined: none). */
export const resultFor = (address: string, rows: RecipientResult[]): RecipientResult | undefined =>
  rows.find((r) => lowerEmail(r.email) === address) ?? rows[0];

/**
 * `POST /sequences/{id}/recipients` "Response structure": `success` → enrolled; `unsubscribed` →
 * skipped; `duplicated` → the recipient's state in the sequence decides (next: `state`);
 * `error` (or anything else) → an error quoting `errors`, a limit / quota text → Throttle (1 h).
 */
export const afterAdding = (req: EnrollRequest, result: RecipientResult): Finish | Refusal | Throttle | Next<'state'> => {
  const address = addressOf(req.lead.email);
  const sequence = req.campaign_id;
  switch (result.status) {
    case 'success':
      return finish('enrolled', `Mixmax added ${address} to sequence ${sequence}.${policiesNotApplied(req.policy)}`);
    case 'duplicated':
      return next('state');
    case 'unsubscribed':
      return finish('skipped_unsubscribed', `Mixmax skipped ${address}: the recipient has unsubscribed.`);
    default: {
      const errors = (result.errors ?? []).map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ') || result.status;
      if (/limit|quota|too many/i.test(errors)) return throttled(`Mixmax did not add ${address} to sequence ${sequence}: ${errors}`, 3600);
      return refusal(`Mixmax did not add ${address} to sequence ${sequence}: ${errors}`, 'EnrollFailed', 400);
    }
  }
};

/** The address's `state` among one page of the sequence's recipients; undefined when it is not on the page. */
export const stateOnPage = (address: string, rows: SequenceRecipient[]): { state: string | null } | undefined => {
  const r = rows.find((row) => lowerEmail(row.email) === address);
  return r ? { state: str(r.state) } : undefined;
};

/**
 * "duplicated: This sequence was already sent to this recipient, and was skipped" — true of
 * someone still in it and of someone who finished it. The recipient's `state` (null: not listed;
 * `complete` false: not among the first `upTo` recipients read) says which: completed →
 * previously contacted, not enrolled, whatever the already-enrolled policy; otherwise already
 * enrolled, or the policy's error.
 */
export const afterDuplicate = (req: EnrollRequest, state: string | null, complete: boolean, upTo: number): Finish | Refusal => {
  const address = addressOf(req.lead.email);
  const sequence = req.campaign_id;
  if (state === 'completed') {
    const reEnroll =
      req.policy.if_previously_contacted === 're_enroll'
        ? ' "If previously contacted: re-enroll" cannot apply: Mixmax never sends a sequence twice to the same recipient — choose another sequence to contact them again.'
        : '';
    return finish(
      'skipped_previously_contacted',
      `Mixmax skipped ${address}: this recipient already finished sequence ${sequence} (state completed), and Mixmax does not send a sequence twice.${reEnroll}`,
    );
  }
  if (req.policy.if_already_enrolled === 'error') return refusal(`${address} is already a recipient of Mixmax sequence ${sequence}.`, 'AlreadyEnrolled', 409);
  const why =
    state === 'active'
      ? `${address} is an active recipient of sequence ${sequence}.`
      : state
        ? `sequence ${sequence} was already sent to this recipient (state ${state}).`
        : `sequence ${sequence} was already sent to this recipient; whether they are still in it or finished it could not be told ` +
          (complete ? '(Mixmax does not list them among its activated recipients).' : `(they are not among the first ${upTo} recipients Mixmax listed).`);
  return finish('already_enrolled', `Mixmax skipped ${address}: ${why}`);
};

/* ---- Stop (cancel) ---- */

/** Mixmax cancels one sequence at a time: Stop without a Sequence is refused before any call. */
export const stopNeedsSequence: Refusal = refusal(
  'Mixmax stops a recipient one sequence at a time: choose the Sequence to stop (Mixmax has no "all sequences" cancel call).',
  'MissingCampaign',
  400,
);

/**
 * `POST /sequences/:id/cancel` answers `{recipients: [emails exited]}` ("Response structure"):
 * 404 → not_found; the address listed (case-insensitively) → stopped; not listed → already_stopped
 * (already exited, finished, or never added); a 2xx without the list → stopped, saying so.
 */
export const afterCancel = (address: string, sequenceId: string, status: number, answer: { recipients?: unknown } | null): Finish => {
  if (status === 404) return finish('not_found', `Mixmax has no sequence ${sequenceId} with recipient ${address}; nothing to stop.`);
  const exited = Array.isArray(answer?.recipients) ? answer.recipients.map((e) => lowerEmail(e)) : null;
  if (exited === null) {
    // Not the documented answer: the cancel went through (2xx) but we cannot tell whether it exited anyone.
    return finish('stopped', `Mixmax accepted the cancel of sequence ${sequenceId} for ${address} but did not list the recipients it exited.`);
  }
  if (exited.includes(address)) return finish('stopped', `Mixmax exited ${address} from sequence ${sequenceId}; its remaining stages will not be sent.`);
  return finish(
    'already_stopped',
    `${address} is not an active recipient of Mixmax sequence ${sequenceId} (already exited, finished, or never added); nothing changed.`,
  );
};

/** The sequences a Stop outcome affected: the sequence, `cancelled`, when it stopped; none otherwise. */
export const cancelledIn = (sequenceId: string, d: Finish): LeadCampaign[] =>
  d.outcome === 'stopped' ? [{ id: sequenceId, name: null, status: 'cancelled' }] : [];
