import { UnifiedEvent } from '../../src/model/event';

/** Every trigger output must be a valid unified event (docs/ARCHITECTURE.md, "The unified event"). */
export const expectUnified = (events: unknown): UnifiedEvent[] => {
  if (!Array.isArray(events)) throw new Error(`trigger output is not an array: ${JSON.stringify(events)}`);
  return events.map((e) => UnifiedEvent.parse(e));
};
