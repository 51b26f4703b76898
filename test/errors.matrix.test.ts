import { CAPABILITIES } from '../src/providers/capabilityTable';
import type { ActionCapabilities } from '../src/providers/capabilities';
import { MOCKS } from '../dev/mock';
import { PROVIDERS } from '../src/providers';
import type { ToolId } from '../src/model/tools';
import { appTester, authFor, messageOf, op } from './support/app';
import { useMockApi } from './support/mockApi';

/**
 * docs/ARCHITECTURE.md, "Error policy", row by row, for every tool with lead operations × every action, through the real app
 * against the tool's local mock: bad input is refused before any request; 401 → reconnect;
 * 429 → ThrottledError with a delay; a persistent 5xx → retried, then an error quoting the tool.
 */
const TOOLS = (Object.keys(PROVIDERS) as ToolId[]).filter((t) => PROVIDERS[t]?.leads);
const ACTIONS = [
  ['searches', 'find_lead'],
  ['creates', 'create_lead'],
  ['creates', 'enroll_lead'],
  ['creates', 'stop_sequence'],
] as const;

/** Valid inputs for a tool, taken from its mock through the app's own dropdown triggers. */
const inputsFor = async (tool: ToolId) => {
  const auth = { authData: authFor(tool) };
  const [campaign] = (await appTester(op('triggers', 'campaign_list').perform, { ...auth, meta: { page: 0 } } as never)) as { id: string }[];
  const [mailbox] = (await appTester(op('triggers', 'mailbox_list').perform, auth as never)) as { id: string }[];
  const modes = (CAPABILITIES[tool].actions as ActionCapabilities).stop.modes;
  return { email: 'matrix@example.com', first_name: 'Max', campaign_id: campaign?.id, mailbox_id: mailbox?.id, mode: modes[0] };
};

describe.each(TOOLS)('%s: error policy for every action (docs/ARCHITECTURE.md, "Error policy")', (tool) => {
  const api = useMockApi(tool);
  /** The action's error, or null when it succeeded. */
  const run = (kind: 'creates' | 'searches', key: string, inputData: Record<string, unknown>, apiKey?: string) =>
    api.run(kind, key, inputData, apiKey).then(
      () => null,
      (e: Error) => e,
    );

  it.each(ACTIONS)('%s %s', async (kind, key) => {
    const mock = await api.start();
    const inputs = await inputsFor(tool);

    // Invalid input: refused before any request, naming the field.
    const served = mock.log.length;
    const invalid = await run(kind, key, { ...inputs, email: 'not-an-email' });
    expect(messageOf(invalid)).toMatch(/^Email "not-an-email" is not a valid email address/);
    expect(mock.log.length).toBe(served);

    // 401: the connection must be reconnected.
    const expired = await run(kind, key, inputs, 'revoked');
    expect([expired?.name, messageOf(expired)]).toEqual(['ExpiredAuthError', expect.stringMatching(/Reconnect your .+ account/)]);

    // 429: Zapier retries later, after the delay the tool asked for.
    const limit = MOCKS.find((m) => m.tool === tool)!.rateLimit.requests;
    mock.fillRateWindow(tool, authFor(tool).api_key, limit);
    const throttled = await run(kind, key, inputs);
    expect(throttled?.name).toBe('ThrottledError');
    expect(JSON.parse((throttled as Error).message).delay).toBeGreaterThan(0);

    // A persistent outage: retried with backoff, then an error quoting the tool.
    const down503 = await api.start({ failRate: 1 });
    const down = await run(kind, key, inputs);
    expect(messageOf(down)).toMatch(/answered 503: .*Tried 4 times/);
    expect(down503.log.length).toBeGreaterThanOrEqual(4);
  });
});
