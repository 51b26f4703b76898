import { LEAD_SAMPLE_CORE, OUTCOME_OUTPUT_FIELDS } from '../src/app/actionFields';
import { enrollForm } from '../src/app/forms';
import { publishOutcome } from '../src/app/publish';
import { actionPerform } from '../src/app/lazy';

export default {
  key: 'enroll_lead',
  noun: 'Enrollment',
  display: {
    label: 'Enroll Lead in Campaign',
    description:
      'Adds a lead to a campaign, sequence or cadence and reports what the tool did as the Outcome: `enrolled`, `already_enrolled`, `skipped_unsubscribed`, `skipped_in_other_campaign` or `skipped_previously_contacted`.',
  },
  operation: {
    inputFields: enrollForm,
    perform: actionPerform('enrollLead'),
    sample: publishOutcome({
      outcome: 'enrolled',
      tool: 'apollo',
      lead: LEAD_SAMPLE_CORE,
      campaign: { id: '66e9e215ece19801b219997f', name: 'Q2 outbound' },
      affected_campaigns: [],
      detail: 'jane.doe@example.com was added to sequence "Q2 outbound".',
    }),
    outputFields: OUTCOME_OUTPUT_FIELDS,
  },
};
