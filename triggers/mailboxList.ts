import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectedProvider, ctxOf } from '../src/app/connection';

/** Hidden trigger behind the Sending Mailbox dropdown (Apollo's email accounts). */
const perform = async (z: ZObject, bundle: Bundle) => {
  const provider = connectedProvider(z, bundle);
  return provider.leads?.listMailboxes ? provider.leads.listMailboxes(ctxOf(z, bundle)) : [];
};

export default {
  key: 'mailbox_list',
  noun: 'Mailbox',
  display: {
    label: 'List Sending Mailboxes',
    description: 'Triggers when a sending mailbox is connected (powers the Sending Mailbox dropdown).',
    hidden: true,
  },
  operation: {
    type: 'polling' as const,
    perform,
    sample: { id: '6095a710bd01d100a506d4ac', name: 'rep@yourcompany.example' },
    outputFields: [
      { key: 'id', label: 'Mailbox ID', type: 'string' as const },
      { key: 'name', label: 'Mailbox', type: 'string' as const },
    ],
  },
};
