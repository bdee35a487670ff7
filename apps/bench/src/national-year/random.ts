/**
 * A small seeded PRNG (mulberry32) and the draws the simulation needs. The seed is printed with
 * every run, so a run repeats exactly: the same people, at the same simulated moments.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    },
  };
}

export function chance(random: Random, p: number): boolean {
  return random.next() < p;
}

export function between(random: Random, min: number, max: number): number {
  return min + random.next() * (max - min);
}

export function wholeBetween(random: Random, min: number, max: number): number {
  return Math.floor(between(random, min, max + 1));
}

/** One of `weights`' keys, in proportion to its weight. */
export function weighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let left = random.next() * total;
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** An exponential waiting time with this mean (Poisson arrivals, memoryless answers). */
export function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random.next()) * mean;
}

/**
 * A log-normal time with this median and a 95th percentile: people mostly answer near the median,
 * a few much later (the long tail that matters at night).
 */
export function logNormal(random: Random, median: number, p95: number): number {
  const sigma = Math.log(p95 / median) / 1.6449;
  const u1 = Math.max(random.next(), 1e-12);
  const u2 = random.next();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(sigma * normal);
}
