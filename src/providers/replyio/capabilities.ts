import type { Capabilities } from '../capabilities';

/** Reply.io: team-wide v3 webhooks; no account-wide activity list, so nothing to poll. */
export const replyioCapabilities: Capabilities = {
  campaignNoun: 'Sequence',
  credential: {
    name: 'API key',
    url: 'https://run.reply.io/Dashboard/Material#/settings/api',
    help: 'In Reply.io open **Settings → API Key** and copy the key. For team-wide webhooks use the key of the team owner (or a Master API key).',
  },
  leadUrl: null,
  events: {
    reply_received: { instant: '`email_replied` webhook', polling: null },
    lead_interested: { instant: '`reply_categorized` webhook (your Interested Categories)', polling: null },
    // The v3 webhook catalogue (docs.reply.io webhook events) has no meeting event; `meeting_booked`
    // appears only on the legacy page.
    meeting_booked: {
      instant: null,
      polling: null,
      why: "Reply.io's webhooks (v3) have no meeting event. Use Meeting Booked with your calendar tool's connection (e.g. Calendly), or Lead Interested from Reply.io for replies categorized as interested.",
    },
    email_bounced: { instant: '`email_bounced` webhook', polling: null },
    lead_unsubscribed: { instant: '`contact_opted_out` webhook', polling: null },
    meeting_canceled: {
      instant: null,
      polling: null,
      why: "Reply.io's webhooks (v3) have no meeting events. Use Meeting Canceled with your scheduling tool's connection (e.g. Calendly).",
    },
    sequence_finished: { instant: '`contact_finished` webhook (not when the contact replied, bounced or opted out)', polling: null },
  },
  triggerCampaign: 'optional',
  interest: { kind: 'categories', list: 'api', default: 'Interested', describe: 'a reply category set in Reply.io (e.g. Interested)' },
  meetings: { kind: 'none' },
  actions: {
    // POST /v1/people requires firstName.
    create: { campaign: 'absent', requiredFields: ['first_name'] },
    update: { campaign: 'absent', requiredFields: [] },
    enroll: { mailbox: 'absent', requiredFields: ['first_name'] },
    stop: { modes: ['pause', 'remove', 'mark_finished'], campaign: 'optional' },
    resume: { campaign: 'optional' },
  },
};
