import { campaignField, emailField, leadDetailFields, OUTCOME_OUTPUT_FIELDS } from '../src/app/actionFields';
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
      {
        key: 'if_already_enrolled',
        label: 'If Already Enrolled',
        type: 'string' as const,
        required: false,
        default: 'skip',
        choices: [
          { value: 'skip', label: 'Skip (outcome "already enrolled")', sample: 'skip' },
          { value: 'error', label: 'Stop with an error', sample: 'error' },
        ],
        helpText: 'What to do when the lead is already in this campaign.',
      },
      {
        key: 'if_in_other_campaign',
        label: 'If In Another Campaign',
        type: 'string' as const,
        required: false,
        default: 'skip',
        choices: [
          { value: 'skip', label: 'Skip (outcome "skipped in other campaign")', sample: 'skip' },
          { value: 'add_anyway', label: 'Add anyway', sample: 'add_anyway' },
        ],
        helpText: 'What to do when the lead is active in a different campaign of the same tool.',
      },
      {
        key: 'if_previously_contacted',
        label: 'If Previously Contacted',
        type: 'string' as const,
        required: false,
        default: 'skip',
        choices: [
          { value: 'skip', label: 'Skip (outcome "skipped previously contacted")', sample: 'skip' },
          { value: 're_enroll', label: 'Enroll again (re-qualified lead)', sample: 're_enroll' },
        ],
        helpText: 'What to do with a lead that finished or left a sequence earlier — e.g. disqualified before and an MQL again now.',
      },
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
