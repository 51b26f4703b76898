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
