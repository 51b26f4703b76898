import { join } from 'node:path';
import { loadFixtures } from '../../src/harness/fixture';
import { replayFixture } from '../../src/harness/replay';
import { App } from './app';
import { expectUnified } from './events';

export const FIXTURES = join(__dirname, '..', 'fixtures');

/**
 * Replays one tool's bundled fixtures through the real app. One test file per tool: Zapier
 * core counts invocations per loaded copy and kills a process past 250 of them once RSS is over
 * 450 MB, which a jest worker replaying every fixture × 5 triggers in one file would reach.
 */
export const replaySuite = (tool: string) => {
  const all = loadFixtures([join(FIXTURES, tool)]);
  describe(`${tool} webhook fixtures`, () => {
    it('are valid fixtures of this tool', () => {
      expect(all.filter((f) => f.error).map((f) => `${f.path}: ${f.error}`)).toEqual([]);
      expect(all.length).toBeGreaterThan(0);
      for (const f of all) expect([f.path, f.fixture?.tool]).toEqual([f.path, tool]);
    });
    it.each(all.filter((f) => f.fixture).map((f) => [f.path.slice(FIXTURES.length + 1), f.fixture!] as const))('%s', async (_name, fixture) => {
      const result = await replayFixture(App as never, fixture);
      expect(result.problems).toEqual([]);
      expectUnified(result.events);
    });
  });
};
