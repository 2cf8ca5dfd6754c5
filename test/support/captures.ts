import fs from 'node:fs';
import path from 'node:path';

/** The real Moodle 5.0 captures beside the repository (../shared/moodle-ws). */
export const CAPTURES_DIR = path.resolve(import.meta.dirname, '../../../shared/moodle-ws');

export interface Capture {
  file: string;
  function: string;
  request_params: [string, string][];
  http_status: number;
  response_content_type: string;
  response_body: string;
  note: string;
  site_debug_setting?: string;
}

export function loadCapture(file: string): Capture {
  const raw = JSON.parse(fs.readFileSync(path.join(CAPTURES_DIR, file), 'utf8')) as Omit<Capture, 'file'>;
  return { file, ...raw };
}

export function listCaptures(): string[] {
  return fs
    .readdirSync(CAPTURES_DIR)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .sort();
}
