import {
  addressOf,
  afterAdding,
  afterCancel,
  afterDuplicate,
  cancelledIn,
  policiesNotApplied,
  resultFor,
  stateOnPage,
  stopNeedsSequence,
} from '../src/providers/mixmax/decide';
import { RecipientResult, SequenceRecipient } from '../src/providers/mixmax/payloads';
import type { EnrollRequest } from '../src/providers/types';

/**
 * Mixmax's outcome decisions as pure functions. Inputs are written by hand in the shapes
 * developer.mixmax.com gives them: `POST /sequences/:id/recipients` "Response structure"
 * (`{email, status: success | duplicated | unsubscribed | error, errors}`), `GET
 * /sequences/:id/recipients` "Recipient structure" (`{_id, email, state: active | failed | completed}`)
 * and `POST /sequences/:id/cancel` (`{recipients: [emails exited]}`).
 */

const result = (status: string, email = 'ada@example.com', errors?: unknown[]) => RecipientResult.parse({ email, status, ...(errors ? { errors } : {}) });
const row = (email: string, state: string) =>
  SequenceRecipient.parse({ _id: `r-${email}`, createdAt: 1710000000000, updatedAt: 1710000500000, sequenceId: 'seq1', email, state });

const request = (policy: Partial<EnrollRequest['policy']> = {}): EnrollRequest => ({
  campaign_id: 'seq1',
  mailbox_id: null,
  lead: { email: 'Ada@Example.com', first_name: 'Ada', last_name: null, company: null, title: null, phone: null, linkedin_url: null, custom_fields: {} },
  policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll', ...policy },
});

const NOT_APPLIED_TAIL =
  " — Mixmax does not report a recipient's other sequences or earlier emails, so they could not be checked " +
  '(Mixmax only skips a recipient this sequence was already sent to, or who unsubscribed).';

describe('Mixmax decisions: Enroll', () => {
  it('addresses are lower-cased (Mixmax matches duplicates and unsubscribes case-sensitively)', () =>
    expect(addressOf(' Ada@Example.COM ')).toBe('ada@example.com'));

  it('the skip policies it cannot check are named; permissive ones add nothing', () => {
    expect(policiesNotApplied(request().policy)).toBe('');
    expect(policiesNotApplied(request({ if_in_other_campaign: 'skip' }).policy)).toBe(` Not applied: "If in another campaign: skip"${NOT_APPLIED_TAIL}`);
    expect(policiesNotApplied(request({ if_previously_contacted: 'skip' }).policy)).toBe(` Not applied: "If previously contacted: skip"${NOT_APPLIED_TAIL}`);
    expect(policiesNotApplied(request({ if_in_other_campaign: 'skip', if_previously_contacted: 'skip' }).policy)).toBe(
      ` Not applied: "If in another campaign: skip" and "If previously contacted: skip"${NOT_APPLIED_TAIL}`,
    );
  });

  it("the add call's result for the address, matched case-insensitively, else its first result", () => {
    const rows = [result('success', 'bob@example.com'), result('duplicated', 'ADA@example.com')];
    expect(resultFor('ada@example.com', rows)).toBe(rows[1]);
    expect(resultFor('cy@example.com', rows)).toBe(rows[0]);
    expect(resultFor('ada@example.com', [])).toBeUndefined();
  });

  it('success → enrolled (saying which skip policies were not applied)', () => {
    expect(afterAdding(request(), result('success'))).toEqual({ outcome: 'enrolled', detail: 'Mixmax added ada@example.com to sequence seq1.' });
    expect(afterAdding(request({ if_in_other_campaign: 'skip' }), result('success'))).toEqual({
      outcome: 'enrolled',
      detail: `Mixmax added ada@example.com to sequence seq1. Not applied: "If in another campaign: skip"${NOT_APPLIED_TAIL}`,
    });
  });

  it('unsubscribed → skipped_unsubscribed; duplicated → look up the state', () => {
    expect(afterAdding(request(), result('unsubscribed'))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'Mixmax skipped ada@example.com: the recipient has unsubscribed.',
    });
    expect(afterAdding(request(), result('duplicated'))).toEqual({ next: 'state' });
  });

  it("error → a 400 EnrollFailed quoting Mixmax's errors (the status when it gives none); a limit or quota → a 1 h throttle", () => {
    expect(afterAdding(request(), result('error', 'ada@example.com', ['Invalid email', { field: 'email' }]))).toEqual({
      refuse: { message: 'Mixmax did not add ada@example.com to sequence seq1: Invalid email; {"field":"email"}', code: 'EnrollFailed', status: 400 },
    });
    expect(afterAdding(request(), result('error'))).toEqual({
      refuse: { message: 'Mixmax did not add ada@example.com to sequence seq1: error', code: 'EnrollFailed', status: 400 },
    });
    expect(afterAdding(request(), result('error', 'ada@example.com', ['Daily sending Limit reached']))).toEqual({
      throttle: { message: 'Mixmax did not add ada@example.com to sequence seq1: Daily sending Limit reached', retryAfter: 3600 },
    });
    expect(afterAdding(request(), result('error', 'ada@example.com', ['Too many recipients']))).toMatchObject({ throttle: { retryAfter: 3600 } });
    expect(afterAdding(request(), result('error', 'ada@example.com', ['Quota exceeded']))).toMatchObject({ throttle: { retryAfter: 3600 } });
  });

  it("the address's state on a page of the sequence's recipients (case-insensitive); absent → undefined", () => {
    const page = [row('bob@example.com', 'active'), row('Ada@Example.com', 'completed')];
    expect(stateOnPage('ada@example.com', page)).toEqual({ state: 'completed' });
    expect(stateOnPage('cy@example.com', page)).toBeUndefined();
    expect(stateOnPage('ada@example.com', [SequenceRecipient.parse({ _id: 'r1', email: 'ada@example.com' })])).toEqual({ state: null });
  });

  it('duplicated and completed → skipped_previously_contacted whatever the already-enrolled policy; re_enroll is explained', () => {
    const base = 'Mixmax skipped ada@example.com: this recipient already finished sequence seq1 (state completed), and Mixmax does not send a sequence twice.';
    expect(afterDuplicate(request({ if_previously_contacted: 'skip' }), 'completed', true, 1000)).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: base,
    });
    expect(afterDuplicate(request({ if_already_enrolled: 'error' }), 'completed', true, 1000)).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: `${base} "If previously contacted: re-enroll" cannot apply: Mixmax never sends a sequence twice to the same recipient — choose another sequence to contact them again.`,
    });
  });

  it('duplicated and not completed → a 409 AlreadyEnrolled when the Zap asks for an error', () => {
    expect(afterDuplicate(request({ if_already_enrolled: 'error' }), 'active', true, 1000)).toEqual({
      refuse: { message: 'ada@example.com is already a recipient of Mixmax sequence seq1.', code: 'AlreadyEnrolled', status: 409 },
    });
    expect(afterDuplicate(request({ if_already_enrolled: 'error' }), null, false, 1000)).toMatchObject({ refuse: { code: 'AlreadyEnrolled', status: 409 } });
  });

  it('duplicated and not completed → already_enrolled, saying the state or why it is not known', () => {
    expect(afterDuplicate(request(), 'active', true, 1000)).toEqual({
      outcome: 'already_enrolled',
      detail: 'Mixmax skipped ada@example.com: ada@example.com is an active recipient of sequence seq1.',
    });
    expect(afterDuplicate(request(), 'failed', true, 1000)).toEqual({
      outcome: 'already_enrolled',
      detail: 'Mixmax skipped ada@example.com: sequence seq1 was already sent to this recipient (state failed).',
    });
    expect(afterDuplicate(request(), null, true, 1000)).toEqual({
      outcome: 'already_enrolled',
      detail:
        'Mixmax skipped ada@example.com: sequence seq1 was already sent to this recipient; whether they are still in it or finished it could not be told ' +
        '(Mixmax does not list them among its activated recipients).',
    });
    expect(afterDuplicate(request(), null, false, 1000)).toEqual({
      outcome: 'already_enrolled',
      detail:
        'Mixmax skipped ada@example.com: sequence seq1 was already sent to this recipient; whether they are still in it or finished it could not be told ' +
        '(they are not among the first 1000 recipients Mixmax listed).',
    });
  });
});

describe('Mixmax decisions: Stop (cancel)', () => {
  it('no sequence → a 400 MissingCampaign before any call', () => {
    expect(stopNeedsSequence).toEqual({
      refuse: {
        message: 'Mixmax stops a recipient one sequence at a time: choose the Sequence to stop (Mixmax has no "all sequences" cancel call).',
        code: 'MissingCampaign',
        status: 400,
      },
    });
  });

  it('the address among the recipients exited (any case) → stopped, the sequence cancelled', () => {
    const d = afterCancel('ada@example.com', 'seq1', 200, { recipients: ['bob@example.com', 'ADA@example.com'] });
    expect(d).toEqual({ outcome: 'stopped', detail: 'Mixmax exited ada@example.com from sequence seq1; its remaining stages will not be sent.' });
    expect(cancelledIn('seq1', d)).toEqual([{ id: 'seq1', name: null, status: 'cancelled' }]);
  });

  it('not among them → already_stopped, nothing affected', () => {
    const d = afterCancel('ada@example.com', 'seq1', 200, { recipients: [] });
    expect(d).toEqual({
      outcome: 'already_stopped',
      detail: 'ada@example.com is not an active recipient of Mixmax sequence seq1 (already exited, finished, or never added); nothing changed.',
    });
    expect(cancelledIn('seq1', d)).toEqual([]);
  });

  it('a 2xx without the list → stopped, saying Mixmax did not list whom it exited', () => {
    expect(afterCancel('ada@example.com', 'seq1', 200, null)).toEqual({
      outcome: 'stopped',
      detail: 'Mixmax accepted the cancel of sequence seq1 for ada@example.com but did not list the recipients it exited.',
    });
    expect(afterCancel('ada@example.com', 'seq1', 204, { recipients: 'ada@example.com' })).toMatchObject({
      outcome: 'stopped',
      detail: expect.stringContaining('did not list'),
    });
  });

  it('404 → not_found, nothing affected', () => {
    const d = afterCancel('ada@example.com', 'seq1', 404, { recipients: ['ada@example.com'] });
    expect(d).toEqual({ outcome: 'not_found', detail: 'Mixmax has no sequence seq1 with recipient ada@example.com; nothing to stop.' });
    expect(cancelledIn('seq1', d)).toEqual([]);
  });
});
