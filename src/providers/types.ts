import type { HttpRequestOptions } from 'zapier-platform-core';
import type { ApiTool, Ctx } from '../http/client';
import type { Delivery } from '../delivery/delivery';
import type { UnifiedEvent } from '../model/event';
import type { ActionOutcome, Lead } from '../model/lead';
import type { EventType, ToolId } from '../model/tools';
import type { Capabilities, StopMode } from './capabilities';

export type { StopMode };

/** What every provider call gets (declared by the HTTP layer, src/http/client.ts). */
export type { Ctx };

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

/* ---- Webhook deliveries, as data (read by src/providers/shared/webhook.ts) ---- */

/** What a zod schema offers that the pipeline uses (kept structural: no zod import here). */
export interface PayloadSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** One row of a provider's event table. */
export interface EventEntry<T = unknown> {
  schema: PayloadSchema<T>;
  /**
   * The unified events this payload carries ([] or null: recognised, none of ours). Throws
   * NoTimestamp when it has no usable time, Unrecognised for any other reason it cannot be read.
   */
  normalize(payload: T, raw: Record<string, unknown>, input: TriggerInput): UnifiedEvent[] | UnifiedEvent | null;
  /** How the missing time is named in errors, when it is not the spec's `timestamp`. */
  timestamp?: string;
  /** The signature carries no time: refuse a verified delivery older than the dedupe window (Salesloft). */
  refuseStale?: boolean;
}

/** A table entry with its payload type erased, so one table can hold every event's entry. */
export type AnyEventEntry = EventEntry<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How a delivery proves it comes from the webhook Sales Connect registered. */
export type Verification =
  /** `?sc_secret=` on the URL we registered (tools that sign nothing). */
  | { by: 'url-secret' }
  /** A field of the body the tool fills with the secret we gave it (lemlist's `secret`). */
  | { by: 'body-secret'; field: string }
  /** A signature over the raw body, checked by the tool's own routine. */
  | { by: 'signature'; check(delivery: Delivery, secret: string): { ok: true } | { ok: false; reason: string } }
  /** The tool posts no webhooks (Apollo): deliveries come by hand and carry nothing to check. */
  | { by: 'none' };

export interface WebhookSpec {
  /** The tool's name in errors. */
  label: string;
  verify: Verification;
  /** Shared-secret fields taken out of the body before it is read or passed on as `raw`. */
  secretFields?: readonly string[];
  /**
   * A tool whose push only points at the data (Mailshake's `resource_url`): fetches what the
   * delivery names. Throws Unrecognised / Rejected, or a Zapier error of its own.
   */
  resolve?(ctx: Ctx, body: unknown): Promise<unknown>;
  /**
   * The payloads a (resolved) body holds, when it can hold several; `{why}`: it is none of the
   * accepted shapes (why null: nothing more to say than its keys). Without it the body must be one JSON object.
   */
  items?(body: unknown): unknown[] | { why: string | null };
  /**
   * A batch in which some items cannot be read still gives its good ones (Woodpecker posts up to
   * 100 events); the others are logged. Otherwise any unreadable item refuses the delivery.
   */
  partialBatches?: boolean;
  /** The event type a payload names, or null (then `noType` is the error). */
  typeOf(payload: Record<string, unknown>, delivery: Delivery): string | null;
  noType: string;
  /** The error for a type neither in the table nor ignored. */
  unknownType(type: string): string;
  /** type → entry. Looked up by own key only: `constructor` selects nothing. */
  events: Readonly<Record<string, AnyEventEntry>>;
  /** Families of type names the tool varies (Mixmax's bounce event names): the first match reads it. */
  patterns?: readonly { match: RegExp; entry: AnyEventEntry }[];
  /** Types the tool documents that carry none of our events: recognised, no event. */
  ignored: readonly string[] | ((type: string) => boolean);
  /** How a missing time is named in errors ("usable timestamp", "usable createdAt"). */
  timestamp: string;
  /** The error for a payload (batch item, fetched resource) that is not a JSON object; default: no reason given. */
  notAnObject?: string;
}

/** One tool: its API identity (id, label, base URL, error wording: ApiTool) and all it can do. */
export interface Provider extends ApiTool {
  /** What the tool can do, as data: forms, test steps, errors and docs derive from it. */
  capabilities: Capabilities;
  /** Documented rate limit, for messages and for a 429 without Retry-After. */
  rateLimit: { description: string; retryAfterSeconds: number };
  /** Put the key on a request that is known to go to this tool's API origin. */
  authorize(request: HttpRequestOptions & { url: string }, apiKey: string): void;
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
     * How its deliveries are verified, typed and normalised, as data: the shared pipeline
     * (`readDelivery`, src/providers/shared/webhook.ts) reads every tool's deliveries with it —
     * the webhooks Sales Connect registers and those that reach Normalize Webhook by hand.
     */
    webhook: WebhookSpec;
    /** Recent real events of a type, newest first (performList and the polling triggers). */
    listRecent?(ctx: Ctx, event: EventType, input: TriggerInput): Promise<UnifiedEvent[]>;
  };

  /** The tool's own category names (Interested / Meeting Categories dropdowns), where its API lists them. */
  listCategories?(ctx: Ctx): Promise<string[]>;

  /** Campaigns / sequences / cadences for dropdowns, one page (0-based) at a time. */
  listCampaigns?(ctx: Ctx, page: number): Promise<CampaignOption[]>;

  leads?: LeadOperations;
}
