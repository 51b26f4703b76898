/**
 * One cold start, as Zapier's Lambda runtime does it: require an app definition and build the
 * handler. `app` = Sales Connect (the compiled index.js Zapier loads); `bare` = a bare
 * zapier-platform-core app kept here as the baseline. Prints this process's CPU time and peak
 * memory as JSON, measured from process start (so Node's own start-up is in both figures).
 */
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require('zapier-platform-core') as { createAppHandler: (app: unknown) => unknown; version: string };

/** The baseline: the smallest definition core accepts. */
const BARE_APP = { version: '1.0.0', platformVersion: core.version, triggers: {}, creates: {}, searches: {} };

const which = process.argv[2];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const definition = which === 'app' ? require(join(__dirname, '..', '..', 'index.js')) : BARE_APP;
core.createAppHandler(definition);
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ cpu_ms: (cpu.user + cpu.system) / 1000, maxrss_kb: process.resourceUsage().maxRSS }));
