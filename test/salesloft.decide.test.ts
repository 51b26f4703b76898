import { after422, alreadyOn, beforeAdding, blocked, needsHistory, stopTargets } from '../src/providers/salesloft/decide';
import { CadenceMembership, Person } from '../src/providers/salesloft/payloads';
import type { EnrollRequest } from '../src/providers/types';

/**
 * Salesloft's outcome decisions as pure functions. Inputs are shaped as the vendor spec documents
 * them (Person: do_not_contact, contact_restrictions; CadenceMembership: currently_on_cadence,
 * cadence {id}), written by hand.
 */

const person = (over: Record<string, unknown> = {}) =>
  Person.parse({ id: 101, email_address: 'ada@example.com', do_not_contact: false, contact_restrictions: [], ...over });
const membership = (cadence: number, on: boolean, id = cadence * 10) =>
  CadenceMembership.parse({
    id,
    currently_on_cadence: on,
    current_state: on ? 'staged' : 'removed',
    cadence: { id: cadence, _href: `https://api.salesloft.com/v2/cadences/${cadence}` },
  });

const request = (policy: Partial<EnrollRequest['policy']> = {}): EnrollRequest => ({
  campaign_id: '7',
  mailbox_id: null,
  lead: { email: 'ada@example.com', first_name: null, last_name: null, company: null, title: null, phone: null, linkedin_url: null, custom_fields: {} },
  policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip', ...policy },
});

describe('Salesloft decisions', () => {
  it('a person is blocked by do-not-contact or an email contact restriction, not by a phone one', () => {
    expect(blocked(person({ do_not_contact: true }))).toBe(true);
    expect(blocked(person({ contact_restrictions: ['email'] }))).toBe(true);
    expect(blocked(person({ contact_restrictions: ['call'] }))).toBe(false);
    expect(blocked(person())).toBe(false);
  });

  it('memberships are read only when a skip policy needs them', () => {
    expect(needsHistory(request())).toBe(true);
    expect(needsHistory(request({ if_in_other_campaign: 'add_anyway', if_previously_contacted: 're_enroll' }))).toBe(false);
    expect(needsHistory(request({ if_in_other_campaign: 'add_anyway' }))).toBe(true);
  });

  it('a blocked person is skipped before anything else, memberships or not', () => {
    expect(beforeAdding(request(), person({ do_not_contact: true }), [membership(7, true)])).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: 'ada@example.com is marked do-not-contact in Salesloft, so it was not added to cadence 7.',
    });
    expect(beforeAdding(request(), person({ do_not_contact: true }), null)).toMatchObject({ outcome: 'skipped_unsubscribed' });
  });

  it('without memberships (both policies permissive) the next step is to add', () => {
    expect(beforeAdding(request(), person(), null)).toEqual({ next: 'add' });
  });

  it('a current membership of this cadence is already enrolled, even next to an ended one of the same cadence', () => {
    expect(beforeAdding(request(), person(), [membership(7, false, 1), membership(7, true, 2)])).toEqual({
      outcome: 'already_enrolled',
      detail: 'ada@example.com was already on cadence 7; nothing changed.',
    });
    expect(beforeAdding(request({ if_already_enrolled: 'error' }), person(), [membership(7, true)])).toEqual({
      refuse: { message: 'ada@example.com is already on Salesloft cadence 7.', code: 'AlreadyEnrolled', status: 409 },
    });
  });

  it('another current cadence skips under "skip", is ignored under "add anyway"', () => {
    expect(beforeAdding(request(), person(), [membership(8, true), membership(9, true)])).toEqual({
      outcome: 'skipped_in_other_campaign',
      detail: 'ada@example.com is on another cadence (8, 9), so it was not added to cadence 7.',
    });
    expect(beforeAdding(request({ if_in_other_campaign: 'add_anyway' }), person(), [membership(8, true)])).toEqual({ next: 'add' });
  });

  it('an ended membership (any cadence) skips under "skip previously contacted", is re-enrolled otherwise', () => {
    expect(beforeAdding(request(), person(), [membership(7, false)])).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: 'ada@example.com was on cadence 7 before, so it was not added to cadence 7.',
    });
    expect(beforeAdding(request({ if_previously_contacted: 're_enroll' }), person(), [membership(7, false)])).toEqual({ next: 'add' });
  });

  it('a 422 is "already enrolled" only when Salesloft lists a current membership of the cadence; otherwise its words are the error', () => {
    expect(after422(request(), [membership(7, true)], 'could not be added')).toEqual(alreadyOn(request()));
    expect(after422(request(), [membership(8, true)], 'Person is bouncing.  ')).toEqual({
      refuse: {
        message:
          'Salesloft did not add ada@example.com to cadence 7 (422): Person is bouncing. The person is not on that cadence now, so this is not "already enrolled".',
        code: 'salesloft_422',
        status: 422,
      },
    });
  });

  it('Stop ends current memberships, only of the chosen cadence when there is one', () => {
    const all = [membership(7, true), membership(8, true), membership(9, false)];
    expect(stopTargets(all, '7').map((m) => m.id)).toEqual([70]);
    expect(stopTargets(all, null).map((m) => m.id)).toEqual([70, 80]);
    expect(stopTargets(all, '9')).toEqual([]);
  });
});
