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
      {
        key: 'signing_key',
        label: 'Signing Key',
        type: 'password' as const,
        required: false,
        helpText:
          'Optional, and recommended: without it the step cannot tell a real delivery from one anyone with the Catch Hook URL posted, and its output says `verified: false`. ' +
          'Calendly: the webhook signing key; Salesloft: the callback token (both also need **Headers**); lemlist: the secret of the hook; ' +
          'Smartlead, Woodpecker, Reply.io, Mailshake, Mixmax: a secret you add to the Catch Hook URL as `?sc_secret=…` (also map **Query String**).',
      },
      {
        key: 'query_string',
        label: 'Query String',
        type: 'string' as const,
        required: false,
        helpText: 'Optional: the Catch Raw Hook’s `querystring`, where the `sc_secret` you added to the hook URL arrives.',
      },
      ...normalizeCategoryFields,
    ],
    perform: actionPerform('normalizeEvent'),
    sample: {
      ...SAMPLES.reply_received,
      verified: false,
      verification: 'Not verified: no Signing Key was given.',
      event_count: 1,
      events: [SAMPLES.reply_received],
    },
    outputFields: [
      ...EVENT_OUTPUT_FIELDS,
      { key: 'verified', label: 'Verified', type: 'boolean' as const },
      { key: 'verification', label: 'Verification' },
      { key: 'event_count', label: 'Number of Events', type: 'integer' as const },
      { key: 'events[]id', label: 'Events: ID' },
      { key: 'events[]event', label: 'Events: Type' },
      { key: 'events[]lead__email', label: 'Events: Lead Email' },
      { key: 'events[]occurred_at', label: 'Events: Occurred At' },
    ],
  },
};
