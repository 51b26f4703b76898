/**
 * The tools' own integrations, for `sales-connect advise`. Facts as of the research kept with
 * the design (native-integrations.md beside the repository, late 2026): re-check a row on the
 * vendor's site before relying on it for something new, and update it here.
 */

/** How the two tools are connected without Sales Connect. */
export type NativeKind =
  /** Built by one of the two vendors. */
  | 'native'
  /** A third-party product (OutboundSync) or Zapier itself. */
  | 'third-party';

export interface NativeIntegration {
  source: string;
  destination: string;
  kind: NativeKind;
  /** Data flows both ways. */
  twoWay: boolean;
  /** A plan the integration needs, when the vendor gates it. */
  plan?: string;
  /** Through what, when it is not the vendors' own connector. */
  via?: string;
  /** What it does, in the vendor's terms. */
  does: string;
}

/** Every name advise knows, with how people write it. Keys are the lower-case ids used on the command line. */
export const KNOWN_TOOLS: Record<string, { label: string; aliases: string[]; kind: 'engagement' | 'crm' | 'other' }> = {
  smartlead: { label: 'Smartlead', aliases: [], kind: 'engagement' },
  lemlist: { label: 'lemlist', aliases: [], kind: 'engagement' },
  replyio: { label: 'Reply.io', aliases: ['reply', 'reply.io'], kind: 'engagement' },
  woodpecker: { label: 'Woodpecker', aliases: [], kind: 'engagement' },
  mailshake: { label: 'Mailshake', aliases: [], kind: 'engagement' },
  apollo: { label: 'Apollo', aliases: ['apollo.io'], kind: 'engagement' },
  salesloft: { label: 'Salesloft', aliases: [], kind: 'engagement' },
  mixmax: { label: 'Mixmax', aliases: [], kind: 'engagement' },
  calendly: { label: 'Calendly', aliases: [], kind: 'other' },
  yesware: { label: 'Yesware', aliases: [], kind: 'engagement' },
  groove: { label: 'Groove.cm (GrooveSell)', aliases: ['groove.cm', 'groovesell'], kind: 'other' },
  qwilr: { label: 'Qwilr', aliases: [], kind: 'other' },
  salesforce: { label: 'Salesforce', aliases: ['sfdc'], kind: 'crm' },
  hubspot: { label: 'HubSpot', aliases: [], kind: 'crm' },
  pipedrive: { label: 'Pipedrive', aliases: [], kind: 'crm' },
  clay: { label: 'Clay', aliases: [], kind: 'other' },
  gmail: { label: 'Gmail', aliases: [], kind: 'other' },
  outlook: { label: 'Outlook', aliases: [], kind: 'other' },
  zoom: { label: 'Zoom', aliases: [], kind: 'other' },
  linkedin: { label: 'LinkedIn', aliases: [], kind: 'other' },
  'sales-navigator': { label: 'LinkedIn Sales Navigator', aliases: ['linkedin-sales-navigator', 'salesnavigator'], kind: 'other' },
  slack: { label: 'Slack', aliases: [], kind: 'other' },
};

/** Tools with no public API: neither Zapier nor Sales Connect can reach them; what to do instead. */
export const NO_PUBLIC_API: Record<string, string> = {
  yesware:
    'Yesware has no REST API and no webhooks, so no Zapier app (Sales Connect included) can read or write it. Bridge through its Salesforce integration (Enterprise plan), then automate from Salesforce.',
  groove:
    "Groove.cm (GrooveSell) has no public REST API; its webhooks (sale, refund, failed rebill, cancellation) are set up by hand in GrooveSell's product settings. Point one at a Webhooks by Zapier catch hook.",
};

const row = (source: string, destination: string, does: string, extra: Partial<NativeIntegration> = {}): NativeIntegration => ({
  source,
  destination,
  kind: 'native',
  twoWay: false,
  does,
  ...extra,
});

export const NATIVE_INTEGRATIONS: NativeIntegration[] = [
  row('mailshake', 'salesforce', 'push leads, sync activity'),
  row('mailshake', 'hubspot', 'push leads, sync activity'),
  row('mailshake', 'pipedrive', 'push leads'),
  row('apollo', 'salesforce', 'contact, account and deal sync', { twoWay: true }),
  row('apollo', 'hubspot', 'contact, account and deal sync', { twoWay: true }),
  row('salesloft', 'salesforce', 'contact, account and activity sync', { twoWay: true }),
  row('salesloft', 'hubspot', 'activity sync'),
  row('smartlead', 'hubspot', 'push leads, sync activity'),
  row('smartlead', 'salesforce', 'lead and activity sync', { kind: 'third-party', via: 'OutboundSync' }),
  row('smartlead', 'clay', 'enrichment pipeline'),
  row('lemlist', 'hubspot', 'push leads, sync activity'),
  row('lemlist', 'salesforce', 'lead and activity sync', { twoWay: true }),
  row('lemlist', 'pipedrive', 'push leads'),
  row('yesware', 'salesforce', 'email, calendar and activity sync, inbox sidebar', { twoWay: true, plan: 'Enterprise' }),
  row('yesware', 'gmail', 'tracking, templates, campaigns', { via: 'Chrome extension' }),
  row('yesware', 'outlook', 'tracking, templates, campaigns', { via: 'Outlook add-in' }),
  row('yesware', 'zoom', 'meeting links in the scheduler'),
  row('yesware', 'linkedin', 'prospect insights from the inbox'),
  row('mixmax', 'salesforce', 'sidebar, auto-create leads, activity sync, rules', { plan: 'Growth+CRM' }),
  row('mixmax', 'hubspot', 'activity sync, list import, sidebar', { plan: 'Growth' }),
  row('mixmax', 'slack', 'real-time tracking notifications'),
  row('mixmax', 'sales-navigator', 'InMail and connection requests in sequences'),
  row('mixmax', 'zoom', 'meeting links'),
  row('replyio', 'salesforce', 'contact and lead sync, activities, status sync, workflows', { twoWay: true }),
  row('replyio', 'hubspot', 'contact sync (every 2 h), activities, status sync, field mapping', { twoWay: true }),
  row('replyio', 'pipedrive', 'contact sync, activity logging'),
  row('woodpecker', 'hubspot', 'contact sync, activity logging, deal-stage triggers', { plan: 'API add-on' }),
  row('woodpecker', 'pipedrive', 'contact sync, activity logging'),
  row('woodpecker', 'salesforce', 'contact sync, activity logging', { kind: 'third-party', via: 'Zapier' }),
  row('woodpecker', 'clay', 'enrichment pipeline'),
  row('woodpecker', 'calendly', 'meeting booking from campaigns'),
  row('qwilr', 'salesforce', 'proposal and quote sync'),
  row('qwilr', 'hubspot', 'proposal and quote sync'),
];
