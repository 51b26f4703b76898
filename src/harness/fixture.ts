import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ToolId } from '../model/schemas';

/** A recorded or documented webhook delivery (docs/ARCHITECTURE.md, "Fixture format"). */
export const Fixture = z.object({
  tool: ToolId,
  description: z.string(),
  source: z.string(),
  request: z.object({
    method: z.string().default('POST'),
    headers: z.record(z.string(), z.string()).default({}),
    querystring: z.union([z.record(z.string(), z.string()), z.string()]).default({}),
    body: z.unknown().optional(),
    /** Exact bytes, when they matter (signatures). Replaces `body`. */
    rawBody: z.string().optional(),
  }),
  received_at: z.string().datetime(),
  subscription: z.record(z.string(), z.unknown()).default({}),
  inputData: z.record(z.string(), z.unknown()).default({}),
  /** Outbound calls the trigger makes while handling the delivery, served by nock. */
  http: z
    .array(
      z.object({
        method: z.string().default('GET'),
        url: z.string().url(),
        status: z.number().int(),
        body: z.unknown().optional(),
        headers: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
  /**
   * Partial unified events, in any order; exactly this many must be emitted (`[]`: none).
   * Absent: the fixture is unchecked (a fresh recording) — its events are shown, not judged.
   */
  expect: z.array(z.record(z.string(), z.unknown())).optional(),
  /** Instead of events: the delivery must be refused with an error containing this text. */
  expect_error: z.string().optional(),
});
export type Fixture = z.infer<typeof Fixture>;

/** Why a path given to replay / send yields no fixture, or null when it yields some. */
export const whyNoFixtures = (path: string): string | null => {
  if (!existsSync(path)) return `${path}: no such file or directory`;
  if (!statSync(path).isDirectory()) {
    return path.endsWith('.json') ? null : `${path}: not a fixture (fixtures are .json files, see test/fixtures/<tool>/)`;
  }
  return fixtureFiles(path).length ? null : `${path}: no .json fixtures in this folder or below it`;
};

/** Every *.json file at or under `path`, sorted. */
export const fixtureFiles = (path: string): string[] => {
  if (!statSync(path).isDirectory()) return path.endsWith('.json') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => fixtureFiles(join(path, name)));
};

/** Every *.json under the given files/directories, sorted, as [path, parsed fixture] or [path, why not]. */
export const loadFixtures = (paths: string[]): { path: string; fixture?: Fixture; error?: string }[] =>
  paths.flatMap(fixtureFiles).map((path) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      return { path, error: `not JSON: ${(err as Error).message}` };
    }
    const parsed = Fixture.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { path, error: `not a valid fixture: ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
    }
    return { path, fixture: parsed.data };
  });
