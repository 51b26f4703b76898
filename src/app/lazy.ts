import type { Bundle, ZObject } from 'zapier-platform-core';

/**
 * The operations behind the Zapier surface, loaded when a step first runs rather than when the
 * app definition loads: drawing the definition (and a step of another kind) never pays for zod,
 * the payload schemas or a provider it does not use (docs/ARCHITECTURE.md, cold start).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const triggerOps = () => require('./triggerOps') as typeof import('./triggerOps');
export const actionOps = () => require('./actionOps') as typeof import('./actionOps');
/* eslint-enable @typescript-eslint/no-require-imports */

type Perform<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

/** An action's perform, loaded on its first call. */
export const actionPerform =
  <K extends keyof ReturnType<typeof actionOps>>(name: K) =>
  (z: ZObject, bundle: Bundle) =>
    (actionOps()[name] as unknown as Perform<unknown>)(z, bundle);
