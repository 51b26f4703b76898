import { toolIdOf, type ToolId } from '../model/tools';
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

/** tool id → provider. Adding a tool = adding its folder and one line here (a missing one does not compile). */
export const PROVIDERS: Record<ToolId, Provider> = {
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

export const findProvider = (tool: unknown): Provider | null => {
  const id = toolIdOf(tool);
  return id ? PROVIDERS[id] : null;
};

export const providerList = (): Provider[] => Object.values(PROVIDERS);
