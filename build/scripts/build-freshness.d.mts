// Types of build-freshness.mjs (a build script in plain JavaScript), for its test.
export interface Build {
  output: string;
  extraOutputs?: readonly string[];
  sources: readonly string[];
  script?: string;
}
export const BUILDS: Readonly<Record<'renderer' | 'electron', Build>>;
export function newestSource(entry: string): number;
export function staleReason(root: string, build: Build): string | null;
