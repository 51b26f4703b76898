import type { Capabilities } from '../capabilities';

const notCalendly = (what: string) => ({
  instant: null,
  polling: null,
  why: `Calendly only knows about meetings, so it has no ${what} event. Use this trigger with the connection of the tool that sends your emails (Smartlead, lemlist, Reply.io…), and Calendly for Meeting Booked.`,
});

/** Calendly: meetings only — no campaigns, no leads, no sequences. */
export const calendlyCapabilities: Capabilities = {
  campaignNoun: 'Campaign',
  credential: {
    name: 'personal access token',
    url: 'https://calendly.com/integrations/api_webhooks',
    help: 'In Calendly open [Integrations → API & Webhooks](https://calendly.com/integrations/api_webhooks) and generate a **personal access token**. Organization-wide webhooks need an admin or owner.',
  },
  leadUrl: null,
  events: {
    reply_received: notCalendly('reply'),
    lead_interested: notCalendly('lead-interested'),
    meeting_booked: { instant: '`invitee.created` webhook (HMAC-SHA256 signed)', polling: 'scheduled events booked since yesterday' },
    email_bounced: notCalendly('bounce'),
    lead_unsubscribed: notCalendly('unsubscribe'),
    meeting_canceled: {
      instant: '`invitee.canceled` webhook (HMAC-SHA256 signed; the cancel half of a reschedule is left out)',
      polling: 'canceled scheduled events from yesterday on, and their canceled invitees',
    },
    sequence_finished: notCalendly('sequence-finished'),
  },
  triggerCampaign: 'absent',
  interest: { kind: 'none' },
  meetings: { kind: 'event', describe: 'Calendly’s `invitee.created` event' },
  actions: 'Calendly only schedules meetings.',
};
