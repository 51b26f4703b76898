import type { Capabilities } from '../capabilities';

const polled = (what: string) => `Salesloft sends no webhook for ${what}; the polling trigger checks Salesloft’s recently updated email activities instead.`;

/** Salesloft: people and cadences; only meetings come by webhook, emails are polled. */
export const salesloftCapabilities: Capabilities = {
  campaignNoun: 'Cadence',
  credential: {
    name: 'API key',
    url: 'https://accounts.salesloft.com/oauth/applications',
    help: 'In Salesloft open [Your Applications → API Keys](https://accounts.salesloft.com/oauth/applications) (an admin may need to allow API keys), create a key with the scopes for people, cadences, cadence memberships, emails, meetings and webhook subscriptions, and copy it.',
  },
  leadUrl: 'https://app.salesloft.com/app/people/{id}',
  events: {
    reply_received: { instant: null, polling: 'email activities with replies', why: polled('replies') },
    lead_interested: {
      instant: null,
      polling: null,
      why: 'Salesloft has no "interested" signal in its API or webhooks (no reply sentiment or category). Use "Reply Received (Polling)" and filter on the reply, or use Meeting Booked, which Salesloft sends instantly.',
    },
    meeting_booked: { instant: '`meeting_booked` webhook (HMAC-SHA1 signed)', polling: 'meetings with status booked' },
    email_bounced: { instant: null, polling: 'email activities that bounced', why: polled('bounces') },
    lead_unsubscribed: {
      instant: null,
      polling: null,
      why: 'Salesloft has no unsubscribe event: opting out only changes a person’s do-not-contact flag. Use Find Lead (its "unsubscribed" field) to check a person instead.',
    },
    meeting_canceled: {
      instant: '`meeting_updated` webhook (HMAC-SHA1 signed), meetings with `canceled_at` set',
      polling: 'recently updated meetings with `canceled_at` set',
    },
    sequence_finished: {
      instant: null,
      polling: 'ended cadence memberships in state completed, without replies or bounces',
      why: 'Salesloft’s cadence membership webhook carries neither the person’s email nor whether they replied, so the polling trigger checks recently ended cadence memberships (and their people) instead.',
    },
  },
  triggerCampaign: 'optional',
  interest: { kind: 'none' },
  meetings: { kind: 'event', describe: 'Salesloft’s `meeting_booked` webhook' },
  actions: {
    create: { campaign: 'absent', requiredFields: [] },
    update: { campaign: 'absent', requiredFields: [] },
    enroll: { mailbox: 'absent', requiredFields: [] },
    stop: { modes: ['remove'], campaign: 'optional' },
    resume: {
      unsupported:
        'Salesloft has no pause: Stop Sequence removes the person from the cadence, and a removed membership cannot be resumed. Add the person to the cadence again with Enroll Lead.',
    },
  },
};
