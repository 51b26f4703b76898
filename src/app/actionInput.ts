import { z as zod } from 'zod';
import { refuseDeepValue } from '../delivery/depth';
import type { EnrollPolicy, LeadInput, StopMode } from '../providers/types';

const optionalText = zod
  .union([zod.string(), zod.number(), zod.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim()));

const requiredEmail = zod
  .string({ error: 'is required: map the lead’s email address from an earlier step' })
  .trim()
  .min(1, 'is required: map the lead’s email address from an earlier step')
  .pipe(zod.email({ error: (i) => `"${String(i.input)}" is not a valid email address: map a plain address like jane@example.com` }))
  .transform((v) => v.toLowerCase());

const choice = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  zod
    .union([zod.string(), zod.null()])
    .optional()
    .transform((v, ctx) => {
      const value = (v ?? '').trim() || fallback;
      if (!(values as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')} (got "${value}")` });
        return zod.NEVER;
      }
      return value as T;
    });

/** Zapier dict fields arrive as an object of strings (or empty). */
const customFields = zod
  .union([zod.record(zod.string(), zod.union([zod.string(), zod.number(), zod.boolean(), zod.null()])), zod.null(), zod.string()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return {};
    if (typeof v === 'string') {
      ctx.addIssue({ code: 'custom', message: 'must be key/value pairs' });
      return zod.NEVER;
    }
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k, val]) => k.trim() !== '' && val !== null && String(val) !== '')
        .map(([k, val]) => [k.trim(), String(val)]),
    );
  });

export const LeadFields = zod.object({
  email: requiredEmail,
  first_name: optionalText,
  last_name: optionalText,
  company: optionalText,
  title: optionalText,
  phone: optionalText,
  linkedin_url: optionalText.refine((v) => v === null || /^https?:\/\/\S+$/.test(v), 'must be a full URL like https://www.linkedin.com/in/jane'),
  custom_fields: customFields,
});

export const FindInput = zod.object({ email: requiredEmail });

export const CreateInput = LeadFields.extend({ campaign_id: optionalText });

export const UpdateInput = LeadFields.extend({ campaign_id: optionalText });

export const EnrollInput = LeadFields.extend({
  campaign_id: optionalText.refine((v) => v !== null, 'is required: choose the campaign / sequence to enroll the lead in'),
  if_already_enrolled: choice(['skip', 'error'] as const, 'skip'),
  if_in_other_campaign: choice(['skip', 'add_anyway'] as const, 'skip'),
  if_previously_contacted: choice(['skip', 're_enroll'] as const, 'skip'),
  mailbox_id: optionalText,
});

export const ResumeInput = zod.object({
  email: requiredEmail,
  campaign_id: optionalText,
});

export const StopInput = zod.object({
  email: requiredEmail,
  campaign_id: optionalText,
  mode: choice(['pause', 'remove', 'mark_finished'] as const, 'pause'),
});

export const NormalizeInput = zod.object({
  raw_body: zod
    .union([zod.string(), zod.record(zod.string(), zod.unknown()), zod.array(zod.unknown())])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || (typeof v === 'string' && v.trim() === '')) {
        ctx.addIssue({ code: 'custom', message: 'is required: map the raw body of the webhook from the Webhooks by Zapier step' });
        return zod.NEVER;
      }
      return typeof v === 'string' ? v : JSON.stringify(refuseDeepValue(v));
    }),
  headers: zod
    .union([zod.record(zod.string(), zod.union([zod.string(), zod.number()])), zod.null(), zod.string()])
    .optional()
    .transform((v) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : {})),
});

export { readInput } from './validate';

export const toLeadInput = (v: zod.infer<typeof LeadFields>): LeadInput => ({
  email: v.email,
  first_name: v.first_name,
  last_name: v.last_name,
  company: v.company,
  title: v.title,
  phone: v.phone,
  linkedin_url: v.linkedin_url,
  custom_fields: v.custom_fields,
});

export const toPolicy = (v: zod.infer<typeof EnrollInput>): EnrollPolicy => ({
  if_already_enrolled: v.if_already_enrolled,
  if_in_other_campaign: v.if_in_other_campaign,
  if_previously_contacted: v.if_previously_contacted,
});

export type { StopMode };
