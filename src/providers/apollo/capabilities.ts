import type { Capabilities } from '../capabilities';

const NO_WEBHOOKS = 'Apollo has no webhooks for sequence emails, so Sales Connect checks Apollo’s outreach emails every few minutes instead.';

/** Apollo: no webhooks at all — every event is polled from its outreach emails. */
export const apolloCapabilities: Capabilities = {
  campaignNoun: 'Sequence',
  credential: {
    name: 'API key',
    url: 'https://developer.apollo.io/#/keys',
    help: 'In Apollo open [Settings → Integrations → API Keys](https://developer.apollo.io/#/keys) and create a key. Sequence actions (enroll, stop) and mailboxes need a **master API key** (or a key whose scope includes those endpoints).',
  },
  leadUrl: 'https://app.apollo.io/#/contacts/{id}',
  events: {
    reply_received: { instant: null, polling: 'outreach emails with a reply (auto-replies left out)', why: NO_WEBHOOKS },
    lead_interested: { instant: null, polling: 'replies Apollo classifies as willing to meet', why: NO_WEBHOOKS },
    meeting_booked: {
      instant: null,
      polling: null,
      why: 'Apollo’s API has no meeting-booked signal (neither a webhook nor a field on its outreach emails). Use this trigger with the connection of your scheduling tool (e.g. Calendly), or use "Lead Interested (Polling)", which fires when Apollo classifies a reply as willing to meet.',
    },
    email_bounced: { instant: null, polling: 'outreach emails that bounced', why: NO_WEBHOOKS },
    lead_unsubscribed: { instant: null, polling: 'outreach emails whose recipient unsubscribed', why: NO_WEBHOOKS },
    meeting_canceled: {
      instant: null,
      polling: null,
      why: "Apollo's API has no meeting signal. Use Meeting Canceled with your scheduling tool's connection (e.g. Calendly).",
    },
    sequence_finished: {
      instant: null,
      polling: 'contacts whose sequence status is finished with the reason "Completed last step" (no reply, bounce or unsubscribe)',
      why: 'Apollo has no webhooks for sequence events, so Sales Connect checks recently updated contacts’ sequence statuses every few minutes instead.',
    },
  },
  triggerCampaign: 'optional',
  interest: { kind: 'event', describe: 'a reply Apollo classifies as `willing_to_meet`' },
  meetings: { kind: 'none' },
  actions: {
    create: { campaign: 'absent', requiredFields: [] },
    update: { campaign: 'absent', requiredFields: [] },
    // Apollo's add_contact_ids needs the email account the sequence sends from.
    enroll: { mailbox: 'required', requiredFields: [] },
    stop: { modes: ['pause', 'remove', 'mark_finished'], campaign: 'optional' },
    resume: {
      unsupported:
        'Apollo’s API has no call that resumes a paused contact: adding it to the same sequence again is skipped (contacts_already_exists_in_current_campaign), and its `status` option only sets the status of newly added contacts. Resume the contact in Apollo (the sequence’s contacts list), or pause with an automatic unpause date there.',
    },
  },
};
