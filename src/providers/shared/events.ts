import type { ZObject } from 'zapier-platform-core';
import type { UnifiedEvent } from '../../model/event';
import { isAddress } from '../../model/values';
import { cappedLines, clip } from './errors';

/** Why an event cannot go on into a Zap, or null when it can. */
const unusable = (e: UnifiedEvent): string | null =>
  e.lead.email !== null && !isAddress(e.lead.email) ? `lead.email ${JSON.stringify(clip(e.lead.email, 80))} is not an email address` : null;

/**
 * Events a tool delivered, minus those no Zap can use: a lead email that is not an address
 * (`0`, `a@b@c.com`, `jane @x.com`; `Name <addr>` was already read as `addr`). When none is usable
 * the delivery is refused with an error naming the field; when some are (a Woodpecker batch),
 * the others go on and the refusals are logged, a few lines at most.
 */
export const usableEvents = (z: ZObject, toolLabel: string, events: UnifiedEvent[]): UnifiedEvent[] => {
  const problems = events.map(unusable);
  if (problems.every((p) => p === null)) return events;
  const good = events.filter((_, i) => problems[i] === null);
  const lines = events.flatMap((e, i) => (problems[i] ? [`${toolLabel} ${e.event} event ${clip(e.id, 100)}: ${problems[i]}`] : []));
  if (good.length === 0) {
    throw new z.errors.Error(
      `Sales Connect refused this ${toolLabel} delivery: ${cappedLines(lines, 3).join('; ')}. Check the lead's email in ${toolLabel}.`,
      'UnusableLeadEmail',
      400,
    );
  }
  for (const line of cappedLines(lines)) z.console.log(`Skipped ${line}; the other events were processed.`);
  return good;
};
