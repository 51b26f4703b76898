import { z } from 'zod';

/**
 * lemlist webhook bodies are activity objects (developer docs: "Each time an event happen, we'll
 * call targetUrl with the event data as an object … see activities"), the same shape as
 * `GET /activities?version=v2` items and `GET /inbox/{contactId}` messages, plus — where the
 * hook was created with one — our shared `secret`. Connectors also read `text` and
 * `messagePreview` from live `emailsReplied` bodies. Schemas are loose: unknown fields pass.
 */
const Id = z.union([z.string(), z.number()]);
const Str = z.string().nullish();

export const Activity = z.object({
  _id: Id.nullish(),
  type: z.string(),
  createdAt: z.union([z.string(), z.number()]).nullish(),
  teamId: Str,
  secret: z.unknown().optional(),
  // the lead
  leadId: Id.nullish(),
  contactId: Str,
  leadEmail: Str,
  leadFirstName: Str,
  leadLastName: Str,
  leadCompanyName: Str,
  leadPhone: Str,
  leadLinkedinUrl: Str,
  linkedinUrl: Str,
  jobTitle: Str,
  lead: z
    .object({
      _id: Id.nullish(),
      variables: z.record(z.string(), z.unknown()).nullish(),
    })
    .partial()
    .nullish(),
  // the campaign
  campaignId: Id.nullish(),
  campaignName: Str,
  name: Str,
  // the email
  messageId: Str,
  emailId: Str,
  subject: Str,
  text: Str,
  messagePreview: Str,
  message: Str,
  html: Str,
  fromEmail: Str,
  sendUserEmail: Str,
  sendUserName: Str,
  errorMessage: Str,
  relatedSentAt: Str,
});
export type Activity = z.infer<typeof Activity>;

/** Webhook types we subscribe to (POST /hooks `type`), per unified trigger. */
export const HOOK_TYPE = {
  reply_received: 'emailsReplied',
  lead_interested: 'interested',
  email_bounced: 'emailsBounced',
  lead_unsubscribed: 'emailsUnsubscribed',
} as const;

/**
 * Activity types that mean "marked interested". A hook of type `interested` fires on any
 * channel; the activity it carries may name the channel (UNCONFIRMED), so all are accepted.
 */
export const INTERESTED_TYPES = ['interested', 'emailsInterested', 'linkedinInterested', 'manualInterested', 'aircallInterested', 'apiInterested'] as const;

/**
 * Every other type lemlist documents: the POST /hooks `type` enum, the activity / lead-state
 * names of the vendor OpenAPI (export states, activity examples), and the older developer docs.
 * A hook created without `type` sends all of them; none is one of our events.
 */
export const IGNORED_TYPES = [
  // hooks enum
  'contacted',
  'hooked',
  'attracted',
  'warmed',
  'notInterested',
  'emailsSent',
  'emailsOpened',
  'emailsClicked',
  'emailsFailed',
  'emailsNotInterested',
  'linkedinSent',
  'linkedinOpened',
  'linkedinReplied',
  'linkedinNotInterested',
  'linkedinSendFailed',
  'linkedinVisitDone',
  'linkedinVisitFailed',
  'linkedinFollowDone',
  'linkedinFollowFailed',
  'linkedinFollowSkipped',
  'linkedinInviteDone',
  'linkedinInviteFailed',
  'linkedinInviteAccepted',
  'linkedinEndorseDone',
  'linkedinEndorseFailed',
  'linkedinEndorseSkipped',
  'linkedinVoiceNoteDone',
  'linkedinVoiceNoteFailed',
  'linkedinLikeLastPostDone',
  'linkedinLikeLastPostNoPost',
  'linkedinLikeLastPostFailed',
  'linkedinWithdrawInvitationDone',
  'linkedinWithdrawInvitationFailed',
  'whatsappMessageSent',
  'whatsappMessageDelivered',
  'whatsappMessageOpened',
  'whatsappReplied',
  'whatsappMessageFailed',
  'smsSent',
  'smsDelivered',
  'smsReplied',
  'smsFailed',
  'aircallCreated',
  'aircallEnded',
  'aircallDone',
  'aircallNotInterested',
  'apiDone',
  'apiNotInterested',
  'apiFailed',
  'manualNotInterested',
  'paused',
  'resumed',
  'stopped',
  'campaignComplete',
  'customDomainErrors',
  'connectionIssue',
  'sendLimitReached',
  'lemwarmPaused',
  'annotated',
  'enrichmentDone',
  'enrichmentError',
  'callRecordingDone',
  'callTranscriptDone',
  'inboxLabelUpdated',
  'signalRegistered',
  'deliverabilityAlertTriggered',
  // activity / lead-state names outside the hooks enum
  'meetingBooked',
  'outOfOffice',
  'manualDone',
  'opportunitiesDone',
  'skipped',
  'emailsSendFailed',
  'imported',
  'scanned',
  'reviewed',
  'failed',
] as const;

/** The person fields lemlist's lead entries and campaign exports share. */
const PERSON_FIELDS = {
  email: Str,
  firstName: Str,
  lastName: Str,
  companyName: Str,
  jobTitle: Str,
  phone: Str,
  linkedinUrl: Str,
};

/** `GET /leads/{email}?version=v2` items: one per campaign the lead is in. */
export const LeadEntry = z.object({
  _id: Id,
  ...PERSON_FIELDS,
  isPaused: z.boolean().nullish(),
  state: Str,
  status: Str,
  updatedAt: Str,
  contactId: Str,
  campaignId: Id.nullish(),
  campaignName: Str,
  variables: z.record(z.string(), z.unknown()).nullish(),
  campaign: z.object({ id: Id.nullish(), name: Str, status: Str }).partial().nullish(),
});
export type LeadEntry = z.infer<typeof LeadEntry>;

/**
 * `GET /contacts/{idOrEmail}` (vendor OpenAPI `Contact`): the person, whatever their campaigns.
 * `campaigns[]` names each campaign entry (`leadId`) and its `leadState` — the lead's status there
 * (the spec's examples give the same lead `status: "review"` in `GET /leads/{email}` and
 * `leadState: "review"` here), not its activity `state`, and no `isPaused`.
 */
export const ContactRecord = z.object({
  _id: Id.nullish(),
  email: Str,
  fullName: Str,
  fields: z.record(z.string(), z.unknown()).nullish(),
  campaigns: z.array(z.object({ campaignId: Id.nullish(), campaignState: Str, leadState: Str, leadId: Id.nullish() }).partial()).nullish(),
  unsubscribed: z.boolean().nullish(),
});
export type ContactRecord = z.infer<typeof ContactRecord>;

/** `GET /campaigns?version=v2` items. */
export const Campaign = z.object({ _id: Id, name: Str, status: Str });
export type Campaign = z.infer<typeof Campaign>;

/**
 * One lead of `GET /campaigns/{campaignId}/export/leads?state=all&format=json` ("Export Campaign
 * Leads"): the lead's variables plus `lastState` (its last activity state, e.g. `emailsClicked`,
 * `linkedinReplied`) and `status` (its status in the campaign, e.g. `done`, `interested`,
 * `unsubscribed`) and `_id`. No timestamp.
 */
export const ExportedLead = z
  .object({
    _id: Id,
    ...PERSON_FIELDS,
    lastState: Str,
    status: Str,
  })
  .passthrough();
export type ExportedLead = z.infer<typeof ExportedLead>;
