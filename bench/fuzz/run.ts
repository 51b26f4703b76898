/**
 * `npm run fuzz`: ≥ 10,000 mutated webhook deliveries per tool (FUZZ_CASES to change) through the
 * real app, counted per outcome class; exits 1 on any bug. One child process per tool, two at a
 * time (zapier-platform-core kills a process past 250 invocations once RSS is over 450 MB, so a
 * child also collects garbage as it goes). FUZZ_SEED fixes the cases; a bug prints the case.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import fc from 'fast-check';
import { caseArb, OUTCOMES, runCase, seedsFor, TOOLS, type Outcome } from './core';
import type { ToolId } from '../../src/model/tools';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 12);
/** Weight (of 100) of huge / deep / wide values among mutations: they are slow, and covered by the targeted tests. */
const HEAVY = Number(process.env.FUZZ_HEAVY ?? 3);
/** Cases per child process: a fresh process (and core's invocation counter) every this many cases. */
const CHUNK = Number(process.env.FUZZ_CHUNK ?? 2500);
const PARALLEL = Math.max(1, Math.min(Number(process.env.FUZZ_PARALLEL ?? 2), cpus().length));

interface ChildReport {
  tool: ToolId;
  counts: Record<Outcome, number>;
  bugs: string[];
  seconds: number;
  maxRssMb: number;
  slowestMs: number;
}

const child = async (tool: ToolId, from: number, to: number): Promise<void> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require('nock') as typeof import('nock');
  nock.disableNetConnect();
  const quiet = () => undefined;
  console.log = quiet; // z.console.log of skipped batch items
  console.error = quiet;
  const seeds = seedsFor(tool);
  const gc = (globalThis as { gc?: () => void }).gc;
  const counts = { events: 0, no_event: 0, typed_error: 0, bug: 0 } as Record<Outcome, number>;
  const bugs: string[] = [];
  let maxRss = 0;
  let slowest = 0;
  const started = Date.now();
  const cases = fc.sample(caseArb(seeds.length, HEAVY), { numRuns: CASES, seed: SEED + TOOLS.indexOf(tool) });
  for (let i = from; i < Math.min(to, cases.length); i += 1) {
    const c = cases[i]!;
    const r = await runCase(tool, seeds, c);
    counts[r.outcome] += 1;
    slowest = Math.max(slowest, r.ms);
    if (r.outcome === 'bug' && bugs.length < 10) bugs.push(`case ${i}: ${r.detail} — ${fc.stringify(c).slice(0, 400)}`);
    if (i % 200 === 199) {
      gc?.();
      maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }
  }
  const report: ChildReport = { tool, counts, bugs, seconds: (Date.now() - started) / 1000, maxRssMb: Math.round(maxRss / 1e6), slowestMs: slowest };
  process.stdout.write(`${JSON.stringify(report)}\n`);
};

const runChild = (tool: ToolId, from: number, to: number): Promise<ChildReport> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', __filename, '--child', tool, String(from), String(to)], {
      env: { ...process.env, NODE_ENV: 'test', SALES_CONNECT_BACKOFF_UNIT_MS: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ChildReport);
      } catch {
        reject(new Error(`${tool}: the fuzz child exited ${code} without a report${out ? `: ${out.slice(-500)}` : ''}`));
      }
    });
  });

const main = async () => {
  const started = Date.now();
  process.stdout.write(`fuzz: ${CASES} cases per tool (child processes of ${CHUNK}), seed ${SEED}, heavy values weight ${HEAVY}/100, ${PARALLEL} at a time\n`);
  const queue = TOOLS.flatMap((tool) =>
    Array.from({ length: Math.ceil(CASES / CHUNK) }, (_, i) => ({ tool, from: i * CHUNK, to: Math.min(CASES, (i + 1) * CHUNK) })),
  );
  const parts: ChildReport[] = [];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) parts.push(await runChild(task.tool, task.from, task.to));
    }),
  );
  // One row per tool, summed over its chunks.
  const reports: ChildReport[] = TOOLS.map((tool) => {
    const mine = parts.filter((p) => p.tool === tool);
    const counts = { events: 0, no_event: 0, typed_error: 0, bug: 0 } as Record<Outcome, number>;
    for (const p of mine) for (const o of OUTCOMES) counts[o] += p.counts[o];
    return {
      tool,
      counts,
      bugs: mine.flatMap((p) => p.bugs),
      seconds: mine.reduce((n, p) => n + p.seconds, 0),
      maxRssMb: Math.max(0, ...mine.map((p) => p.maxRssMb)),
      slowestMs: Math.max(0, ...mine.map((p) => p.slowestMs)),
    };
  });
  const header = ['tool', ...OUTCOMES, 'cases', 'slowest ms', 'max RSS MB', 's'];
  const rows = reports.map((r) => [
    r.tool,
    ...OUTCOMES.map((o) => String(r.counts[o])),
    String(OUTCOMES.reduce((n, o) => n + r.counts[o], 0)),
    String(r.slowestMs),
    String(r.maxRssMb),
    r.seconds.toFixed(0),
  ]);
  const total = [
    'total',
    ...OUTCOMES.map((o) => String(reports.reduce((n, r) => n + r.counts[o], 0))),
    String(reports.reduce((n, r) => n + OUTCOMES.reduce((m, o) => m + r.counts[o], 0), 0)),
    '',
    '',
    '',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, total].map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`${line(header)}\n${[...rows, total].map(line).join('\n')}\n`);
  const bugs = reports.flatMap((r) => r.bugs.map((b) => `${r.tool} ${b}`));
  process.stdout.write(`wall time ${((Date.now() - started) / 1000).toFixed(0)} s; bugs: ${bugs.length ? '' : 'none'}\n`);
  for (const b of bugs) process.stdout.write(`  BUG ${b}\n`);
  process.exit(bugs.length ? 1 : 0);
};

if (process.argv[2] === '--child') {
  child(process.argv[3] as ToolId, Number(process.argv[4] ?? 0), Number(process.argv[5] ?? CASES)).then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`${(err as Error).stack}\n`);
      process.exit(2);
    },
  );
} else {
  main().catch((err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(2);
  });
}
