/**
 * The part of archiver 5 (the zip writer exceljs uses, a dependency of this app) that serve-download.ts uses:
 * the package ships no types and @types/archiver is not installed.
 */
declare module 'archiver' {
  import type { EventEmitter } from 'node:events';

  interface Archiver extends EventEmitter {
    pipe<T extends NodeJS.WritableStream>(destination: T): T;
    file(file: string, data: { name: string }): this;
    finalize(): Promise<void>;
    abort(): this;
  }

  function archiver(format: 'zip', options?: { store?: boolean; zlib?: { level?: number } }): Archiver;
  export default archiver;
}
