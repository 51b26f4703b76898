/**
 * Cold start of the app against a bare zapier-platform-core app, in paired runs (app, bare,
 * app, bare …) so machine drift hits both alike. Prints the median CPU ratio and the median
 * peak-memory difference — ratios from one run, not absolute times (a shared, noisy machine).
 * Target (issue 9): CPU ≤ 1.05× the bare app, memory ≤ +5 MB. BENCH_ROUNDS=N pairs (default 20).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const child = join(__dirname, 'coldChild.js');

const run = (which: 'app' | 'bare') =>
  JSON.parse(execFileSync(process.execPath, [child, which], { encoding: 'utf8' })) as { cpu_ms: number; maxrss_kb: number };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

run('app'); // warm the file cache
run('bare');
const cpuRatios: number[] = [];
const rssDiffs: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  const app = run('app');
  const bare = run('bare');
  cpuRatios.push(app.cpu_ms / bare.cpu_ms);
  rssDiffs.push((app.maxrss_kb - bare.maxrss_kb) / 1024);
}
const cpu = median(cpuRatios);
const mb = median(rssDiffs);
console.log(
  `cold start (require + createAppHandler), ${ROUNDS} paired runs: CPU ${cpu.toFixed(3)}× the bare core app (target ≤ 1.05), peak memory ${mb >= 0 ? '+' : ''}${mb.toFixed(1)} MB (target ≤ +5)`,
);
