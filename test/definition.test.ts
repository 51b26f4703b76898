import { App } from './support/app';

// Core's CLI entry point (not in its type declarations): what `zapier-platform validate` runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createAppHandler } = require('zapier-platform-core') as {
  createAppHandler: (app: unknown) => (event: unknown) => Promise<unknown>;
};

/**
 * Zapier's publishing checks that only run on Zapier's servers (research: zapier-platform.md §5),
 * applied offline to the serialized definition: samples, performList, labels, descriptions,
 * dates, output fields, dropdown targets, auth help, no credentials as inputs.
 */
type Field = { key: string; label?: string; type?: string; helpText?: string; dynamic?: string; list?: boolean };
type Operation = {
  type?: string;
  sample?: Record<string, unknown>;
  outputFields?: Field[];
  inputFields?: Field[];
  performList?: unknown;
  performSubscribe?: unknown;
  performUnsubscribe?: unknown;
};
type Surface = { key: string; noun: string; display: { label: string; description: string; hidden?: boolean }; operation: Operation };
type Definition = {
  authentication: { fields: Field[]; connectionLabel?: string; test?: unknown };
  flags?: Record<string, unknown>;
  triggers: Record<string, Surface>;
  creates: Record<string, Surface>;
  searches: Record<string, Surface>;
  searchOrCreates?: Record<string, { search: string; create: string }>;
};

let def: Definition;
beforeAll(async () => {
  const handler = createAppHandler(App as never);
  def = ((await handler({ command: 'definition', calledFromCli: true } as never)) as unknown as { results: Definition }).results;
});

const surfaces = () => [
  ...Object.values(def.triggers).map((s) => ['trigger', s] as const),
  ...Object.values(def.creates).map((s) => ['create', s] as const),
  ...Object.values(def.searches).map((s) => ['search', s] as const),
];

/**
 * The sample value at an output key: `a__b` nests, `a[]b` is field b of the line items in a
 * (checked on the first item). A null parent (e.g. `meeting` of a reply) or an empty list yields null.
 */
const get = (obj: unknown, path: string): unknown =>
  path
    .replace('[]', '__0__')
    .split('__')
    .reduce<unknown>(
      (o, k) => (o === null || (Array.isArray(o) && o.length === 0) ? null : o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );

const TITLE_WORD = /^([A-Z0-9(][\w()'’./-]*|a|an|and|as|at|by|for|from|in|of|on|or|the|to|with)$/;

describe('Zapier publishing conventions (offline)', () => {
  it('passes Zapier core’s own structural validation', async () => {
    const handler = createAppHandler(App as never);
    const result = (await handler({ command: 'validate', calledFromCli: true } as never)) as unknown as { results: unknown[] };
    expect(result.results).toEqual([]);
  });

  it('D010/D012: every trigger, create and search has a sample with an id', () => {
    for (const [kind, s] of surfaces()) {
      expect({
        kind,
        key: s.key,
        hasSample: Boolean(s.operation.sample),
        hasId: s.operation.sample ? 'id' in s.operation.sample || 'outcome' in s.operation.sample : false,
      }).toEqual({
        kind,
        key: s.key,
        hasSample: true,
        hasId: true,
      });
    }
  });

  it('D006/D017: REST hook triggers have performSubscribe, performUnsubscribe and performList', () => {
    for (const s of Object.values(def.triggers).filter((t) => t.operation.type === 'hook')) {
      expect([s.key, Boolean(s.operation.performSubscribe), Boolean(s.operation.performUnsubscribe), Boolean(s.operation.performList)]).toEqual([
        s.key,
        true,
        true,
        true,
      ]);
    }
  });

  it('D018: labels are Title Case', () => {
    for (const [, s] of surfaces()) {
      for (const word of s.display.label.split(/\s+/)) expect([s.key, word, TITLE_WORD.test(word)]).toEqual([s.key, word, true]);
    }
  });

  it('D021: trigger descriptions start with "Triggers when " and end with "."; others end with "."', () => {
    for (const [kind, s] of surfaces()) {
      if (kind === 'trigger') expect(s.display.description).toMatch(/^Triggers when .+\.$/);
      else expect(s.display.description).toMatch(/^[A-Z].+\.$/);
    }
  });

  it('D023/D024: samples have every output field, with ISO-8601 datetimes and matching types', () => {
    for (const [, s] of surfaces()) {
      for (const field of s.operation.outputFields ?? []) {
        const value = get(s.operation.sample, field.key);
        expect([s.key, field.key, value !== undefined]).toEqual([s.key, field.key, true]);
        if (value === null) continue;
        if (field.type === 'datetime')
          expect([s.key, field.key, String(value)]).toEqual([s.key, field.key, expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)]);
        if (field.type === 'boolean') expect([s.key, field.key, typeof value]).toEqual([s.key, field.key, 'boolean']);
        if (field.type === 'string') expect([s.key, field.key, typeof value]).toEqual([s.key, field.key, 'string']);
      }
    }
  });

  it('D005: every dynamic dropdown points at an existing trigger', () => {
    for (const [, s] of surfaces()) {
      for (const field of s.operation.inputFields ?? []) {
        if (field.dynamic) expect([s.key, field.key, (field.dynamic.split('.')[0] as string) in def.triggers]).toEqual([s.key, field.key, true]);
      }
    }
  });

  it('D001/D011: no credential input fields; help text never just repeats the label', () => {
    for (const [, s] of surfaces()) {
      for (const field of s.operation.inputFields ?? []) {
        expect(['api_key', 'token', 'password', 'secret']).not.toContain(field.key);
        if (field.helpText) expect(field.helpText.trim().toLowerCase()).not.toBe(field.label?.trim().toLowerCase());
      }
    }
  });

  it('D002/D003: the API key field links to where each tool shows its key; the label names tool and account', () => {
    const key = def.authentication.fields.find((f) => f.key === 'api_key');
    expect(key?.type).toBe('password');
    expect(key?.helpText).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(def.authentication.connectionLabel).toBe('{{tool_label}} — {{account}}');
  });

  it('D007: every URL in help text and descriptions is HTTPS', () => {
    const text = JSON.stringify(def);
    expect(text.match(/\]\((http:[^)]+)\)/g) ?? []).toEqual([]);
  });

  it('D028: cleanInputData is explicitly false', () => {
    expect(def.flags?.cleanInputData).toBe(false);
  });
});
