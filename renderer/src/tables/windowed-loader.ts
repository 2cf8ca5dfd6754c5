import { WindowCache, type WindowAnswer } from './window-cache';

export type FetchWindow<R> = (offset: number, limit: number) => Promise<WindowAnswer<R>>;

/**
 * Drives a WindowCache: asks for the windows the screen shows, drops late answers, and reports changes so
 * React can render again. Plain TypeScript, so its behaviour is tested without a DOM.
 */
export class WindowedLoader<R> {
  private first = 0;
  private last = 0;
  private failure: unknown = null;
  private fetchWindow: FetchWindow<R> | null = null;
  /** Bumped whenever the rows held change; the slice below is kept until it moves. */
  private changes = 0;
  private lastSlice: { first: number; last: number; changes: number; rows: R[] } | null = null;
  /** Reads sent and not answered yet, whatever their query. */
  private running = 0;
  /** A query was set while reads were running: it is read when they have all answered. */
  private waiting = false;

  private readonly onChange: () => void;

  constructor(
    onChange: () => void,
    readonly cache: WindowCache<R> = new WindowCache<R>(),
  ) {
    this.onChange = () => {
      this.changes++;
      onChange();
    };
  }

  /** Counts the queries set: a new one means other rows, shown from the top. */
  queries = 0;

  get total(): number | null {
    return this.cache.total;
  }

  get error(): unknown {
    return this.failure;
  }

  get(position: number): R | undefined {
    return this.cache.get(position);
  }

  /**
   * The rows held among positions first..last, in order (those not loaded yet left out). The same array
   * comes back until rows change or the range moves, so a table built on it does not rebuild its model on
   * every render.
   */
  slice(first: number, last: number): R[] {
    const kept = this.lastSlice;
    if (kept && kept.first === first && kept.last === last && kept.changes === this.changes) return kept.rows;
    const rows: R[] = [];
    for (let position = first; position <= last; position++) {
      const row = this.cache.get(position);
      if (row !== undefined) rows.push(row);
    }
    this.lastSlice = { first, last, changes: this.changes, rows };
    return rows;
  }

  /**
   * Another query: forget the rows, read from the top. While reads of an earlier query are still running,
   * the new one waits for them and only the latest query set meanwhile is read: the core answers one read at
   * a time, so reads sent per keystroke would queue up and the last one, the one the operator waits on,
   * would be answered after all the others.
   */
  setQuery(fetchWindow: FetchWindow<R>): void {
    this.fetchWindow = fetchWindow;
    this.queries++;
    this.cache.reset();
    this.failure = null;
    // Back to the top, with as many rows as the screen showed.
    this.last -= this.first;
    this.first = 0;
    this.onChange();
    if (this.running > 0) this.waiting = true;
    else this.load();
  }

  /** The positions on screen (with some margin) changed. */
  show(first: number, last: number): void {
    this.first = first;
    this.last = last;
    this.load();
  }

  /** The data changed on the core's side: read again what is shown, keeping it on screen meanwhile. */
  refresh(): void {
    this.cache.invalidate();
    this.load();
  }

  /**
   * The rows first..last, loading the windows missing (for a Shift range over rows scrolled past). Null when
   * the query changed meanwhile, or a window could not be read.
   */
  async rows(first: number, last: number): Promise<R[] | null> {
    const fetchWindow = this.fetchWindow;
    if (!fetchWindow) return null;
    const generation = this.cache.generation;
    const size = this.cache.windowSize;
    const rows: R[] = [];
    // Rows are taken as each window comes, not from the cache at the end: a long range loads more windows
    // than the cache keeps, and the first ones would be evicted by then.
    for (let offset = first - (first % size); offset <= last; offset += size) {
      let windowRows: readonly (R | undefined)[];
      if (this.cache.holds(offset, offset)) {
        windowRows = Array.from({ length: size }, (_, k) => this.cache.get(offset + k));
      } else {
        try {
          const answer = await fetchWindow(offset, size);
          if (!this.cache.accept(generation, offset, answer)) return null;
          windowRows = answer.rows;
        } catch {
          return null;
        }
      }
      for (let position = Math.max(first, offset); position <= Math.min(last, offset + size - 1); position++) {
        const row = windowRows[position - offset];
        if (row === undefined) return null;
        rows.push(row);
      }
    }
    return generation === this.cache.generation ? rows : null;
  }

  private load(): void {
    const fetchWindow = this.fetchWindow;
    if (!fetchWindow || this.waiting) return;
    const { generation, offsets } = this.cache.claim(this.first, this.last);
    for (const offset of offsets) {
      this.running++;
      fetchWindow(offset, this.cache.windowSize)
        .finally(() => {
          this.running--;
          if (this.running === 0 && this.waiting) {
            this.waiting = false;
            this.load();
          }
        })
        .then(
          (answer) => {
            if (!this.cache.accept(generation, offset, answer)) return;
            this.failure = null;
            this.onChange();
            // The first answer tells the total: positions asked for beyond it are dropped, those within it
            // and not yet requested (the first claim did not know the total) are requested now.
            this.load();
          },
          (error: unknown) => {
            this.cache.release(generation, offset);
            if (generation !== this.cache.generation) return;
            this.failure = error;
            this.onChange();
          },
        );
    }
  }
}
