import { LEAD_SAMPLE, UPDATED_LEAD_OUTPUT_FIELDS } from '../src/app/actionFields';
import { actionPerform } from '../src/app/lazy';
import { updateForm } from '../src/app/forms';

export default {
  key: 'update_lead',
  noun: 'Lead',
  display: {
    label: 'Update Lead',
    description:
      'Updates the details of an existing lead, found by email, in the connected tool. Fields left empty keep their current values. Used by Find or Create Lead when the lead already exists.',
  },
  operation: {
    inputFields: updateForm,
    perform: actionPerform('updateLead'),
    sample: { ...LEAD_SAMPLE, updated: true, detail: 'Updated jane.doe@example.com in Apollo.' },
    outputFields: UPDATED_LEAD_OUTPUT_FIELDS,
  },
};
