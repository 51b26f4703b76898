import type { Bundle, ZObject } from 'zapier-platform-core';
import { findProvider } from '../providers';
import type { Ctx, Provider } from '../providers/types';

/** The provider of the connection this step runs with. */
export const connectedProvider = (z: ZObject, bundle: Bundle): Provider => {
  const provider = findProvider(bundle.authData?.tool);
  if (!provider) {
    throw new z.errors.Error(
      `This connection is for "${String(bundle.authData?.tool ?? '')}", which Sales Connect does not support. ` +
        'Reconnect and choose a tool from the list.',
      'UnsupportedTool',
      400,
    );
  }
  return provider;
};

export const ctxOf = (z: ZObject, bundle: Bundle): Ctx => ({ z, bundle });
