import type { Bundle, ZObject } from 'zapier-platform-core';
import { toolIdOf, type ToolId } from '../model/tools';
import { CAPABILITIES } from '../providers/capabilityTable';
import type { Capabilities } from '../providers/capabilities';
import { findProvider } from '../providers';
import type { Ctx, Provider } from '../providers/types';

/** The provider of the connection this step runs with. */
export const connectedProvider = (z: ZObject, bundle: Bundle): Provider => {
  const provider = findProvider(bundle.authData?.tool);
  if (!provider) {
    throw new z.errors.Error(
      `This connection is for "${String(bundle.authData?.tool ?? '')}", which Sales Connect does not support. ` + 'Reconnect and choose a tool from the list.',
      'UnsupportedTool',
      400,
    );
  }
  return provider;
};

/** The connected tool's id and capability table, for drawing forms (null before a connection is chosen). */
export const connectedCapabilities = (bundle: Bundle): { tool: ToolId; caps: Capabilities } | null => {
  const tool = toolIdOf(bundle.authData?.tool);
  return tool ? { tool, caps: CAPABILITIES[tool] } : null;
};

export const ctxOf = (z: ZObject, bundle: Bundle): Ctx => ({ z, bundle });
