import { LEAD_SAMPLE_CORE, OUTCOME_OUTPUT_FIELDS } from '../src/app/actionFields';
import { actionPerform } from '../src/app/lazy';
import { resumeForm } from '../src/app/forms';
import { publishOutcome } from '../src/app/publish';

export default {
  key: 'resume_sequence',
  noun: 'Sequence Resume',
  display: {
    label: 'Resume Sequence for Lead',
    description:
      'Resumes a lead that Stop Sequence paused (e.g. when the meeting was canceled), and reports the Outcome: `resumed`, `already_running`, `not_paused`, `skipped_unsubscribed` or `not_found`. Never resumes or re-adds a lead who unsubscribed or bounced.',
  },
  operation: {
    inputFields: resumeForm,
    perform: actionPerform('resumeSequence'),
    sample: publishOutcome({
      outcome: 'resumed',
      tool: 'apollo',
      lead: LEAD_SAMPLE_CORE,
      campaign: null,
      affected_campaigns: [{ id: '66e9e215ece19801b219997f', name: 'Q2 outbound', status: 'active' }],
      detail: 'Resumed jane.doe@example.com in 1 sequence: Q2 outbound.',
    }),
    outputFields: OUTCOME_OUTPUT_FIELDS,
  },
};
