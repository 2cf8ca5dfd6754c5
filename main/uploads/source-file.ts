import path from 'node:path';
import { refusal } from '../../shared/errors/error-text';
import type { CallContext } from '../core/commands';
import type { StagedUploads } from './staged-uploads';

/**
 * The file a command reads: a path on disk for the command line and scripts, or what a window sent with
 * uploads.*. A window names only its uploads, never a path: whatever runs in a page then reads no file the
 * operator did not pick.
 */
export function sourceFile(uploads: StagedUploads, source: { file: string } | { upload: string }, context: CallContext): string {
  if ('upload' in source) return uploads.file(source.upload);
  if (context.transport === 'ipc' || context.transport === 'http') {
    throw refusal('invalid_input', 'upload.pathFromWindow', {});
  }
  if (!path.isAbsolute(source.file)) throw refusal('invalid_input', 'file.pathRelative', { file: source.file });
  return source.file;
}
