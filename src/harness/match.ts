/** Every field listed in `expected` must equal the one in `actual` (recursively); lists what differs. */
export const partialMismatches = (expected: unknown, actual: unknown, path = ''): string[] => {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return [`${path || '(root)'}: expected an object, got ${JSON.stringify(actual)}`];
    }
    return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) =>
      partialMismatches(value, (actual as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
    );
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    }
    return expected.flatMap((item, i) => partialMismatches(item, actual[i], `${path}[${i}]`));
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
};

/**
 * Pairs each expectation with a distinct emitted event (any order). Returns the problems:
 * a count that differs, or, per expectation, the closest event's mismatching fields.
 */
export const matchExpectations = (expected: Record<string, unknown>[], events: unknown[]): string[] => {
  const problems: string[] = [];
  if (expected.length !== events.length) {
    problems.push(`expected ${expected.length} event(s), got ${events.length}`);
  }
  const free = new Set(events.map((_, i) => i));
  expected.forEach((exp, i) => {
    let best: { index: number; misses: string[] } | null = null;
    for (const j of free) {
      const misses = partialMismatches(exp, events[j]);
      if (!best || misses.length < best.misses.length) best = { index: j, misses };
      if (misses.length === 0) break;
    }
    if (!best) return;
    if (best.misses.length === 0) free.delete(best.index);
    else problems.push(`expect[${i}]: ${best.misses.join('; ')}`);
  });
  return problems;
};

/**
 * The event an expectation is about: its `event`, else the one its `id` names (unified ids are
 * `<tool>:<event>:<…>`), else undefined — an expectation that names neither could be any event.
 */
export const eventOfExpectation = (expected: Record<string, unknown>, eventTypes: readonly string[]): string | undefined => {
  if (typeof expected.event === 'string') return expected.event;
  const fromId = typeof expected.id === 'string' ? expected.id.split(':')[1] : undefined;
  return fromId !== undefined && eventTypes.includes(fromId) ? fromId : undefined;
};

/**
 * Replay through one trigger (`--trigger KEY`): the expectations about KEY's event must all be
 * met, exactly; an expectation about no particular event may be met by one of KEY's events or
 * belong to another trigger, so it is neither required nor refused. Any other event is extra.
 */
export const matchTriggerExpectations = (trigger: string, expected: Record<string, unknown>[], events: unknown[], eventTypes: readonly string[]): string[] => {
  const mine = expected.filter((e) => eventOfExpectation(e, eventTypes) === trigger);
  const open = expected.filter((e) => eventOfExpectation(e, eventTypes) === undefined);
  if (open.length === 0) return matchExpectations(mine, events);
  const problems: string[] = [];
  const free = new Set(events.map((_, i) => i));
  mine.forEach((exp, i) => {
    const hit = [...free].find((j) => partialMismatches(exp, events[j]).length === 0);
    if (hit === undefined) problems.push(`expect (${trigger}) #${i + 1}: no ${trigger} event matches ${JSON.stringify(exp)}`);
    else free.delete(hit);
  });
  const unclaimed = new Set(open.map((_, i) => i));
  for (const j of free) {
    const k = [...unclaimed].find((i) => partialMismatches(open[i], events[j]).length === 0);
    if (k === undefined) problems.push(`unexpected event from ${trigger}: ${JSON.stringify((events[j] as { id?: unknown })?.id ?? events[j])}`);
    else unclaimed.delete(k);
  }
  return problems;
};
