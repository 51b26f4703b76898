import { z } from 'zod';

/**
 * Mailshake models (API docs "Models", mirrored in repo:mpociot/whiteboard
 * source/includes/_89-models.md). A push carries only `{resource_url}`; the models below are
 * what that URL — and the activity endpoints — return. Loose: unknown fields are kept.
 */
const Id = z.union([z.string(), z.number()]);
const Str = z.string().nullish();

export const PushBody = z.looseObject({ resource_url: z.string() });

export const Recipient = z.looseObject({
  object: Str,
  id: Id.nullish(),
  emailAddress: Str,
  fullName: Str,
  first: Str,
  last: Str,
  created: Str,
  fields: z.record(z.string(), z.unknown()).nullish(),
});
export type Recipient = z.infer<typeof Recipient>;

export const CampaignRef = z.looseObject({ object: Str, id: Id.nullish(), title: Str, created: Str });

export const Reply = z.looseObject({
  object: z.literal('reply'),
  id: Id,
  actionDate: Str,
  recipient: Recipient.nullish(),
  campaign: CampaignRef.nullish(),
  type: Str,
  parent: z
    .looseObject({ object: Str, id: Id.nullish(), type: Str, message: z.looseObject({ id: Id.nullish(), type: Str, subject: Str }).nullish() })
    .nullish(),
  subject: Str,
  externalID: Str,
  externalRawMessageID: Str,
  externalConversationID: Str,
  rawBody: Str,
  body: Str,
  plainTextBody: Str,
});
export type Reply = z.infer<typeof Reply>;

export const LeadModel = z.looseObject({
  object: z.literal('lead'),
  id: Id,
  created: Str,
  openedDate: Str,
  lastStatusChangeDate: Str,
  recipient: Recipient.nullish(),
  campaign: CampaignRef.nullish(),
  status: Str,
  assignedTo: z.looseObject({ emailAddress: Str, fullName: Str }).nullish(),
});
export type LeadModel = z.infer<typeof LeadModel>;

/** Models a push can resolve to that have no unified counterpart: no event, no error. */
export const IGNORED_OBJECTS = ['open', 'click', 'sent-message'] as const;

/** Reply `type` → unified event; other types (out-of-office, delay-notification) give none. */
export const REPLY_TYPES = {
  reply: 'reply_received',
  bounce: 'email_bounced',
  unsubscribe: 'lead_unsubscribed',
} as const;

export const Campaign = z.looseObject({ id: Id, title: Str, isArchived: z.boolean().nullish(), isPaused: z.boolean().nullish() });
export type Campaign = z.infer<typeof Campaign>;

export const Paginated = z.looseObject({ results: z.array(z.unknown()).nullish(), nextToken: Str });

export const AddedRecipients = z.looseObject({
  invalidEmails: z.array(z.string()).nullish(),
  isEmpty: z.boolean().nullish(),
  checkStatusID: Id.nullish(),
});
export type AddedRecipients = z.infer<typeof AddedRecipients>;

export const AddStatus = z.looseObject({
  isFinished: z.boolean().nullish(),
  problems: z
    .looseObject({
      unsubscribedEmails: z.array(z.string()).nullish(),
      alreadyInCampaignEmails: z.array(z.string()).nullish(),
      passedAccountLimitEmails: z.array(z.string()).nullish(),
      hasProblems: z.boolean().nullish(),
    })
    .nullish(),
});
export type AddStatus = z.infer<typeof AddStatus>;

export const SentMessage = z.looseObject({
  id: Id.nullish(),
  recipient: Recipient.nullish(),
  campaign: CampaignRef.nullish(),
  actionDate: Str,
});
export type SentMessage = z.infer<typeof SentMessage>;
