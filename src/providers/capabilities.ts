import type { EventType } from '../model/tools';

/**
 * What one tool can do, declared once as data in `src/providers/<tool>/capabilities.ts`.
 * The Zap editor's forms, the test steps, the "not available" errors and the README matrices
 * are all derived from it (docs/ARCHITECTURE.md, "Capability tables"). This module holds types
 * only, so reading a table never loads a provider's code.
 */

/** How a unified event reaches us from this tool. */
export interface EventCapability {
  /** The webhook the instant trigger registers (e.g. "`EMAIL_REPLY` webhook"), or null. */
  instant: string | null;
  /** What the polling twin lists (e.g. "lead statistics, status replied"), or null. */
  polling: string | null;
  /**
   * Why the missing one is missing and what to use instead. Required when `instant` is null;
   * when only `polling` is null a generic "use the instant trigger" is said.
   */
  why?: string;
  /** The event arrives by hand: a rule in the tool → Catch Raw Hook → Normalize Webhook. */
  byHand?: string;
  /** Polling lists one campaign at a time: the polling trigger needs a campaign. */
  pollingNeedsCampaign?: boolean;
}

/** required: the form asks for it; optional: shown, may be empty; absent: not shown, not used. */
export type Requirement = 'required' | 'optional' | 'absent';

export type StopMode = 'pause' | 'remove' | 'mark_finished';

/** Lead fields the forms can make required where the tool's API requires them. */
export type LeadFieldKey = 'first_name' | 'last_name' | 'company' | 'title' | 'phone' | 'linkedin_url';

/** How the tool expresses "interested" or "meeting booked". */
export type Signal =
  /** Category names the user picks: from the tool's own list (`list: 'api'`) or typed (`'text'`). */
  | { kind: 'categories'; list: 'api' | 'text'; default: string; describe: string }
  /** A fixed event or status of the tool means it. */
  | { kind: 'event'; describe: string }
  | { kind: 'none' };

export interface ActionCapabilities {
  /** Create: `required` campaign means creating a lead adds it to (and starts) that campaign. */
  create: { campaign: Requirement; requiredFields: LeadFieldKey[] };
  /** Update Lead (the search-or-create's update), or why the tool cannot change an existing lead. */
  update: { campaign: Requirement; requiredFields: LeadFieldKey[] } | { unsupported: string };
  enroll: { mailbox: Requirement; requiredFields: LeadFieldKey[] };
  /** The first mode is the form's default. */
  stop: { modes: [StopMode, ...StopMode[]]; campaign: Requirement };
  /** Resume Sequence (the undo of a pause), or why the tool cannot resume a lead. */
  resume: { campaign: Requirement } | { unsupported: string };
}

export interface Capabilities {
  /** The tool's own word for what a lead is enrolled in. */
  campaignNoun: 'Campaign' | 'Sequence' | 'Cadence';
  credential: {
    /** What the tool calls it, as written mid-sentence: "API key", "personal access token", "API token". */
    name: string;
    /** The exact page of the tool's web app that shows or creates it. */
    url: string;
    /** Markdown: how to get it there. */
    help: string;
  };
  /** The lead's page in the tool's web app, `{id}` = the lead's id in the tool; null when none is known. */
  leadUrl: string | null;
  events: Record<EventType, EventCapability>;
  /** The Campaign filter on the triggers. */
  triggerCampaign: Requirement;
  interest: Signal;
  meetings: Signal;
  /** Lead and sequence actions; a string says why the tool has none. */
  actions: ActionCapabilities | string;
}

export const CAMPAIGN_NOUN_PLURAL: Record<Capabilities['campaignNoun'], string> = {
  Campaign: 'campaigns',
  Sequence: 'sequences',
  Cadence: 'cadences',
};
