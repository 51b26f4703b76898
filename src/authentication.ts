import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectedProvider, ctxOf } from './app/connection';
import { providerList } from './providers';

/**
 * One connection = one account of one tool (docs/ARCHITECTURE.md, "Connection model"): the tool, and its API key.
 * The test calls a cheap authenticated endpoint of that tool.
 */
const test = async (z: ZObject, bundle: Bundle) => {
  const provider = connectedProvider(z, bundle);
  try {
    const { account } = await provider.testAuth(ctxOf(z, bundle));
    return { tool_label: provider.label, account };
  } catch (err) {
    // While connecting there is no connection to expire yet: say plainly that the key failed.
    if ((err as Error).name === 'ExpiredAuthError') {
      throw new z.errors.Error(
        `${provider.label} did not accept this API key. Copy it again from ${provider.apiKeyUrl} and make sure the connection's Tool is ${provider.label}.`,
        'AuthenticationError',
        401,
      );
    }
    throw err;
  }
};

export const authentication = {
  type: 'custom' as const,
  fields: [
    {
      key: 'tool',
      label: 'Tool',
      type: 'string' as const,
      required: true,
      choices: providerList().map((p) => ({ value: p.id, label: p.label, sample: p.id })),
      helpText:
        'The outbound tool this connection is for. One connection is one account of one tool; connect each tool you use separately.',
    },
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password' as const,
      required: true,
      helpText: `The tool's API key or token. Where to find it: ${providerList()
        .map((p) => `[${p.label}](${p.apiKeyUrl})`)
        .join(' · ')}.`,
    },
  ],
  test,
  connectionLabel: '{{tool_label}} — {{account}}',
};
