import type { Capabilities } from '../capabilities';

/** Mailshake: push subscriptions; recipients exist only inside a campaign and cannot be edited. */
export const mailshakeCapabilities: Capabilities = {
  campaignNoun: 'Campaign',
  credential: {
    name: 'API key',
    // Mailshake's app URLs carry the team id, so no page link works for everyone: the vendor's
    // authentication docs say where the key is.
    url: 'https://api-docs.mailshake.com/#Authentication',
    help: 'In Mailshake open **Extensions → API** (newer menus: **Integrations → API**), create an API key and copy it.',
  },
  leadUrl: null,
  events: {
    reply_received: { instant: '`Replied` push (type reply)', polling: 'reply activity' },
    lead_interested: { instant: '`LeadCreated` push (Lead Catcher)', polling: 'created-leads activity' },
    meeting_booked: {
      instant: null,
      polling: null,
      why: 'Mailshake has no meeting event. Use this trigger with a Calendly connection (or your scheduling tool) for Meeting Booked, or Lead Interested from Mailshake (Lead Catcher leads).',
    },
    email_bounced: { instant: '`Replied` push (type bounce)', polling: 'reply activity (bounces)' },
    lead_unsubscribed: { instant: '`Replied` push (type unsubscribe)', polling: 'reply activity (unsubscribes)' },
    meeting_canceled: {
      instant: null,
      polling: null,
      why: "Mailshake has no meeting events. Use Meeting Canceled with your scheduling tool's connection (e.g. Calendly).",
    },
    sequence_finished: {
      instant: null,
      polling: null,
      why: 'Mailshake has no "finished" state for a recipient: its pushes (Clicked, Opened, Replied, MessageSent, LeadCreated, LeadStatusChanged) and its recipient filters (opened, clicked, replied, wasSent, bounced, paused) never say that the last message went out. Use Find Lead after your sequence’s length (Delay by Zapier) instead.',
    },
  },
  triggerCampaign: 'optional',
  interest: { kind: 'event', describe: 'a Lead Catcher lead created in Mailshake' },
  meetings: { kind: 'none' },
  actions: {
    create: { campaign: 'required', requiredFields: [] },
    update: {
      unsupported: 'Mailshake has no API call that changes a recipient once it is in a campaign; edit the recipient in Mailshake.',
    },
    enroll: { mailbox: 'absent', requiredFields: [] },
    stop: { modes: ['pause'], campaign: 'optional' },
    resume: { campaign: 'optional' },
  },
};
