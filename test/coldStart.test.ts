import { TOOL_IDS } from '../src/model/tools';

/**
 * The cold-start promise (issue 9): loading the app definition — what Zapier does before every
 * step — loads neither zod nor any provider's code. A module that starts importing either at the
 * top level fails here; bench/coldStart.ts measures the effect against a bare core app.
 */
describe('loading the app definition', () => {
  it('loads no zod and no provider module; the first step of a tool loads that tool only', () => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('zod', () => {
        loaded.push('zod');
        return jest.requireActual('zod');
      });
      for (const tool of TOOL_IDS) {
        jest.doMock(`../src/providers/${tool}/index`, () => {
          loaded.push(tool);
          return jest.requireActual(`../src/providers/${tool}/index`);
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const app = require('../src/index');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createAppHandler } = require('zapier-platform-core') as { createAppHandler: (a: unknown) => unknown };
      createAppHandler(app);
      expect(loaded).toEqual([]);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('../src/providers') as typeof import('../src/providers')).findProvider('lemlist');
      expect(loaded.filter((m) => m !== 'zod')).toEqual(['lemlist']);
    });
  });
});
