import fs from 'node:fs';
import path from 'node:path';
import { EncodingSniffer, chunkDecoder, type Sniffed, type TextEncodingName } from './text-decoding';
import { LineSplitter } from './line-splitter';

/** Bytes read at a time: small enough that the work on one chunk leaves the event loop free within ~20 ms. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * A file to read, from disk or from bytes already in memory (a small file a window sent inline), that can be
 * read more than once and chunk by chunk: nothing needs to hold it whole.
 */
export interface ByteSource {
  readonly name: string;
  readonly size: number;
  /** The first bytes, for format detection. */
  head(bytes: number): Promise<Uint8Array>;
  chunks(chunkBytes?: number): AsyncIterable<Uint8Array>;
  /** The whole file, for the formats read at once (CSV, XLSX). */
  all(): Promise<Uint8Array>;
}

export function fileSource(file: string): ByteSource {
  const size = fs.statSync(file).size;
  return {
    name: path.basename(file),
    size,
    head: async (bytes) => {
      const handle = await fs.promises.open(file, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(bytes, size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    chunks: (chunkBytes = CHUNK_BYTES) => fs.createReadStream(file, { highWaterMark: chunkBytes }),
    all: async () => fs.promises.readFile(file),
  };
}

export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    head: async (n) => bytes.subarray(0, n),
    chunks: (chunkBytes = CHUNK_BYTES) =>
      (async function* () {
        for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
      })(),
    all: async () => bytes,
  };
}

/** What a long read is told between chunks: how far it is, and whether to stop. */
export interface ReadControl {
  /** Bytes of this pass read so far, of the source's size. */
  progress?(done: number, total: number): void;
  /** Called between chunks; throws to stop the read (a cancel). */
  checkpoint?(): void;
  chunkBytes?: number;
}

/** Lets the event loop run between two chunks: other commands are answered, a cancel gets dispatched. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Which encoding the source is in (or why it cannot be read), from one pass over its bytes. */
export async function sniffSource(source: ByteSource, control: ReadControl = {}): Promise<Sniffed> {
  const sniffer = new EncodingSniffer();
  let done = 0;
  for await (const chunk of source.chunks(control.chunkBytes)) {
    sniffer.push(chunk as Uint8Array);
    done += (chunk as Uint8Array).length;
    control.progress?.(done, source.size);
    control.checkpoint?.();
    await yieldToEventLoop();
  }
  return sniffer.result();
}

/**
 * Reads the source's lines in the given encoding, decoding chunk by chunk (a character cut between two
 * chunks comes out whole) and handing each line over with its number. `afterChunk` runs once the lines of a
 * chunk are handed over, before the event loop is let run: the caller writes what it gathered there.
 * `onLine` returns false to stop reading (a header that is not a FEC's: the rest need not be read).
 */
export async function readLines(
  source: ByteSource,
  encoding: TextEncodingName,
  onLine: (text: string, line: number) => boolean | void,
  control: ReadControl & { afterChunk?(): void } = {},
): Promise<{ lineEnds: 'lf' | 'cr' | null }> {
  const decoder = chunkDecoder(encoding);
  let stopped = false;
  const splitter = new LineSplitter((text, line) => {
    if (!stopped && onLine(text, line) === false) stopped = true;
  });
  let done = 0;
  for await (const chunk of source.chunks(control.chunkBytes)) {
    splitter.push(decoder.write(chunk as Uint8Array));
    done += (chunk as Uint8Array).length;
    control.afterChunk?.();
    control.progress?.(done, source.size);
    if (stopped) return { lineEnds: splitter.lineEnds };
    control.checkpoint?.();
    await yieldToEventLoop();
  }
  splitter.push(decoder.end());
  splitter.end();
  control.afterChunk?.();
  return { lineEnds: splitter.lineEnds };
}
