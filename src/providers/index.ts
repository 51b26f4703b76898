import type { ToolId } from '../model/tools';
import { apollo } from './apollo';
import { calendly } from './calendly';
import { lemlist } from './lemlist';
import { mailshake } from './mailshake';
import { mixmax } from './mixmax';
import { replyio } from './replyio';
import { salesloft } from './salesloft';
import { smartlead } from './smartlead';
import { woodpecker } from './woodpecker';
import type { Provider } from './types';

/** tool id → provider. Adding a tool = adding its folder and one line here. */
export const PROVIDERS: Partial<Record<ToolId, Provider>> = {
  smartlead,
  apollo,
  salesloft,
  lemlist,
  calendly,
  replyio,
  mixmax,
  woodpecker,
  mailshake,
};

export const findProvider = (tool: unknown): Provider | null =>
  typeof tool === 'string' && Object.hasOwn(PROVIDERS, tool) ? (PROVIDERS[tool as ToolId] ?? null) : null;

export const providerList = (): Provider[] => Object.values(PROVIDERS).filter((p): p is Provider => Boolean(p));
