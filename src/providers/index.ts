import { toolIdOf, type ToolId } from '../model/tools';
import type { Provider } from './types';

/**
 * tool id → provider, loaded on first use: a step runs with one connection, so it loads one
 * tool's code and schemas, not nine (cold start, docs/ARCHITECTURE.md). Adding a tool = adding
 * its folder and one line here; a tool id without a line does not compile.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const LOADERS: Record<ToolId, () => Provider> = {
  smartlead: () => (require('./smartlead') as typeof import('./smartlead')).smartlead,
  lemlist: () => (require('./lemlist') as typeof import('./lemlist')).lemlist,
  replyio: () => (require('./replyio') as typeof import('./replyio')).replyio,
  woodpecker: () => (require('./woodpecker') as typeof import('./woodpecker')).woodpecker,
  mailshake: () => (require('./mailshake') as typeof import('./mailshake')).mailshake,
  apollo: () => (require('./apollo') as typeof import('./apollo')).apollo,
  salesloft: () => (require('./salesloft') as typeof import('./salesloft')).salesloft,
  calendly: () => (require('./calendly') as typeof import('./calendly')).calendly,
  mixmax: () => (require('./mixmax') as typeof import('./mixmax')).mixmax,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Every provider, each loaded when first read (tests and the harness iterate them all). */
export const PROVIDERS: Record<ToolId, Provider> = Object.defineProperties(
  {} as Record<ToolId, Provider>,
  Object.fromEntries((Object.keys(LOADERS) as ToolId[]).map((id) => [id, { enumerable: true, get: () => LOADERS[id]() }])),
);

export const findProvider = (tool: unknown): Provider | null => {
  const id = toolIdOf(tool);
  return id ? LOADERS[id]() : null;
};
