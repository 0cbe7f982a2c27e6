/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so that every run of
 * the bench generates the same data from the same seed, on any machine and any Node version.
 */
export type Random = {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  /** One of the keys, in proportion to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** A version-4-shaped UUID made of the generator's bits (deterministic, unlike crypto.randomUUID). */
  uuid(): string;
};

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

// Running sums of each list of weights, computed once per list.
const sumsOf = new WeakMap<readonly unknown[], number[]>();
function cumulative(choices: readonly (readonly [unknown, number])[]): number[] {
  let sums = sumsOf.get(choices);
  if (!sums) {
    let total = 0;
    sums = choices.map(([, w]) => (total += w));
    sumsOf.set(choices, sums);
  }
  return sums;
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function seededRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4_294_967_296;
  const byte = (w: number, shift: number) => hex[(w >>> shift) & 0xff]!;
  const word = (w: number) => byte(w, 24) + byte(w, 16) + byte(w, 8) + byte(w, 0);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    weighted(choices) {
      const sums = cumulative(choices);
      const r = next() * sums[sums.length - 1]!;
      let i = 0;
      while (i < sums.length - 1 && r >= sums[i]!) i++;
      return choices[i]![0];
    },
    uuid() {
      const w1 = u32();
      const w2 = (u32() & 0xffff0fff) | 0x00004000; // version 4
      const w3 = (u32() & 0x3fffffff) | 0x80000000; // variant 10
      const w4 = u32();
      const s2 = word(w2);
      const s3 = word(w3);
      return `${word(w1)}-${s2.slice(0, 4)}-${s2.slice(4)}-${s3.slice(0, 4)}-${s3.slice(4)}${word(w4)}`;
    },
  };
}
