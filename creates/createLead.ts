import { campaignField, emailField, LEAD_OUTPUT_FIELDS, LEAD_SAMPLE, leadDetailFields } from '../src/app/actionFields';
import { createLead } from '../src/app/actionOps';

export default {
  key: 'create_lead',
  noun: 'Lead',
  display: {
    label: 'Create or Update Lead',
    description:
      'Creates a lead, or updates the one with this email. In Smartlead, lemlist and Mailshake a lead only exists inside a campaign: there it is added to the chosen Campaign, which starts that campaign for it; elsewhere it is not enrolled anywhere.',
  },
  operation: {
    inputFields: [
      emailField,
      campaignField(false, 'Required for tools whose leads live inside a campaign (Smartlead, lemlist, Mailshake); ignored by the others.'),
      ...leadDetailFields,
    ],
    perform: createLead,
    sample: { ...LEAD_SAMPLE, created: true },
    outputFields: [...LEAD_OUTPUT_FIELDS, { key: 'created', label: 'Created', type: 'boolean' as const }],
  },
};
