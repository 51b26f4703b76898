import { SAMPLE_LEAD } from './samples';

/** Input and output fields shared by the lead actions (keys: docs/ARCHITECTURE.md, "Keys the rest of the system relies on"). */
export const emailField = {
  key: 'email',
  label: 'Email',
  type: 'string' as const,
  required: true,
  helpText: 'The lead’s email address (matched case-insensitively).',
};

export const campaignField = (required: boolean, helpText: string) => ({
  key: 'campaign_id',
  label: 'Campaign',
  type: 'string' as const,
  required,
  dynamic: 'campaign_list.id.name',
  helpText,
});

export const leadDetailFields = [
  { key: 'first_name', label: 'First Name', type: 'string' as const, required: false },
  { key: 'last_name', label: 'Last Name', type: 'string' as const, required: false },
  { key: 'company', label: 'Company', type: 'string' as const, required: false },
  { key: 'title', label: 'Job Title', type: 'string' as const, required: false },
  { key: 'phone', label: 'Phone', type: 'string' as const, required: false },
  {
    key: 'linkedin_url',
    label: 'LinkedIn URL',
    type: 'string' as const,
    required: false,
    helpText: 'The full profile URL, e.g. `https://www.linkedin.com/in/jane`.',
  },
  {
    key: 'custom_fields',
    label: 'Custom Fields',
    dict: true,
    required: false,
    helpText: 'Extra variables for your templates, as name → value (sent as the tool’s custom fields / variables).',
  },
];

export const LEAD_OUTPUT_FIELDS = [
  { key: 'id', label: 'Lead ID', type: 'string' as const },
  { key: 'tool', label: 'Tool', type: 'string' as const },
  { key: 'tool_lead_id', label: 'Lead ID in Tool', type: 'string' as const },
  { key: 'email', label: 'Email', type: 'string' as const },
  { key: 'first_name', label: 'First Name', type: 'string' as const },
  { key: 'last_name', label: 'Last Name', type: 'string' as const },
  { key: 'full_name', label: 'Full Name', type: 'string' as const },
  { key: 'company', label: 'Company', type: 'string' as const },
  { key: 'title', label: 'Job Title', type: 'string' as const },
  { key: 'phone', label: 'Phone', type: 'string' as const },
  { key: 'linkedin_url', label: 'LinkedIn URL', type: 'string' as const },
  { key: 'unsubscribed', label: 'Unsubscribed', type: 'boolean' as const },
  { key: 'campaigns[]id', label: 'Campaign ID' },
  { key: 'campaigns[]name', label: 'Campaign Name' },
  { key: 'campaigns[]status', label: 'Campaign Status' },
];

export const LEAD_SAMPLE = {
  id: 'smartlead:2001',
  tool: 'smartlead' as const,
  ...SAMPLE_LEAD,
  unsubscribed: false,
  campaigns: [{ id: '9181', name: 'Q2 outbound', status: 'INPROGRESS' }],
};

export const OUTCOME_OUTPUT_FIELDS = [
  { key: 'outcome', label: 'Outcome', type: 'string' as const },
  { key: 'detail', label: 'Detail', type: 'string' as const },
  { key: 'tool', label: 'Tool', type: 'string' as const },
  { key: 'campaign__id', label: 'Campaign ID', type: 'string' as const },
  { key: 'campaign__name', label: 'Campaign Name', type: 'string' as const },
  { key: 'lead__id', label: 'Lead ID', type: 'string' as const },
  { key: 'lead__email', label: 'Lead Email', type: 'string' as const },
  { key: 'affected_campaigns[]id', label: 'Affected Campaign ID' },
  { key: 'affected_campaigns[]name', label: 'Affected Campaign Name' },
  { key: 'affected_campaigns[]status', label: 'Affected Campaign Status' },
];

/** An optional static dropdown; the first choice is the default. */
export const choiceField = (key: string, label: string, helpText: string, choices: [value: string, label: string][]) => ({
  key,
  label,
  type: 'string' as const,
  required: false,
  default: choices[0]?.[0],
  choices: choices.map(([value, text]) => ({ value, label: text, sample: value })),
  helpText,
});
