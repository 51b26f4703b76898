import { actionPerform } from '../src/app/lazy';
import { normalizeCategoryFields } from '../src/app/forms';
import { EVENT_OUTPUT_FIELDS, SAMPLES } from '../src/app/samples';

export default {
  key: 'normalize_event',
  noun: 'Event',
  display: {
    label: 'Normalize Webhook',
    description:
      'Turns a raw webhook body caught with Webhooks by Zapier (a Mixmax rule, a Smartlead user-level webhook, any hook set up by hand) into Sales Connect’s unified events for the connection’s tool.',
  },
  operation: {
    inputFields: [
      {
        key: 'raw_body',
        label: 'Raw Body',
        type: 'text' as const,
        required: true,
        helpText: 'The webhook’s raw body: in Webhooks by Zapier use **Catch Raw Hook** and map its `raw_body`.',
      },
      {
        key: 'headers',
        label: 'Headers',
        dict: true,
        required: false,
        helpText: 'Optional request headers (some tools send the event name in a header, e.g. Salesloft’s `x-salesloft-event`).',
      },
      ...normalizeCategoryFields,
    ],
    perform: actionPerform('normalizeEvent'),
    sample: { ...SAMPLES.reply_received, event_count: 1, events: [SAMPLES.reply_received] },
    outputFields: [
      ...EVENT_OUTPUT_FIELDS,
      { key: 'event_count', label: 'Number of Events', type: 'integer' as const },
      { key: 'events[]id', label: 'Events: ID' },
      { key: 'events[]event', label: 'Events: Type' },
      { key: 'events[]lead__email', label: 'Events: Lead Email' },
      { key: 'events[]occurred_at', label: 'Events: Occurred At' },
    ],
  },
};
