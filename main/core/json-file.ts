import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/**
 * Small JSON documents (settings, the profile list). Written to a temporary file and renamed, so a crash
 * mid-write leaves the previous version. A file that no longer parses is moved aside, never overwritten:
 * the operator (or support) can still recover it.
 */
export function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  fallback: () => z.output<S>,
  onProblem?: (message: string) => void,
): z.output<S> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback();
    throw error;
  }
  let parsed: ReturnType<S['safeParse']>;
  try {
    parsed = schema.safeParse(JSON.parse(text)) as ReturnType<S['safeParse']>;
  } catch {
    parsed = { success: false } as ReturnType<S['safeParse']>;
  }
  if (parsed.success) return parsed.data as z.output<S>;
  const aside = `${file}.unreadable-${Date.now()}`;
  fs.renameSync(file, aside);
  onProblem?.(`${path.basename(file)} could not be read and was moved to ${path.basename(aside)}; defaults are used.`);
  return fallback();
}

export function writeJsonFileAtomic(file: string, value: unknown, mode = 0o600): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = fs.openSync(temporary, 'w', mode);
  try {
    fs.writeSync(handle, JSON.stringify(value, null, 2) + '\n');
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temporary, file);
}
