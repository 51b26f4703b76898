import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ToolId } from '../model/schemas';

/** A recorded or documented webhook delivery (DESIGN §4). */
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
  /** Partial unified events, in any order; exactly this many must be emitted. */
  expect: z.array(z.record(z.string(), z.unknown())).default([]),
  /** Instead of events: the delivery must be refused with an error containing this text. */
  expect_error: z.string().optional(),
});
export type Fixture = z.infer<typeof Fixture>;

/** Every *.json under the given files/directories, sorted, as [path, parsed fixture]. */
export const loadFixtures = (paths: string[]): { path: string; fixture?: Fixture; error?: string }[] => {
  const files: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (p.endsWith('.json')) {
      files.push(p);
    }
  };
  for (const p of paths) walk(p);
  return files.map((path) => {
    try {
      const parsed = Fixture.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { path, error: `not a valid fixture: ${issue?.path.join('.')}: ${issue?.message}` };
      }
      return { path, fixture: parsed.data };
    } catch (err) {
      return { path, error: `cannot read: ${(err as Error).message}` };
    }
  });
};
