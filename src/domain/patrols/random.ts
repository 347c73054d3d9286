/**
 * Seeded pseudo-random numbers for reproducible plans. The same seed string
 * always yields the same sequence, so a stored seed re-creates a stored plan.
 * Not for anything secret: the generator is xorshift32 and easy to predict.
 */
export interface SeededRandom {
  /** Returns a number in [0, 1). */
  next(): number;
  /** Returns an integer in [0, bound). */
  nextInt(bound: number): number;
  /** Shuffles a copy of `items` (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** 32-bit FNV-1a hash of the string's UTF-16 code units. */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function createRandom(seed: string): SeededRandom {
  // xorshift32 has a fixed point at 0, so a zero hash gets a fixed odd state.
  let state = hashSeed(seed) || 0x9e3779b9;

  const step = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  // Seeds that differ in one character start from close states; a few
  // rounds spread them apart before the first value is used.
  for (let i = 0; i < 8; i += 1) step();

  const next = (): number => step() / 0x1_0000_0000;
  const nextInt = (bound: number): number => Math.floor(next() * bound);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = nextInt(i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };

  return { next, nextInt, shuffle };
}
