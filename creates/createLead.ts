import { CREATED_LEAD_OUTPUT_FIELDS, LEAD_SAMPLE } from '../src/app/actionFields';
import { createForm } from '../src/app/forms';
import { actionPerform } from '../src/app/lazy';

export default {
  key: 'create_lead',
  noun: 'Lead',
  display: {
    label: 'Create or Update Lead',
    description:
      'Creates a lead, or updates the one with this email. Where the tool keeps leads inside a campaign (Smartlead, lemlist, Mailshake) the form asks for the campaign, and creating the lead starts that campaign for it; elsewhere it is not enrolled anywhere.',
  },
  operation: {
    inputFields: createForm,
    perform: actionPerform('createLead'),
    sample: { ...LEAD_SAMPLE, created: true },
    outputFields: CREATED_LEAD_OUTPUT_FIELDS,
  },
};
