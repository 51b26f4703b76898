/**
 * The clock signature age checks read. In Zapier it is the real time; the replay harness pins
 * it to a fixture's `received_at` so a recorded delivery verifies as it did when it arrived.
 */
let pinned: number | null = null;

export const now = (): number => pinned ?? Date.now();

export const withPinnedClock = async <T>(at: Date, run: () => Promise<T>): Promise<T> => {
  const previous = pinned;
  pinned = at.getTime();
  try {
    return await run();
  } finally {
    pinned = previous;
  }
};
