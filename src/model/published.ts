import { z } from 'zod';
import { EventCampaign, EventLead, EventMeeting, EventMessage, UnifiedEvent } from './event';
import { ActionOutcome, Lead, LeadCampaign } from './lead';

/**
 * What the steps hand Zapier — the unified shapes plus what people read (`tool_label`, the
 * lead's `url` in the tool) — with each field's label as schema metadata. Zapier's output fields
 * are generated from these schemas (scripts/output-fields.ts → src/app/outputFields.ts), so the
 * schema and the fields people map cannot drift.
 *
 * `title` composes with the parent's (`Lead` + `Email` → "Lead Email"); `label` is used as it is;
 * `topLevelOnly` fields are not repeated inside another object (a lead's tool inside an outcome).
 */
type Meta = { title?: string; label?: string; topLevelOnly?: boolean; format?: 'date-time' };
const m = <S extends z.ZodType>(schema: S, meta: Meta): S => schema.meta(meta) as S;
const date = { format: 'date-time' } as const;

const PublishedEventLead = z
  .object({
    email: m(EventLead.shape.email, { title: 'Email' }),
    first_name: m(EventLead.shape.first_name, { title: 'First Name' }),
    last_name: m(EventLead.shape.last_name, { title: 'Last Name' }),
    full_name: m(EventLead.shape.full_name, { title: 'Full Name' }),
    company: m(EventLead.shape.company, { title: 'Company' }),
    title: m(EventLead.shape.title, { title: 'Title' }),
    phone: m(EventLead.shape.phone, { title: 'Phone' }),
    linkedin_url: m(EventLead.shape.linkedin_url, { title: 'LinkedIn URL' }),
    tool_lead_id: m(EventLead.shape.tool_lead_id, { label: 'Lead ID in Tool' }),
    url: m(z.string().nullable(), { label: 'Lead URL in Tool' }),
  })
  .meta({ title: 'Lead' });

/** A trigger's output: the unified event, the tool's name, the lead's page in the tool. */
export const PublishedEvent = z.object({
  id: m(UnifiedEvent.shape.id, { title: 'Event ID' }),
  event: m(UnifiedEvent.shape.event, { title: 'Event Type' }),
  tool: m(UnifiedEvent.shape.tool, { title: 'Tool ID' }),
  tool_label: m(z.string(), { title: 'Tool' }),
  occurred_at: m(UnifiedEvent.shape.occurred_at, { title: 'Occurred At', ...date }),
  lead: PublishedEventLead,
  campaign: z
    .object({ id: m(EventCampaign.shape.id, { title: 'ID' }), name: m(EventCampaign.shape.name, { title: 'Name' }) })
    .meta({ title: 'Campaign' })
    .nullable(),
  message: z
    .object({
      id: m(EventMessage.shape.id, { title: 'ID' }),
      thread_id: m(EventMessage.shape.thread_id, { title: 'Thread ID' }),
      subject: m(EventMessage.shape.subject, { title: 'Subject' }),
      text: m(EventMessage.shape.text, { title: 'Text' }),
      html: m(EventMessage.shape.html, { title: 'HTML' }),
      from_email: m(EventMessage.shape.from_email, { title: 'From Email' }),
      to_email: m(EventMessage.shape.to_email, { title: 'To Email' }),
      sent_at: m(EventMessage.shape.sent_at, { title: 'Sent At', ...date }),
    })
    .meta({ title: 'Message' })
    .nullable(),
  meeting: z
    .object({
      id: m(EventMeeting.shape.id, { title: 'ID' }),
      title: m(EventMeeting.shape.title, { title: 'Title' }),
      start_time: m(EventMeeting.shape.start_time, { title: 'Start Time', ...date }),
      end_time: m(EventMeeting.shape.end_time, { title: 'End Time', ...date }),
      timezone: m(EventMeeting.shape.timezone, { title: 'Timezone' }),
      join_url: m(EventMeeting.shape.join_url, { title: 'Join URL' }),
      location: m(EventMeeting.shape.location, { title: 'Location' }),
      organizer_email: m(EventMeeting.shape.organizer_email, { title: 'Organizer Email' }),
      rescheduled: m(EventMeeting.shape.rescheduled, { title: 'Rescheduled' }),
      canceled_by: m(EventMeeting.shape.canceled_by, { title: 'Canceled By' }),
      cancel_reason: m(EventMeeting.shape.cancel_reason, { title: 'Cancel Reason' }),
    })
    .meta({ title: 'Meeting' })
    .nullable(),
  category: m(UnifiedEvent.shape.category, { title: 'Category' }),
  raw: UnifiedEvent.shape.raw,
});
export type PublishedEvent = z.infer<typeof PublishedEvent>;

const campaigns = (title: string) =>
  z
    .array(
      z.object({
        id: m(LeadCampaign.shape.id, { title: 'ID' }),
        name: m(LeadCampaign.shape.name, { title: 'Name' }),
        status: m(LeadCampaign.shape.status, { title: 'Status' }),
      }),
    )
    .meta({ title });

/** A lead as Find / Create / Update Lead output it. */
export const PublishedLead = z.object({
  id: m(Lead.shape.id, { label: 'Lead ID' }),
  tool: m(Lead.shape.tool, { title: 'Tool ID', topLevelOnly: true }),
  tool_label: m(z.string(), { title: 'Tool', topLevelOnly: true }),
  tool_lead_id: m(Lead.shape.tool_lead_id, { label: 'Lead ID in Tool' }),
  url: m(z.string().nullable(), { label: 'Lead URL in Tool' }),
  email: m(Lead.shape.email, { title: 'Email' }),
  first_name: m(Lead.shape.first_name, { title: 'First Name' }),
  last_name: m(Lead.shape.last_name, { title: 'Last Name' }),
  full_name: m(Lead.shape.full_name, { title: 'Full Name' }),
  company: m(Lead.shape.company, { title: 'Company' }),
  title: m(Lead.shape.title, { title: 'Job Title' }),
  phone: m(Lead.shape.phone, { title: 'Phone' }),
  linkedin_url: m(Lead.shape.linkedin_url, { title: 'LinkedIn URL' }),
  unsubscribed: m(Lead.shape.unsubscribed, { title: 'Unsubscribed' }),
  campaigns: campaigns('Campaign'),
});
export type PublishedLead = z.infer<typeof PublishedLead>;

/** Create Lead adds whether it created; Update Lead whether it could update, and why not. */
export const CreatedLead = PublishedLead.extend({ created: m(z.boolean(), { title: 'Created' }) });
export const UpdatedLead = PublishedLead.extend({ updated: m(z.boolean(), { title: 'Updated' }), detail: m(z.string(), { title: 'Detail' }) });

/** Enroll / Stop / Resume output. */
export const PublishedOutcome = z.object({
  outcome: m(ActionOutcome.shape.outcome, { title: 'Outcome' }),
  detail: m(ActionOutcome.shape.detail, { title: 'Detail' }),
  tool: m(ActionOutcome.shape.tool, { title: 'Tool ID' }),
  tool_label: m(z.string(), { title: 'Tool' }),
  campaign: z
    .object({ id: m(z.string(), { title: 'ID' }), name: m(z.string().nullable(), { title: 'Name' }) })
    .meta({ title: 'Campaign' })
    .nullable(),
  lead: PublishedLead.meta({ title: 'Lead' }).nullable(),
  affected_campaigns: campaigns('Affected Campaign'),
});
export type PublishedOutcome = z.infer<typeof PublishedOutcome>;
