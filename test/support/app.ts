import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { zapierRequestFor } from '../../src/delivery/delivery';
import type { ToolId } from '../../src/model/tools';

export { App };
export const appTester = createAppTester(App);

/** The operation of a trigger / create / search, typed loosely: tests call each function. */
export const op = (kind: 'triggers' | 'creates' | 'searches', key: string) =>
  (App as unknown as Record<string, Record<string, { operation: Record<string, unknown> }>>)[kind]?.[key]?.operation as Record<
    string,
    never
  >;

export const authFor = (tool: ToolId, api_key = `test-${tool}-key`) => ({ tool, api_key });

/** A bundle as Zapier builds it for a webhook delivery to a hook trigger's perform. */
export const deliveryBundle = (
  tool: ToolId,
  request: { headers?: Record<string, string>; querystring?: Record<string, string>; body?: unknown; rawBody?: string },
  extra: { subscribeData?: Record<string, unknown>; inputData?: Record<string, unknown> } = {},
) => ({
  authData: authFor(tool),
  inputData: extra.inputData ?? {},
  subscribeData: { tool, id: 'sub-1', ...(extra.subscribeData ?? {}) },
  ...zapierRequestFor({ method: 'POST', headers: { 'content-type': 'application/json', ...(request.headers ?? {}) }, ...request }),
});

/** Zapier app errors carry their message JSON-encoded; this reads it back. */
export const messageOf = (err: unknown): string => {
  const message = (err as Error).message;
  try {
    return (JSON.parse(message) as { message: string }).message;
  } catch {
    return message;
  }
};

export const resetNock = () => {
  nock.cleanAll();
  nock.disableNetConnect();
};

/** Every interceptor was used, or the test fails naming the ones that were not. */
export const expectAllCalled = () => {
  const pending = nock.pendingMocks();
  if (pending.length) throw new Error(`requests the test expected but the app never made: ${pending.join(', ')}`);
};

/**
 * Runs `fn` inside the real app (its beforeRequest / afterResponse middleware and z object),
 * with a connection to `tool`. For provider-level calls (lead operations) in tests.
 */
export const runWith = <T>(
  tool: ToolId,
  fn: (ctx: { z: import('zapier-platform-core').ZObject; bundle: import('zapier-platform-core').Bundle }) => Promise<T>,
  bundle: Record<string, unknown> = {},
): Promise<T> =>
  appTester((async (z: never, b: never) => fn({ z, bundle: b })) as never, { authData: authFor(tool), ...bundle } as never) as Promise<T>;
