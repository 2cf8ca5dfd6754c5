/**
 * The rows of a server-side list that the screen has asked for, kept by window (a fixed run of positions
 * requested with one offset/limit call). A list of a million rows is never held: windows far from view are
 * dropped, least recently shown first.
 *
 * Every request is stamped with the cache's generation. A new query (filter, sort) or a refresh starts a new
 * generation, so an answer to an older request, arriving late, is recognised and dropped: it would put rows
 * of the previous query, or rows from before a change, back on screen.
 */
export interface WindowAnswer<R> {
  rows: readonly R[];
  total: number;
}

interface Window<R> {
  rows: readonly R[];
  /** False after a refresh until read again: still shown, but requested again. */
  fresh: boolean;
  lastShown: number;
}

export class WindowCache<R> {
  private windows = new Map<number, Window<R>>();
  private inFlight = new Set<number>();
  private gen = 0;
  private clock = 0;
  /** How many rows match, from the latest answer; null before the first one. */
  total: number | null = null;

  constructor(
    readonly windowSize = 100,
    private readonly maxWindows = 40,
  ) {}

  get generation(): number {
    return this.gen;
  }

  /** Another query: every row known is about other rows. */
  reset(): void {
    this.gen++;
    this.windows.clear();
    this.inFlight.clear();
    this.total = null;
  }

  /** Same query, data changed: rows stay on screen until their window is read again. */
  invalidate(): void {
    this.gen++;
    this.inFlight.clear();
    for (const window of this.windows.values()) window.fresh = false;
  }

  /** The offsets to request so that positions first..last are on hand; they count as requested from now. */
  claim(first: number, last: number): { generation: number; offsets: number[] } {
    const offsets: number[] = [];
    // An empty list still has its first window: after a refresh it is read again, or rows arriving in an
    // empty list (a first sync) would never show.
    const end = this.total === null ? last : Math.min(last, Math.max(this.total, 1) - 1);
    if (end < first && this.total !== null) return { generation: this.gen, offsets };
    const tick = ++this.clock;
    for (let index = this.indexOf(Math.max(0, first)); index <= this.indexOf(Math.max(first, end, 0)); index++) {
      const window = this.windows.get(index);
      if (window) window.lastShown = tick;
      if ((window?.fresh ?? false) || this.inFlight.has(index)) continue;
      this.inFlight.add(index);
      offsets.push(index * this.windowSize);
    }
    return { generation: this.gen, offsets };
  }

  /** Stores an answer; false (and nothing stored) when it answers a request of an earlier generation. */
  accept(generation: number, offset: number, answer: WindowAnswer<R>): boolean {
    if (generation !== this.gen) return false;
    const index = this.indexOf(offset);
    this.inFlight.delete(index);
    this.windows.set(index, { rows: answer.rows, fresh: true, lastShown: ++this.clock });
    this.total = answer.total;
    this.evict();
    return true;
  }

  /** A request failed: the window may be requested again. */
  release(generation: number, offset: number): void {
    if (generation === this.gen) this.inFlight.delete(this.indexOf(offset));
  }

  get(position: number): R | undefined {
    return this.windows.get(this.indexOf(position))?.rows[position % this.windowSize];
  }

  /** Whether every position first..last is on hand (possibly stale). */
  holds(first: number, last: number): boolean {
    for (let index = this.indexOf(first); index <= this.indexOf(last); index++) if (!this.windows.has(index)) return false;
    return true;
  }

  private indexOf(position: number): number {
    return Math.floor(position / this.windowSize);
  }

  private evict(): void {
    if (this.windows.size <= this.maxWindows) return;
    const oldest = [...this.windows.entries()].sort((a, b) => a[1].lastShown - b[1].lastShown);
    for (const [index] of oldest.slice(0, this.windows.size - this.maxWindows)) this.windows.delete(index);
  }
}
