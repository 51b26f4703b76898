import { LEAD_SAMPLE_CORE, OUTCOME_OUTPUT_FIELDS } from '../src/app/actionFields';
import { stopForm } from '../src/app/forms';
import { publishOutcome } from '../src/app/publish';
import { actionPerform } from '../src/app/lazy';

export default {
  key: 'stop_sequence',
  noun: 'Sequence Stop',
  display: {
    label: 'Stop Sequence for Lead',
    description:
      'Pauses (or removes) a lead in one or all campaigns so no more emails go out, and reports the Outcome: `stopped`, `already_stopped` or `not_found`. It never unsubscribes the lead.',
  },
  operation: {
    inputFields: stopForm,
    perform: actionPerform('stopSequence'),
    sample: publishOutcome({
      outcome: 'stopped',
      tool: 'apollo',
      lead: LEAD_SAMPLE_CORE,
      campaign: null,
      affected_campaigns: [{ id: '66e9e215ece19801b219997f', name: 'Q2 outbound', status: 'paused' }],
      detail: 'Paused jane.doe@example.com in 1 sequence: Q2 outbound.',
    }),
    outputFields: OUTCOME_OUTPUT_FIELDS,
  },
};
