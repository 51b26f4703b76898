import { campaignField, choiceField, emailField, OUTCOME_OUTPUT_FIELDS } from '../src/app/actionFields';
import { stopSequence } from '../src/app/actionOps';

export default {
  key: 'stop_sequence',
  noun: 'Sequence Stop',
  display: {
    label: 'Stop Sequence for Lead',
    description:
      'Pauses (or removes) a lead in one or all campaigns so no more emails go out. It never unsubscribes the lead. Stopping a lead that is already stopped or absent is not an error.',
  },
  operation: {
    inputFields: [
      emailField,
      campaignField(false, 'Leave empty to stop the lead in every campaign of this connection (Mixmax needs one: it stops per sequence).'),
      choiceField('mode', 'Mode', 'Pause keeps the lead and its history; remove takes it out of the campaign. Neither unsubscribes it. Salesloft and Mixmax can only remove; Woodpecker and Mailshake only pause.', [
        ['pause', 'Pause (can be resumed)'],
        ['remove', 'Remove from the campaign'],
        ['mark_finished', 'Mark as finished (where the tool has it)'],
      ]),
    ],
    perform: stopSequence,
    sample: {
      outcome: 'stopped',
      tool: 'smartlead',
      lead: { id: 'smartlead:2001', email: 'jane.doe@example.com' },
      campaign: null,
      affected_campaigns: [{ id: '9181', name: 'Q2 outbound', status: 'PAUSED' }],
      detail: 'Paused jane.doe@example.com in 1 campaign: Q2 outbound.',
    },
    outputFields: OUTCOME_OUTPUT_FIELDS,
  },
};
