import { loadFixtures, whyNoFixtures } from '../fixture';
import { sendFixtures } from '../send';
import { UsageError } from '../cli/errors';
import { numberOption, stringOption, type CommandSpec } from '../cli/command';

const targetUrl = (raw: string): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--to must be an http:// or https:// URL, got ${JSON.stringify(raw)}`, 'send');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--to must be an http:// or https:// URL, got ${JSON.stringify(raw)}`, 'send');
  return url;
};

export const sendCommand: CommandSpec = {
  name: 'send',
  summary: "POST fixtures' deliveries to a URL at a bounded rate and report the statuses.",
  args: '<file|dir>...',
  positionals: { min: 1, max: Infinity },
  options: [
    { name: 'to', type: 'string', value: 'URL', help: 'where to POST (a recorder, a local hook)', required: true },
    { name: 'rate', type: 'string', value: 'R', help: 'deliveries per second', default: '10' },
    { name: 'concurrency', type: 'string', value: 'C', help: 'deliveries in flight at once', default: '1' },
  ],
  details: [
    'Each delivery keeps its headers, query string and exact body, plus an x-sales-connect-received-at',
    "header with the fixture's arrival time (record keeps it, so signature age checks replay alike).",
    'Prints {"sent","byStatus","p50ms","p95ms"} as JSON. Exit 0 when every answer was 2xx, 1 otherwise.',
  ],
  examples: ['sales-connect send test/fixtures/smartlead --to http://127.0.0.1:8787/ --rate 5 --concurrency 2'],
  async run(positionals, values, io) {
    const to = targetUrl(stringOption(values, 'to') as string);
    const rate = numberOption(values, 'rate', { min: 0.001, fallback: 10 });
    const concurrency = numberOption(values, 'concurrency', { min: 1, max: 64, integer: true, fallback: 1 });
    const empty = positionals.map(whyNoFixtures).filter((why): why is string => why !== null);
    if (empty.length) throw new UsageError(`nothing to send: ${empty.join('; ')}`, 'send');
    const loaded = loadFixtures(positionals);
    const bad = loaded.filter((f) => !f.fixture);
    for (const f of bad) io.err(`FAIL ${f.path}: ${f.error}`);
    const report = await sendFixtures(
      loaded.flatMap((f) => (f.fixture ? [f.fixture] : [])),
      to.toString(),
      rate,
      concurrency,
    );
    io.out(JSON.stringify(report));
    const failures = Object.entries(report.byStatus).filter(([status]) => !/^2\d\d$/.test(status));
    if (failures.length) io.err(`not delivered: ${failures.map(([status, n]) => `${n} × ${status.replace(/^error: /, '')}`).join('; ')}`);
    return bad.length === 0 && failures.length === 0 ? 0 : 1;
  },
};
