import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectedProvider, ctxOf } from '../src/app/connection';

/** Hidden trigger behind every Campaign dropdown: the connection's campaigns / sequences / cadences. */
const perform = async (z: ZObject, bundle: Bundle) => {
  const provider = connectedProvider(z, bundle);
  if (!provider.listCampaigns) return [];
  return provider.listCampaigns(ctxOf(z, bundle), Number(bundle.meta?.page ?? 0));
};

export default {
  key: 'campaign_list',
  noun: 'Campaign',
  display: {
    label: 'List Campaigns',
    description: 'Triggers when a campaign, sequence or cadence is added (powers the Campaign dropdowns).',
    hidden: true,
  },
  operation: {
    type: 'polling' as const,
    perform,
    canPaginate: true,
    sample: { id: '9181', name: 'Q2 outbound (ACTIVE)' },
    outputFields: [
      { key: 'id', label: 'Campaign ID', type: 'string' as const },
      { key: 'name', label: 'Campaign Name', type: 'string' as const },
    ],
  },
};
