import { campaignField, choiceField, emailField, leadDetailFields, OUTCOME_OUTPUT_FIELDS } from '../src/app/actionFields';
import { enrollLead } from '../src/app/actionOps';

export default {
  key: 'enroll_lead',
  noun: 'Enrollment',
  display: {
    label: 'Enroll Lead in Campaign',
    description:
      'Adds a lead to a campaign, sequence or cadence and reports what the tool did: enrolled, already enrolled, or skipped (unsubscribed, in another campaign, contacted before).',
  },
  operation: {
    inputFields: [
      campaignField(true, 'The campaign / sequence / cadence to add the lead to.'),
      emailField,
      ...leadDetailFields,
      choiceField('if_already_enrolled', 'If Already Enrolled', 'What to do when the lead is already in this campaign.', [
        ['skip', 'Skip (outcome "already enrolled")'],
        ['error', 'Stop with an error'],
      ]),
      choiceField('if_in_other_campaign', 'If In Another Campaign', 'What to do when the lead is active in a different campaign of the same tool.', [
        ['skip', 'Skip (outcome "skipped in other campaign")'],
        ['add_anyway', 'Add anyway'],
      ]),
      choiceField(
        'if_previously_contacted',
        'If Previously Contacted',
        'What to do with a lead that finished or left a sequence earlier — e.g. disqualified before and an MQL again now.',
        [
          ['skip', 'Skip (outcome "skipped previously contacted")'],
          ['re_enroll', 'Enroll again (re-qualified lead)'],
        ],
      ),
      {
        key: 'mailbox_id',
        label: 'Sending Mailbox',
        type: 'string' as const,
        required: false,
        dynamic: 'mailbox_list.id.name',
        helpText: 'Apollo only: the email account the sequence sends from (Apollo requires it).',
      },
    ],
    perform: enrollLead,
    sample: {
      outcome: 'enrolled',
      tool: 'smartlead',
      lead: { id: 'smartlead:2001', email: 'jane.doe@example.com' },
      campaign: { id: '9181', name: 'Q2 outbound' },
      affected_campaigns: [],
      detail: 'jane.doe@example.com was added to campaign Q2 outbound.',
    },
    outputFields: OUTCOME_OUTPUT_FIELDS,
  },
};
