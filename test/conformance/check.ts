import { isDeepStrictEqual } from 'node:util';
import type { Fixtures } from './fixtures';
import type { SiteUnderTest } from './site-under-test';

/**
 * A conformance check: one property of docs/shop-api.md, run against a live site through its public API.
 *
 * Properties about what a sync serves after a write cannot be seen at once: the site holds changes back for
 * its settling window. Such a check writes in `run` and returns a verification; the runner waits for the
 * window once, for every check together, then runs the verifications. The suite waits a few seconds in all,
 * not a window per check.
 */
export type Verification = () => Promise<void>;

export interface ConformanceContext {
  site: SiteUnderTest;
  fixtures: Fixtures;
}

export interface Check {
  name: string;
  run(context: ConformanceContext): Promise<Verification | void>;
}

/** A property that does not hold: the message says what was expected and what the site answered. */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

/** The check cannot run against this site as called (a missing option): reported, not counted. */
export class CheckSkipped extends Error {
  override name = 'CheckSkipped';
}

export function fail(message: string): never {
  throw new ConformanceFailure(message);
}

/** A value for a failure message: JSON, cut short so that one line stays readable. */
export function show(value: unknown, max = 300): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Where two values differ, leaf by leaf (`bill.history[2].note`), for a message that points at it. */
export function differences(got: unknown, expected: unknown, path = ''): { path: string; got: unknown; expected: unknown }[] {
  if (isDeepStrictEqual(got, expected)) return [];
  if (!isRecord(got) || !isRecord(expected) || Array.isArray(got) !== Array.isArray(expected)) return [{ path, got, expected }];
  if (Array.isArray(got) && Array.isArray(expected) && got.length !== expected.length) {
    return [{ path: `${path}.length`, got: got.length, expected: expected.length }];
  }
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(got)])];
  return keys.flatMap((key) =>
    differences(got[key], expected[key], Array.isArray(got) ? `${path}[${key}]` : path ? `${path}.${key}` : key),
  );
}

export function expectEqual(what: string, got: unknown, expected: unknown): void {
  const found = differences(got, expected);
  const first = found[0];
  if (!first) return;
  if (first.path === '') {
    fail(
      got === undefined ? `${what}: got nothing, expected ${show(expected, 160)}` : `${what}: expected ${show(expected)}, got ${show(got)}`,
    );
  }
  const more =
    found.length > 1
      ? ` (and ${found.length - 1} more: ${found
          .slice(1, 4)
          .map((d) => d.path)
          .join(', ')})`
      : '';
  fail(`${what}: at ${first.path}, expected ${show(first.expected)}, got ${show(first.got)}${more}`);
}

export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) fail(message);
}
