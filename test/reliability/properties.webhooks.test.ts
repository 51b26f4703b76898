/**
 * Property test, CI size: mutated deliveries from every tool's fixtures (hostile names, broken
 * timestamps and emails, huge strings, deep and wide values, renamed and deleted keys) through
 * each trigger of the real app. Every case must end as events, no event or a typed error; a bug
 * (untyped error, our own 500, an error over 4 KB or quoting a secret, a run over 5 s) fails.
 * `npm run fuzz` runs the same generator at ≥ 10,000 cases per tool.
 */
import fc from 'fast-check';
import nock from 'nock';
import { caseArb, runCase, seedsFor, TOOLS, type CaseResult } from '../../bench/fuzz/core';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 24);
/** Weight (of 100) of huge / deep / wide values: slow per case, and each kind has its own targeted test (hostile.test.ts). */
const HEAVY = Number(process.env.PROPERTY_HEAVY ?? 10);

beforeAll(() => {
  // z.console.log of skipped batch items would flood the output.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());
afterEach(() => nock.cleanAll());

describe('webhook handling never has a bug', () => {
  it.each(TOOLS)('%s', async (tool) => {
    const seeds = seedsFor(tool);
    expect(seeds.length).toBeGreaterThan(0);
    const seen: CaseResult['outcome'][] = [];
    await fc.assert(
      fc.asyncProperty(caseArb(seeds.length, HEAVY), async (c) => {
        const result = await runCase(tool, seeds, c);
        seen.push(result.outcome);
        if (result.outcome === 'bug') throw new Error(`${tool}: ${result.detail}`);
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261201), endOnFailure: true },
    );
    // The generator reaches the parser, not only its front door: some typed refusals at least.
    expect(seen).toContain('typed_error');
  });
});
