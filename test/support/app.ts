import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { zapierRequestFor } from '../../src/delivery/delivery';
import type { ToolId } from '../../src/model/tools';
import { now } from '../../src/delivery/clock';
import { signCalendly } from '../../src/providers/calendly/signature';
import { signSalesloft } from '../../src/providers/salesloft/signature';
import { URL_SECRET_PARAM } from '../../src/providers/shared/secrets';

export { App };
export const appTester = createAppTester(App);

/** The operation of a trigger / create / search, typed loosely: tests call each function. */
export const op = (kind: 'triggers' | 'creates' | 'searches', key: string) =>
  (App as unknown as Record<string, Record<string, { operation: Record<string, unknown> }>>)[kind]?.[key]?.operation as Record<string, never>;

export const authFor = (tool: ToolId, api_key = `test-${tool}-key`) => ({ tool, api_key });

/** The secret deliveryBundle's subscriptions store when a test gives none (verification is fail-closed). */
export const TEST_SUBSCRIPTION_SECRET = 'test-subscription-secret';

type TestRequest = { headers?: Record<string, string>; querystring?: Record<string, string>; body?: unknown; rawBody?: string };

/**
 * What a delivery from the webhook we registered carries to prove it: our URL secret (tools that
 * sign nothing), lemlist's body `secret`, or Calendly's / Salesloft's signature of the raw body.
 * Whatever the test set itself is left as it is.
 */
const carrying = (tool: ToolId, request: TestRequest, secret: string): TestRequest => {
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  switch (tool) {
    case 'lemlist':
      return request.body && typeof request.body === 'object' && !Array.isArray(request.body) && !('secret' in request.body)
        ? { ...request, body: { ...(request.body as object), secret } }
        : request;
    case 'calendly': {
      if (headers['calendly-webhook-signature'] !== undefined) return request;
      const raw = request.rawBody ?? JSON.stringify(request.body ?? {});
      const t = Math.floor(now() / 1000);
      return { ...request, rawBody: raw, headers: { ...(request.headers ?? {}), 'calendly-webhook-signature': signCalendly(secret, t, raw) } };
    }
    case 'salesloft': {
      if (headers['x-salesloft-signature'] !== undefined) return request;
      const raw = request.rawBody ?? JSON.stringify(request.body ?? {});
      return { ...request, rawBody: raw, headers: { ...(request.headers ?? {}), 'x-salesloft-signature': signSalesloft(secret, raw) } };
    }
    case 'apollo':
      return request; // no webhooks: nothing to carry
    default:
      return { ...request, querystring: { [URL_SECRET_PARAM]: secret, ...(request.querystring ?? {}) } };
  }
};

/**
 * A bundle as Zapier builds it for a webhook delivery to a hook trigger's perform. Unless the
 * test's subscribeData names a `secret` (tests of verification itself), the subscription stores
 * one and the delivery carries it, as every delivery to a webhook performSubscribe made does.
 */
export const deliveryBundle = (
  tool: ToolId,
  request: TestRequest,
  extra: { subscribeData?: Record<string, unknown>; inputData?: Record<string, unknown> } = {},
) => {
  const ownSecret = extra.subscribeData && 'secret' in extra.subscribeData;
  const req = ownSecret ? request : carrying(tool, request, TEST_SUBSCRIPTION_SECRET);
  return {
    authData: authFor(tool),
    inputData: extra.inputData ?? {},
    subscribeData: { tool, id: 'sub-1', ...(ownSecret ? {} : { secret: TEST_SUBSCRIPTION_SECRET }), ...(extra.subscribeData ?? {}) },
    ...zapierRequestFor({ method: 'POST', headers: { 'content-type': 'application/json', ...(req.headers ?? {}) }, ...req }),
  };
};

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
): Promise<T> => appTester((async (z: never, b: never) => fn({ z, bundle: b })) as never, { authData: authFor(tool), ...bundle } as never) as Promise<T>;
