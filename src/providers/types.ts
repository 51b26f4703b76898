import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import type { Delivery } from '../delivery/delivery';
import type { UnifiedEvent } from '../model/event';
import type { ActionOutcome, Lead } from '../model/lead';
import type { EventType, ToolId } from '../model/tools';
import type { Capabilities, StopMode } from './capabilities';

export type { StopMode };

/** What every provider call gets: Zapier's z (HTTP, cache, errors) and the bundle (authData). */
export interface Ctx {
  z: ZObject;
  bundle: Bundle;
}

/** What performSubscribe stores and performUnsubscribe / perform read back (docs/ARCHITECTURE.md, "Keys the rest of the system relies on"). */
export interface SubscribeData {
  tool: ToolId;
  /** The tool's webhook id, or whatever its delete call needs. */
  id: string;
  /** The signing key / shared secret we generated, where the tool supports one. */
  secret?: string;
  [extra: string]: unknown;
}

/** Trigger inputs, already validated (docs/ARCHITECTURE.md, "Keys the rest of the system relies on"). */
export interface TriggerInput {
  campaign_id: string | null;
  interested_categories: string[];
  meeting_categories: string[];
}

export interface SubscribeRequest {
  event: EventType;
  targetUrl: string;
  input: TriggerInput;
}

export interface CampaignOption {
  id: string;
  name: string;
}

export interface LeadInput {
  email: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  phone: string | null;
  linkedin_url: string | null;
  custom_fields: Record<string, string>;
}

export interface EnrollPolicy {
  if_already_enrolled: 'skip' | 'error';
  if_in_other_campaign: 'skip' | 'add_anyway';
  if_previously_contacted: 'skip' | 're_enroll';
}


export interface EnrollRequest {
  campaign_id: string;
  lead: LeadInput;
  policy: EnrollPolicy;
  mailbox_id: string | null;
}

export interface ResumeRequest {
  email: string;
  /** null: every campaign the lead is paused in (where capabilities.actions.resume allows it). */
  campaign_id: string | null;
}

export interface StopRequest {
  email: string;
  campaign_id: string | null;
  mode: StopMode;
}

/** Lead / campaign operations (Find Lead, Create Lead, Enroll Lead, Stop Sequence). */
export interface LeadOperations {
  find(ctx: Ctx, email: string): Promise<Lead | null>;
  /** Create-or-update (capabilities.actions.create says whether a campaign is needed). */
  upsert(ctx: Ctx, lead: LeadInput, campaignId: string | null): Promise<{ lead: Lead; created: boolean }>;
  enroll(ctx: Ctx, req: EnrollRequest): Promise<ActionOutcome>;
  /** Only with a mode listed in capabilities.actions.stop.modes. */
  stop(ctx: Ctx, req: StopRequest): Promise<ActionOutcome>;
  /**
   * Resume a paused lead: `resumed`, `already_running`, `not_paused` (finished or removed: cannot
   * resume) or `not_found`. Never resumes or re-adds a lead who unsubscribed or bounced. Present
   * exactly where capabilities.actions.resume is supported.
   */
  resume?(ctx: Ctx, req: ResumeRequest): Promise<ActionOutcome>;
  /** Apollo: the sending mailbox an enrolment needs. */
  listMailboxes?(ctx: Ctx): Promise<CampaignOption[]>;
}

export interface Provider {
  id: ToolId;
  /** The tool's name as people write it: "Smartlead", "lemlist", "Reply.io". */
  label: string;
  /** What the tool can do, as data: forms, test steps, errors and docs derive from it. */
  capabilities: Capabilities;
  /** The API base the paths in the tool's docs are relative to (docs/ARCHITECTURE.md, "Error policy"). */
  defaultBaseUrl: string;
  /** Documented rate limit, for messages and for a 429 without Retry-After. */
  rateLimit: { description: string; retryAfterSeconds: number };
  /** Put the key on a request that is known to go to this tool's API origin. */
  authorize(request: HttpRequestOptions & { url: string }, apiKey: string): void;
  /** What the tool says in an error body (JSON message, or lemlist's text/plain). */
  errorMessage(content: string): string | null;
  /**
   * Seconds to wait on a 429 when there is no Retry-After header but the body says when to come
   * back (Mailshake's `limit_reached` "try again at …"); null → `rateLimit.retryAfterSeconds`.
   */
  retryAfterFromBody?(content: string): number | null;
  /** Said on a 403: which permission is missing. */
  forbiddenHint: string;
  /** A cheap authenticated call; returns what names the account in the connection label. */
  testAuth(ctx: Ctx): Promise<{ account: string }>;

  events: {
    /** Register a webhook for exactly what `req.event` needs. */
    subscribe?(ctx: Ctx, req: SubscribeRequest): Promise<SubscribeData>;
    /** Delete it; a webhook already gone is success. */
    unsubscribe?(ctx: Ctx, data: SubscribeData): Promise<void>;
    /**
     * Verify and normalise one delivery into every unified event it carries (for any type;
     * the trigger filters). `sub` is null for deliveries that reach us by hand (Normalize
     * Webhook). Throws on a bad signature/secret or a payload no schema recognises.
     */
    parse(ctx: Ctx, delivery: Delivery, sub: SubscribeData | null, input: TriggerInput): Promise<UnifiedEvent[]>;
    /** Recent real events of a type, newest first (performList and the polling triggers). */
    listRecent?(ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]>;
  };

  /** The tool's own category names (Interested / Meeting Categories dropdowns), where its API lists them. */
  listCategories?(ctx: Ctx): Promise<string[]>;

  /** Campaigns / sequences / cadences for dropdowns, one page (0-based) at a time. */
  listCampaigns?(ctx: Ctx, page: number): Promise<CampaignOption[]>;

  leads?: LeadOperations;
}
