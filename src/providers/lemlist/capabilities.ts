import type { Capabilities } from '../capabilities';

/** lemlist: team-wide hooks (optionally per campaign); leads live inside campaigns. */
export const lemlistCapabilities: Capabilities = {
  campaignNoun: 'Campaign',
  credential: {
    name: 'API key',
    url: 'https://app.lemlist.com/settings/integrations',
    help: 'In lemlist open [Settings → Integrations](https://app.lemlist.com/settings/integrations), find **API**, generate a key and copy it.',
  },
  leadUrl: null,
  events: {
    reply_received: { instant: '`emailsReplied` hook', polling: 'activities of type emailsReplied' },
    lead_interested: { instant: '`interested` hook', polling: 'activities of every interested type' },
    meeting_booked: {
      instant: null,
      polling: null,
      why:
        'lemlist has no webhook for booked meetings ("meetingBooked" is a lead state, not a subscribable hook type). ' +
        'Use Meeting Booked with a Calendly connection, or Lead Interested with this lemlist connection.',
    },
    email_bounced: { instant: '`emailsBounced` hook', polling: 'activities of type emailsBounced' },
    lead_unsubscribed: { instant: '`emailsUnsubscribed` hook', polling: 'activities of type emailsUnsubscribed' },
    meeting_canceled: {
      instant: null,
      polling: null,
      why: "lemlist has no meeting events, so nothing is canceled there. Use Meeting Canceled with your scheduling tool's connection (e.g. Calendly).",
    },
    sequence_finished: {
      instant: null,
      polling: 'campaign leads (export) with status done and no reply, bounce or unsubscribe',
      pollingNeedsCampaign: true,
      why: 'lemlist documents no webhook for a lead that finished its campaign (its `campaignComplete` hook type is named, not described).',
    },
  },
  triggerCampaign: 'optional',
  interest: { kind: 'event', describe: 'lemlist’s `interested` activity (a lead marked interested, on any channel)' },
  meetings: { kind: 'none' },
  actions: {
    create: { campaign: 'required', requiredFields: [] },
    update: { campaign: 'required', requiredFields: [] },
    enroll: { mailbox: 'absent', requiredFields: [] },
    stop: { modes: ['pause', 'remove'], campaign: 'optional' },
    resume: { campaign: 'optional' },
  },
};
