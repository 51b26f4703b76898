import type { Capabilities } from '../capabilities';

/** Woodpecker: account-wide webhooks; prospects exist outside campaigns. */
export const woodpeckerCapabilities: Capabilities = {
  campaignNoun: 'Campaign',
  credential: {
    name: 'API key',
    // The page the docs' path (Marketplace → Integrations → API keys) opens; seen in public integrations' code.
    url: 'https://app.woodpecker.co/panel#marketplace/integrations/api-keys',
    help: 'In Woodpecker open **Marketplace → Integrations → API keys**, create a key and copy it. The API is part of the "API Key and Integrations" add-on.',
  },
  leadUrl: null,
  events: {
    reply_received: { instant: '`prospect_replied` webhook', polling: 'prospects with status REPLIED' },
    // Prospects list by global status: replied, bounced, blacklisted — there is no interested status filter.
    lead_interested: { instant: '`prospect_interested` webhook', polling: null },
    meeting_booked: {
      instant: null,
      polling: null,
      why: 'Woodpecker has no meeting event. Use this trigger with a Calendly connection (or your scheduling tool) for Meeting Booked, or Lead Interested from Woodpecker.',
    },
    email_bounced: { instant: '`prospect_bounced` webhook', polling: 'prospects with status BOUNCED' },
    lead_unsubscribed: { instant: '`prospect_blacklisted` webhook', polling: 'prospects with status BLACKLIST' },
    meeting_canceled: {
      instant: null,
      polling: null,
      why: "Woodpecker has no meeting events. Use Meeting Canceled with your scheduling tool's connection (e.g. Calendly).",
    },
    sequence_finished: {
      instant: null,
      polling: null,
      why: 'Woodpecker documents no per-prospect "finished the campaign" signal: its `campaign_completed` webhook reports a whole campaign finishing, and no campaign status of a prospect means "every step sent without a reply". Use Find Lead after your sequence’s length (Delay by Zapier) and check the campaign status instead.',
    },
  },
  triggerCampaign: 'optional',
  interest: { kind: 'event', describe: 'Woodpecker’s `prospect_interested` event (a prospect marked interested)' },
  meetings: { kind: 'none' },
  actions: {
    create: { campaign: 'absent', requiredFields: [] },
    update: { campaign: 'absent', requiredFields: [] },
    enroll: { mailbox: 'absent', requiredFields: [] },
    stop: { modes: ['pause'], campaign: 'optional' },
    resume: { campaign: 'optional' },
  },
};
