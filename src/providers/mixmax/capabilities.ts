import type { Capabilities, EventCapability } from '../capabilities';
import { EVENT_LABELS, type EventType } from '../../model/tools';

/**
 * The rules API cannot create a webhook action (its type and config are undocumented), so no
 * trigger subscribes: the user creates the rule in Mixmax and posts it to the Normalize Webhook
 * action. The message says exactly which rule.
 */
const byRule = (event: EventType, rule: string): EventCapability => ({
  instant: null,
  polling: null,
  byHand: `a Mixmax rule ${rule} → Normalize Webhook`,
  why:
    `Mixmax's API cannot register a webhook for ${EVENT_LABELS[event]} (its rules API does not document the webhook action). ` +
    `Instead, in Mixmax open Rules (app.mixmax.com/dashboard/rules), create a rule ${rule} with the action "Send to webhook" pointing at a ` +
    '"Webhooks by Zapier → Catch Hook" URL, then add the Sales Connect "Normalize Webhook" action after that hook.',
});
const notInMixmax = (event: EventType, what: string): EventCapability => ({
  instant: null,
  polling: null,
  why: `Mixmax sends no ${what} event to rules or webhooks, so ${EVENT_LABELS[event]} is not available for Mixmax. Use the connection of the tool that records it (Calendly for meetings).`,
});

/** Mixmax: sequences and contacts by API; events only through a rule set up by hand. */
export const mixmaxCapabilities: Capabilities = {
  campaignNoun: 'Sequence',
  credential: {
    name: 'API token',
    url: 'https://app.mixmax.com/dashboard/settings/personal/integrations',
    help: 'In Mixmax open **Settings → Integrations → API** and create a Mixmax API token (the API is on every paid plan).',
  },
  leadUrl: null,
  events: {
    reply_received: byRule('reply_received', 'with the trigger "Email received" (event message:received)'),
    email_bounced: byRule('email_bounced', 'with the trigger "Email bounced"'),
    lead_interested: notInMixmax('lead_interested', 'interest or reply-category'),
    meeting_booked: notInMixmax('meeting_booked', 'documented meeting-booked'),
    lead_unsubscribed: notInMixmax('lead_unsubscribed', 'documented unsubscribe'),
    meeting_canceled: {
      instant: null,
      polling: null,
      why: "Mixmax sends no meeting events to rules or webhooks. Use Meeting Canceled with your scheduling tool's connection (e.g. Calendly).",
    },
    sequence_finished: {
      instant: null,
      polling: null,
      why:
        'Mixmax’s API gives a sequence recipient only the state active, failed or completed: it does not tell a recipient who received every stage from one who replied, bounced or unsubscribed (all of them leave the sequence), and Mixmax sends no event for it to rules or webhooks. ' +
        'Check the sequence’s Recipients tab in Mixmax (status "Exited: Completed"), or use Reply Received to act on replies.',
    },
  },
  triggerCampaign: 'absent',
  interest: { kind: 'none' },
  meetings: { kind: 'none' },
  actions: {
    create: { campaign: 'absent', requiredFields: [] },
    update: { campaign: 'absent', requiredFields: [] },
    enroll: { mailbox: 'absent', requiredFields: [] },
    // Mixmax cancels a recipient per sequence: there is no "every sequence of this person".
    stop: { modes: ['remove'], campaign: 'required' },
    resume: {
      unsupported: 'Mixmax can only exit a recipient from a sequence, and an exited recipient cannot be resumed. Add the recipient again with Enroll Lead.',
    },
  },
};
