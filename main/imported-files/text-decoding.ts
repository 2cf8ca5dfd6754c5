import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * The encodings accounting software writes its files in, and how they are told apart. The whole file is
 * looked at before any of it is decoded (`EncodingSniffer`, fed chunk by chunk, so a year's FEC is never held
 * whole):
 *
 * 1. NUL bytes mean UTF-16 or a binary file: refused, with the lines concerned.
 * 2. Valid UTF-8 throughout (a BOM or not; plain ASCII included) is UTF-8.
 * 3. Valid UTF-8 multibyte sequences beside bytes that are not UTF-8 are two encodings mixed (a file edited
 *    by hand, a concatenation): reading it either way would garble names, so it is refused with the lines
 *    concerned.
 * 4. Otherwise the file is in a single-byte encoding, Windows-1252 or ISO-8859-15 (ISO-8859-1 being
 *    Windows-1252 without its 0x80–0x9F characters):
 *    - any byte 0x80–0x9F makes it Windows-1252: those are ’ – … € Œ “ ” there, and control characters,
 *      never text, in every ISO-8859 encoding;
 *    - else the eight bytes where ISO-8859-15 differs from ISO-8859-1 decide, by what their neighbours make
 *      plausible (`vote` below): 0xA4 is € in ISO-8859-15 and ¤ in ISO-8859-1, a sign no one writes, so it
 *      counts for ISO-8859-15 wherever it stands ("12,50 €", "€uro"); 0xBC–0xBE (Œ œ Ÿ against ¼ ½ ¾) count for
 *      ISO-8859-15 beside a letter ("cœur") and for ISO-8859-1 beside a digit ("1½ jour"); 0xA6, 0xA8, 0xB8
 *      (Š š ž against ¦ ¨ ¸, which no one writes) count for ISO-8859-15 beside a letter; 0xB4 (Ž against ´)
 *      counts for ISO-8859-15 at the start of a word ("Žan") and for ISO-8859-1 between two letters, where
 *      ´ stands for an apostrophe ("d´Anglais");
 *    - more votes for ISO-8859-15 than for ISO-8859-1 make it ISO-8859-15; else (a tie, no such byte) it is
 *      read as Windows-1252 and named ISO-8859-1, since the two read every byte of such a file the same.
 *
 * Single-byte files are decoded with iconv-lite's tables: Node's own TextDecoder reads 'windows-1252' as
 * ISO-8859-1 when decoding in one call (nodejs/node#56542: ’ came out as U+0092), and Electron's Node may
 * differ from the one the tests run on.
 */
export type TextEncodingName = 'utf-8' | 'iso-8859-1' | 'windows-1252' | 'iso-8859-15';

export type Sniffed = { encoding: TextEncodingName; bom: number } | { badLines: number[]; reason: 'mixed' | 'binary' };

export type Decoded = { text: string; encoding: TextEncodingName } | { badLines: number[]; reason: 'mixed' | 'binary' };

/** Lines named at most in an encoding refusal. */
const MAX_BAD_LINES = 50;

const LF = 0x0a;
const CR = 0x0d;
const enum Kind {
  Other = 0,
  Letter = 1,
  Digit = 2,
}

/** A byte's kind in any single-byte Latin encoding: ASCII letters and 0xC0–0xFF (accented letters) are letters. */
function kindOf(b: number): Kind {
  if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0xc0 && b !== 0xd7 && b !== 0xf7)) return Kind.Letter;
  if (b >= 0x30 && b <= 0x39) return Kind.Digit;
  return Kind.Other;
}

/** +1 when the ISO-8859-15 reading of byte `b` fits between `before` and `after`, -1 when the ISO-8859-1 one does, 0 else. */
function vote(b: number, before: Kind, after: Kind): number {
  const besideLetter = before === Kind.Letter || after === Kind.Letter;
  switch (b) {
    case 0xa4: // € / ¤
      return 1;
    case 0xbc: // Œ / ¼
    case 0xbd: // œ / ½
    case 0xbe: // Ÿ / ¾
      if (besideLetter) return 1;
      return before === Kind.Digit || after === Kind.Digit ? -1 : 0;
    case 0xa6: // Š / ¦
    case 0xa8: // š / ¨
    case 0xb8: // ž / ¸
      return besideLetter ? 1 : 0;
    case 0xb4: // Ž / ´
      if (before === Kind.Letter && after === Kind.Letter) return -1;
      return after === Kind.Letter ? 1 : 0;
    default:
      return 0;
  }
}

const AMBIGUOUS = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);

/**
 * Reads a file's bytes chunk by chunk, as they come, and says at the end which encoding it is in (see the
 * rules above), or why it cannot be read. Holds a few counters, never the bytes: chunks that are valid UTF-8
 * are checked by Node's native isUtf8 and isAscii; only a file that is not UTF-8 is looked at byte by byte.
 * Lines are numbered as the FEC reader numbers them: by LF, or by CR alone in a file whose first line ends
 * with a lone CR (old Mac exports).
 */
export class EncodingSniffer {
  /** Bytes seen, BOM included. */
  private seen = 0;
  private bom = 0;
  /** The first bytes, until the BOM is decided. */
  private head: number[] = [];
  /** The end of the previous chunk when it stopped inside a UTF-8 sequence (fast path). */
  private carry: Uint8Array = new Uint8Array(0);
  /** Once a chunk is not plain valid UTF-8, every byte from there on is looked at. */
  private detailed = false;

  // Line counting: LFs, and CRs not followed by LF; which of the two ends the first line.
  private lf = 0;
  private loneCr = 0;
  private pendingCr = false;
  private style: 'lf' | 'cr' | null = null;

  // UTF-8 validation, byte by byte (detailed path).
  private multibyte = false;
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private seqLines: [number, number] = [0, 0];

  // Single-byte statistics.
  private c1 = 0;
  private votes = 0;
  private previous = Kind.Other;
  /** An ambiguous byte waiting for the next one to be voted on. */
  private ambiguous: { byte: number; before: Kind } | null = null;

  private readonly nulAt: [number, number][] = [];
  private readonly invalidAt: [number, number][] = [];

  push(chunk: Uint8Array): void {
    let data = chunk;
    if (this.seen < 3) data = this.skipBom(data);
    this.seen += chunk.length;
    if (data.length === 0) return;
    if (!this.detailed) {
      const joined = this.carry.length > 0 ? concat(this.carry, data) : data;
      const cut = completeUtf8Length(joined);
      const body = joined.subarray(0, cut);
      if (indexOfByte(body, 0) < 0 && isUtf8(body)) {
        if (!this.multibyte && !isAscii(body)) this.multibyte = true;
        this.countLineEnds(body);
        this.carry = joined.slice(cut);
        return;
      }
      this.detailed = true;
      this.carry = new Uint8Array(0);
      this.scan(joined);
      return;
    }
    this.scan(data);
  }

  result(): Sniffed {
    if (this.seen < 3 && this.head.length > 0) {
      const head = Uint8Array.from(this.head);
      this.head = [];
      this.seen = 3;
      this.push(head);
    }
    if (!this.detailed && this.carry.length > 0) {
      // The file ends inside a UTF-8 sequence: look at those bytes one by one.
      this.detailed = true;
      const rest = this.carry;
      this.carry = new Uint8Array(0);
      this.scan(rest);
    }
    if (this.pendingCr) {
      this.pendingCr = false;
      this.loneCr += 1;
      this.style ??= 'cr';
    }
    if (this.need > 0) this.invalid(this.seqLines);
    if (this.ambiguous) this.votes += vote(this.ambiguous.byte, this.ambiguous.before, Kind.Other);
    this.ambiguous = null;
    if (this.nulAt.length > 0) return { badLines: this.lines(this.nulAt), reason: 'binary' };
    if (this.invalidAt.length === 0) return { encoding: 'utf-8', bom: this.bom };
    if (this.multibyte) return { badLines: this.lines(this.invalidAt), reason: 'mixed' };
    const encoding = this.c1 > 0 ? 'windows-1252' : this.votes > 0 ? 'iso-8859-15' : 'iso-8859-1';
    return { encoding, bom: 0 };
  }

  /** The UTF-8 BOM (EF BB BF) at the very start is not text. */
  private skipBom(data: Uint8Array): Uint8Array {
    const taken = Math.min(3 - this.seen, data.length);
    this.head.push(...data.subarray(0, taken));
    const rest = data.subarray(taken);
    if (this.head.length < 3) return new Uint8Array(0);
    const head = Uint8Array.from(this.head);
    this.head = [];
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      this.bom = 3;
      return rest;
    }
    return concat(head, rest);
  }

  /** Line ends in a chunk known to hold no bad byte, counted with native searches. */
  private countLineEnds(body: Uint8Array): void {
    if (body.length === 0) return;
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (this.pendingCr) {
      this.pendingCr = false;
      if (body[0] !== LF) {
        this.loneCr += 1;
        this.style ??= 'cr';
      }
    }
    const firstLf = buffer.indexOf(LF);
    for (let at = firstLf; at >= 0; at = buffer.indexOf(LF, at + 1)) this.lf += 1;
    let firstLoneCr = -1;
    for (let at = buffer.indexOf(CR); at >= 0; at = buffer.indexOf(CR, at + 1)) {
      if (at + 1 === body.length) this.pendingCr = true;
      else if (body[at + 1] !== LF) {
        this.loneCr += 1;
        if (firstLoneCr < 0) firstLoneCr = at;
      }
    }
    if (this.style === null) {
      if (firstLf >= 0 && (firstLoneCr < 0 || firstLf < firstLoneCr)) this.style = 'lf';
      else if (firstLoneCr >= 0) this.style = 'cr';
    }
  }

  /** Every byte looked at: NULs, UTF-8 sequences, line ends, single-byte statistics. */
  private scan(data: Uint8Array): void {
    for (let i = 0; i < data.length; i += 1) {
      const b = data[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (b !== LF) {
          this.loneCr += 1;
          this.style ??= 'cr';
        }
      }
      if (this.ambiguous) {
        this.votes += vote(this.ambiguous.byte, this.ambiguous.before, kindOf(b));
        this.ambiguous = null;
      }
      if (this.need > 0) {
        if (b >= this.lower && b <= this.upper) {
          this.lower = 0x80;
          this.upper = 0xbf;
          this.need -= 1;
          if (this.need === 0) this.multibyte = true;
          this.singleByte(b);
          continue;
        }
        // The sequence stops short: its lead byte was not UTF-8; this byte is looked at afresh.
        this.need = 0;
        this.lower = 0x80;
        this.upper = 0xbf;
        this.invalid(this.seqLines);
      }
      if (b < 0x80) {
        if (b === LF) {
          this.lf += 1;
          this.style ??= 'lf';
        } else if (b === CR) this.pendingCr = true;
        else if (b === 0) this.record(this.nulAt, this.here());
        this.previous = kindOf(b);
        continue;
      }
      this.seqLines = this.here();
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        this.need = 2;
        if (b === 0xe0) this.lower = 0xa0;
        if (b === 0xed) this.upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        this.need = 3;
        if (b === 0xf0) this.lower = 0x90;
        if (b === 0xf4) this.upper = 0x8f;
      } else this.invalid(this.seqLines);
      this.singleByte(b);
    }
  }

  /** What the byte tells if the file turns out single-byte. */
  private singleByte(b: number): void {
    if (b >= 0x80 && b <= 0x9f) this.c1 += 1;
    else if (AMBIGUOUS.has(b)) this.ambiguous = { byte: b, before: this.previous };
    this.previous = kindOf(b);
  }

  private here(): [number, number] {
    return [this.lf, this.loneCr];
  }

  private invalid(at: [number, number]): void {
    this.record(this.invalidAt, at);
  }

  private record(list: [number, number][], at: [number, number]): void {
    const last = list.at(-1);
    if (list.length >= MAX_BAD_LINES * 4 || (last && last[0] === at[0] && last[1] === at[1])) return;
    list.push(at);
  }

  private lines(list: [number, number][]): number[] {
    const byCr = this.style === 'cr';
    const lines: number[] = [];
    for (const [lf, cr] of list) {
      const line = (byCr ? cr : lf) + 1;
      if (lines.at(-1) !== line) lines.push(line);
    }
    return [...new Set(lines)].slice(0, MAX_BAD_LINES);
  }
}

/** The length of `bytes` without a UTF-8 sequence cut off at its end (at most 3 bytes are left out). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back += 1) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? n - back : n;
    }
  }
  return n;
}

function indexOfByte(bytes: Uint8Array, value: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(value);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** Decodes chunk by chunk: a character cut between two chunks comes out whole with the second. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

export function chunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'utf-8') {
    // ignoreBOM: false drops a leading BOM; the sniffer has checked every byte already.
    const decoder = new TextDecoder('utf-8');
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  // ISO-8859-1 has no printable character at 0x80–0x9F and none of a file named so has such a byte: its
  // bytes read the same through the Windows-1252 table.
  const decoder = iconv.getDecoder(encoding === 'iso-8859-15' ? 'iso-8859-15' : 'windows-1252');
  return { write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), end: () => decoder.end() ?? '' };
}

/** A whole file's text, for the small files read at once (CSV, a preview's head). */
export function decodeText(bytes: Uint8Array): Decoded {
  const sniffer = new EncodingSniffer();
  sniffer.push(bytes);
  const sniffed = sniffer.result();
  if ('badLines' in sniffed) return sniffed;
  const decoder = chunkDecoder(sniffed.encoding);
  return { text: decoder.write(bytes) + decoder.end(), encoding: sniffed.encoding };
}
