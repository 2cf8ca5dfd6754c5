/** One web service call as the operator (and support) may need to see it. Never the token, never parameters. */
export interface CallRecord {
  at: number;
  function: string;
  ms: number;
  /** 'ok' or the error code of the final outcome. */
  outcome: string;
  attempts: number;
}

export interface CallStats {
  /** Calls made by the code (one per `call()`), whatever their retries. */
  calls: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  failures: number;
  totalMs: number;
  byFunction: Record<string, { calls: number; totalMs: number }>;
}

/** The last calls (a ring, so memory stays flat over a long sync) and counters that benchmarks read. */
export class CallLog {
  private readonly ring: CallRecord[] = [];
  private readonly counters: CallStats = { calls: 0, requests: 0, failures: 0, totalMs: 0, byFunction: {} };

  constructor(private readonly capacity = 500) {}

  request(): void {
    this.counters.requests += 1;
  }

  record(entry: CallRecord): void {
    this.counters.calls += 1;
    this.counters.totalMs += entry.ms;
    if (entry.outcome !== 'ok') this.counters.failures += 1;
    const perFunction = (this.counters.byFunction[entry.function] ??= { calls: 0, totalMs: 0 });
    perFunction.calls += 1;
    perFunction.totalMs += entry.ms;
    this.ring.push(entry);
    if (this.ring.length > this.capacity) this.ring.shift();
  }

  recent(): readonly CallRecord[] {
    return this.ring;
  }

  stats(): CallStats {
    return structuredClone(this.counters);
  }
}
