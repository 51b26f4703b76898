import { LEAD_OUTPUT_FIELDS, LEAD_SAMPLE } from '../src/app/actionFields';
import { findForm } from '../src/app/forms';
import { actionPerform } from '../src/app/lazy';

export default {
  key: 'find_lead',
  noun: 'Lead',
  display: {
    label: 'Find Lead',
    description: 'Finds a lead by email in the connected tool, with its campaigns, unsubscribe state and a link to it in the tool.',
  },
  operation: {
    inputFields: findForm,
    perform: actionPerform('findLead'),
    sample: LEAD_SAMPLE,
    outputFields: LEAD_OUTPUT_FIELDS,
  },
};
