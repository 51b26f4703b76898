import type { Capabilities } from '../capabilities';

/** Smartlead: everything lives inside a campaign — its webhooks, its lead statistics and its leads. */
export const smartleadCapabilities: Capabilities = {
  campaignNoun: 'Campaign',
  credential: {
    name: 'API key',
    url: 'https://app.smartlead.ai/app/settings/profile',
    help: 'In Smartlead open [Settings → API Key](https://app.smartlead.ai/app/settings/profile), click **Activate API** if needed, and copy the key.',
  },
  leadUrl: null,
  events: {
    reply_received: { instant: '`EMAIL_REPLY` campaign webhook', polling: 'campaign lead statistics (replied)', pollingNeedsCampaign: true },
    lead_interested: {
      instant: '`LEAD_CATEGORY_UPDATED` campaign webhook (your Interested Categories)',
      polling: 'campaign lead statistics by category',
      pollingNeedsCampaign: true,
    },
    meeting_booked: {
      instant: '`LEAD_CATEGORY_UPDATED` campaign webhook (your Meeting Categories)',
      polling: 'campaign lead statistics by category',
      pollingNeedsCampaign: true,
    },
    email_bounced: { instant: '`EMAIL_BOUNCE` campaign webhook', polling: 'campaign lead statistics (bounced)', pollingNeedsCampaign: true },
    lead_unsubscribed: { instant: '`LEAD_UNSUBSCRIBED` campaign webhook', polling: 'campaign lead statistics (unsubscribed)', pollingNeedsCampaign: true },
    meeting_canceled: {
      instant: null,
      polling: null,
      why: "Smartlead has no meetings, so nothing is canceled there. Use Meeting Canceled with your scheduling tool's connection (e.g. Calendly).",
    },
    sequence_finished: {
      instant: null,
      polling: 'campaign leads with status COMPLETED',
      pollingNeedsCampaign: true,
      why: 'Smartlead sends no webhook when a lead completes a campaign.',
    },
  },
  triggerCampaign: 'required',
  interest: { kind: 'categories', list: 'api', default: 'Interested', describe: 'a lead category you set in Smartlead (e.g. Interested)' },
  meetings: { kind: 'categories', list: 'api', default: 'Meeting Booked', describe: 'a lead category you set in Smartlead (e.g. Meeting Booked)' },
  actions: {
    create: { campaign: 'required', requiredFields: [] },
    update: {
      unsupported:
        'Smartlead’s lead upload leaves a lead that is already in the campaign as it is, so Sales Connect cannot change its fields; edit the lead in Smartlead.',
    },
    enroll: { mailbox: 'absent', requiredFields: [] },
    stop: { modes: ['pause', 'remove'], campaign: 'optional' },
    resume: { campaign: 'optional' },
  },
};
