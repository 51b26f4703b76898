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
    meeting_booked: { instant: '`meeting_booked` webhook', polling: null },
    email_bounced: { instant: '`email_bounced` webhook', polling: null },
    lead_unsubscribed: { instant: '`email_unsubscribed` webhook', polling: null },
  },
  triggerCampaign: 'optional',
  interest: { kind: 'categories', list: 'api', default: 'Interested', describe: 'a reply category set in Reply.io (e.g. Interested)' },
  meetings: { kind: 'event', describe: 'Reply.io’s `meeting_booked` event' },
  actions: {
    // POST /v1/people requires firstName.
    create: { campaign: 'absent', requiredFields: ['first_name'] },
    update: { campaign: 'absent', requiredFields: [] },
    enroll: { mailbox: 'absent', requiredFields: ['first_name'] },
    stop: { modes: ['pause', 'remove', 'mark_finished'], campaign: 'optional' },
  },
};
