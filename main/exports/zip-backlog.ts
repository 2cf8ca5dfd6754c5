import type ExcelJS from 'exceljs';

/**
 * The brake on a streamed sheet. exceljs passes each committed row's XML to the zip without backpressure,
 * and zlib, though it compresses on another thread, resumes on this one between its steps: a loop
 * committing rows faster piles the sheet up in memory (measured: 210 MB of buffers by the end of 100,000
 * bills, against 10 MB with this brake).
 */

/** Rows between two turns of the event loop (measured: 100 lets zlib keep pace; a batch of 1,000 does not). */
export const YIELD_EVERY = 100;
/** How far the zip may fall behind the rows: bytes of sheet XML waiting to be compressed. */
const ZIP_BACKLOG = 4 * 2 ** 20;

interface StreamState {
  length?: number;
}
interface PipedStream {
  writableLength?: number;
  readableLength?: number;
  _writableState?: StreamState;
  _readableState?: StreamState;
}

/**
 * Bytes of a sheet's XML handed to the zip and not compressed yet. Neither library reports that queue, so
 * this reads it where it forms: exceljs's sheet stream `pipes` into the zip entry's stream (a readable-stream
 * PassThrough, whose buffered lengths are its stream state), and keeps its own `buffers` until the entry
 * starts. Should either library change shape, this reads 0 and the export only loses its brake, not its
 * correctness (the exports benchmark prints the peak memory that would show it).
 */
export function zipBacklog(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { stream?: { pipes?: PipedStream[]; buffers?: StreamState[] } }).stream;
  let bytes = 0;
  for (const pipe of stream?.pipes ?? []) {
    bytes += (pipe.writableLength ?? pipe._writableState?.length ?? 0) + (pipe.readableLength ?? pipe._readableState?.length ?? 0);
  }
  for (const buffer of stream?.buffers ?? []) bytes += buffer.length ?? 0;
  return bytes;
}

/** Waits, a millisecond at a time, while the zip is more than ZIP_BACKLOG behind. */
export async function zipCatchUp(sheet: ExcelJS.Worksheet): Promise<void> {
  while (zipBacklog(sheet) > ZIP_BACKLOG) await new Promise((resolve) => setTimeout(resolve, 1));
}
