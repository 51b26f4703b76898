import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixtures } from '../src/harness/fixture';
import { MOCKS } from '../dev/mock';
import { PROVIDERS } from '../src/providers';
import type { Provider } from '../src/providers/types';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const registered = Object.entries(PROVIDERS) as [string, Provider][];

/** The README matrix rows, by the header of the table they sit in. */
const tableRows = (header: RegExp): string[] => {
  const lines = README.split('\n');
  const start = lines.findIndex((l) => header.test(l));
  if (start < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
};

/** A tool with webhooks: at least one event it delivers instantly (its capability table). */
const hasWebhooks = (p: Provider) => Object.values(p.capabilities.events).some((s) => s.instant !== null);

describe('docs/ADDING-A-TOOL.md, enforced for every registered tool', () => {
  it('the design lives in the repository', () => {
    for (const doc of ['docs/ARCHITECTURE.md', 'docs/ADDING-A-TOOL.md']) expect([doc, existsSync(join(ROOT, doc))]).toEqual([doc, true]);
    const architecture = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    for (const section of ['How a delivery flows', 'How an action flows', 'The unified event', 'Capability tables', 'Fixture format', 'Error policy']) {
      expect([section, architecture.includes(`## ${section}\n`)]).toEqual([section, true]);
    }
  });

  it.each(registered)('%s has a provider README, a mock, its tests and README rows', (tool, provider) => {
    expect([tool, existsSync(join(ROOT, 'src/providers', tool, 'README.md'))]).toEqual([tool, true]);
    expect([tool, MOCKS.some((m) => m.tool === tool), existsSync(join(ROOT, 'dev/mock', `${tool}.ts`))]).toEqual([tool, true, true]);
    expect([tool, existsSync(join(ROOT, 'test', `${tool}.test.ts`))]).toEqual([tool, true]);
    const row = (header: RegExp) => tableRows(header).some((r) => r.startsWith(`| ${provider.label} |`));
    expect([tool, 'triggers row', row(/^\| tool \| Reply Received \|/)]).toEqual([tool, 'triggers row', true]);
    expect([tool, 'actions row', row(/^\| tool \| Find Lead \|/)]).toEqual([tool, 'actions row', true]);
  });

  it.each(registered.filter(([, p]) => hasWebhooks(p)))('%s has webhooks, so bundled fixtures and their replay suite', (tool) => {
    const dir = join(ROOT, 'test/fixtures', tool);
    expect([tool, existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'))]).toEqual([tool, true]);
    expect([tool, existsSync(join(ROOT, 'test', `replay.${tool}.test.ts`))]).toEqual([tool, true]);
  });

  it('once one provider declares capabilities.ts, every provider does', () => {
    const declared = registered.filter(([tool]) => existsSync(join(ROOT, 'src/providers', tool, 'capabilities.ts'))).map(([tool]) => tool);
    expect(declared.length === 0 || declared.length === registered.length ? [] : registered.map(([t]) => t).filter((t) => !declared.includes(t))).toEqual([]);
  });

  it.each(registered.filter(([, p]) => p.leads))('%s has lead operations, so decide.ts with its unit tests, and api.ts', (tool) => {
    const has = (path: string) => [tool, path, existsSync(join(ROOT, path))];
    expect(has(`src/providers/${tool}/api.ts`)).toEqual([tool, `src/providers/${tool}/api.ts`, true]);
    expect(has(`src/providers/${tool}/decide.ts`)).toEqual([tool, `src/providers/${tool}/decide.ts`, true]);
    expect(has(`test/${tool}.decide.test.ts`)).toEqual([tool, `test/${tool}.decide.test.ts`, true]);
  });

  it('every provider declares its deliveries in webhook.ts (the table the one pipeline reads)', () => {
    expect(registered.filter(([tool]) => !existsSync(join(ROOT, 'src/providers', tool, 'webhook.ts'))).map(([tool]) => tool)).toEqual([]);
  });

  it('every fixture bundled with the repository is checked (expect or expect_error): unchecked ones are fresh recordings', () => {
    const unchecked = readdirSync(join(ROOT, 'test/fixtures')).flatMap((tool) =>
      readdirSync(join(ROOT, 'test/fixtures', tool))
        .filter((f) => f.endsWith('.json'))
        .filter((f) => {
          const fx = JSON.parse(readFileSync(join(ROOT, 'test/fixtures', tool, f), 'utf8')) as Record<string, unknown>;
          return !('expect' in fx) && !('expect_error' in fx);
        })
        .map((f) => `${tool}/${f}`),
    );
    expect(unchecked).toEqual([]);
  });
});

describe('README bench figures', () => {
  it('list exactly the tools npm run bench measures (accepted fixtures without outbound calls)', () => {
    const measured = new Set(
      loadFixtures([join(ROOT, 'test/fixtures')]).flatMap(({ fixture }) =>
        fixture && fixture.expect_error === undefined && fixture.http.length === 0 ? [fixture.tool] : [],
      ),
    );
    const bench = README.slice(README.indexOf('### Bench'));
    const rows = bench
      .split('\n')
      .filter((l) => /^\| [a-z]+ \| [\d.]+× \| [\d.]+× \|$/.test(l))
      .map((l) => l.split(' ')[1]);
    expect(rows).toEqual([...measured].sort());
    expect(bench).toMatch(/Last run \*\*\d{4}-\d{2}-\d{2}\*\*/);
  });
});

describe('npm run lint', () => {
  it('runs scripts that exist', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const file of scripts.lint?.match(/scripts\/[\w-]+\.js/g) ?? []) expect([file, existsSync(join(ROOT, file))]).toEqual([file, true]);
    expect(scripts.lint).toMatch(/check-docs/);
  });

  it('its docs check passes: every cited doc and section exists, no citation of a design outside the repository', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check-docs.js')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('package.json', () => {
  it('states the Node versions it runs on', () => {
    expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node).toBe('>=20');
  });
});
