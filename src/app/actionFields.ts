import type { Lead } from '../model/lead';
import { publishLead } from './publish';
import { SAMPLE_LEAD } from './samples';

/** Output fields (generated from the published schemas) and samples shared by the lead actions. */
export { CREATED_LEAD_OUTPUT_FIELDS, LEAD_OUTPUT_FIELDS, OUTCOME_OUTPUT_FIELDS, UPDATED_LEAD_OUTPUT_FIELDS } from './outputFields';
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
