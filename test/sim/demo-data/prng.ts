/**
 * A small seeded PRNG (sfc32) and the draws the demo data needs. Only 32-bit integer operations
 * (Math.imul, >>>, ^): the same seed gives the same sequence on every machine and Node version, which a
 * generator using Math.random or floats in its state could not promise.
 *
 * Each record is drawn from its own stream, keyed by (seed, stream, id), so bill 123 456 is computed without
 * drawing the 123 455 bills before it: that is what lets the generators stream a million bills in flat memory.
 */

/** Named streams, so that two kinds of record with the same id never share a sequence. */
export const STREAM = {
  customer: 1,
  billPlan: 2,
  bill: 3,
  product: 4,
  extension: 5,
} as const;

/** A 32-bit mix (the murmur3 finaliser): a bijection on uint32, so distinct inputs give distinct outputs. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hashes a few integers (each taken modulo 2^32) into one uint32. */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    // Ids may pass 2^32 in theory; fold the high part in rather than drop it.
    const high = Math.floor(part / 0x1_0000_0000);
    h = mix32(h ^ (part >>> 0)) + 0x9e3779b9;
    if (high !== 0) h = mix32(h ^ (high >>> 0)) + 0x7f4a7c15;
  }
  return mix32(h);
}

export interface Weighted<T> {
  readonly value: T;
  readonly weight: number;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...key: number[]) {
    this.a = hash32(1, ...key);
    this.b = hash32(2, ...key);
    this.c = hash32(3, ...key);
    this.d = hash32(4, ...key);
    // The first outputs of sfc32 still show the seed's structure: skip them, as its author advises.
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** The next uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [min, max], both included. The modulo bias is below 1e-5 for the ranges used here. */
  int(min: number, max: number): number {
    const span = max - min + 1;
    if (!Number.isSafeInteger(span) || span <= 0 || span > 0x1_0000_0000) throw new RangeError(`bad range ${min}..${max}`);
    return min + (this.next() % span);
  }

  /** True with probability numerator / denominator (integers, so no float enters a decision). */
  chance(numerator: number, denominator = 100): boolean {
    return this.int(1, denominator) <= numerator;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new RangeError('pick from an empty list');
    return values[this.int(0, values.length - 1)] as T;
  }

  /** Picks by integer weights. */
  weighted<T>(choices: readonly Weighted<T>[]): T {
    let total = 0;
    for (const choice of choices) total += choice.weight;
    let roll = this.int(1, total);
    for (const choice of choices) {
      roll -= choice.weight;
      if (roll <= 0) return choice.value;
    }
    throw new RangeError('weighted pick from an empty or zero-weight list');
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(values: readonly T[]): T[] {
    const copy = [...values];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy;
  }

  /** `length` lowercase hexadecimal characters. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.next().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}
