import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding this project's package.json, found by walking up: the CLI runs from
 * dist/src/harness (built) and from src/harness (tests), at different depths.
 */
export const packageRoot = (): string => {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    const manifest = join(dir, 'package.json');
    // dist/ holds a copy of package.json too; the root is where the bin lives.
    if (existsSync(manifest) && existsSync(join(dir, 'bin', 'sales-connect.js'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the sales-connect package.json above ' + __dirname);
};

export const packageVersion = (): string => (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** The CLI's own entry (bin/sales-connect.js), for starting a copy of itself in the background. */
export const binPath = (): string => join(packageRoot(), 'bin', 'sales-connect.js');
