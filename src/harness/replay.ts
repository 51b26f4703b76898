import { format } from 'node:util';
import { createAppTester } from 'zapier-platform-core';
import { withPinnedClock } from '../delivery/clock';
import { zapierRequestFor } from '../delivery/delivery';
import { EVENT_TYPES } from '../model/tools';
import type { UnifiedEvent } from '../model/event';
import type { Fixture } from './fixture';
import { matchExpectations, matchTriggerExpectations } from './match';

type App = { triggers: Record<string, { operation: { perform: unknown } }> };

export interface ReplayResult {
  events: UnifiedEvent[];
  /** False when the fixture has neither `expect` nor `expect_error`: its events are shown, not judged. */
  checked: boolean;
  /** The app's own log lines (z.console), once each: a batch item it skipped, say. */
  notes: string[];
  /** Errors thrown by a trigger's perform, by trigger key. */
  errors: { trigger: string; message: string }[];
  /** Why the fixture failed its expectations; empty when it passed. */
  problems: string[];
}

/** The API key the harness connects with: a placeholder, never sent anywhere (network is blocked). */
export const REPLAY_API_KEY = 'replay-placeholder-key';

/** Zapier wraps app errors as JSON `{message, code, status}`; show the message. */
export const errorText = (err: unknown): string => {
  const message = (err as Error)?.message ?? String(err);
  try {
    const parsed = JSON.parse(message) as { message?: string };
    return parsed.message ?? message;
  } catch {
    return message;
  }
};

/** `reply_received, email_bounced: <message>` — one line per distinct error, not one per trigger. */
const errorsByMessage = (errors: ReplayResult['errors']): string[] => {
  const triggers = new Map<string, string[]>();
  for (const e of errors) triggers.set(e.message, [...(triggers.get(e.message) ?? []), e.trigger]);
  return [...triggers].map(([message, keys]) => `${keys.join(', ')}: ${message}`);
};

const serveHttp = async (fixture: Fixture) => {
  if (fixture.http.length === 0) return () => undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require('nock') as typeof import('nock');
  for (const call of fixture.http) {
    const url = new URL(call.url);
    nock(url.origin)
      .persist()
      .intercept(url.pathname + url.search, call.method.toUpperCase())
      .reply(call.status, call.body === undefined ? '' : (call.body as object), call.headers);
  }
  return () => nock.cleanAll();
};

/**
 * Runs `fn` with console.log / info / warn / error collected instead of printed: Zapier core
 * echoes the app's z.console lines there, and a replay reports them once per fixture, in its
 * result line, rather than once per trigger as loose warnings.
 */
const collectingConsole = async <T>(notes: Set<string>, fn: () => Promise<T>): Promise<T> => {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const collect = (...args: unknown[]) => {
    const line = format(...args).trim();
    if (line) notes.add(line);
  };
  Object.assign(console, { log: collect, info: collect, warn: collect, error: collect });
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
};

/**
 * Runs one fixture through the real app definition, as Zapier would present the delivery
 * (bundle.rawRequest / cleanedRequest), through every unified trigger or just `triggerKey`.
 */
export const replayFixture = async (app: App, fixture: Fixture, triggerKey?: string): Promise<ReplayResult> => {
  const appTester = createAppTester(app as never);
  const keys = triggerKey ? [triggerKey] : [...EVENT_TYPES];
  const events: UnifiedEvent[] = [];
  const errors: ReplayResult['errors'] = [];
  const notes = new Set<string>();
  const stopServing = await serveHttp(fixture);
  try {
    for (const key of keys) {
      const trigger = app.triggers[key];
      if (!trigger) {
        errors.push({ trigger: key, message: `no trigger with key ${key}` });
        continue;
      }
      const bundle = {
        authData: { tool: fixture.tool, api_key: REPLAY_API_KEY },
        inputData: fixture.inputData,
        // An empty `subscription` is a delivery by hand (Normalize Webhook, a Mixmax rule): no
        // subscription to verify against. Any other is verified, fail-closed (docs/ARCHITECTURE.md, "Error policy").
        subscribeData: Object.keys(fixture.subscription).length ? { tool: fixture.tool, id: 'replay', ...fixture.subscription } : undefined,
        ...zapierRequestFor(fixture.request),
      };
      try {
        const out = await collectingConsole(notes, () =>
          withPinnedClock(new Date(fixture.received_at), () => appTester(trigger.operation.perform as never, bundle as never, true)),
        );
        events.push(...((out as UnifiedEvent[]) ?? []));
      } catch (err) {
        errors.push({ trigger: key, message: errorText(err) });
      }
    }
  } finally {
    stopServing();
  }
  const problems: string[] = [];
  if (fixture.expect_error !== undefined) {
    if (events.length) problems.push(`expected the delivery to be refused, but it produced ${events.length} event(s)`);
    if (!errors.some((e) => e.message.includes(fixture.expect_error as string))) {
      problems.push(
        `expected an error containing ${JSON.stringify(fixture.expect_error)}, got ${errors.length ? errors.map((e) => JSON.stringify(e.message)).join(', ') : 'none'}`,
      );
    }
  } else {
    problems.push(...errorsByMessage(errors));
    if (fixture.expect) {
      problems.push(...(triggerKey ? matchTriggerExpectations(triggerKey, fixture.expect, events, EVENT_TYPES) : matchExpectations(fixture.expect, events)));
    }
  }
  const checked = fixture.expect !== undefined || fixture.expect_error !== undefined;
  return { events, checked, notes: [...notes], errors, problems };
};
