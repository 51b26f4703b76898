import {
  afterAdding,
  afterCreate,
  afterStopping,
  alreadyIn,
  beforeAdding,
  beforeStopping,
  changes,
  customFieldIds,
  inScope,
  notFound,
  scopeCampaigns,
  sendingMailbox,
  stopTargets,
  stoppedCampaigns,
  untouchedNote,
  withNote,
  type AddAnswer,
} from '../src/providers/apollo/decide';
import { Contact, TypedCustomField } from '../src/providers/apollo/payloads';
import type { EnrollRequest, LeadInput, StopRequest } from '../src/providers/types';

/**
 * Apollo's outcome decisions as pure functions. Inputs are shaped as Apollo's OpenAPI documents
 * them (vendor-specs/apollo.openapi.json): a contact with `contact_campaign_statuses[]` (status
 * active / paused / finished / failed, `inactive_reason`), the `skipped_contact_ids` reasons of
 * add_contact_ids, the `typed_custom_fields` list with `picklist_values`. Written by hand.
 */

const SEQ = '66e9e215ece19801b219997f';
const OTHER = '66e9e215ece19801b2199980';
const CONTACT = '66e34b81740c50074e3d1bd4';
const ADDRESS = 'fyodor.dostoevsky@apollo.io';
const NAME = 'Target Copywriting Clients in Dublin';

const statusRow = (campaign: string, status: string, over: Record<string, unknown> = {}) => ({
  id: `68782af181c7f0002159df${campaign.slice(-2)}`,
  emailer_campaign_id: campaign,
  send_email_from_user_id: '66302798d03b9601c7934ebf',
  inactive_reason: null,
  status,
  added_at: '2025-07-16T22:42:57.372+00:00',
  finished_at: null,
  paused_at: null,
  send_email_from_email_account_id: '6633baaece5fbd01c791d7ca',
  ...over,
});

const contact = (over: Record<string, unknown> = {}): Contact =>
  Contact.parse({
    id: CONTACT,
    first_name: 'Fyodor',
    last_name: 'Dostoevsky',
    name: 'Fyodor Dostoevsky',
    title: 'Chief Writer',
    organization_name: 'Apollo.io',
    email: ADDRESS,
    email_unsubscribed: null,
    created_at: '2025-07-01T11:59:58.000Z',
    emailer_campaign_ids: [],
    contact_campaign_statuses: [],
    contact_emails: [{ email: ADDRESS, email_status: 'verified', position: 0 }],
    ...over,
  });

const leadInput = (over: Partial<LeadInput> = {}): LeadInput => ({
  email: 'Fyodor.Dostoevsky@apollo.io',
  first_name: null,
  last_name: null,
  company: null,
  title: null,
  phone: null,
  linkedin_url: null,
  custom_fields: {},
  ...over,
});

const enrollReq = (policy: Partial<EnrollRequest['policy']> = {}, over: Partial<EnrollRequest> = {}): EnrollRequest => ({
  campaign_id: SEQ,
  mailbox_id: '6633baaece5fbd01c791d7ca',
  lead: leadInput(),
  policy: { if_already_enrolled: 'skip', if_in_other_campaign: 'skip', if_previously_contacted: 'skip', ...policy },
  ...over,
});

const stopReq = (mode: StopRequest['mode'], campaign_id: string | null = SEQ): StopRequest => ({ email: ADDRESS, campaign_id, mode });

/** The vendor example of `GET /typed_custom_fields`, plus an account field (not a contact one). */
const customFieldDefs = [
  { id: '60c39ed82bd02f01154c470a', modality: 'contact', name: 'New Product Launch Date', type: 'datetime', picklist_options: [] },
  {
    id: '617ff4041e711500a401c25e',
    modality: 'contact',
    name: 'Customer Age',
    type: 'picklist',
    picklist_values: [
      { _id: '617ff4041e711500a401c25f', name: 'New Customer', id: '617ff4041e711500a401c25f', key: '617ff4041e711500a401c25f' },
      { _id: '617ff4041e711500a401c260', name: '1 year', id: '617ff4041e711500a401c260', key: '617ff4041e711500a401c260' },
    ],
  },
  { id: '66f1a0c2b3d4e5f601234568', modality: 'account', name: 'Industry Tier', type: 'string' },
].map((f) => TypedCustomField.parse(f));

describe('Apollo decisions: Custom Fields', () => {
  it('maps contact field names (any case) and ids to field ids, picklist options by name or id to option ids, other values as given', () => {
    expect(customFieldIds(customFieldDefs, { 'new product launch date': '2025-08-07', 'Customer Age': '1 YEAR' })).toEqual({
      ids: { '60c39ed82bd02f01154c470a': '2025-08-07', '617ff4041e711500a401c25e': '617ff4041e711500a401c260' },
    });
    expect(customFieldIds(customFieldDefs, { ' 60c39ed82bd02f01154c470a ': '2025-08-07', 'CUSTOMER AGE': '617ff4041e711500a401c25f' })).toEqual({
      ids: { '60c39ed82bd02f01154c470a': '2025-08-07', '617ff4041e711500a401c25e': '617ff4041e711500a401c25f' },
    });
  });

  it('a picklist field without listed options takes the value as given', () => {
    const bare = [TypedCustomField.parse({ id: '6800aa00bb11cc22dd33ee44', modality: 'contact', name: 'Region', type: 'picklist', picklist_values: [] })];
    expect(customFieldIds(bare, { Region: 'EMEA' })).toEqual({ ids: { '6800aa00bb11cc22dd33ee44': 'EMEA' } });
  });

  it('refuses a name that is not a contact custom field (an account field is not one), listing what the account has', () => {
    expect(customFieldIds(customFieldDefs, { 'Industry Tier': 'A' })).toEqual({
      refuse: {
        message:
          'Custom Fields: Apollo has no contact custom field named "Industry Tier". Use the name of a custom contact field as Apollo shows it (this account has "New Product Launch Date", "Customer Age"). Nothing was written to Apollo.',
        code: 'InvalidInput',
        status: 400,
      },
    });
  });

  it('says so when the account has no contact custom field, and lists at most 20', () => {
    expect(customFieldIds([], { Tier: 'A' })).toEqual({
      refuse: {
        message:
          'Custom Fields: Apollo has no contact custom field named "Tier". Use the name of a custom contact field as Apollo shows it (this Apollo account has none: create it in Apollo first). Nothing was written to Apollo.',
        code: 'InvalidInput',
        status: 400,
      },
    });
    const many = Array.from({ length: 21 }, (_, i) => TypedCustomField.parse({ id: `f${i + 1}`, modality: 'contact', name: `F${i + 1}`, type: 'string' }));
    expect(customFieldIds(many, { Tier: 'A' })).toMatchObject({
      refuse: {
        message:
          'Custom Fields: Apollo has no contact custom field named "Tier". Use the name of a custom contact field as Apollo shows it (this account has "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "F13", "F14", "F15", "F16", "F17", "F18", "F19", "F20", …). Nothing was written to Apollo.',
      },
    });
  });

  it('refuses a picklist value that is not one of its options, naming them', () => {
    expect(customFieldIds(customFieldDefs, { 'Customer Age': 'forever' })).toEqual({
      refuse: {
        message:
          'Custom Fields: "forever" is not an option of Apollo\'s picklist field "Customer Age" (options: "New Customer", "1 year"). Nothing was written to Apollo.',
        code: 'InvalidInput',
        status: 400,
      },
    });
  });
});

describe('Apollo decisions: the run_dedupe answer of POST /contacts', () => {
  const sentAt = Date.parse('2025-07-01T12:00:00.000Z');

  it('a contact with our email (main or additional), new or created within 10 minutes of the call, is used', () => {
    expect(afterCreate('Fyodor.Dostoevsky@apollo.io', contact(), sentAt, 'No contact was created.')).toEqual({ next: 'use' });
    expect(afterCreate('Fyodor.Dostoevsky@apollo.io', contact({ created_at: '2025-07-01T11:50:00.000Z' }), sentAt, 'No contact was created.')).toEqual({
      next: 'use',
    });
    expect(afterCreate('Fyodor.Dostoevsky@apollo.io', contact({ created_at: null }), sentAt, 'No contact was created.')).toEqual({ next: 'use' });
    const additional = contact({ email: 'fd@apollo.io', contact_emails: [{ email: 'fd@apollo.io' }, { email: ADDRESS }] });
    expect(afterCreate('Fyodor.Dostoevsky@apollo.io', additional, sentAt, 'No contact was created.')).toEqual({ next: 'use' });
  });

  it('refuses a contact with another email (matched by name and company), naming it and what was not done', () => {
    const namesake = contact({
      id: '66e34b81740c50074e3d9999',
      email: 'fyodor@old-employer.example',
      contact_emails: [{ email: 'fyodor@old-employer.example' }],
    });
    expect(afterCreate('Fyodor.Dostoevsky@apollo.io', namesake, sentAt, 'No contact was created.')).toEqual({
      refuse: {
        message:
          'Apollo did not create a contact for Fyodor.Dostoevsky@apollo.io: its duplicate check (run_dedupe) matched a different contact by name and company — Fyodor Dostoevsky, Apollo.io (id 66e34b81740c50074e3d9999, email fyodor@old-employer.example) — and may have updated that contact with the values sent. No contact was created. Check contact 66e34b81740c50074e3d9999 in Apollo; if it is another person, add Fyodor.Dostoevsky@apollo.io in Apollo by hand.',
        code: 'DedupeMismatch',
        status: 409,
      },
    });
  });

  it('names a contact by first + last name without `name`, says "no name" / "none" when Apollo gives neither', () => {
    const unnamed = contact({ id: '42', name: null, first_name: null, last_name: null, organization_name: null, email: null, contact_emails: [] });
    expect(afterCreate(ADDRESS, unnamed, sentAt, 'No contact was created.')).toMatchObject({
      refuse: { message: expect.stringContaining('matched a different contact by name and company — no name (id 42, email none) — and may') },
    });
    const firstLast = contact({ name: null, organization_name: null, email: 'other@example.com', contact_emails: [] });
    expect(afterCreate(ADDRESS, firstLast, sentAt, 'No contact was created.')).toMatchObject({
      refuse: { message: expect.stringContaining(`— Fyodor Dostoevsky (id ${CONTACT}, email other@example.com) —`) },
    });
  });

  it('refuses a contact Apollo created more than 10 minutes before the call: the search had not found it', () => {
    expect(
      afterCreate('Fyodor.Dostoevsky@apollo.io', contact({ created_at: '2025-07-01T11:49:59.000Z' }), sentAt, `Nothing was enrolled in sequence ${SEQ}.`),
    ).toEqual({
      refuse: {
        message: `Apollo did not create a contact for Fyodor.Dostoevsky@apollo.io: its duplicate check (run_dedupe) returned an existing contact — Fyodor Dostoevsky, Apollo.io (id ${CONTACT}, created 2025-07-01T11:49:59.000Z) — that a search for Fyodor.Dostoevsky@apollo.io had not found, so it matched by name and company, not by email, and Apollo may have replaced that contact's email with Fyodor.Dostoevsky@apollo.io. Nothing was enrolled in sequence ${SEQ}. Check contact ${CONTACT} in Apollo.`,
        code: 'DedupeMismatch',
        status: 409,
      },
    });
  });
});

describe('Apollo decisions: Enroll Lead', () => {
  it('needs a sending mailbox: the chosen id, or a refusal', () => {
    expect(sendingMailbox(enrollReq())).toBe('6633baaece5fbd01c791d7ca');
    const refused = {
      refuse: {
        message: 'Apollo needs a sending mailbox to add a contact to a sequence: choose one in the "Mailbox" field (Apollo email accounts).',
        code: 'MissingMailbox',
        status: 400,
      },
    };
    expect(sendingMailbox(enrollReq({}, { mailbox_id: null }))).toEqual(refused);
    expect(sendingMailbox(enrollReq({}, { mailbox_id: '   ' }))).toEqual(refused);
  });

  it('notes that a found contact was left as it is only when the step carried fields for it', () => {
    const note = ' The existing Apollo contact’s fields were left as they are (use Create Lead to update them).';
    expect(untouchedNote(true, leadInput({ title: 'Chief Writer' }))).toBe(note);
    expect(untouchedNote(true, leadInput({ custom_fields: { 'Customer Age': '1 year' } }))).toBe(note);
    expect(untouchedNote(true, leadInput())).toBe('');
    expect(untouchedNote(false, leadInput({ first_name: 'Fyodor', phone: '+15555550117' }))).toBe('');
    expect(withNote({ outcome: 'already_enrolled', detail: 'Already.' }, note)).toEqual({ outcome: 'already_enrolled', detail: `Already.${note}` });
    expect(withNote({ refuse: { message: 'No.', code: 'AlreadyEnrolled', status: 409 } }, note)).toEqual({
      refuse: { message: 'No.', code: 'AlreadyEnrolled', status: 409 },
    });
  });

  it('already in: an outcome naming the sequence (its name when known), or the error the Zap asked for', () => {
    expect(alreadyIn(enrollReq(), null)).toEqual({
      outcome: 'already_enrolled',
      detail: `Fyodor.Dostoevsky@apollo.io was already in sequence ${SEQ}; nothing changed.`,
    });
    expect(alreadyIn(enrollReq(), NAME)).toEqual({
      outcome: 'already_enrolled',
      detail: `Fyodor.Dostoevsky@apollo.io was already in sequence ${NAME}; nothing changed.`,
    });
    expect(alreadyIn(enrollReq({ if_already_enrolled: 'error' }), NAME)).toEqual({
      refuse: { message: `Fyodor.Dostoevsky@apollo.io is already in Apollo sequence ${NAME}.`, code: 'AlreadyEnrolled', status: 409 },
    });
  });

  it('before adding: an unsubscribed contact is skipped first, even when live in the sequence', () => {
    expect(beforeAdding(enrollReq(), contact({ email_unsubscribed: true, contact_campaign_statuses: [statusRow(SEQ, 'active')] }))).toEqual({
      outcome: 'skipped_unsubscribed',
      detail: `Fyodor.Dostoevsky@apollo.io has unsubscribed in Apollo, so it was not added to sequence ${SEQ}.`,
    });
  });

  it('before adding: active or paused (any case) in this sequence is already enrolled, without an add call', () => {
    expect(beforeAdding(enrollReq(), contact({ contact_campaign_statuses: [statusRow(SEQ, 'active')] }))).toEqual({
      outcome: 'already_enrolled',
      detail: `Fyodor.Dostoevsky@apollo.io was already in sequence ${SEQ}; nothing changed.`,
    });
    expect(
      beforeAdding(enrollReq(), contact({ contact_campaign_statuses: [statusRow(SEQ, 'Paused', { inactive_reason: 'Sequence inactive' })] })),
    ).toMatchObject({
      outcome: 'already_enrolled',
    });
    expect(beforeAdding(enrollReq({ if_already_enrolled: 'error' }), contact({ contact_campaign_statuses: [statusRow(SEQ, 'paused')] }))).toEqual({
      refuse: { message: `Fyodor.Dostoevsky@apollo.io is already in Apollo sequence ${SEQ}.`, code: 'AlreadyEnrolled', status: 409 },
    });
  });

  it('before adding: finished here, live elsewhere, or no status at all goes on to the add call (Apollo applies the other policies)', () => {
    expect(beforeAdding(enrollReq(), contact({ contact_campaign_statuses: [statusRow(SEQ, 'finished', { inactive_reason: 'Completed last step' })] }))).toEqual(
      { next: 'add' },
    );
    expect(beforeAdding(enrollReq(), contact({ contact_campaign_statuses: [statusRow(OTHER, 'active')] }))).toEqual({ next: 'add' });
    expect(beforeAdding(enrollReq(), contact({ email_unsubscribed: false }))).toEqual({ next: 'add' });
  });

  const skipped = (reason: string, name: string | null = NAME): AddAnswer => ({ reason, after: null, name });

  it('after adding: "already exists in current campaign" is already enrolled when live there or without a status we can see', () => {
    expect(afterAdding(enrollReq(), contact(), skipped('contacts_already_exists_in_current_campaign'))).toEqual({
      outcome: 'already_enrolled',
      detail: `Fyodor.Dostoevsky@apollo.io was already in sequence ${NAME}; nothing changed.`,
    });
    expect(
      afterAdding(enrollReq(), contact({ contact_campaign_statuses: [statusRow(SEQ, 'active')] }), skipped('contacts_already_exists_in_current_campaign')),
    ).toMatchObject({
      outcome: 'already_enrolled',
    });
    expect(afterAdding(enrollReq({ if_already_enrolled: 'error' }), contact(), skipped('contacts_already_exists_in_current_campaign', null))).toEqual({
      refuse: { message: `Fyodor.Dostoevsky@apollo.io is already in Apollo sequence ${SEQ}.`, code: 'AlreadyEnrolled', status: 409 },
    });
  });

  it('after adding: "already exists" for a contact that went through this sequence is previously contacted, whatever the already-enrolled policy', () => {
    const finished = contact({
      contact_campaign_statuses: [statusRow(SEQ, 'Finished', { inactive_reason: 'Completed last step', finished_at: '2025-07-20T10:00:00.000+00:00' })],
    });
    expect(afterAdding(enrollReq({ if_already_enrolled: 'error' }), finished, skipped('contacts_already_exists_in_current_campaign'))).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: `Apollo skipped Fyodor.Dostoevsky@apollo.io: it was in sequence "${NAME}" before (status: finished), so it was not added again.`,
    });
    expect(afterAdding(enrollReq({ if_previously_contacted: 're_enroll' }), finished, skipped('contacts_already_exists_in_current_campaign'))).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: `Apollo did not add Fyodor.Dostoevsky@apollo.io to "${NAME}" again: it was in this sequence before (status: finished), and Apollo’s API has no option to re-add a contact to a sequence it has already been through (its re-add options cover other sequences only), so "re-enroll" cannot apply here. Re-add it in Apollo itself, or use another sequence.`,
    });
    const failed = contact({ contact_campaign_statuses: [statusRow(SEQ, 'failed')] });
    expect(afterAdding(enrollReq(), failed, skipped('contacts_already_exists_in_current_campaign', null))).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: `Apollo skipped Fyodor.Dostoevsky@apollo.io: it was in sequence ${SEQ} before (status: failed), so it was not added again.`,
    });
  });

  it('after adding: active in / finished another sequence are the matching skips', () => {
    expect(afterAdding(enrollReq(), contact(), skipped('contacts_active_in_other_campaigns'))).toEqual({
      outcome: 'skipped_in_other_campaign',
      detail: `Apollo skipped Fyodor.Dostoevsky@apollo.io: it is active in another sequence, so it was not added to "${NAME}".`,
    });
    expect(afterAdding(enrollReq(), contact(), skipped('contacts_finished_in_other_campaigns', null))).toEqual({
      outcome: 'skipped_previously_contacted',
      detail: `Apollo skipped Fyodor.Dostoevsky@apollo.io: it has finished another sequence, so it was not added to ${SEQ}.`,
    });
  });

  it('after adding: any other skip reason is an error quoting Apollo’s reason (its description when documented)', () => {
    expect(afterAdding(enrollReq(), contact(), skipped('contacts_unverified_email'))).toEqual({
      refuse: {
        message: `Apollo did not add Fyodor.Dostoevsky@apollo.io to sequence "${NAME}": the contact has no verified email address (contacts_unverified_email).`,
        code: 'EnrollSkipped',
        status: 422,
      },
    });
    expect(afterAdding(enrollReq(), contact(), skipped('contacts_with_job_change', null))).toEqual({
      refuse: {
        message: `Apollo did not add Fyodor.Dostoevsky@apollo.io to sequence ${SEQ}: the contact has a pending job change (contacts_with_job_change).`,
        code: 'EnrollSkipped',
        status: 422,
      },
    });
    expect(afterAdding(enrollReq(), contact(), skipped('contacts_on_hold'))).toEqual({
      refuse: {
        message: `Apollo did not add Fyodor.Dostoevsky@apollo.io to sequence "${NAME}": contacts_on_hold (contacts_on_hold).`,
        code: 'EnrollSkipped',
        status: 422,
      },
    });
    // Not a table entry: Object.prototype's keys are no reasons.
    expect(afterAdding(enrollReq(), contact(), skipped('constructor'))).toMatchObject({
      refuse: { message: `Apollo did not add Fyodor.Dostoevsky@apollo.io to sequence "${NAME}": constructor (constructor).` },
    });
  });

  it('after adding without a skip: enrolled when the returned contact lists the sequence, with its status when given', () => {
    const listed = contact({ emailer_campaign_ids: [SEQ], contact_campaign_statuses: [statusRow(SEQ, 'active')] });
    expect(afterAdding(enrollReq(), contact(), { reason: undefined, after: listed, name: NAME })).toEqual({
      outcome: 'enrolled',
      detail: `Added Fyodor.Dostoevsky@apollo.io to Apollo sequence "${NAME}" (status: active).`,
    });
    const idsOnly = contact({ emailer_campaign_ids: [OTHER, SEQ] });
    expect(afterAdding(enrollReq(), contact(), { reason: undefined, after: idsOnly, name: null })).toEqual({
      outcome: 'enrolled',
      detail: `Added Fyodor.Dostoevsky@apollo.io to Apollo sequence ${SEQ}.`,
    });
  });

  it('after adding without a skip: never enrolled when Apollo does not list the contact in the sequence', () => {
    const unconfirmed = {
      refuse: {
        message: `Apollo answered without skipping Fyodor.Dostoevsky@apollo.io, but did not list it in sequence "${NAME}". Check the sequence in Apollo.`,
        code: 'EnrollUnconfirmed',
        status: 502,
      },
    };
    expect(afterAdding(enrollReq(), contact(), { reason: undefined, after: null, name: NAME })).toEqual(unconfirmed);
    const elsewhere = contact({ emailer_campaign_ids: [OTHER], contact_campaign_statuses: [statusRow(OTHER, 'active')] });
    expect(afterAdding(enrollReq(), contact(), { reason: undefined, after: elsewhere, name: NAME })).toEqual(unconfirmed);
  });
});

describe('Apollo decisions: Stop Sequence', () => {
  it('which statuses each mode still changes', () => {
    // pause = Apollo "stop": not what is already paused, finished, removed or failed.
    expect(['active', 'paused', 'Paused', 'finished', 'removed', 'failed'].map((s) => changes('pause', s))).toEqual([true, false, false, false, false, false]);
    expect(changes('pause', null)).toBe(true);
    // mark_finished: everything but finished or removed.
    expect(['active', 'paused', 'failed', 'finished', 'removed'].map((s) => changes('mark_finished', s))).toEqual([true, true, true, false, false]);
    // remove: everything but removed.
    expect(['active', 'paused', 'failed', 'finished', 'removed', 'REMOVED'].map((s) => changes('remove', s))).toEqual([true, true, true, true, false, false]);
  });

  it('no contact with the email is not_found', () => {
    expect(notFound(stopReq('pause'))).toEqual({ outcome: 'not_found', detail: `No Apollo contact has the email ${ADDRESS}; nothing to stop.` });
  });

  const three = contact({
    contact_campaign_statuses: [
      statusRow(SEQ, 'active'),
      statusRow(OTHER, 'paused', { paused_at: '2025-07-18T09:00:00.000+00:00' }),
      statusRow('66e9e215ece19801b2199981', 'finished'),
    ],
  });

  it('the scope is the chosen sequence, or every sequence; the targets are those the mode still changes', () => {
    expect(inScope(three, SEQ).map((s) => s.emailer_campaign_id)).toEqual([SEQ]);
    expect(inScope(three, null).map((s) => s.emailer_campaign_id)).toEqual([SEQ, OTHER, '66e9e215ece19801b2199981']);
    expect(stopTargets(three, stopReq('pause', null)).map((s) => s.emailer_campaign_id)).toEqual([SEQ]);
    expect(stopTargets(three, stopReq('mark_finished', null)).map((s) => s.emailer_campaign_id)).toEqual([SEQ, OTHER]);
    expect(stopTargets(three, stopReq('remove', null)).map((s) => s.emailer_campaign_id)).toEqual([SEQ, OTHER, '66e9e215ece19801b2199981']);
    expect(stopTargets(three, stopReq('pause', OTHER))).toEqual([]);
  });

  it('something to change goes on to the stop call', () => {
    expect(beforeStopping(stopReq('pause'), three)).toEqual({ next: 'stop' });
    expect(beforeStopping(stopReq('remove', '66e9e215ece19801b2199981'), three)).toEqual({ next: 'stop' });
  });

  it('nothing to change is already_stopped, quoting the statuses in scope, or saying the contact is in no such sequence', () => {
    expect(beforeStopping(stopReq('pause', OTHER), three)).toEqual({
      outcome: 'already_stopped',
      detail: `${ADDRESS} is already stopped in sequence ${OTHER} (${OTHER}: paused); nothing changed.`,
    });
    const done = contact({ contact_campaign_statuses: [statusRow(SEQ, 'finished'), statusRow(OTHER, 'removed')] });
    expect(beforeStopping(stopReq('mark_finished', null), done)).toEqual({
      outcome: 'already_stopped',
      detail: `${ADDRESS} is already stopped in any sequence (${SEQ}: finished, ${OTHER}: removed); nothing changed.`,
    });
    expect(beforeStopping(stopReq('pause', null), contact())).toEqual({
      outcome: 'already_stopped',
      detail: `${ADDRESS} is not in any sequence; nothing changed.`,
    });
    expect(beforeStopping(stopReq('remove', SEQ), contact({ contact_campaign_statuses: [statusRow(OTHER, 'active')] }))).toEqual({
      outcome: 'already_stopped',
      detail: `${ADDRESS} is not in sequence ${SEQ}; nothing changed.`,
    });
    expect(scopeCampaigns(done, null)).toEqual([
      { id: SEQ, name: null, status: 'finished' },
      { id: OTHER, name: null, status: 'removed' },
    ]);
    expect(scopeCampaigns(done, '66e9e215ece19801b2199981')).toEqual([]);
  });

  it('after the stop call: the verb of the mode, "sequences" for more than one', () => {
    expect(afterStopping(stopReq('pause'), [SEQ])).toEqual({ outcome: 'stopped', detail: `Stopped ${ADDRESS} in Apollo sequence ${SEQ}.` });
    expect(afterStopping(stopReq('remove', null), [SEQ, OTHER])).toEqual({
      outcome: 'stopped',
      detail: `Removed ${ADDRESS} in Apollo sequences ${SEQ}, ${OTHER}.`,
    });
    expect(afterStopping(stopReq('mark_finished'), [SEQ])).toEqual({ outcome: 'stopped', detail: `Marked as finished ${ADDRESS} in Apollo sequence ${SEQ}.` });
  });

  it('the stopped sequences carry the status Apollo returned, or the mode’s own word when it returned none', () => {
    const returned = contact({ contact_campaign_statuses: [statusRow(SEQ, 'finished', { inactive_reason: 'manually finished' })] });
    expect(stoppedCampaigns('mark_finished', [SEQ, OTHER], returned)).toEqual([
      { id: SEQ, name: null, status: 'finished' },
      { id: OTHER, name: null, status: 'finished' },
    ]);
    expect(stoppedCampaigns('pause', [SEQ], null)).toEqual([{ id: SEQ, name: null, status: 'stopped' }]);
    expect(stoppedCampaigns('remove', [SEQ], contact())).toEqual([{ id: SEQ, name: null, status: 'removed' }]);
  });
});
