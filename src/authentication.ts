import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectedProvider, ctxOf } from './app/connection';
import { TOOL_IDS, TOOL_LABELS } from './model/tools';
import { CAPABILITIES } from './providers/capabilityTable';

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
        `${provider.label} did not accept this ${provider.capabilities.credential.name}. Copy it again from ${provider.capabilities.credential.url} and make sure the connection's Tool is ${provider.label}.`,
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
      choices: TOOL_IDS.map((id) => ({ value: id, label: TOOL_LABELS[id], sample: id })),
      helpText: 'The outbound tool this connection is for. One connection is one account of one tool; connect each tool you use separately.',
    },
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password' as const,
      required: true,
      // Zapier draws the connection form before a tool is chosen, so the help lists every tool's page.
      helpText: `The tool's API key or token. Where to find it: ${TOOL_IDS.map(
        (id) => `[${TOOL_LABELS[id]} ${CAPABILITIES[id].credential.name}](${CAPABILITIES[id].credential.url})`,
      ).join(' · ')}.`,
    },
  ],
  test,
  connectionLabel: '{{tool_label}} — {{account}}',
};
