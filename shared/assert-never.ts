/**
 * The end of an exhaustive switch: TypeScript refuses the call while a case is left out, and a value no type
 * foresaw (a row written by a newer version) fails loudly with what it was.
 */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
