import type { ToolId } from '../model/tools';
import type { Capabilities } from './capabilities';
import { apolloCapabilities } from './apollo/capabilities';
import { calendlyCapabilities } from './calendly/capabilities';
import { lemlistCapabilities } from './lemlist/capabilities';
import { mailshakeCapabilities } from './mailshake/capabilities';
import { mixmaxCapabilities } from './mixmax/capabilities';
import { replyioCapabilities } from './replyio/capabilities';
import { salesloftCapabilities } from './salesloft/capabilities';
import { smartleadCapabilities } from './smartlead/capabilities';
import { woodpeckerCapabilities } from './woodpecker/capabilities';

/**
 * Every tool's capability table, without loading its provider code: the Zap editor draws
 * forms from this alone. A tool id without a table does not compile.
 */
export const CAPABILITIES: Record<ToolId, Capabilities> = {
  smartlead: smartleadCapabilities,
  lemlist: lemlistCapabilities,
  replyio: replyioCapabilities,
  woodpecker: woodpeckerCapabilities,
  mailshake: mailshakeCapabilities,
  apollo: apolloCapabilities,
  salesloft: salesloftCapabilities,
  calendly: calendlyCapabilities,
  mixmax: mixmaxCapabilities,
};
