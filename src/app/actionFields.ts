import type { Lead } from '../model/lead';
import { publishLead } from './publish';
import { SAMPLE_LEAD } from './samples';

/** Output fields and samples shared by the lead actions (keys: docs/ARCHITECTURE.md). */
export const LEAD_OUTPUT_FIELDS = [
  { key: 'id', label: 'Lead ID', type: 'string' as const },
  { key: 'tool', label: 'Tool ID', type: 'string' as const },
  { key: 'tool_label', label: 'Tool', type: 'string' as const },
  { key: 'tool_lead_id', label: 'Lead ID in Tool', type: 'string' as const },
  { key: 'url', label: 'Lead URL in Tool', type: 'string' as const },
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

/** The sample lead as Find / Create Lead return it (an Apollo contact: a tool with lead pages). */
export const LEAD_SAMPLE_CORE: Lead = {
  id: 'apollo:5f8a1c2b3d4e5f6a7b8c9d0e',
  tool: 'apollo',
  ...SAMPLE_LEAD,
  tool_lead_id: '5f8a1c2b3d4e5f6a7b8c9d0e',
  unsubscribed: false,
  campaigns: [{ id: '66e9e215ece19801b219997f', name: 'Q2 outbound', status: 'active' }],
};
export const LEAD_SAMPLE = publishLead(LEAD_SAMPLE_CORE);

export const OUTCOME_OUTPUT_FIELDS = [
  { key: 'outcome', label: 'Outcome', type: 'string' as const },
  { key: 'detail', label: 'Detail', type: 'string' as const },
  { key: 'tool', label: 'Tool ID', type: 'string' as const },
  { key: 'tool_label', label: 'Tool', type: 'string' as const },
  { key: 'campaign__id', label: 'Campaign ID', type: 'string' as const },
  { key: 'campaign__name', label: 'Campaign Name', type: 'string' as const },
  { key: 'lead__id', label: 'Lead ID', type: 'string' as const },
  { key: 'lead__email', label: 'Lead Email', type: 'string' as const },
  { key: 'lead__url', label: 'Lead URL in Tool', type: 'string' as const },
  { key: 'affected_campaigns[]id', label: 'Affected Campaign ID' },
  { key: 'affected_campaigns[]name', label: 'Affected Campaign Name' },
  { key: 'affected_campaigns[]status', label: 'Affected Campaign Status' },
];
