import { z } from 'zod';
import { command } from './define';

/** Bytes per uploads.append: 4 MiB, well under browser mode's 10 MB request cap once in base64. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/**
 * The largest file a window may hand to the core: a fiscal year's FEC of a large ledger fits, and the text
 * of the file stays well under what one JavaScript string can hold (about 512 million characters).
 */
export const UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

export const uploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * A file the operator picked in a window, sent to the core in chunks so that neither transport carries it
 * whole (browser mode caps a request at 10 MB; Electron's IPC would clone it at once). The staged copy lives
 * in the data folder until the command that reads it is done, or a day at most.
 */
export const uploadsCommands = {
  'uploads.begin': command(
    'Start sending a file picked in a window; its bytes follow with uploads.append',
    z
      .object({
        name: z.string().trim().min(1).max(255),
        size: z
          .number()
          .int()
          .min(0)
          .max(UPLOAD_MAX_BYTES, { message: 'Files over 256 MB cannot be read here. Split the file (a FEC by period, for instance).' }),
      })
      .strict(),
    z.object({ id: uploadIdSchema, chunkBytes: z.number().int() }),
  ),
  'uploads.append': command(
    'Add the next chunk of an upload (offset: the bytes already received, so a resent chunk is refused, not doubled)',
    z
      .object({
        id: uploadIdSchema,
        offset: z.number().int().min(0),
        base64: z.base64().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
      })
      .strict(),
    z.object({ received: z.number().int(), complete: z.boolean() }),
  ),
  'uploads.discard': command(
    'Forget an upload and delete its staged copy (the operator picked another file, or closed the dialog)',
    z.object({ id: uploadIdSchema }).strict(),
    z.object({ id: uploadIdSchema }),
  ),
};
