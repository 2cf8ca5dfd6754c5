import { hash32, mix32, Prng } from './prng';

/**
 * Codes that must be unique (a bill's transaction id, a product's reference) yet look random. The plugin
 * draws them and retries on a clash; a streaming generator cannot look back, so each code carries a
 * bijective scramble of its record's key (mix32 is a permutation of the 32-bit integers) beside random
 * characters: two different keys can never give the same code.
 */

const REFERENCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const TWO_POW_32 = 0x1_0000_0000;

function scrambled(seed: number, salt: number, key: number): number {
  if (!Number.isSafeInteger(key) || key < 0 || key >= TWO_POW_32) throw new RangeError(`demo data: key out of range: ${key}`);
  return mix32((key ^ hash32(seed, salt)) >>> 0);
}

/** 32 lowercase hexadecimal characters, unique per bill. */
export function transactionId(prng: Prng, seed: number, billId: number): string {
  return `${prng.hex(12)}${scrambled(seed, 0x7a, billId).toString(16).padStart(8, '0')}${prng.hex(12)}`;
}

/** The most lines a bill may have: line ordering fits in 4 bits of a product's key. */
export const MAX_BILL_LINES = 16;
/** The most products one bill line may make (seats of a session). */
export const MAX_SEATS_PER_LINE = 64;

/** Two check characters over the 14 others, as the plugin appends to its references. */
function checksum(code: string): string {
  let sum = 0;
  for (let i = 0; i < code.length; i += 1) sum = (sum + code.charCodeAt(i) * (i + 1)) % 1296;
  return sum.toString(36).toUpperCase().padStart(2, '0');
}

/**
 * A product's reference in the plugin's WWWW-XXXX-YYYY-ZZCC form, unique per (bill, line, seat). Derived
 * from those alone, so an extension bill can name the product it extends without the product's id.
 */
export function productReference(seed: number, billId: number, ordering: number, seat: number): string {
  if (ordering < 1 || ordering > MAX_BILL_LINES || seat < 0 || seat >= MAX_SEATS_PER_LINE) {
    throw new RangeError(`demo data: no reference for line ${ordering}, seat ${seat}`);
  }
  const key = ((billId - 1) * MAX_BILL_LINES + (ordering - 1)) * MAX_SEATS_PER_LINE + seat;
  const high = Math.floor(key / TWO_POW_32);
  if (high >= REFERENCE_ALPHABET.length) throw new RangeError(`demo data: bill ${billId} is past the reference space`);
  const unique = scrambled(seed, 0x9f, key % TWO_POW_32)
    .toString(36)
    .toUpperCase()
    .padStart(7, '0');
  const noise = new Prng(seed, 0x9f, billId, ordering, seat).chars(6, REFERENCE_ALPHABET);
  const body = `${noise.slice(0, 3)}${unique}${REFERENCE_ALPHABET[high]}${noise.slice(3)}`;
  const code = body + checksum(body);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12, 16)}`;
}
