import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectedProvider, ctxOf } from '../src/app/connection';

/**
 * Hidden trigger behind the Interested / Meeting Categories dropdowns: the connected tool's own
 * category names (Smartlead lead categories, Reply.io reply categories). Names are the values,
 * since triggers match categories by name (ids differ per account).
 */
const perform = async (z: ZObject, bundle: Bundle) => {
  const provider = connectedProvider(z, bundle);
  if (!provider.listCategories) return [];
  const names = await provider.listCategories(ctxOf(z, bundle));
  return [...new Set(names)].map((name) => ({ id: name, name }));
};

export default {
  key: 'category_list',
  noun: 'Category',
  display: {
    label: 'List Categories',
    description: 'Triggers when a lead or reply category is added (powers the Categories dropdowns).',
    hidden: true,
  },
  operation: {
    type: 'polling' as const,
    perform,
    sample: { id: 'Interested', name: 'Interested' },
    outputFields: [
      { key: 'id', label: 'Category', type: 'string' as const },
      { key: 'name', label: 'Category Name', type: 'string' as const },
    ],
  },
};
