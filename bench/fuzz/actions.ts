/**
 * Every action's inputs, fuzzed: Find Lead, Create Lead, Enroll Lead, Stop Sequence and Normalize
 * Webhook with inputs drawn from valid values (the mock's own campaigns and mailboxes, real
 * addresses) and hostile ones, run through the real app against the local tool mocks (the
 * caller points SALES_CONNECT_<TOOL>_BASE_URL at them). Outcome classes as for webhooks.
 */
import fc from 'fast-check';
import { createAppTester } from 'zapier-platform-core';
import type { ToolId } from '../../src/model/tools';
import App from '../../src/index';
import { classify, HOSTILE, type CaseResult } from './core';

export const ACTIONS = [
  ['searches', 'find_lead'],
  ['creates', 'create_lead'],
  ['creates', 'enroll_lead'],
  ['creates', 'stop_sequence'],
  ['creates', 'normalize_event'],
] as const;

/** What the connected tool's mock knows: campaign and mailbox ids a person would pick from the dropdowns. */
export interface ToolContext {
  tool: ToolId;
  apiKey: string;
  campaigns: string[];
  mailboxes: string[];
}

type AppTester = ReturnType<typeof createAppTester>;
let tester: AppTester | null = null;
const appTester = (): AppTester => (tester ??= createAppTester(App));

const op = (kind: string, key: string) =>
  (App as unknown as Record<string, Record<string, { operation: { perform: unknown } }>>)[kind]?.[key]?.operation.perform;

/** The dropdown values of a tool (empty when it has none), read through the app itself. */
export const toolContext = async (tool: ToolId, apiKey: string): Promise<ToolContext> => {
  const list = async (key: string): Promise<string[]> => {
    try {
      const out = (await appTester()(op('triggers', key) as never, { authData: { tool, api_key: apiKey }, inputData: {}, meta: { page: 0 } } as never)) as {
        id: string;
      }[];
      return out.map((o) => String(o.id)).slice(0, 5);
    } catch {
      return [];
    }
  };
  return { tool, apiKey, campaigns: await list('campaign_list'), mailboxes: tool === 'apollo' ? await list('mailbox_list') : [] };
};

const GOOD_EMAILS = ['jane@example.com', 'Jane.Doe+x@Example.COM', ' new.person@example.org ', 'unsubscribed@example.com'];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.constantFrom('Jane', 'Doe', 'Acme', '+1 555 0100'));

export interface ActionCase {
  action: number;
  input: Record<string, unknown>;
  /** Which of the tool's campaigns / mailboxes, when the input takes a valid one. */
  pick: number;
  validCampaign: boolean;
  validMailbox: boolean;
}

export const actionCaseArb: fc.Arbitrary<ActionCase> = fc.record({
  action: fc.nat({ max: ACTIONS.length - 1 }),
  input: fc.record(
    {
      email: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...GOOD_EMAILS) }, { weight: 2, arbitrary: text }),
      campaign_id: text,
      first_name: text,
      last_name: text,
      company: text,
      title: text,
      phone: text,
      linkedin_url: fc.oneof(text, fc.constant('https://www.linkedin.com/in/jane')),
      custom_fields: fc.oneof(
        fc.constant({}),
        fc.dictionary(fc.constantFrom('constructor', '__proto__', 'toString', 'plan', ' ', 'x'), text, { maxKeys: 3 }),
        text,
      ),
      mode: fc.oneof(fc.constantFrom('pause', 'remove', 'mark_finished'), text),
      if_already_enrolled: fc.oneof(fc.constantFrom('skip', 'error'), text),
      if_in_other_campaign: fc.oneof(fc.constantFrom('skip', 'add_anyway'), text),
      if_previously_contacted: fc.oneof(fc.constantFrom('skip', 're_enroll'), text),
      mailbox_id: text,
      raw_body: fc.oneof(
        text,
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      ),
      headers: fc.oneof(
        fc.constant({}),
        fc.dictionary(fc.constantFrom('x-salesloft-event', 'content-type', 'constructor'), fc.string({ maxLength: 20 }), { maxKeys: 2 }),
      ),
      signing_key: fc.oneof(fc.constant(''), text),
      query_string: fc.oneof(fc.constant(''), text),
    },
    { requiredKeys: [] },
  ),
  pick: fc.nat(),
  validCampaign: fc.boolean(),
  validMailbox: fc.boolean(),
});

/** Runs one action case against the mocks; never throws. */
export const runActionCase = async (ctx: ToolContext, c: ActionCase): Promise<CaseResult & { action: string }> => {
  const [kind, key] = ACTIONS[c.action] as (typeof ACTIONS)[number];
  const input = { ...c.input };
  if (c.validCampaign && ctx.campaigns.length) input.campaign_id = ctx.campaigns[c.pick % ctx.campaigns.length];
  if (c.validMailbox && ctx.mailboxes.length) input.mailbox_id = ctx.mailboxes[c.pick % ctx.mailboxes.length];
  const started = Date.now();
  let result: { out?: unknown; err?: unknown };
  try {
    const out = await appTester()(op(kind, key) as never, { authData: { tool: ctx.tool, api_key: ctx.apiKey }, inputData: input } as never);
    result = { out: Array.isArray(out) ? out : [out] };
  } catch (err) {
    result = { err };
  }
  const ms = Date.now() - started;
  // Outputs of actions are leads / outcomes, not events: only the webhook checks (schema) differ.
  if ('out' in result) {
    const text = JSON.stringify(result.out);
    if (text.includes(ctx.apiKey)) return { action: key, outcome: 'bug', detail: 'output quotes the key', ms };
    if (ms > 25_000) return { action: key, outcome: 'bug', detail: `took ${ms} ms`, ms };
    const items = result.out as unknown[];
    return { action: key, outcome: items.length && items[0] !== undefined ? 'events' : 'no_event', ms };
  }
  return { action: key, ...classify(result, [ctx.apiKey], Math.min(ms, 0)), ms };
};
