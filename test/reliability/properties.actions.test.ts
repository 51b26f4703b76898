/**
 * Property test, CI size: every action's inputs (valid dropdown values, real and broken emails,
 * Object.prototype names, path-breaking ids, bad modes and policies) through the real app against
 * the local tool mocks. Every case ends as a result, no result or a typed error; a bug fails.
 */
import fc from 'fast-check';
import { ACTIONS, actionCaseArb, runActionCase, toolContext, type ToolContext } from '../../bench/fuzz/actions';
import { TOOLS } from '../../bench/fuzz/core';
import { useMockApi } from '../support/mockApi';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 14);

describe('action inputs never cause a bug', () => {
  const api = useMockApi('smartlead');
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it.each(TOOLS)('%s', async (tool) => {
    await api.start();
    const ctx: ToolContext = await toolContext(tool, `fuzz-${tool}-key-0123456789`);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(actionCaseArb, async (c) => {
        const result = await runActionCase(ctx, c);
        seen.add(`${result.action}:${result.outcome}`);
        if (result.outcome === 'bug') throw new Error(`${tool} ${result.action}: ${result.detail}`);
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261201), endOnFailure: true },
    );
    expect([...seen].some((s) => s.endsWith(':typed_error'))).toBe(true);
    expect(ACTIONS.length).toBe(5);
  });
});
