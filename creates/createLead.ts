import { campaignField, emailField, LEAD_OUTPUT_FIELDS, LEAD_SAMPLE, leadDetailFields } from '../src/app/actionFields';
import { createLead } from '../src/app/actionOps';

export default {
  key: 'create_lead',
  noun: 'Lead',
  display: {
    label: 'Create or Update Lead',
    description:
      'Creates a lead, or updates the one with this email, without enrolling it anywhere new. In Smartlead, lemlist and Mailshake a lead only exists inside a campaign, so the Campaign is required there.',
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
